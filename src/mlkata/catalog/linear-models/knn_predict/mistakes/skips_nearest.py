import numpy as np

MESSAGE = ("You skip the nearest training point (order[1:k + 1]), as in leave-one-out on the "
           "training set where the nearest point is the query itself. A test point is not in "
           "the training set: its k nearest are order[:k].")


def knn_predict(X_train, y_train, X_test, k):
    d = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(d, axis=1, kind="stable")[:, 1:k + 1]
    return np.array([np.bincount(y_train[row]).argmax() for row in nearest])
