import numpy as np

MESSAGE = ("You always score the class 1 and ignore the `positive` argument. Compare the labels "
           "with it: `y_true == positive`, `y_pred == positive` (every other class is negative).")


def precision_recall_f1(y_true, y_pred, positive=1):
    actual = np.asarray(y_true) == 1
    predicted = np.asarray(y_pred) == 1
    tp = int(np.sum(actual & predicted))
    fp = int(np.sum(~actual & predicted))
    fn = int(np.sum(actual & ~predicted))
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return float(precision), float(recall), float(f1)
