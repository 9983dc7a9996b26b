import numpy as np

DIAGNOSIS = "modifies-input"
MESSAGE = ("You perturb the caller's x itself. Work on a float copy: "
           "x = np.array(x, dtype=float), then perturb and restore its entries.")


def numerical_gradient(f, x, h=1e-5):
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
