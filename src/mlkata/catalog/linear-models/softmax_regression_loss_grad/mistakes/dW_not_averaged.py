import numpy as np

MESSAGE = ("Your dW sums X.T @ (P − Y) over the batch but the loss averages it: divide the data "
           "part of dW by m (then add reg·W), as you did for db.")


def softmax_regression_loss_grad(W, b, X, y, reg):
    m = X.shape[0]
    rows = np.arange(m)
    S = X @ W + b
    Z = S - S.max(axis=1, keepdims=True)
    logP = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    loss = -logP[rows, y].mean() + 0.5 * reg * np.sum(W * W)
    G = np.exp(logP)
    G[rows, y] -= 1
    return float(loss), X.T @ G + reg * W, G.mean(axis=0)
