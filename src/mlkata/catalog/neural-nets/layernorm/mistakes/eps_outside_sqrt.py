import numpy as np

MESSAGE = ("You divide by sqrt(var) + eps. eps belongs inside the square root: "
           "x_hat = (x − mu) / sqrt(var + eps).")


def layernorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=-1, keepdims=True)
    std = np.sqrt(x.var(axis=-1, keepdims=True)) + eps
    x_hat = (x - mu) / std
    return gamma * x_hat + beta, (x_hat, gamma, 1.0 / std)


def layernorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    d = x_hat.shape[-1]
    dbeta = dout.reshape(-1, d).sum(axis=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(axis=0)
    dxh = dout * gamma
    dx = inv_std * (dxh - dxh.mean(axis=-1, keepdims=True)
                    - x_hat * (dxh * x_hat).mean(axis=-1, keepdims=True))
    return dx, dgamma, dbeta

