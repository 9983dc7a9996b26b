import numpy as np

DIAGNOSIS = "global-random-state"
MESSAGE = ("The mask is drawn from the global np.random state instead of the rng argument.")


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=float)
    if not train:
        return x.copy(), None
    mask = np.random.random(x.shape) >= p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    return dout * mask / (1 - p)
