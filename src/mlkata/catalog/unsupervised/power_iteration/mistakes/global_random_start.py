import numpy as np

DIAGNOSIS = "global-random-state"
MESSAGE = ("Your start vectors come from np.random's global state, not from the rng you are given, "
           "so before convergence your numbers cannot match. Draw x = rng.standard_normal(n) "
           "before each eigenpair.")


def power_iteration(A, k, n_iters, rng):
    B = np.array(A, dtype=float)
    n = len(B)
    eigenvalues = np.zeros(k)
    eigenvectors = np.zeros((n, k))
    for j in range(k):
        x = np.random.standard_normal(n)
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
