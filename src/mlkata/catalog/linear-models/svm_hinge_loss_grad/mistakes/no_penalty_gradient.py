import numpy as np

MESSAGE = ("Your dW leaves out the gradient of the penalty: the loss adds ½·reg·Σ W², whose "
           "gradient is reg·W — add it to dW (not to db).")


def svm_hinge_loss_grad(W, b, X, y, reg, delta=1.0):
    m = X.shape[0]
    rows = np.arange(m)
    S = X @ W + b
    M = S - S[rows, y][:, None] + delta
    M[rows, y] = 0
    active = M > 0
    loss = M[active].sum() / m + 0.5 * reg * np.sum(W * W)
    C = active.astype(float)
    C[rows, y] = -active.sum(axis=1)
    C /= m
    return float(loss), X.T @ C, C.sum(axis=0)
