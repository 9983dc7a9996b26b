import numpy as np

MESSAGE = ("A[:, None, :] − B[None, :, :] has shape (len(A), len(B), n): sum the squares over "
           "the last axis, the features (axis=-1), not over the points of B.")


def pairwise_sq_dists(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    return ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=1)
