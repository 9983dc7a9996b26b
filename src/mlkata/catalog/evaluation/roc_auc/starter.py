"""ROC AUC: how well scores rank positives above negatives.  Theory: `mlkata theory roc_auc`."""

import numpy as np  # noqa: F401  (you will need it)


def roc_auc(y_true, scores):
    """Area under the ROC curve of `scores` for the binary labels `y_true`.

    y_true : ndarray of shape (m,), integer labels in {0, 1}; 1 marks a positive.
    scores : ndarray of shape (m,), floats or integers; higher means "more likely positive".
             Do not modify either array.

    Returns a float: the probability that a randomly chosen positive scores higher than a
    randomly chosen negative, a tie counting 1/2 (the same as sklearn's roc_auc_score).
    Raises ValueError when y_true holds only one class.
    """
    raise NotImplementedError
