import numpy as np

MESSAGE = ("You kept the right axes in the wrong order: np.linalg.eigh returns the eigenvalues "
           "in increasing order, so its last columns are the largest but the very last is the "
           "first principal axis. Order by decreasing variance: np.argsort(eigvals)[::-1].")


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    eigvals, eigvecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    components = eigvecs[:, -n_components:].T
    return components, eigvals[-n_components:], Xc @ components.T
