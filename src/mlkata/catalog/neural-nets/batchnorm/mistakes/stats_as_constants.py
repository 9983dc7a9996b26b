import numpy as np

MESSAGE = ("Your dx is dout · gamma / sqrt(var + eps): it treats the batch mean and variance as "
           "constants, but both depend on every x. Subtract the batch means of dx_hat and of "
           "dx_hat · x_hat: dx = inv_std · (dx_hat − mean(dx_hat) − x_hat · mean(dx_hat · x_hat)).")


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)


def batchnorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    dx = dout * gamma * inv_std
    return dx, dgamma, dbeta
