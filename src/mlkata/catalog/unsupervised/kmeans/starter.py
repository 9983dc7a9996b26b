"""k-means clustering with Lloyd's algorithm.  Theory: `mlkata theory kmeans`."""

import numpy as np  # noqa: F401  (you will need it)


def kmeans(X, init_centroids, n_iters):
    """Run n_iters iterations of Lloyd's algorithm from the given centroids.

    X              : ndarray (m, n), floats or integers: m points with n features.
    init_centroids : ndarray (K, n), the starting centroids.  Do not modify either input.
    n_iters        : int >= 1, the exact number of iterations to run (no early stop needed).

    Each iteration:
      1. assign every point to its nearest centroid (squared Euclidean distance);
         among equally near centroids, the smallest index wins;
      2. move every centroid to the mean of the points assigned to it;
         a centroid with no points stays where it is.

    Returns a tuple (centroids, labels):
      centroids : float ndarray (K, n), after the last update
      labels    : integer ndarray (m,), the labels of the last assignment (step 1 of the last
                  iteration, i.e. before the last update)
    """
    raise NotImplementedError
