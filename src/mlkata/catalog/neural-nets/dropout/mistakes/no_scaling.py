import numpy as np

MESSAGE = ("The kept units are not rescaled. Inverted dropout divides them by 1 − p during "
           "training (out = x · mask / (1 − p), and the same factor in the backward), so that "
           "the expected output equals x and test time needs no change.")


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=float)
    if not train:
        return x.copy(), None
    mask = rng.random(x.shape) >= p
    return x * mask, mask


def dropout_backward(dout, mask, p):
    return dout * mask
