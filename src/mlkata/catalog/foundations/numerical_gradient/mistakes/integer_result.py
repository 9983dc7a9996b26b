import numpy as np

MESSAGE = ("np.zeros_like(x) of an integer x is an integer array, so every derivative you store "
           "in it is truncated (0.75 becomes 0). Make the result float: "
           "np.zeros(x.shape) or np.zeros_like(x, dtype=float).")


def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros_like(x)
    x = np.array(x, dtype=float)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad
