import numpy as np

MESSAGE = ("np.zeros_like(X[0]) copies the dtype of X: for integer data your w is an integer "
           "array (and a fractional lr could not even be added into it in place). Start from "
           "float weights, w = np.zeros(n), and b = 0.0.")


def perceptron(X, y, lr, n_epochs):
    m, n = X.shape
    w, b, errors = np.zeros_like(X[0]), 0, []
    for _ in range(n_epochs):
        mistakes = 0
        for i in range(m):
            if y[i] * (X[i] @ w + b) <= 0:
                w = w + lr * y[i] * X[i]
                b = b + lr * y[i]
                mistakes += 1
        errors.append(mistakes)
    return w, b, errors
