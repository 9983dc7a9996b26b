"""Standardise the columns of a data matrix.  Theory: `mlkata theory standardize`."""

import numpy as np  # noqa: F401  (you will need it)


def standardize(X):
    """Centre every column of X on 0 and scale it to unit population standard deviation.

    X : ndarray of shape (m, n), floats or integers: m samples (rows), n features (columns).
        Do not modify it.

    Returns a tuple (X_std, mean, scale):
      X_std : float ndarray (m, n), (X - mean) / scale
      mean  : float ndarray (n,), the mean of each column
      scale : float ndarray (n,), the population std of each column (divide by m, ddof=0);
              1.0 for a column whose values are all equal (its computed std may be a
              round-off speck like 1e-17 rather than exactly 0).
    """
    raise NotImplementedError
