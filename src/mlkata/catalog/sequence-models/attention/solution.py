import numpy as np


def attention(Q, K, V, mask=None):
    Q = np.asarray(Q, dtype=float)
    K = np.asarray(K, dtype=float)
    V = np.asarray(V, dtype=float)
    d = Q.shape[-1]
    # Transpose only the last two axes of K: (..., Tk, d) -> (..., d, Tk).
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d)          # (..., Tq, Tk)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)              # exp(-inf) is exactly 0
    scores = scores - scores.max(axis=-1, keepdims=True)      # finite: no row is fully masked
    e = np.exp(scores)
    weights = e / e.sum(axis=-1, keepdims=True)               # softmax over the keys
    return weights @ V, weights
