import numpy as np

MESSAGE = ("You divide by sqrt(var) + eps. eps belongs inside the square root: "
           "x_hat = (x − mu) / sqrt(var + eps).")


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    std = np.sqrt(var) + eps
    x_hat = (x - mu) / std
    return gamma * x_hat + beta, (x, x_hat, gamma, std)


def batchnorm_backward(dout, cache):
    x, x_hat, gamma, std = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    dx_hat = dout * gamma
    dx = (n * dx_hat - dx_hat.sum(axis=0) - x_hat * (dx_hat * x_hat).sum(axis=0)) / (n * std)
    return dx, dgamma, dbeta
