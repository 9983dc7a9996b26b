import numpy as np

MESSAGE = ("‖a‖² + ‖b‖² − 2 a·b subtracts large, nearly equal numbers when two points "
           "nearly coincide far from the origin, and round-off can leave the result a hair "
           "below 0. A squared distance is never negative: clip with np.maximum(D, 0.0).")


def pairwise_sq_dists(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    return (A ** 2).sum(axis=1)[:, None] + (B ** 2).sum(axis=1)[None, :] - 2.0 * (A @ B.T)
