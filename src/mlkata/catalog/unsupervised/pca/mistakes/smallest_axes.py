import numpy as np

MESSAGE = ("You kept the axes of the smallest variance: np.linalg.eigh returns eigenvalues in "
           "increasing order, so its first columns are the least important. Sort by decreasing "
           "eigenvalue (np.argsort(eigvals)[::-1]) and keep the first n_components.")


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    eigvals, eigvecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    components = eigvecs[:, :n_components].T
    return components, eigvals[:n_components], Xc @ components.T
