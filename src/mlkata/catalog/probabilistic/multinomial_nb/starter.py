"""Multinomial naive Bayes.  Theory: `mlkata theory multinomial_nb`."""

import numpy as np


class MultinomialNB:
    """Naive Bayes for count features (the scikit-learn MultinomialNB)."""

    def __init__(self, alpha=1.0):
        """alpha : the smoothing pseudo-count added to every (class, feature) count, > 0."""
        self.alpha = alpha

    def fit(self, X, y):
        """Learn the classes, their priors and the smoothed word probabilities of each class.

        X : (m, n) array of non-negative counts (integers or floats). Do not modify it.
        y : (m,) integer labels; any integers, not necessarily 0..K-1.

        Sets self.classes_ = the sorted distinct labels, an ndarray of shape (K,).
        Priors: class frequencies N_c / m. Word probabilities of class c:
        (N_cj + alpha) / (N_c + alpha * n), where N_cj is the total count of feature j over
        the rows of class c and N_c = sum_j N_cj.
        Returns self.
        """
        raise NotImplementedError

    def predict_log_proba(self, X):
        """Log posteriors log p(c | x): an (m, K) array, columns in the order of classes_.

        Each row is normalised (exp of it sums to 1) and finite, also for long documents.
        """
        raise NotImplementedError

    def predict(self, X):
        """The label (from classes_) with the largest posterior for each row: shape (m,)."""
        raise NotImplementedError
