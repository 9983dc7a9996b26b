import numpy as np

MESSAGE = ("You stop as soon as an epoch makes no mistake, so errors is shorter than n_epochs. "
           "w and b would not change any more, but the contract runs all n_epochs epochs and "
           "records one count per epoch (zeros after convergence).")


def perceptron(X, y, lr, n_epochs):
    m, n = X.shape
    w, b, errors = np.zeros(n), 0.0, []
    for _ in range(n_epochs):
        mistakes = 0
        for i in range(m):
            if y[i] * (X[i] @ w + b) <= 0:
                w = w + lr * y[i] * X[i]
                b = b + lr * y[i]
                mistakes += 1
        errors.append(mistakes)
        if mistakes == 0:
            break
    return w, float(b), errors
