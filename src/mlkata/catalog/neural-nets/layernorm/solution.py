import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=-1, keepdims=True)           # (..., 1) mean of every sample's features
    var = x.var(axis=-1, keepdims=True)           # (..., 1) population variance (divide by D)
    inv_std = 1.0 / np.sqrt(var + eps)            # eps inside the square root
    x_hat = (x - mu) * inv_std                    # every row: mean 0, variance ~1
    out = gamma * x_hat + beta                    # gamma, beta (D,) broadcast over the rows
    cache = (x_hat, np.asarray(gamma, dtype=float), inv_std)
    return out, cache


def layernorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    dout = np.asarray(dout, dtype=float)
    d = x_hat.shape[-1]
    # the parameters are per feature and shared by every sample: sum over all the other axes
    dbeta = dout.reshape(-1, d).sum(axis=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(axis=0)
    dx_hat = dout * gamma
    # dx = (1/σ) (dx̂ − mean(dx̂) − x̂ · mean(dx̂ · x̂)), means over each sample's features
    dx = inv_std * (dx_hat - dx_hat.mean(axis=-1, keepdims=True)
                    - x_hat * (dx_hat * x_hat).mean(axis=-1, keepdims=True))
    return dx, dgamma, dbeta
