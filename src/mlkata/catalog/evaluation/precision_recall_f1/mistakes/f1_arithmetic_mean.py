import numpy as np

MESSAGE = ("Your F1 is the arithmetic mean (P + R) / 2. F1 is the harmonic mean, "
           "2·P·R / (P + R): it stays low unless both precision and recall are high.")


def precision_recall_f1(y_true, y_pred, positive=1):
    actual = np.asarray(y_true) == positive
    predicted = np.asarray(y_pred) == positive
    tp = int(np.sum(actual & predicted))
    fp = int(np.sum(~actual & predicted))
    fn = int(np.sum(actual & ~predicted))
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return float(precision), float(recall), float((precision + recall) / 2)
