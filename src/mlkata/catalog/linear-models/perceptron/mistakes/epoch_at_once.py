import numpy as np

MESSAGE = ("You judge the whole epoch with the weights from its start and add all the "
           "corrections at once (a batch step). The perceptron is online: after each update the "
           "next sample is scored with the new w and b. Loop over the samples and test each one "
           "with the weights as they are at that moment.")


def perceptron(X, y, lr, n_epochs):
    m, n = X.shape
    w, b, errors = np.zeros(n), 0.0, []
    for _ in range(n_epochs):
        wrong = y * (X @ w + b) <= 0
        w = w + lr * (y[wrong] @ X[wrong])
        b = b + lr * y[wrong].sum()
        errors.append(int(wrong.sum()))
    return w, float(b), errors
