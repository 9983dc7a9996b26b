import numpy as np

MESSAGE = ("Your axes and variances are right, but you projected the raw X: every row of X_proj "
           "is off by mean @ components.T. Project the centred data: (X - mean) @ components.T.")


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    eigvals, eigvecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    order = np.argsort(eigvals)[::-1][:n_components]
    components = eigvecs[:, order].T
    return components, eigvals[order], X @ components.T
