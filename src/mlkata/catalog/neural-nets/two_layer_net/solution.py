import numpy as np


def two_layer_net(params, X, y, reg):
    W1 = np.asarray(params["W1"], dtype=float)
    b1 = np.asarray(params["b1"], dtype=float)
    W2 = np.asarray(params["W2"], dtype=float)
    b2 = np.asarray(params["b2"], dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    N = X.shape[0]
    rows = np.arange(N)

    # forward
    Z = X @ W1 + b1                                      # (N, H) pre-activations
    A = np.maximum(Z, 0.0)                               # (N, H) ReLU
    S = A @ W2 + b2                                      # (N, K) scores
    shifted = S - S.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[rows, y].mean() + 0.5 * reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

    # backward
    dS = np.exp(log_probs)                               # P
    dS[rows, y] -= 1.0                                   # P - Y
    dS /= N
    dW2 = A.T @ dS + reg * W2
    db2 = dS.sum(axis=0)
    dA = dS @ W2.T
    dZ = dA * (Z > 0)                                    # the ReLU gate
    dW1 = X.T @ dZ + reg * W1
    db1 = dZ.sum(axis=0)
    return float(loss), {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
