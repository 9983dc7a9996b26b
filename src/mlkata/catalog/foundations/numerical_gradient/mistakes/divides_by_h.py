import numpy as np

MESSAGE = ("Your gradient is twice too large: x + h e_i and x − h e_i are 2h apart, so the "
           "centred difference divides by 2h, not by h.")


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / h
    return grad
