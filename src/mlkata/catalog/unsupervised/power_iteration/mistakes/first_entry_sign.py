import numpy as np

MESSAGE = ("You fix the sign by the FIRST entry of each eigenvector. The contract makes the entry "
           "of largest absolute value positive: flip x when x[np.argmax(np.abs(x))] < 0 (a "
           "first entry near 0 would make the sign a matter of round-off).")


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
        if x[0] < 0:
            x = -x
        eigenvalues[j] = lam
        eigenvectors[:, j] = x
        B = B - lam * np.outer(x, x)
    return eigenvalues, eigenvectors
