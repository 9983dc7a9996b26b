import numpy as np

MESSAGE = ("With only one class in y_true there is no positive-negative pair, and your code "
           "returns nan (0/0). Check for it first: `if n_pos == 0 or n_neg == 0: raise "
           "ValueError(...)`.")


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    diff = pos[:, None] - neg[None, :]
    return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)
