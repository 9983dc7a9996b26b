import numpy as np

MESSAGE = ("A tied vote must go to the smallest label; taking the last of the counts sorted in "
           "increasing order gives the largest. Use np.argmax(counts): the first maximum is the "
           "smallest label.")


def knn_predict(X_train, y_train, X_test, k):
    d = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    return np.array([np.argsort(np.bincount(y_train[row]), kind="stable")[-1]
                     for row in nearest])
