import numpy as np

MESSAGE = ("You sum the cross-entropy over the batch instead of averaging it: divide the data "
           "part of the loss, dW and db by m (the penalty ½·reg·Σ W² and reg·W are not divided).")


def softmax_regression_loss_grad(W, b, X, y, reg):
    m = X.shape[0]
    rows = np.arange(m)
    S = X @ W + b
    Z = S - S.max(axis=1, keepdims=True)
    logP = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    loss = -logP[rows, y].sum() + 0.5 * reg * np.sum(W * W)
    G = np.exp(logP)
    G[rows, y] -= 1
    return float(loss), X.T @ G + reg * W, G.sum(axis=0)
