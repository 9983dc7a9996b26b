import numpy as np

MESSAGE = ("Your start vectors are the columns of one rng.standard_normal((n, k)) draw. The contract "
           "draws them one eigenpair at a time, x = rng.standard_normal(n) (the same numbers as "
           "the ROWS of rng.standard_normal((k, n))), so before convergence your numbers differ.")


def power_iteration(A, k, n_iters, rng):
    B = np.array(A, dtype=float)
    n = len(B)
    eigenvalues = np.zeros(k)
    eigenvectors = np.zeros((n, k))
    X0 = rng.standard_normal((n, k))
    for j in range(k):
        x = X0[:, j]
        for _ in range(n_iters):
            y = B @ x
            x = y / np.linalg.norm(y)
        lam = x @ B @ x
        if x[np.argmax(np.abs(x))] < 0:
            x = -x
        eigenvalues[j] = lam
        eigenvectors[:, j] = x
        B = B - lam * np.outer(x, x)
    return eigenvalues, eigenvectors
