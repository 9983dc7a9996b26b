import numpy as np

MESSAGE = ("Your precision and recall are swapped. Precision asks \"of the predicted positives, "
           "how many are right?\": TP / (TP + FP); recall asks \"of the actual positives, how many "
           "were found?\": TP / (TP + FN).")


def precision_recall_f1(y_true, y_pred, positive=1):
    actual = np.asarray(y_true) == positive
    predicted = np.asarray(y_pred) == positive
    tp = int(np.sum(actual & predicted))
    fp = int(np.sum(~actual & predicted))
    fn = int(np.sum(actual & ~predicted))
    precision = tp / (tp + fn) if tp + fn > 0 else 0.0
    recall = tp / (tp + fp) if tp + fp > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return float(precision), float(recall), float(f1)
