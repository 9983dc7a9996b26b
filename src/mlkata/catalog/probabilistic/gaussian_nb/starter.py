"""Gaussian naive Bayes.  Theory: `mlkata theory gaussian_nb`."""

import numpy as np


class GaussianNB:
    """Naive Bayes with one Gaussian per class and feature (the scikit-learn GaussianNB)."""

    def fit(self, X, y):
        """Learn the classes, their priors, and per-class feature means and variances.

        X : (m, n) array of features, floats or integers. Do not modify it.
        y : (m,) integer labels; any integers, not necessarily 0..K-1.

        Sets self.classes_ = the sorted distinct labels, an ndarray of shape (K,).
        Priors: class frequencies N_c / m. Means: per class and feature. Variances: the
        population variance (ddof=0) per class and feature, plus 1e-9 * max(var(X, axis=0)).
        Returns self.
        """
        raise NotImplementedError

    def predict_log_proba(self, X):
        """Log posteriors log p(c | x): an (m, K) array, columns in the order of classes_.

        Each row is normalised (exp of it sums to 1) and finite, also for points far from
        every class.
        """
        raise NotImplementedError

    def predict(self, X):
        """The label (from classes_) with the largest posterior for each row: shape (m,)."""
        raise NotImplementedError
