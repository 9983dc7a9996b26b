"""A two-layer network: forward and backward.  Theory: `mlkata theory two_layer_net`."""

import numpy as np  # noqa: F401  (you will need it)


def two_layer_net(params, X, y, reg):
    """Loss and gradients of affine → ReLU → affine → softmax, with an L2 penalty on W1, W2.

    params : dict with "W1" (n, H), "b1" (H,), "W2" (H, K), "b2" (K,). Do not modify it.
    X      : ndarray (N, n), one sample per row.
    y      : integer ndarray (N,), the true class of each sample, in 0..K-1.
    reg    : float >= 0, the strength of the L2 penalty on W1 and W2 (not on the biases).
    Integer arrays are accepted; do not modify any input.

    Returns (loss, grads):
    loss  : float, the mean cross-entropy of softmax(relu(X @ W1 + b1) @ W2 + b2)
            + ½·reg·(Σ W1² + Σ W2²); finite for scores in the thousands.
    grads : dict with the same keys as params, each the gradient of loss with respect to that
            parameter, of that parameter's shape.
    """
    raise NotImplementedError
