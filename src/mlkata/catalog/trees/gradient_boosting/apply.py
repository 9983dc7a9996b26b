"""Gradient boosting on your data: your GradientBoostingStumps (100 stumps, rate 0.1) beside
scikit-learn's GradientBoostingRegressor with depth-1 trees and the same settings."""

KIND = "regression"
REFERENCE_NAME = "GradientBoostingRegressor(stumps)"
STAGES, RATE = 100, 0.1


def fit_predict(s, X_train, y_train, evals, seed, k):
    model = s.new("GradientBoostingStumps", n_estimators=STAGES, learning_rate=RATE)
    s.method(model, "fit", s.let(X_train), s.let(y_train))
    s.phase = "predict"
    return [s.method(model, "predict", s.let(X_eval)) for X_eval in evals]


def reference(seed, k, X_train):
    from sklearn.ensemble import GradientBoostingRegressor
    return GradientBoostingRegressor(n_estimators=STAGES, learning_rate=RATE, max_depth=1,
                                     random_state=seed)
