"""Softmax cross-entropy loss and its gradient.  Theory: `mlkata theory softmax_cross_entropy`."""

import numpy as np  # noqa: F401


def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of softmax(logits) against the labels y, and its gradient.

    logits : ndarray (N, K), one row of class scores per example; floats or integers.
    y      : integer ndarray (N,), the true class of each example, in 0..K-1.
    Do not modify the inputs.

    Returns (loss, dlogits):
        loss    : float, -(1/N) Σ_n log softmax(logits[n])[y[n]]
        dlogits : float ndarray (N, K), the gradient of loss with respect to logits,
                  (softmax(logits) - onehot(y)) / N.
    Both stay finite for logits of ±1000, also when the true class's logit is far below the
    row's maximum.
    """
    raise NotImplementedError
