import numpy as np

MESSAGE = ("You formed the covariance from the raw data, as (Xᵀ X − m μ μᵀ) / (m − 1): for data "
           "far from zero both terms are huge and nearly equal, and their difference is mostly "
           "round-off. Centre first, Xc = X − μ, then Xcᵀ Xc / (m − 1).")


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    m = len(X)
    mean = X.mean(axis=0)
    cov = (X.T @ X - m * np.outer(mean, mean)) / (m - 1)
    eigvals, eigvecs = np.linalg.eigh(cov)
    order = np.argsort(eigvals)[::-1][:n_components]
    components = eigvecs[:, order].T
    return components, eigvals[order], (X - mean) @ components.T
