import numpy as np

MESSAGE = ("You normalise each feature over the batch (axis 0): that is batch norm. Layer norm "
           "normalises each example over its own features: take the mean and variance along the "
           "last axis, x.mean(axis=-1, keepdims=True).")


def layernorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)


def layernorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    dxh = dout * gamma
    dx = inv_std * (dxh - dxh.mean(axis=0) - x_hat * (dxh * x_hat).mean(axis=0))
    return dx, dgamma, dbeta
