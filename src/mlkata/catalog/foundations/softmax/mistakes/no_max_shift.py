import numpy as np

MESSAGE = ("exp overflows: exp(1000) is inf in float64, and inf/inf is nan. Subtract the "
           "max along `axis` before exponentiating; softmax does not change.")


def softmax(z, axis=-1):
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)
