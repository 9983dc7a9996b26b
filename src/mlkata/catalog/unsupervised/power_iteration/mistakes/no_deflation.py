import numpy as np

MESSAGE = ("Every eigenpair you return is the first one: without deflation, power iteration on the "
           "same matrix converges to the same dominant eigenvector each time. After finding "
           "(lam, x), remove it: B = B - lam * outer(x, x), and iterate on B.")


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
    return eigenvalues, eigenvectors
