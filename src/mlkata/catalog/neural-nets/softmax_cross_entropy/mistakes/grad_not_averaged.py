import numpy as np

DIAGNOSIS = "missing-average"
MESSAGE = ("dlogits is N times too large: the loss is a mean over the N rows, so its gradient "
           "is (P - Y) / N.")


def softmax_cross_entropy(logits, y):
    z = np.asarray(logits, dtype=float)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(n), y].mean()
    dlogits = np.exp(log_probs)
    dlogits[np.arange(n), y] -= 1.0
    return float(loss), dlogits
