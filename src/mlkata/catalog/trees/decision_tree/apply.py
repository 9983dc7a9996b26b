"""A decision tree on your data: your DecisionTreeClassifier(max_depth=6) beside
scikit-learn's with the same depth and the Gini criterion."""

KIND = "classification"
REFERENCE_NAME = "DecisionTreeClassifier(6)"
DEPTH = 6


def fit_predict(s, X_train, y_train, evals, seed, k):
    tree = s.new("DecisionTreeClassifier", max_depth=DEPTH)
    s.method(tree, "fit", s.let(X_train), s.let(y_train))
    s.phase = "predict"
    return [s.method(tree, "predict", s.let(X_eval)) for X_eval in evals]


def reference(seed, k, X_train):
    from sklearn.tree import DecisionTreeClassifier
    return DecisionTreeClassifier(max_depth=DEPTH, random_state=seed)
