import numpy as np

MESSAGE = ("Your tied positive–negative pairs count 1 (a >= comparison, or a ROC "
           "curve that passes the tied positives first): a tie counts ½ — (wins + ½·ties) / "
           "(n_pos·n_neg), or one diagonal ROC step per group of equal scores.")


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    if pos.size == 0 or neg.size == 0:
        raise ValueError("only one class in y_true")
    return float((pos[:, None] >= neg[None, :]).mean())
