import numpy as np

MESSAGE = ("You take the eigenvalue as ||B x||, which is |lam|: a negative eigenvalue comes out "
           "positive (and the deflation then adds it instead of removing it). Use the Rayleigh "
           "quotient x @ B @ x (x of norm 1), which keeps the sign.")


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
        lam = np.linalg.norm(B @ x)
        if x[np.argmax(np.abs(x))] < 0:
            x = -x
        eigenvalues[j] = lam
        eigenvectors[:, j] = x
        B = B - lam * np.outer(x, x)
    return eigenvalues, eigenvectors
