import numpy as np

MESSAGE = ("Your loss is the sum over the batch, N times the mean the contract asks for: "
           "divide by N (use .mean()). Your dlogits already has the 1/N.")


def softmax_cross_entropy(logits, y):
    z = np.asarray(logits, dtype=float)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(n), y].sum()
    dlogits = np.exp(log_probs)
    dlogits[np.arange(n), y] -= 1.0
    return float(loss), dlogits / n
