import numpy as np

MESSAGE = ("A positive and a negative with equal scores count as a whole win (>=): a tie tells "
           "nothing about the order, so it counts ½ — wins + ½·ties, over n_pos·n_neg.")


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    if pos.size == 0 or neg.size == 0:
        raise ValueError("only one class in y_true")
    return float((pos[:, None] >= neg[None, :]).mean())
