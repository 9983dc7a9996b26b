import numpy as np

MESSAGE = ("You did not centre X: Xᵀ X / (m − 1) of uncentred data is not the covariance, and "
           "its top eigenvector points towards the mean rather than along the spread. Subtract "
           "X.mean(axis=0) first, for the axes and for the projection.")


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    eigvals, eigvecs = np.linalg.eigh(X.T @ X / (len(X) - 1))
    order = np.argsort(eigvals)[::-1][:n_components]
    components = eigvecs[:, order].T
    return components, eigvals[order], X @ components.T
