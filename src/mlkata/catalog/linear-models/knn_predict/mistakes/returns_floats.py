import numpy as np

MESSAGE = ("Your labels are floats: y_pred = np.zeros(m) has dtype float64. Labels are integers: "
           "create it with np.zeros(m, dtype=int) (or take the labels from y_train).")


def knn_predict(X_train, y_train, X_test, k):
    y_pred = np.zeros(len(X_test))
    for i, x in enumerate(X_test):
        d = np.sum((X_train - x) ** 2, axis=1)
        y_pred[i] = np.bincount(y_train[np.argsort(d, kind="stable")[:k]]).argmax()
    return y_pred
