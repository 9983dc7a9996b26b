import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)                           # centre every feature
    cov = Xc.T @ Xc / (len(X) - 1)                    # (n, n) covariance, ddof=1
    eigvals, eigvecs = np.linalg.eigh(cov)            # ascending; eigenvectors are columns
    order = np.argsort(eigvals)[::-1][:n_components]  # the largest variances first
    components = eigvecs[:, order].T                  # axes as rows, (n_components, n)
    explained_variance = eigvals[order]
    X_proj = Xc @ components.T                        # coordinates along the axes, (m, k)
    return components, explained_variance, X_proj
