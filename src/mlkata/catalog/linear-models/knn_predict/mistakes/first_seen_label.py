from collections import Counter

import numpy as np

MESSAGE = ("A tied vote must go to the smallest label. Counter.most_common (like max over a dict "
           "of counts) gives it to the label seen first, the nearest one. Use "
           "np.bincount(labels).argmax(): the first of equal counts is the smallest label.")


def knn_predict(X_train, y_train, X_test, k):
    y_pred = []
    for x in X_test:
        d = np.sum((X_train - x) ** 2, axis=1)
        labels = y_train[np.argsort(d, kind="stable")[:k]]
        y_pred.append(Counter(labels.tolist()).most_common(1)[0][0])
    return np.array(y_pred)
