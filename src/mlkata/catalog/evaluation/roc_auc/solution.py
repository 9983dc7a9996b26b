import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    positive = y == 1
    n_pos = int(positive.sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC AUC needs both classes in y_true: with only one, there is no "
                         "positive-negative pair to compare")
    # Rank the scores 1..m; tied scores share the average of the ranks they span.
    _, group, counts = np.unique(s, return_inverse=True, return_counts=True)
    last = np.cumsum(counts)
    first = last - counts + 1
    ranks = ((first + last) / 2)[group]
    # The positives' rank sum minus its smallest possible value, P(P+1)/2, counts the
    # positive-negative pairs the positive wins, a tie counting 1/2 (Mann-Whitney U).
    wins = ranks[positive].sum() - n_pos * (n_pos + 1) / 2
    return float(wins / (n_pos * n_neg))
