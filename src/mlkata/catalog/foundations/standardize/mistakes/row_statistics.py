import numpy as np

MESSAGE = ("You took the statistics of each row (axis=1), i.e. of each sample. A feature is a "
           "column: take the mean and std along axis 0, so mean and scale have one entry per "
           "column, shape (n,).")


def standardize(X):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=1, keepdims=True)
    std = X.std(axis=1, keepdims=True)
    scale = np.where(X.min(axis=1, keepdims=True) == X.max(axis=1, keepdims=True), 1.0, std)
    return (X - mean) / scale, mean, scale
