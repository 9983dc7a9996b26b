import numpy as np

MESSAGE = ("Your penalty is reg·Σ W² (with gradient 2·reg·W); this exercise's is ½·reg·Σ W², "
           "so that its gradient is exactly reg·W. Halve the penalty and use reg·W in dW.")


def softmax_regression_loss_grad(W, b, X, y, reg):
    m = X.shape[0]
    rows = np.arange(m)
    S = X @ W + b
    Z = S - S.max(axis=1, keepdims=True)
    logP = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    loss = -logP[rows, y].mean() + reg * np.sum(W * W)
    G = np.exp(logP)
    G[rows, y] -= 1
    G /= m
    return float(loss), X.T @ G + 2 * reg * W, G.sum(axis=0)
