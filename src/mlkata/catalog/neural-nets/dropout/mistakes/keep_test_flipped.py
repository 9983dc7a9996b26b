import numpy as np

MESSAGE = ("Your mask keeps a unit when rng.random() < p, which happens with probability p: "
           "that drops with probability 1 − p. p is the probability of dropping, so keep where "
           "rng.random(x.shape) >= p.")


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=float)
    if not train:
        return x.copy(), None
    mask = rng.random(x.shape) < p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    return dout * mask / (1 - p)
