import numpy as np

MESSAGE = ("This is a forward difference, (f(x + h e_i) − f(x)) / h, whose error shrinks only "
           "like h. Use the centred difference (f(x + h e_i) − f(x − h e_i)) / 2h: its error "
           "shrinks like h².")


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    fx = f(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        grad[i] = (f(x) - fx) / h
        x[i] = old
    return grad
