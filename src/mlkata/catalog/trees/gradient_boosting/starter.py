"""Gradient boosting with regression stumps.  Theory: `mlkata theory gradient_boosting`."""

import numpy as np  # noqa: F401  (you will need it)


class GradientBoostingStumps:
    """Squared-loss gradient boosting whose weak learners are depth-1 regression trees.

    n_estimators  : the number of stages (stumps).
    learning_rate : the factor each stump's prediction is multiplied by before it is added.
    """

    def __init__(self, n_estimators, learning_rate):
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate

    def fit(self, X, y):
        """Fit on X (m, n) and real targets y (m,) (floats or integers); return self.

        Start from F = mean(y) for every sample. Each stage:
          - residuals r = y - F;
          - fit a stump to r: over every feature and every midpoint threshold between
            consecutive distinct values, the split (left child X[:, f] <= t) with the largest
            decrease of the squared error; decreases within 1e-12 tie -> smallest feature, then
            smallest threshold; each leaf's value is the mean residual of its samples;
            when no split lowers the squared error (by more than 1e-12), the stump predicts the
            mean residual everywhere;
          - F = F + learning_rate * stump(X).
        Do not modify X or y.
        """
        raise NotImplementedError

    def predict(self, X):
        """Return a float ndarray (m,): mean(y_train) + learning_rate * sum of the stumps."""
        raise NotImplementedError
