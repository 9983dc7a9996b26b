"""pairwise_sq_dists: the contract, a worked example, random sets, no negatives, speed."""

import runpy
from pathlib import Path

import numpy as np

from mlkata.engine.kit import Finding, Scenario, call, check

MISTAKES = Path(__file__).parent / "mistakes"


def _message(mistake: str) -> str:
    """The MESSAGE of a known mistake, for the judge that names it."""
    return runpy.run_path(str(MISTAKES / f"{mistake}.py"))["MESSAGE"]


def _dists(A, B):
    """A case whose tolerance allows for the round-off of any sound method.

    ‖a‖² + ‖b‖² − 2a·b and the broadcast sum of squared differences differ by a few units in
    the last place of ‖a‖² + ‖b‖², not of D: allow an absolute error of 1e-12 of the largest
    squared norms (about 10,000 ulps), on top of the usual relative tolerance.
    """
    norms = float(np.max(np.sum(np.asarray(A, float) ** 2, axis=1))
                  + np.max(np.sum(np.asarray(B, float) ** 2, axis=1)))
    return call("pairwise_sq_dists", A, B).tolerance(atol=1e-12 * norms + 1e-15)


def _never_negative(got, expected, case):
    D = got.get("pairwise_sq_dists")
    if not isinstance(D, np.ndarray) or D.dtype.kind not in "iuf" or D.size == 0:
        return None
    where = np.unravel_index(int(np.argmin(D)), D.shape)
    if D[where] >= 0:
        return None
    i, j = (int(k) for k in where)
    count = int((D < 0).sum())
    message = (f"D[{i}, {j}] = {float(D[where]):.3g} is negative ({count} entries of D are): "
               f"a squared distance never is. A[{i}] and B[{j}] nearly coincide, thousands "
               "of units from the origin.")
    return Finding(message, "no_clip", _message("no_clip"))


@check("contract", "returns an array of shape (len(A), len(B))")
def shape(rng):
    yield _dists(rng.normal(size=(4, 3)), rng.normal(size=(6, 3)))


@check("contract", "accepts integer points")
def integer_points(rng):
    yield _dists(np.array([[0, 1], [2, -3], [4, 4]]),
                 np.array([[1, 1], [0, 0], [-2, 5], [3, 3], [2, -3]]))


@check("fixed", "the worked example: D = [[0, 1, 25, 9], [9, 8, 12, 0]]")
def worked_example(rng):
    yield _dists(np.array([[0.0, 0.0, 0.0], [1.0, 2.0, 2.0]]),
                 np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [3.0, 4.0, 0.0], [1.0, 2.0, 2.0]]))


@check("fixed", "one feature, and a single point on either side")
def small_shapes(rng):
    yield _dists(np.array([[1.0], [4.0], [-2.0]]), np.array([[0.0], [3.0]]))
    yield _dists(np.array([[1.0, -1.0, 2.0, 0.5]]), np.array([[0.0, 1.0, 2.0, 4.0],
                                                             [1.0, -1.0, 2.0, 0.5]]))
    yield _dists(np.array([[3.0, 1.0], [0.0, 2.0], [1.0, 1.0]]), np.array([[2.0, 2.0]]))


@check("random", "agrees with the reference on random point sets")
def random_sets(rng):
    for p, q, n in [(5, 7, 3), (9, 4, 6), (3, 8, 1), (20, 13, 7), (11, 2, 5)]:
        centre = rng.uniform(-5, 5, size=n)
        yield _dists(centre + rng.normal(scale=2.0, size=(p, n)),
                     centre + rng.normal(scale=3.0, size=(q, n)))


@check("property", "no entry is negative, even for nearly coinciding points far from the origin")
def never_negative(rng):
    # 60 points of B, each within 1e-6 of one of 9 points of A, all about 3000 from the
    # origin: ‖a‖² ≈ 3e7, so a·b and ‖a‖² agree in all but their last bits and the expanded
    # formula lands on either side of 0 (about one pair in six below it).
    for p, q, n in [(9, 60, 5), (7, 40, 3)]:
        A = rng.uniform(-3000, 3000, size=n) + rng.normal(scale=30.0, size=(p, n))
        B = A[rng.integers(0, p, size=q)] + rng.normal(scale=1e-6, size=(q, n))
        yield _dists(A, B).judge(_never_negative).because(
            "each point of B is within 1e-6 of a point of A, about 3000 from the origin")


@check("property", "fast: 3,000,000 pairs within 2 s, so no Python loop over pairs", time_s=2.0)
def vectorised(rng):
    # A double Python loop spends one to several microseconds per pair: seconds here. A
    # vectorised solution (or a loop over the rows of A with numpy inside) takes milliseconds.
    # Two rows of D are sent back, not all 3,000,000 entries, so that the time measured is the
    # computation's.
    A = rng.normal(size=(2000, 3))
    B = rng.normal(size=(1500, 3)) + 0.5
    s = Scenario()
    D = s.call("pairwise_sq_dists", A, B, name="D")
    s.out(s.item(D, 0), "D[0]")
    s.out(s.item(D, 1999), "D[1999]")
    norms = float(np.max(np.sum(A ** 2, axis=1)) + np.max(np.sum(B ** 2, axis=1)))
    yield s.case().tolerance(atol=1e-12 * norms).because("A has 2000 points, B 1500")
