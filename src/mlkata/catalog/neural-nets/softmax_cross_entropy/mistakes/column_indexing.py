import numpy as np

MESSAGE = ("log_probs[:, y] takes the columns y[0], y[1], ... from every row (an N×N block). "
           "Each row needs only its own class: log_probs[np.arange(N), y], and the same index "
           "for subtracting 1 in the gradient.")


def softmax_cross_entropy(logits, y):
    z = np.asarray(logits, dtype=float)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = -log_probs[:, y].mean()
    dlogits = np.exp(log_probs)
    dlogits[:, y] -= 1.0
    return float(loss), dlogits / n
