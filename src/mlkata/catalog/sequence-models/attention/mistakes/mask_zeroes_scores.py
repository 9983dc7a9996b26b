import numpy as np

MESSAGE = ("You set masked scores to 0, but exp(0) = 1: masked keys still get weight. A masked "
           "score must be −inf (np.where(mask, scores, -np.inf)) so that its weight is exactly 0.")


def attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = scores * mask
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights
