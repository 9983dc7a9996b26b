import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    # Squared Euclidean distances, shape (m_test, m_train): the square root keeps the order.
    d = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    # A stable sort keeps equal distances in training order: the lower index is nearer.
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    votes = y_train[nearest]                                   # (m_test, k) labels
    classes = np.unique(y_train)                               # sorted
    counts = (votes[:, :, None] == classes).sum(axis=1)        # (m_test, K)
    return classes[np.argmax(counts, axis=1)]                  # first maximum: smallest label
