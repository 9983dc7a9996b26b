import numpy as np


def svm_hinge_loss_grad(W, b, X, y, reg, delta=1.0):
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    m = X.shape[0]
    rows = np.arange(m)

    scores = X @ W + b                                        # (m, K)
    margins = scores - scores[rows, y][:, None] + delta
    margins[rows, y] = 0.0                                    # the true class is not a rival
    active = margins > 0                                      # a margin of exactly 0 is inactive

    loss = margins[active].sum() / m + 0.5 * reg * np.sum(W * W)

    coef = active.astype(float)                               # d loss_i / d s_ij, j != y_i
    coef[rows, y] = -active.sum(axis=1)                       # d loss_i / d s_i,y_i
    coef /= m
    dW = X.T @ coef + reg * W
    db = coef.sum(axis=0)
    return float(loss), dW, db
