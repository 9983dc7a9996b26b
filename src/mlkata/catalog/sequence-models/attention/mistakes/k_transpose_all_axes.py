import numpy as np

MESSAGE = ("K.T reverses every axis, so with batch dimensions (B, Tk, d) becomes (d, Tk, B). "
           "Transpose only the last two: np.swapaxes(K, -1, -2), or K.swapaxes(-1, -2).")


def attention(Q, K, V, mask=None):
    scores = Q @ K.T / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights
