import numpy as np

MESSAGE = ("exp overflows: exp(1000) is inf, and inf/inf is nan. Subtract each row's max "
           "(z.max(axis=1, keepdims=True)) before exponentiating; the softmax does not change.")


def softmax_cross_entropy(logits, y):
    z = np.asarray(logits, dtype=float)
    n = z.shape[0]
    e = np.exp(z)
    p = e / e.sum(axis=1, keepdims=True)
    loss = -np.log(p[np.arange(n), y]).mean()
    dlogits = p.copy()
    dlogits[np.arange(n), y] -= 1.0
    return float(loss), dlogits / n
