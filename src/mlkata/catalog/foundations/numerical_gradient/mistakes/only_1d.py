import numpy as np

MESSAGE = ("For a 2-D x, x[i] is a whole row: you perturb every entry of row i at once and "
           "write one number into the entire row. Loop over every index of x, whatever its "
           "shape: `for i in np.ndindex(x.shape)`, and x[i] is then a single entry.")


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in range(len(x)):
        old = x[i].copy()
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad
