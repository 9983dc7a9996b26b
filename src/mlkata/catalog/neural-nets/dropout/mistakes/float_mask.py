import numpy as np

MESSAGE = ("Your mask holds floats (0.0 and 1.0). The contract asks for a boolean keep-mask: "
           "rng.random(x.shape) >= p is already one — do not convert it with astype(float).")


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=float)
    if not train:
        return x.copy(), None
    mask = (rng.random(x.shape) >= p).astype(float)
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    return dout * mask / (1 - p)
