import numpy as np


def softmax_regression_loss_grad(W, b, X, y, reg):
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    m = X.shape[0]
    rows = np.arange(m)

    scores = X @ W + b                                   # (m, K)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))

    loss = -log_probs[rows, y].mean() + 0.5 * reg * np.sum(W * W)

    dscores = np.exp(log_probs)                          # P
    dscores[rows, y] -= 1.0                              # P - Y
    dscores /= m
    dW = X.T @ dscores + reg * W
    db = dscores.sum(axis=0)
    return float(loss), dW, db
