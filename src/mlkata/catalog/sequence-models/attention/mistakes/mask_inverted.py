import numpy as np

MESSAGE = ("Your mask works backwards: here True means \"may attend\" (the opposite of "
           "PyTorch's attn_mask). Keep the scores where mask is True: "
           "np.where(mask, scores, -np.inf).")


def attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, -np.inf, scores)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights
