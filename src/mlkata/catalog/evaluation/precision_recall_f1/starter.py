"""Precision, recall and F1 of one class.  Theory: `mlkata theory precision_recall_f1`."""

import numpy as np  # noqa: F401  (you will need it)


def precision_recall_f1(y_true, y_pred, positive=1):
    """Precision, recall and F1 score of the class `positive`.

    y_true   : ndarray of shape (m,), the true labels (integers; any number of classes).
    y_pred   : ndarray of shape (m,), the predicted labels. Do not modify either array.
    positive : the label of the class to score; every other label counts as negative.

    Returns a tuple of three floats (precision, recall, f1):
        precision = TP / (TP + FP),  recall = TP / (TP + FN),
        f1 = 2 * precision * recall / (precision + recall),
    where a zero denominator gives 0.0 (like scikit-learn's zero_division=0).
    """
    raise NotImplementedError
