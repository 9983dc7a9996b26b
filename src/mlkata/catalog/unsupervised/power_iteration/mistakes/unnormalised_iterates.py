import numpy as np

MESSAGE = ("Your iterates are not normalised at every step, so they grow (or shrink) like |lam|^t "
           "and overflow to inf (or underflow to 0), and inf/inf or 0/0 is nan. Divide by the "
           "norm after every multiplication: x = y / np.linalg.norm(y).")


def power_iteration(A, k, n_iters, rng):
    B = np.array(A, dtype=float)
    n = len(B)
    eigenvalues = np.zeros(k)
    eigenvectors = np.zeros((n, k))
    for j in range(k):
        x = rng.standard_normal(n)
        for _ in range(n_iters):
            x = B @ x
        x = x / np.linalg.norm(x)
        lam = x @ B @ x
        if x[np.argmax(np.abs(x))] < 0:
            x = -x
        eigenvalues[j] = lam
        eigenvectors[:, j] = x
        B = B - lam * np.outer(x, x)
    return eigenvalues, eigenvectors
