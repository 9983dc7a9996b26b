import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=0)                       # (D,) batch mean of every feature
    var = x.var(axis=0)                       # (D,) population variance (divide by N)
    inv_std = 1.0 / np.sqrt(var + eps)        # eps inside the square root
    x_hat = (x - mu) * inv_std                # (N, D): each feature has mean 0, variance ~1
    out = gamma * x_hat + beta
    cache = (x_hat, np.asarray(gamma, dtype=float), inv_std)
    return out, cache


def batchnorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    dout = np.asarray(dout, dtype=float)
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    dx_hat = dout * gamma
    # dx = (1/σ) (dx̂ − mean(dx̂) − x̂ · mean(dx̂ · x̂)), per feature, means over the batch
    dx = inv_std / n * (n * dx_hat - dx_hat.sum(axis=0) - x_hat * (dx_hat * x_hat).sum(axis=0))
    return dx, dgamma, dbeta
