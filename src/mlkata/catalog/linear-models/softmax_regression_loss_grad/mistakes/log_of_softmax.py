import numpy as np

MESSAGE = ("You take log of the probabilities: when the true class's score is far below the "
           "row's maximum its probability underflows to 0 and log(0) = −inf. Compute "
           "log-probabilities directly: (S − max) − log Σ exp(S − max).")


def softmax_regression_loss_grad(W, b, X, y, reg):
    m = X.shape[0]
    rows = np.arange(m)
    S = X @ W + b
    E = np.exp(S - S.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(P[rows, y])) + 0.5 * reg * np.sum(W * W)
    G = P.copy()
    G[rows, y] -= 1
    G /= m
    return float(loss), X.T @ G + reg * W, G.sum(axis=0)
