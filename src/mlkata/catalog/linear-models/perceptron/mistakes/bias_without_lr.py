import numpy as np

MESSAGE = ("Your bias moves by y[i], without the learning rate: b += lr * y[i], like every "
           "other weight (the bias is the weight of a constant feature 1). With lr = 1 you "
           "cannot tell; with any other lr the boundary tilts.")


def perceptron(X, y, lr, n_epochs):
    m, n = X.shape
    w, b, errors = np.zeros(n), 0.0, []
    for _ in range(n_epochs):
        mistakes = 0
        for i in range(m):
            if y[i] * (X[i] @ w + b) <= 0:
                w = w + lr * y[i] * X[i]
                b = b + y[i]
                mistakes += 1
        errors.append(mistakes)
    return w, float(b), errors
