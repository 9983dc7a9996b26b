import numpy as np

MESSAGE = ("Your components are columns, shape (n, n_components): np.linalg.eigh returns the "
           "eigenvectors as the columns of its second output. The contract wants one axis per "
           "row, shape (n_components, n): transpose, eigvecs[:, order].T.")


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    eigvals, eigvecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    order = np.argsort(eigvals)[::-1][:n_components]
    components = eigvecs[:, order]
    return components, eigvals[order], Xc @ components
