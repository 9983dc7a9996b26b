import numpy as np


def pairwise_sq_dists(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    sq_a = np.sum(A ** 2, axis=1)[:, None]          # ‖a_i‖² as a column, (p, 1)
    sq_b = np.sum(B ** 2, axis=1)[None, :]          # ‖b_j‖² as a row,    (1, q)
    D = sq_a + sq_b - 2.0 * (A @ B.T)               # ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b
    return np.maximum(D, 0.0)                       # round-off can dip just below 0
