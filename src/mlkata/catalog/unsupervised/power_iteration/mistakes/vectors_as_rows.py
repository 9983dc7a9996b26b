import numpy as np

DIAGNOSIS = "transposed"
MESSAGE = ("Your eigenvectors are rows, shape (k, n). The contract returns them as the COLUMNS of an "
           "(n, k) array, like np.linalg.eigh: eigenvectors[:, j] goes with eigenvalues[j].")


def power_iteration(A, k, n_iters, rng):
    B = np.array(A, dtype=float)
    n = len(B)
    eigenvalues = np.zeros(k)
    eigenvectors = np.zeros((n, k))
    for j in range(k):
        x = rng.standard_normal(n)
        for _ in range(n_iters):
            y = B @ x
            x = y / np.linalg.norm(y)
        lam = x @ B @ x
        if x[np.argmax(np.abs(x))] < 0:
            x = -x
        eigenvalues[j] = lam
        eigenvectors[:, j] = x
        B = B - lam * np.outer(x, x)
    return eigenvalues, eigenvectors.T
