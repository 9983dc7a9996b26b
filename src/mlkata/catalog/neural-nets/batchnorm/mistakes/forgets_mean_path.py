import numpy as np

MESSAGE = ("dx follows the path through the variance but not through the mean: every x moves "
           "mu, so add dmu / N to every row, with dmu = −sum(dx_hat) / sqrt(var + eps) "
           "(its variance term vanishes because sum(x − mu) = 0).")


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    x_hat = (x - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, (x, mu, var, eps, x_hat, gamma)


def batchnorm_backward(dout, cache):
    x, mu, var, eps, x_hat, gamma = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    dx_hat = dout * gamma
    dvar = np.sum(dx_hat * (x - mu) * -0.5 * (var + eps) ** -1.5, axis=0)
    dx = dx_hat / np.sqrt(var + eps) + dvar * 2.0 * (x - mu) / n
    return dx, dgamma, dbeta
