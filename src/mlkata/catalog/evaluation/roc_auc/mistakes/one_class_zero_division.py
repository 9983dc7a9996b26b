MESSAGE = ("With only one class in y_true, n_pos × n_neg is 0 and your code divides by zero. "
           "The contract asks for a ValueError: check `if n_pos == 0 or n_neg == 0` first and "
           "raise it yourself.")


def roc_auc(y_true, scores):
    y = [int(v) for v in y_true]
    s = [float(v) for v in scores]
    pos = [si for si, yi in zip(s, y, strict=True) if yi == 1]
    neg = [si for si, yi in zip(s, y, strict=True) if yi == 0]
    won = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return won / (len(pos) * len(neg))
