import numpy as np


def perceptron(X, y, lr, n_epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    m, n = X.shape
    w = np.zeros(n)
    b = 0.0
    errors = []
    for _ in range(n_epochs):
        mistakes = 0
        for i in range(m):                       # the given order, every epoch
            score = X[i] @ w + b                 # with the weights as they are now
            if y[i] * score <= 0:                # a score of exactly 0 is a mistake too
                w = w + lr * y[i] * X[i]
                b = b + lr * y[i]
                mistakes += 1
        errors.append(mistakes)                  # one entry per epoch, even after convergence
    return w, float(b), errors
