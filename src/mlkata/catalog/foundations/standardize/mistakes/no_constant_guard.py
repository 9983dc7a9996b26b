import numpy as np

MESSAGE = ("A constant column has std 0, so (X - mean) / std is 0/0 = nan there. Give a "
           "column whose values are all equal the scale 1 (as scikit-learn's StandardScaler "
           "does): its standardised values are then 0.")


def standardize(X):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    return (X - mean) / scale, mean, scale
