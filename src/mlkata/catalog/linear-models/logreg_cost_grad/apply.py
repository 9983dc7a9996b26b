"""Logistic regression on your data, trained by gradient descent on YOUR cost and gradient
(one-vs-rest when there are more than two classes), beside scikit-learn's LogisticRegression
with the same regularisation (C = 1/lam) on the same standardised features."""

import numpy as np

from mlkata.apply.kit import descend, softmax_rows, standardized

KIND = "classification"
REFERENCE_NAME = "LogisticRegression (one-vs-rest)"
LR, ITERATIONS, LAM = 0.5, 300, 1.0


def fit_predict(s, X_train, y_train, evals, seed, k):
    X = s.let(standardized(X_train, X_train))
    classes = int(y_train.max()) + 1
    targets = [y_train.astype(float)] if classes == 2 else [
        (y_train == c).astype(float) for c in range(classes)]
    learned = []
    for target in targets:
        w, b = descend(s, "logreg_cost_grad", s.let(np.zeros(X_train.shape[1])), s.let(0.0),
                       [X, s.let(target), LAM], LR, ITERATIONS)
        learned += [w, b]
    return [list(learned) for _ in evals]


def predict(value, X_eval, X_fit):
    X = standardized(X_eval, X_fit)
    pairs = [(np.asarray(value[i], dtype=float), float(value[i + 1]))
             for i in range(0, len(value), 2)]
    scores = np.column_stack([X @ w + b for w, b in pairs])
    if scores.shape[1] == 1:
        p = 1 / (1 + np.exp(-np.clip(scores[:, 0], -500, 500)))
        return (p > 0.5).astype(np.int64), np.column_stack([1 - p, p])
    return scores.argmax(axis=1), softmax_rows(scores)


def reference(seed, k, X_train):
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    return make_pipeline(StandardScaler(), OneVsRestClassifier(
        LogisticRegression(C=1 / LAM, max_iter=2000)))
