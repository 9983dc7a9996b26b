"""The perceptron learning rule.  Theory: `mlkata theory perceptron`."""

import numpy as np  # noqa: F401  (you will need it)


def perceptron(X, y, lr, n_epochs):
    """Train a perceptron with Rosenblatt's rule, n_epochs passes over the data in order.

    X        : ndarray (m, n), floats or integers: one sample per row. Do not modify it.
    y        : ndarray (m,), the labels, each exactly -1 or +1 (integers or floats).
               Do not modify it.
    lr       : float > 0, the learning rate.
    n_epochs : int >= 0, the number of full passes over the data.

    Start at w = 0 (floats, shape (n,)) and b = 0.0. In every epoch visit the samples in the
    given order i = 0, 1, ..., m-1 (no shuffling). For sample i, with the current w and b:
        score = X[i] @ w + b
        if y[i] * score <= 0:            # a score of exactly 0 counts as a mistake
            w <- w + lr * y[i] * X[i]
            b <- b + lr * y[i]
    Always run all n_epochs epochs, even once an epoch makes no mistake.

    Returns (w, b, errors):
        w      : float ndarray of shape (n,)
        b      : float
        errors : a list (or 1-D integer array) of n_epochs ints; errors[t] is the number of
                 updates made during epoch t.
    """
    raise NotImplementedError
