"""Multiclass SVM: hinge loss and subgradient.  Theory: `mlkata theory svm_hinge_loss_grad`."""

import numpy as np  # noqa: F401  (you will need it)


def svm_hinge_loss_grad(W, b, X, y, reg, delta=1.0):
    """Weston–Watkins multiclass hinge loss plus ½·reg·‖W‖², and its subgradient.

    W     : ndarray (n, K), the weights; K (the number of classes) is W.shape[1].
    b     : ndarray (K,), the biases (not penalised).
    X     : ndarray (m, n), one sample per row.
    y     : integer ndarray (m,), the true class of each sample, in 0..K-1.
    reg   : float >= 0, the strength of the L2 penalty on W.
    delta : float, the margin the true class's score must win by.
    Integer arrays are accepted; do not modify any input.

    With scores s_i = X[i] @ W + b, returns (loss, dW, db):
    loss : float, (1/m) Σ_i Σ_{j ≠ y_i} max(0, s_ij − s_i,y_i + delta) + ½·reg·Σ W².
    dW   : ndarray (n, K), float: the subgradient of the data term (a margin of exactly 0
           counts as inactive) plus reg·W.
    db   : ndarray (K,), float: the subgradient of the data term with respect to b.
    Float results also when every input is an integer.
    """
    raise NotImplementedError
