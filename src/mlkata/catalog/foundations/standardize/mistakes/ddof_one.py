import numpy as np

MESSAGE = ("Your scale is the sample std (divided by m − 1). Standardisation uses the "
           "population std, dividing by m: X.std(axis=0), whose default is ddof=0.")


def standardize(X):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    std = X.std(axis=0, ddof=1)
    scale = np.where(X.min(axis=0) == X.max(axis=0), 1.0, std)
    return (X - mean) / scale, mean, scale
