import numpy as np

MESSAGE = ("You shuffle the samples every epoch (as SGD often does, and scikit-learn's "
           "Perceptron by default). The contract visits them in the given order, 0 to m − 1, "
           "every epoch: the perceptron is online, so the order changes the answer.")


def perceptron(X, y, lr, n_epochs):
    m, n = X.shape
    gen = np.random.default_rng(0)
    w, b, errors = np.zeros(n), 0.0, []
    for _ in range(n_epochs):
        mistakes = 0
        for i in gen.permutation(m):
            if y[i] * (X[i] @ w + b) <= 0:
                w = w + lr * y[i] * X[i]
                b = b + lr * y[i]
                mistakes += 1
        errors.append(mistakes)
    return w, float(b), errors
