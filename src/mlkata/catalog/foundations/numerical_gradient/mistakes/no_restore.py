import numpy as np

MESSAGE = ("After perturbing entry i you leave it at x[i] − h, so every later derivative is "
           "taken at a shifted point. Put the entry back (x[i] = old) before moving on: only "
           "entry i may differ from x.")


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        f_plus = f(x)
        x[i] -= 2 * h
        f_minus = f(x)
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad
