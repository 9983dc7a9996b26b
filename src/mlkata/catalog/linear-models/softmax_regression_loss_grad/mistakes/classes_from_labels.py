import numpy as np

MESSAGE = ("You take the number of classes from y (y.max() + 1), but a batch need not contain "
           "every class: K is W.shape[1]. Build the one-hot matrix with K columns.")


def softmax_regression_loss_grad(W, b, X, y, reg):
    m = X.shape[0]
    S = X @ W + b
    Z = S - S.max(axis=1, keepdims=True)
    logP = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    Y = np.eye(y.max() + 1)[y]
    loss = -np.sum(Y * logP) / m + 0.5 * reg * np.sum(W * W)
    G = (np.exp(logP) - Y) / m
    return float(loss), X.T @ G + reg * W, G.sum(axis=0)
