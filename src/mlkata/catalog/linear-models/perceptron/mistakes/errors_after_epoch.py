import numpy as np

MESSAGE = ("Your errors count the samples misclassified by the weights at the end of each "
           "epoch. errors[t] is the number of updates made during epoch t: count every mistake "
           "as it happens, inside the loop over the samples.")


def perceptron(X, y, lr, n_epochs):
    m, n = X.shape
    w, b, errors = np.zeros(n), 0.0, []
    for _ in range(n_epochs):
        for i in range(m):
            if y[i] * (X[i] @ w + b) <= 0:
                w = w + lr * y[i] * X[i]
                b = b + lr * y[i]
        errors.append(int(np.sum(y * (X @ w + b) <= 0)))
    return w, float(b), errors
