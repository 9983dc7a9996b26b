import numpy as np

MESSAGE = ("With no predicted positives, your precision TP / (TP + FP) is 0/0 = nan (and so is "
           "recall with no actual positives). A zero denominator gives 0.0: test the denominator "
           "before you divide.")


def precision_recall_f1(y_true, y_pred, positive=1):
    actual = np.asarray(y_true) == positive
    predicted = np.asarray(y_pred) == positive
    tp = np.sum(actual & predicted)
    fp = np.sum(~actual & predicted)
    fn = np.sum(actual & ~predicted)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn > 0 else 0.0
    return float(precision), float(recall), float(f1)
