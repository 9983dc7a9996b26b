"""Gaussian naive Bayes on your data: your GaussianNB beside scikit-learn's."""

import numpy as np

KIND = "classification"
REFERENCE_NAME = "GaussianNB"


def fit_predict(s, X_train, y_train, evals, seed, k):
    model = s.new("GaussianNB")
    s.method(model, "fit", s.let(X_train), s.let(y_train))
    s.phase = "predict"
    out = []
    for X_eval in evals:
        X = s.let(X_eval)
        out.append([s.method(model, "predict", X), s.method(model, "predict_log_proba", X)])
    return out


def predict(value, X_eval, X_fit):
    labels, log_proba = value
    return np.asarray(labels), np.exp(np.asarray(log_proba, dtype=float))


def reference(seed, k, X_train):
    from sklearn.naive_bayes import GaussianNB
    return GaussianNB()
