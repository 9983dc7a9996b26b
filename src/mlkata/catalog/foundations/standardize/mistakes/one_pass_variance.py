import numpy as np

MESSAGE = ("You computed the variance as mean(x²) − mean(x)²: for a column far from zero "
           "these two huge numbers nearly cancel and the difference is mostly round-off. "
           "Average the squared deviations instead: ((X - mean) ** 2).mean(axis=0).")


def standardize(X):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    var = (X ** 2).mean(axis=0) - mean ** 2
    scale = np.where(X.min(axis=0) == X.max(axis=0), 1.0, np.sqrt(np.abs(var)))
    return (X - mean) / scale, mean, scale
