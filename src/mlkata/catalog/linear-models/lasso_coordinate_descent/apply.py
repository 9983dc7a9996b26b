"""The lasso on your data: your coordinate descent (alpha = 1, 500 sweeps) on standardised
features, beside scikit-learn's Lasso(alpha=1) on the same features."""

from mlkata.apply.kit import standardized

KIND = "regression"
REFERENCE_NAME = "Lasso(alpha=1)"
ALPHA, SWEEPS = 1.0, 500


def fit_predict(s, X_train, y_train, evals, seed, k):
    fitted = s.call("lasso_coordinate_descent", standardized(X_train, X_train), y_train, ALPHA,
                    SWEEPS)
    return [fitted for _ in evals]


def predict(value, X_eval, X_fit):
    import numpy as np
    return standardized(X_eval, X_fit) @ np.asarray(value[0], dtype=float) + float(value[1])


def reference(seed, k, X_train):
    from sklearn.linear_model import Lasso
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    return make_pipeline(StandardScaler(), Lasso(alpha=ALPHA))
