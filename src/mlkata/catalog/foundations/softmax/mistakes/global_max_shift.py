import numpy as np

MESSAGE = ("You subtract the max of the whole array, so a slice far below it underflows to "
           "0/0. Subtract the max of each slice: z.max(axis=axis, keepdims=True).")


def softmax(z, axis=-1):
    e = np.exp(z - z.max())
    return e / e.sum(axis=axis, keepdims=True)
