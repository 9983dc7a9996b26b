import numpy as np

MESSAGE = ("Your ROC curve takes tied scores one sample at a time, so the area depends on the "
           "order of the tied samples. A threshold cannot split equal scores: add one point per "
           "distinct score (the whole tied group at once) — its diagonal step gives ties ½.")


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    n_pos = int((y == 1).sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("only one class in y_true")
    hits = y[np.argsort(-s, kind="stable")] == 1
    tpr = np.concatenate([[0.0], np.cumsum(hits) / n_pos])
    fpr = np.concatenate([[0.0], np.cumsum(~hits) / n_neg])
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
