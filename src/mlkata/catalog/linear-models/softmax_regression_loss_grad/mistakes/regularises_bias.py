import numpy as np

MESSAGE = ("You penalise b as well as W. Only the weights are regularised: the loss adds "
           "½·reg·Σ W² (not b²), and db is the mean of P − Y with no reg·b term.")


def softmax_regression_loss_grad(W, b, X, y, reg):
    m = X.shape[0]
    rows = np.arange(m)
    S = X @ W + b
    Z = S - S.max(axis=1, keepdims=True)
    logP = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    loss = -logP[rows, y].mean() + 0.5 * reg * (np.sum(W * W) + np.sum(b * b))
    G = np.exp(logP)
    G[rows, y] -= 1
    G /= m
    return float(loss), X.T @ G + reg * W, G.sum(axis=0) + reg * b
