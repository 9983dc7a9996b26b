import numpy as np


def softmax_cross_entropy(logits, y):
    z = np.asarray(logits, dtype=float)
    n = z.shape[0]
    rows = np.arange(n)
    shifted = z - z.max(axis=1, keepdims=True)                 # every exponent <= 0
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))   # log-softmax
    loss = -log_probs[rows, y].mean()
    dlogits = np.exp(log_probs)                                # P
    dlogits[rows, y] -= 1.0                                    # P - Y
    dlogits /= n                                               # the loss is a mean over rows
    return float(loss), dlogits
