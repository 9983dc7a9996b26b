import numpy as np

MESSAGE = ("When precision and recall are both 0, your F1 = 2·P·R / (P + R) is 0/0 = nan. A zero "
           "denominator gives 0.0: return 0.0 when P + R == 0.")


def precision_recall_f1(y_true, y_pred, positive=1):
    actual = np.asarray(y_true) == positive
    predicted = np.asarray(y_pred) == positive
    tp = np.sum(actual & predicted)
    fp = np.sum(~actual & predicted)
    fn = np.sum(actual & ~predicted)
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / np.float64(precision + recall)
    return float(precision), float(recall), float(f1)
