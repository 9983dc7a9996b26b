import numpy as np

MESSAGE = ("You always normalise along the last axis: use the `axis` argument for both the "
           "max and the sum.")


def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
