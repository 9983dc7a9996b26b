import numpy as np

MESSAGE = ("Among equal distances the lower training index must count as nearer, and "
           "np.argsort's default quicksort does not keep equal values in order. Sort with "
           "np.argsort(d, kind=\"stable\").")


def knn_predict(X_train, y_train, X_test, k):
    d = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(d, axis=1)[:, :k]
    return np.array([np.bincount(y_train[row]).argmax() for row in nearest])
