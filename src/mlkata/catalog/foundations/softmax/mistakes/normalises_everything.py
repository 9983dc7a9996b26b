import numpy as np

MESSAGE = ("Your result sums to 1 over the whole array, not along `axis`: pass axis=axis "
           "(with keepdims=True) to the sum.")


def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum()
