import numpy as np

MESSAGE = ("You update only when y·score < 0. At the start w = 0 and b = 0, so every score is "
           "exactly 0 and nothing is ever learned: a score of 0 sits on the boundary, which "
           "is no better than the wrong side. Update when y[i] * score <= 0.")


def perceptron(X, y, lr, n_epochs):
    m, n = X.shape
    w, b, errors = np.zeros(n), 0.0, []
    for _ in range(n_epochs):
        mistakes = 0
        for i in range(m):
            if y[i] * (X[i] @ w + b) < 0:
                w = w + lr * y[i] * X[i]
                b = b + lr * y[i]
                mistakes += 1
        errors.append(mistakes)
    return w, float(b), errors
