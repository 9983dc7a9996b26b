import numpy as np

MESSAGE = ("Your b never moves: it stays 0, so the boundary w·x + b = 0 is stuck at the "
           "origin. The bias is the weight of a constant feature 1, so every mistake updates it "
           "too: b += lr * y[i].")


def perceptron(X, y, lr, n_epochs):
    m, n = X.shape
    w, b, errors = np.zeros(n), 0.0, []
    for _ in range(n_epochs):
        mistakes = 0
        for i in range(m):
            if y[i] * (X[i] @ w + b) <= 0:
                w = w + lr * y[i] * X[i]
                mistakes += 1
        errors.append(mistakes)
    return w, float(b), errors
