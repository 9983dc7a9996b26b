import numpy as np

MESSAGE = ("sorted(zip(distances, labels)) breaks distance ties by label, not by training index. "
           "Sort the indices by distance alone with a stable sort, np.argsort(d, kind=\"stable\"), "
           "so that the lower index comes first.")


def knn_predict(X_train, y_train, X_test, k):
    y_pred = []
    for x in X_test:
        d = np.sum((X_train - x) ** 2, axis=1)
        pairs = sorted(zip(d.tolist(), y_train.tolist(), strict=True))[:k]
        y_pred.append(np.bincount([label for _, label in pairs]).argmax())
    return np.array(y_pred)
