"""k-nearest-neighbour classification.  Theory: `mlkata theory knn_predict`."""

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    """Predict a label for every row of X_test by a majority vote of its k nearest training points.

    X_train : ndarray (m_train, n), floats or integers.
    y_train : ndarray (m_train,), integer labels (0..K-1).
    X_test  : ndarray (m_test, n).
    k       : int, 1 <= k <= m_train.
    Do not modify the inputs.

    Rules (they make the answer unique):
    - Distance is Euclidean (squared or not: the order is the same).
    - Among equal distances, the training point with the lower index is nearer.
    - A tied vote goes to the smallest label.

    Returns an integer ndarray of shape (m_test,).
    """
    raise NotImplementedError
