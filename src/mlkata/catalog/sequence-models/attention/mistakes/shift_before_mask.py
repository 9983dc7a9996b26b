import numpy as np

MESSAGE = ("You subtract the row max before masking, so a masked key with a huge score sets the "
           "shift, every allowed exp underflows to 0 and the row becomes 0/0. Mask first "
           "(scores = -inf where masked), then subtract the max of what is left.")


def attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    if mask is not None:
        e = e * mask
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights
