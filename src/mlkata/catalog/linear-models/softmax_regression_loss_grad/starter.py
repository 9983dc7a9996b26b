"""Softmax regression: loss and gradients.  Theory: `mlkata theory softmax_regression_loss_grad`."""

import numpy as np  # noqa: F401  (you will need it)


def softmax_regression_loss_grad(W, b, X, y, reg):
    """Mean cross-entropy of softmax(X @ W + b), plus ½·reg·‖W‖², and its gradients.

    W   : ndarray (n, K), the weights; K (the number of classes) is W.shape[1].
    b   : ndarray (K,), the biases (not penalised).
    X   : ndarray (m, n), one sample per row.
    y   : integer ndarray (m,), the true class of each sample, in 0..K-1.
    reg : float >= 0, the strength of the L2 penalty on W.
    Integer arrays are accepted; do not modify any input.

    Returns (loss, dW, db):
    loss : float, (1/m) Σ_i −log softmax(s_i)[y_i] + ½·reg·Σ W², with s_i = X[i] @ W + b;
           finite for any finite scores, even when the true class's score is far below the
           row's maximum.
    dW   : ndarray (n, K), X.T @ (P − Y) / m + reg·W  (P: the probabilities, Y: one-hot of y).
    db   : ndarray (K,), the mean of P − Y over the rows.
    """
    raise NotImplementedError
