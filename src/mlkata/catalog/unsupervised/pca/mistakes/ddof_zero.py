import numpy as np

DIAGNOSIS = "ddof-reversed"
MESSAGE = ("The explained variances divide by m; scikit-learn's explained_variance_ (and this "
           "contract) divide by m − 1, the sample covariance Xcᵀ Xc / (m − 1).")


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    eigvals, eigvecs = np.linalg.eigh(Xc.T @ Xc / len(X))
    order = np.argsort(eigvals)[::-1][:n_components]
    components = eigvecs[:, order].T
    return components, eigvals[order], Xc @ components.T
