import numpy as np

MESSAGE = ("Your variance divides by D − 1 (the sample variance). Layer norm normalises with the "
           "population variance of the example's D features: divide by D "
           "(x.var(axis=-1, keepdims=True), ddof=0).")


def layernorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, ddof=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)


def layernorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    d = x_hat.shape[-1]
    dbeta = dout.reshape(-1, d).sum(axis=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(axis=0)
    dxh = dout * gamma
    dx = inv_std * (dxh - dxh.mean(axis=-1, keepdims=True)
                    - x_hat * (dxh * x_hat).mean(axis=-1, keepdims=True))
    return dx, dgamma, dbeta

