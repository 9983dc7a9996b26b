import numpy as np

MESSAGE = ("D is the transpose of the answer: it has one row per point of B. Put A first: "
           "A[:, None, :] − B[None, :, :], so that D[i, j] compares A[i] with B[j].")


def pairwise_sq_dists(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    return ((B[:, None, :] - A[None, :, :]) ** 2).sum(axis=-1)
