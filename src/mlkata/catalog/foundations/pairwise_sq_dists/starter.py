"""Pairwise squared Euclidean distances.  Theory: `mlkata theory pairwise_sq_dists`."""

import numpy as np  # noqa: F401  (you will need it)


def pairwise_sq_dists(A, B):
    """Squared Euclidean distance between every row of A and every row of B.

    A : ndarray (p, n), floats or integers: p points with n features. Do not modify it.
    B : ndarray (q, n): q points with the same n features. Do not modify it.

    Returns a float ndarray D of shape (p, q) with D[i, j] = ||A[i] - B[j]||^2.
    Every entry is >= 0: clip the tiny negatives that round-off can produce.
    No Python loop over rows or pairs: let numpy do the work.
    """
    raise NotImplementedError
