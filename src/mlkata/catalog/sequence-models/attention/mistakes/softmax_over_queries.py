import numpy as np

MESSAGE = ("Your softmax normalises over the queries (axis −2). Each query distributes its "
           "attention over the keys: take the max and the sum along the last axis (axis=-1).")


def attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-2, keepdims=True))
    weights = e / e.sum(axis=-2, keepdims=True)
    return weights @ V, weights
