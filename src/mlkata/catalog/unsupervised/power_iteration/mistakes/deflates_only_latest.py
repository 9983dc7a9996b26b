import numpy as np

MESSAGE = ("Each deflation starts again from A, so only the latest pair is removed and an earlier one "
           "comes back (the third vector repeats the first). Deflate the matrix you are already "
           "iterating: B = B - lam * outer(x, x), so that after j steps every pair found so far "
           "is gone.")


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
        B = np.asarray(A, dtype=float) - lam * np.outer(x, x)   # from A again
    return eigenvalues, eigenvectors
