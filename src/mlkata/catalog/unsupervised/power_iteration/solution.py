import numpy as np


def power_iteration(A, k, n_iters, rng):
    B = np.array(A, dtype=float)                # a float copy: deflation changes it, not A
    n = len(B)
    eigenvalues = np.zeros(k)
    eigenvectors = np.zeros((n, k))
    for j in range(k):
        x = rng.standard_normal(n)              # the j-th start vector, drawn just now
        for _ in range(n_iters):
            y = B @ x
            x = y / np.linalg.norm(y)           # normalise every step: no overflow
        lam = x @ B @ x                         # Rayleigh quotient (x has norm 1)
        if x[np.argmax(np.abs(x))] < 0:         # sign: the largest |entry| is positive
            x = -x
        eigenvalues[j] = lam
        eigenvectors[:, j] = x
        B = B - lam * np.outer(x, x)            # deflation: remove the pair found
    return eigenvalues, eigenvectors
