import numpy as np

MESSAGE = ("You let k + 1 neighbours vote. After sorting, the k nearest are order[:k] "
           "(indices 0 to k − 1).")


def knn_predict(X_train, y_train, X_test, k):
    d = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k + 1]
    return np.array([np.bincount(y_train[row]).argmax() for row in nearest])
