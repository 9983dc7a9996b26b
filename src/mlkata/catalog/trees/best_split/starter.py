"""The best Gini split of a node.  Theory: `mlkata theory best_split`."""

import numpy as np  # noqa: F401  (you will need it)


def best_split(X, y):
    """Find the split of the node (X, y) with the largest Gini gain.

    X : ndarray (m, n), floats or integers: the samples that reached the node. Do not modify it.
    y : ndarray (m,) of integer class labels 0..K-1.

    Candidate thresholds: the midpoints between consecutive DISTINCT sorted values of a feature.
    The left child takes the rows with X[:, feature] <= threshold, the right child the rest.
    gain = G(parent) - (m_L/m) G(left) - (m_R/m) G(right), G the Gini impurity 1 - sum_k p_k^2.

    Returns (feature, threshold, gain): an int, a float, a float.
    - Gains within 1e-12 of each other are ties: the smallest feature wins, then the smallest
      threshold.
    - When no split has gain > 0 (a gain within 1e-12 of 0 counts as 0), returns
      (None, None, 0.0).
    """
    raise NotImplementedError
