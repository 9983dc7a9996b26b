import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)           # a private float copy: the caller's x stays intact
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):          # every index of an array of any shape (0-d too)
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old                         # restore before moving on to the next entry
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad
