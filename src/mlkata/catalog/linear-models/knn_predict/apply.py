"""k-NN on your data: your knn_predict (k = 5) beside scikit-learn's KNeighborsClassifier."""

KIND = "classification"
REFERENCE_NAME = "KNeighborsClassifier(5)"
K = 5


def fit_predict(s, X_train, y_train, evals, seed, k):
    X, y = s.let(X_train), s.let(y_train)
    s.phase = "predict"
    return [s.call("knn_predict", X, y, s.let(X_eval), K) for X_eval in evals]


def reference(seed, k, X_train):
    from sklearn.neighbors import KNeighborsClassifier
    return KNeighborsClassifier(n_neighbors=K)
