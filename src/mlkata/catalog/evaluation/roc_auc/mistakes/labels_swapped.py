import numpy as np

MESSAGE = ("Your AUC is 1 − the answer: you count the pairs a negative wins. A pair is a win when "
           "the positive (label 1) scores higher than the negative (label 0).")


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    if pos.size == 0 or neg.size == 0:
        raise ValueError("only one class in y_true")
    diff = neg[:, None] - pos[None, :]
    return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)
