import numpy as np

MESSAGE = ("Your dx is dout · gamma / sqrt(var + eps): it treats the example's mean and variance "
           "as constants, but both depend on every feature of the example. Subtract the means "
           "over its features of dx_hat and of dx_hat · x_hat: "
           "dx = inv_std · (dx_hat − mean(dx_hat) − x_hat · mean(dx_hat · x_hat)).")


def layernorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)


def layernorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    d = x_hat.shape[-1]
    dbeta = dout.reshape(-1, d).sum(axis=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(axis=0)
    dx = dout * gamma * inv_std
    return dx, dgamma, dbeta
