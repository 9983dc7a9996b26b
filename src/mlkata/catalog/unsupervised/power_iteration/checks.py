"""power_iteration: the contract, the worked example, a diagonal matrix, random symmetric
matrices against np.linalg.eigh, the exact iterations when not converged, negative eigenvalues,
the sign convention, every eigenpair, and large or tiny scales."""

import runpy
from functools import cache
from pathlib import Path

import numpy as np

from mlkata.engine.kit import call, check, rng

HERE = Path(__file__).parent

# The worked example of the theory page: eigenvalues 20 and -5, eigenvectors (0.6, 0.8) and
# (0.8, -0.6); the start vectors come from np.random.default_rng(10).
A_WORKED = np.array([[4, 12], [12, 11]])
SEED_WORKED = 10


@cache
def _reference():
    return runpy.run_path(str(HERE / "solution.py"))["power_iteration"]


def _orthogonal(r, n):
    q, t = np.linalg.qr(r.normal(size=(n, n)))
    return q * np.sign(np.diag(t))


def _sign_gaps_clear(V):
    """In every column the largest |entry| is clearly larger than the next one: which entry
    decides the sign cannot depend on round-off."""
    a = np.sort(np.abs(V), axis=0)
    return bool(np.all(a[-1] - a[-2] > 1e-6 * a[-1])) if len(V) > 1 else True


def _matrix(r, n, ratio=0.5, scale=10.0, negative=None):
    """A symmetric Q diag(lam) Q^T with |lam| falling by about `ratio` from one to the next, the
    signs random (or the given ones), rounded to exact symmetry."""
    mags = scale * ratio ** np.arange(n) * r.uniform(0.95, 1.05, size=n)
    signs = r.choice([-1.0, 1.0], size=n) if negative is None else np.where(negative, -1.0, 1.0)
    Q = _orthogonal(r, n)
    A = (Q * (signs * mags)) @ Q.T
    return (A + A.T) / 2


def _case(r, n, k, n_iters, **kwargs):
    """(A, seed): a matrix and a start seed whose answer is unique beyond round-off."""
    while True:
        A = _matrix(r, n, **kwargs)
        seed = int(r.integers(2**31))
        _, V = _reference()(A, k, n_iters, np.random.default_rng(seed))
        if _sign_gaps_clear(V) and _sign_gaps_clear(np.linalg.eigh(A)[1]):
            return A, seed


def _agrees_with_eigh(A, k):
    """A judge: the returned pairs are the top-k eigenpairs of np.linalg.eigh, with the sign
    convention (for converged cases)."""
    w, Q = np.linalg.eigh(np.asarray(A, dtype=float))
    order = np.argsort(-np.abs(w), kind="stable")[:k]
    lam, V = w[order], Q[:, order]
    V = V * np.where(V[np.argmax(np.abs(V), axis=0), np.arange(k)] < 0, -1.0, 1.0)

    def judge(got, expected, case):
        values, vectors = got["power_iteration"]
        scale = float(np.max(np.abs(lam)))
        if np.max(np.abs(np.asarray(values) - lam)) > 1e-7 * scale:
            return (f"the eigenvalues {np.asarray(values).tolist()} are not the {k} largest in "
                    f"absolute value of np.linalg.eigh, {lam.tolist()}")
        if np.max(np.abs(np.asarray(vectors) - V)) > 1e-7:
            return "the eigenvectors differ from np.linalg.eigh's (with the sign convention)"
        return None
    return judge


def _call(A, k, n_iters, seed):
    return call("power_iteration", A, k, n_iters, rng(seed))


# contract ---------------------------------------------------------------------------------------

@check("contract", "returns eigenvalues (k,) and eigenvectors (n, k) as float arrays")
def shapes(r):
    A, seed = _case(r, 5, 3, 100)
    yield _call(A, 3, 100, seed).structure_only()


@check("contract", "accepts an integer matrix")
def integer_input(r):
    yield _call(A_WORKED, 2, 40, SEED_WORKED).structure_only()


# fixed ------------------------------------------------------------------------------------------

@check("fixed", "the worked example: [[4, 12], [12, 11]] has eigenvalues 20 and -5")
def worked_example(r):
    A = A_WORKED.astype(float)
    yield _call(A, 1, 40, SEED_WORKED)
    yield _call(A, 2, 40, SEED_WORKED).judge(_agrees_with_eigh(A, 2)).because(
        "(0.8, -0.6): its largest entry 0.8 is positive")


@check("fixed", "a diagonal matrix: the eigenvectors are unit vectors, largest |value| first")
def diagonal(r):
    A = np.diag([3.0, -7.0, 1.0, 0.25])
    yield _call(A, 3, 80, 1).judge(_agrees_with_eigh(A, 3)).because(
        "the eigenvalues by absolute value are -7, 3, 1: along axes 1, 0, 2")


@check("fixed", "an integer matrix gives the same result as floats")
def integer_values(r):
    yield _call(A_WORKED, 2, 40, SEED_WORKED)


# random -----------------------------------------------------------------------------------------

@check("random", "agrees with np.linalg.eigh on symmetric matrices with separated eigenvalues")
def random_matrices(r):
    for n, k, n_iters in [(3, 1, 100), (4, 2, 100), (6, 3, 120), (9, 4, 120), (12, 5, 150)]:
        A, seed = _case(r, n, k, n_iters)
        yield _call(A, k, n_iters, seed).judge(_agrees_with_eigh(A, k))


# property ---------------------------------------------------------------------------------------

@check("property", "not converged: exactly n_iters steps from the start vectors the contract draws")
def not_converged(r):
    for n, k, n_iters in [(3, 2, 1), (4, 2, 2), (5, 3, 3), (6, 3, 5), (7, 4, 8)]:
        A, seed = _case(r, n, k, n_iters, ratio=0.85)
        yield _call(A, k, n_iters, seed).because(
            f"n_iters = {n_iters} with |lam_2 / lam_1| about 0.85: far from converged, the "
            "numbers depend on every step and on the start vectors")


@check("property", "a negative eigenvalue keeps its sign (the Rayleigh quotient, not a norm)")
def negative_eigenvalues(r):
    for n, k, negative in [(3, 2, [True, False, False]), (5, 3, [True, True, False, True, False]),
                           (6, 4, [False, True, True, True, False, False])]:
        A, seed = _case(r, n, k, 120, negative=np.array(negative))
        yield _call(A, k, 120, seed).judge(_agrees_with_eigh(A, k))


def _opposite_first_entries(r, n, k):
    """A matrix whose top-k eigenvectors, made positive at their largest entry, all have a
    negative first entry, and a start seed."""
    while True:
        A = _matrix(r, n)
        w, Q = np.linalg.eigh(A)
        V = Q[:, np.argsort(-np.abs(w))[:k]]
        V = V * np.sign(V[np.argmax(np.abs(V), axis=0), np.arange(k)])
        if _sign_gaps_clear(Q) and np.all(V[0] < -1e-3):
            return A, int(r.integers(2**31))


@check("property", "each eigenvector's largest entry in absolute value is positive")
def sign_convention(r):
    for n, k in [(3, 1), (4, 2), (5, 3)]:
        A, seed = _opposite_first_entries(r, n, k)
        yield _call(A, k, 120, seed).judge(_agrees_with_eigh(A, k)).because(
            "every eigenvector here has a negative first entry once its largest entry is "
            "positive")


@check("property", "k = n: every eigenpair, the last after n - 1 deflations")
def all_pairs(r):
    for n in (2, 4, 6):
        A, seed = _case(r, n, n, 150)
        yield _call(A, n, 150, seed).judge(_agrees_with_eigh(A, n))


# stability --------------------------------------------------------------------------------------

@check("stability", "stays finite for eigenvalues near 1e4 or 1e-4 after many steps")
def scales(r):
    for scale in (1e4, 1e-4):
        A, seed = _case(r, 4, 2, 120, scale=scale)
        yield _call(A, 2, 120, seed).judge(_agrees_with_eigh(A, 2)).because(
            f"|lam|^120 is {'far above 1e308' if scale > 1 else 'far below 1e-308'}: "
            "unnormalised iterates overflow or underflow")
