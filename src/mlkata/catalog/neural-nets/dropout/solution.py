import numpy as np


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=float)
    if not train:
        return x.copy(), None
    mask = rng.random(x.shape) >= p           # keep each unit with probability 1 - p
    out = x * mask / (1.0 - p)                # inverted dropout: rescale the survivors now
    return out, mask


def dropout_backward(dout, mask, p):
    return np.asarray(dout, dtype=float) * mask / (1.0 - p)
