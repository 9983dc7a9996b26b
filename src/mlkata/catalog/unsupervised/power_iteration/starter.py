"""Power iteration with deflation.  Theory: `mlkata theory power_iteration`."""

import numpy as np  # noqa: F401  (you will need it)


def power_iteration(A, k, n_iters, rng):
    """The k eigenpairs of largest |eigenvalue| of a symmetric matrix, by power iteration.

    A       : ndarray (n, n), symmetric, floats or integers. Do not modify it.
    k       : int, 1 <= k <= n, how many eigenpairs to find.
    n_iters : int >= 1, the exact number of multiplications per eigenpair (no early stop).
    rng     : np.random.Generator, the only source of randomness.

    Protocol, from B = a float copy of A, for j = 0, 1, ..., k - 1:
      1. x = rng.standard_normal(n)            (one draw per eigenpair, just before it)
      2. n_iters times: y = B @ x, then x = y / ||y||
      3. lam = x @ B @ x                       (the Rayleigh quotient of the unit vector x)
      4. if the entry of x with the largest absolute value is negative: x = -x
      5. eigenvalue j = lam, eigenvector j = x; then deflate: B = B - lam * outer(x, x)

    Returns a tuple (eigenvalues, eigenvectors):
      eigenvalues  : float ndarray (k,), in the order found (decreasing absolute value)
      eigenvectors : float ndarray (n, k), unit COLUMNS: eigenvectors[:, j] goes with
                     eigenvalues[j] (as with np.linalg.eigh)
    """
    raise NotImplementedError
