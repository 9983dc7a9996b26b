import numpy as np

MESSAGE = ("The true class's column gets no gradient: s_{y_i} appears with a minus sign in every "
           "margin of row i, so it gets −(number of active margins in that row) — in a loop, "
           "subtract x_i from column y_i for each active margin.")


def svm_hinge_loss_grad(W, b, X, y, reg, delta=1.0):
    m = X.shape[0]
    rows = np.arange(m)
    S = X @ W + b
    M = S - S[rows, y][:, None] + delta
    M[rows, y] = 0
    active = M > 0
    loss = M[active].sum() / m + 0.5 * reg * np.sum(W * W)
    C = active.astype(float) / m
    return float(loss), X.T @ C + reg * W, C.sum(axis=0)
