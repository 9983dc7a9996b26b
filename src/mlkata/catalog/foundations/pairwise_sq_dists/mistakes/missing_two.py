import numpy as np

MESSAGE = ("The cross term lost its factor 2: ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b. Subtract "
           "2 * A @ B.T.")


def pairwise_sq_dists(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    D = (A ** 2).sum(axis=1)[:, None] + (B ** 2).sum(axis=1)[None, :] - A @ B.T
    return np.maximum(D, 0.0)
