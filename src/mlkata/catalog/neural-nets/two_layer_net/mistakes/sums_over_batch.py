import numpy as np

MESSAGE = ("You sum the cross-entropy over the batch instead of averaging it: divide dS = P − Y "
           "(and the data part of the loss) by N; the penalty is not divided.")


def two_layer_net(params, X, y, reg):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    N = X.shape[0]
    r = np.arange(N)
    Z = X @ W1 + b1
    A = np.maximum(Z, 0)
    S = A @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    logP = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    loss = -logP[r, y].sum() + 0.5 * reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
    dS = np.exp(logP)
    dS[r, y] -= 1
    dA = dS @ W2.T
    dZ = dA * (Z > 0)
    grads = {"W1": X.T @ dZ + reg * W1, "b1": dZ.sum(axis=0),
             "W2": A.T @ dS + reg * W2, "b2": dS.sum(axis=0)}
    return float(loss), grads
