import numpy as np

MESSAGE = ("Dropout is a training-time regulariser: with train=False return x unchanged and "
           "mask = None. Thanks to the 1 / (1 − p) scaling during training, nothing needs to "
           "change at test time.")


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=float)
    mask = rng.random(x.shape) >= p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    return dout * mask / (1 - p)
