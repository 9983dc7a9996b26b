"""Ridge regression on your data: your closed form (lam = 1) beside scikit-learn's Ridge(1)."""

KIND = "regression"
REFERENCE_NAME = "Ridge(alpha=1)"
LAM = 1.0


def fit_predict(s, X_train, y_train, evals, seed, k):
    fitted = s.call("ridge_closed_form", X_train, y_train, LAM)
    return [fitted for _ in evals]


def predict(value, X_eval, X_fit):
    import numpy as np
    return X_eval @ np.asarray(value[0], dtype=float) + float(value[1])


def reference(seed, k, X_train):
    from sklearn.linear_model import Ridge
    return Ridge(alpha=LAM)
