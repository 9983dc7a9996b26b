import numpy as np

MESSAGE = ("dgamma (and dbeta) must have one entry per feature, shape (D,): gamma[j] scales "
           "feature j of every example, so sum dout · x_hat over the examples (axis 0), not over "
           "the features — the statistics use axis -1, the parameter gradients do not.")


def layernorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)


def layernorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    dbeta = dout.sum(axis=-1)
    dgamma = (dout * x_hat).sum(axis=-1)
    dxh = dout * gamma
    dx = inv_std * (dxh - dxh.mean(axis=-1, keepdims=True)
                    - x_hat * (dxh * x_hat).mean(axis=-1, keepdims=True))
    return dx, dgamma, dbeta
