import numpy as np

MESSAGE = ("You sum the hinge losses over the batch instead of averaging them: divide the data "
           "part of the loss, dW and db by m (the penalty ½·reg·Σ W² and reg·W are not divided).")


def svm_hinge_loss_grad(W, b, X, y, reg, delta=1.0):
    m = X.shape[0]
    rows = np.arange(m)
    S = X @ W + b
    M = S - S[rows, y][:, None] + delta
    M[rows, y] = 0
    active = M > 0
    loss = M[active].sum() + 0.5 * reg * np.sum(W * W)
    C = active.astype(float)
    C[rows, y] = -active.sum(axis=1)
    return float(loss), X.T @ C + reg * W, C.sum(axis=0)
