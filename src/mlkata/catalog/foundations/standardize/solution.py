import numpy as np


def standardize(X):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    centred = X - mean
    std = np.sqrt((centred ** 2).mean(axis=0))       # population std, from the deviations
    constant = X.min(axis=0) == X.max(axis=0)        # all values equal: no spread to scale
    scale = np.where(constant, 1.0, std)
    return centred / scale, mean, scale
