MESSAGE = ("Your code divides by zero: a denominator (TP + FP, TP + FN or P + R) can be 0, for "
           "example when nothing is predicted positive. A zero denominator gives 0.0: test it "
           "before you divide.")


def precision_recall_f1(y_true, y_pred, positive=1):
    pairs = list(zip(y_true, y_pred, strict=True))
    tp = sum(1 for t, p in pairs if t == positive and p == positive)
    fp = sum(1 for t, p in pairs if t != positive and p == positive)
    fn = sum(1 for t, p in pairs if t == positive and p != positive)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, f1
