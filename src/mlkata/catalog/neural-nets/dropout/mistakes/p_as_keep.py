import numpy as np

MESSAGE = ("You treat p as the probability of keeping a unit. Here p is the probability of "
           "dropping it: keep where rng.random(x.shape) >= p, and divide by 1 − p.")


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=float)
    if not train:
        return x.copy(), None
    mask = rng.random(x.shape) < p
    return x * mask / p, mask


def dropout_backward(dout, mask, p):
    return dout * mask / p
