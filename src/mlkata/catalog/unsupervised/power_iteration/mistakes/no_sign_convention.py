import numpy as np

MESSAGE = ("Your eigenvectors have the right directions but some point the other way: v and -v are "
           "both eigenvectors, and where power iteration lands depends on the start (for a "
           "negative eigenvalue it even alternates every step). The contract makes the entry of "
           "largest absolute value positive: if x[np.argmax(np.abs(x))] < 0: x = -x.")


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
        eigenvalues[j] = lam
        eigenvectors[:, j] = x
        B = B - lam * np.outer(x, x)
    return eigenvalues, eigenvectors
