"""The perceptron on your data: your rule (lr = 1, 20 epochs, samples in order, one-vs-rest when
there are more than two classes) on standardised features, beside scikit-learn's Perceptron with
the same settings and no shuffling: the same algorithm, so the same weights."""

import numpy as np

from mlkata.apply.kit import standardized

KIND = "classification"
REFERENCE_NAME = "Perceptron(eta0=1, max_iter=20, shuffle=False)"
LR, EPOCHS = 1.0, 20


def fit_predict(s, X_train, y_train, evals, seed, k):
    X = s.let(standardized(X_train, X_train))
    classes = int(y_train.max()) + 1
    # Two classes: one perceptron, +1 for label 1 (as scikit-learn). More: one per class.
    positives = [1] if classes <= 2 else list(range(classes))
    learned = []
    for c in positives:
        result = s.call("perceptron", X, s.let(np.where(y_train == c, 1, -1)), LR, EPOCHS)
        learned += [s.item(result, 0), s.item(result, 1)]
    return [list(learned) for _ in evals]


def predict(value, X_eval, X_fit):
    X = standardized(X_eval, X_fit)
    scores = np.column_stack([X @ np.asarray(value[i], dtype=float) + float(value[i + 1])
                              for i in range(0, len(value), 2)])
    if scores.shape[1] == 1:
        return (scores[:, 0] > 0).astype(np.int64)
    return scores.argmax(axis=1)


def reference(seed, k, X_train):
    from sklearn.linear_model import Perceptron
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    return make_pipeline(StandardScaler(), Perceptron(
        eta0=LR, max_iter=EPOCHS, shuffle=False, penalty=None, tol=None, fit_intercept=True))
