"""Multinomial naive Bayes on your data (counts: every feature must be >= 0): your
MultinomialNB(alpha=1) beside scikit-learn's."""

import numpy as np

from mlkata.apply.data import DataError

KIND = "classification"
REFERENCE_NAME = "MultinomialNB(alpha=1)"


def fit_predict(s, X_train, y_train, evals, seed, k):
    if (X_train < 0).any():
        raise DataError("multinomial naive Bayes models counts, and this data has negative "
                         "values (do not pass --standardize)")
    model = s.new("MultinomialNB", alpha=1.0)
    s.method(model, "fit", s.let(X_train), s.let(y_train))
    s.phase = "predict"
    out = []
    for X_eval in evals:
        X = s.let(np.clip(X_eval, 0, None))
        out.append([s.method(model, "predict", X), s.method(model, "predict_log_proba", X)])
    return out


def predict(value, X_eval, X_fit):
    labels, log_proba = value
    return np.asarray(labels), np.exp(np.asarray(log_proba, dtype=float))


def reference(seed, k, X_train):
    from sklearn.naive_bayes import MultinomialNB
    return MultinomialNB(alpha=1.0)
