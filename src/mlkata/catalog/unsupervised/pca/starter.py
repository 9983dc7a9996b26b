"""Principal component analysis.  Theory: `mlkata theory pca`."""

import numpy as np  # noqa: F401  (you will need it)


def pca(X, n_components):
    """The top principal axes of X, the variance along each, and X projected onto them.

    X            : ndarray (m, n), floats or integers: m samples, n features. Do not modify it.
    n_components : int, 1 <= n_components <= min(m - 1, n): how many axes to keep.

    Returns a tuple (components, explained_variance, X_proj):
      components         : float ndarray (n_components, n). Orthonormal ROWS, the principal
                           axes in order of decreasing variance. Either sign of an axis is fine.
      explained_variance : float ndarray (n_components,), the variance of the data along each
                           axis: the covariance eigenvalues with ddof=1 (divide by m - 1).
      X_proj             : float ndarray (m, n_components), (X - mean) @ components.T, with the
                           signs of the components you return.
    """
    raise NotImplementedError
