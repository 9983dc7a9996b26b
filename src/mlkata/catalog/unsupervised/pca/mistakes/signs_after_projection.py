import numpy as np

MESSAGE = ("You changed the signs of some components after computing X_proj, so X_proj no "
           "longer matches them. Any sign is fine, but fix the signs first and project with "
           "the components you return: X_proj = (X - mean) @ components.T.")


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    eigvals, eigvecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    order = np.argsort(eigvals)[::-1][:n_components]
    components = eigvecs[:, order].T
    X_proj = Xc @ components.T
    # make the largest entry of every axis positive (a common convention) -- too late
    biggest = components[np.arange(len(components)), np.argmax(np.abs(components), axis=1)]
    components = components * np.sign(biggest)[:, None]
    return components, eigvals[order], X_proj
