"""A random forest on your data: your RandomForestClassifier (20 trees of depth 6, √n features
per split) beside scikit-learn's with the same settings."""

import math

from mlkata.engine.kit import rng

KIND = "classification"
REFERENCE_NAME = "RandomForestClassifier(20)"
TREES, DEPTH = 20, 6


def fit_predict(s, X_train, y_train, evals, seed, k):
    features = max(1, int(math.sqrt(X_train.shape[1])))
    forest = s.new("RandomForestClassifier", n_estimators=TREES, max_features=features,
                   max_depth=DEPTH, rng=rng(seed))
    s.method(forest, "fit", s.let(X_train), s.let(y_train))
    s.phase = "predict"
    return [s.method(forest, "predict", s.let(X_eval)) for X_eval in evals]


def reference(seed, k, X_train):
    from sklearn.ensemble import RandomForestClassifier
    return RandomForestClassifier(n_estimators=TREES, max_depth=DEPTH, max_features="sqrt",
                                  random_state=seed)
