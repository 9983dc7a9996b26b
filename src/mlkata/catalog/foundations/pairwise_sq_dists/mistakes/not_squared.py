import numpy as np

MESSAGE = ("These are the distances, not their squares: D[i, j] must be ‖A[i] − B[j]‖², so "
           "leave out the square root (it is also cheaper).")


def pairwise_sq_dists(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    D = (A ** 2).sum(axis=1)[:, None] + (B ** 2).sum(axis=1)[None, :] - 2.0 * (A @ B.T)
    return np.sqrt(np.maximum(D, 0.0))
