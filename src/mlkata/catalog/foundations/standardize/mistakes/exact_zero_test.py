import numpy as np

MESSAGE = ("A constant column's std came out as a round-off speck (about 1e-17), not exactly "
           "0, so your `std == 0` test missed it and you divided by the speck. Detect a "
           "constant column by its values: X.min(axis=0) == X.max(axis=0).")


def standardize(X):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    scale = np.where(std == 0, 1.0, std)
    return (X - mean) / scale, mean, scale
