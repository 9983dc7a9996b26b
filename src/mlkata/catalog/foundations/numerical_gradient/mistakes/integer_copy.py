import numpy as np

MESSAGE = ("x.copy() of an integer x is an integer array: x[i] + 1e-5 is stored back as x[i], "
           "so f never moves and every derivative is 0. Copy to floats: "
           "x = np.array(x, dtype=float).")


def numerical_gradient(f, x, h=1e-5):
    x = x.copy()
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad
