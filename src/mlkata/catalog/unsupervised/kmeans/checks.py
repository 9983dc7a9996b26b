"""kmeans: the contract, a worked example, random runs, ties, empty clusters, the cost."""

import runpy
from pathlib import Path

import numpy as np

from mlkata.engine.kit import Finding, Scenario, call, check

MISTAKES = Path(__file__).parent / "mistakes"


def _message(mistake: str) -> str:
    """The MESSAGE of a known mistake, for the judge that names it."""
    return runpy.run_path(str(MISTAKES / f"{mistake}.py"))["MESSAGE"]


def _lloyd(X, C, n_iters):
    """The contract's iterations, with what each assignment looked like (to vet test data)."""
    X = np.asarray(X, dtype=float)
    C = np.array(C, dtype=float)
    steps = []
    for _ in range(n_iters):
        d = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=-1)
        labels = np.argmin(d, axis=1)
        counts = np.bincount(labels, minlength=len(C))
        steps.append((d, labels, counts))
        for k in np.flatnonzero(counts):
            C[k] = X[labels == k].mean(axis=0)
    return C, steps


def _unambiguous(X, C, n_iters):
    """Every point is clearly nearest to one centroid in every iteration, none is empty.

    Then any sound way of computing distances and means (loops, broadcasting, the expanded
    square, sums divided by counts) makes the same assignments as the reference.
    """
    _, steps = _lloyd(X, C, n_iters)
    for d, _, counts in steps:
        part = np.sort(d, axis=1)
        if (part[:, 1] - part[:, 0]).min() < 1e-6 * (1.0 + d.max()) or counts.min() == 0:
            return False
    return True


def _blobs(rng, m, n, K, n_iters, converged=None):
    """m points around K centres and K distinct starting points taken from them."""
    while True:
        centres = rng.normal(scale=4.0, size=(K, n))
        X = centres[rng.integers(0, K, size=m)] + rng.normal(size=(m, n))
        C = X[rng.choice(m, size=K, replace=False)]
        if not _unambiguous(X, C, n_iters + 1):
            continue
        if converged is False:
            _, steps = _lloyd(X, C, n_iters + 1)
            if np.array_equal(steps[-1][1], steps[-2][1]):
                continue  # one more iteration would change nothing: already converged
        return X, C


def _stays_put(X, C, n_iters):
    """Name the empty-cluster mistakes: a centroid with no points must keep its position.

    Judged apart from the comparison with the reference (which follows on the same input)
    because a re-seeded centroid lands on a random point: no single wrong answer to match.
    """
    want, steps = _lloyd(X, C, n_iters)
    labels_want = steps[-1][1]
    empty = [int(k) for k in np.flatnonzero(steps[-1][2] == 0)]

    def judge(got, expected, case):
        out = got.get("kmeans")
        if not (isinstance(out, tuple) and len(out) == 2):
            return None
        centroids, labels = out
        if not (isinstance(centroids, np.ndarray) and centroids.shape == want.shape
                and isinstance(labels, np.ndarray) and labels.shape == labels_want.shape
                and np.array_equal(labels, labels_want)):
            return None  # some other difference: the comparison with the reference tells
        for k in empty:
            row = np.asarray(centroids[k], dtype=float)
            where = f"centroid {k} had no points in the last assignment (no label is {k})"
            if np.isnan(row).any():
                return Finding(f"{where}, so it should have stayed at {want[k].tolist()}; "
                               f"yours is {row.tolist()}.", "empty_cluster_nan",
                               _message("empty_cluster_nan"))
            if not np.allclose(row, want[k], rtol=1e-9, atol=1e-12):
                return Finding(f"{where}, so it should have stayed at {want[k].tolist()}; "
                               f"yours moved to {row.tolist()}.", "reinit_empty",
                               _message("reinit_empty"))
        return None

    case = call("kmeans", X, C, n_iters).without_reference().judge(judge)
    case.size -= 1  # before the comparison on the same input
    return case


def _costs_never_increase(X, n_runs):
    def judge(got, expected, case):
        costs = []
        for t in range(1, n_runs + 1):
            out = got.get(f"kmeans(X, init_centroids, {t})")
            if not (isinstance(out, tuple) and len(out) == 2):
                return f"kmeans(X, init_centroids, {t}) should return (centroids, labels)"
            centroids, labels = (np.asarray(v) for v in out)
            if labels.shape != (len(X),) or labels.dtype.kind not in "iu" or \
                    centroids.ndim != 2 or labels.min() < 0 or labels.max() >= len(centroids):
                return (f"kmeans(X, init_centroids, {t}) should return centroids (K, n) and "
                        f"integer labels (m,) in 0..K-1")
            costs.append(float(((X - centroids[labels]) ** 2).sum()))
        for t in range(1, n_runs):
            if not costs[t] <= costs[t - 1] * (1 + 1e-9) + 1e-12:
                shown = ", ".join(f"{c:.6g}" for c in costs)
                runs = "1 iteration" if t == 1 else f"{t} iterations"
                return (f"The cost Σᵢ ‖xᵢ − centroid[labels[i]]‖² went up from {costs[t - 1]:.6g} "
                        f"after {runs} to {costs[t]:.6g} after {t + 1} (costs: {shown}). "
                        "An assignment to the nearest centroid and a move to the mean can only "
                        "lower it.")
        return None
    return judge


@check("contract", "returns (centroids, labels): a float (K, n) array and an integer (m,) array")
def shapes(rng):
    X, C = _blobs(rng, 7, 2, 3, 2)
    yield call("kmeans", X, C, 2)


@check("contract", "accepts integer points and centroids (the centroids become float means)")
def integer_input(rng):
    X = np.array([[0, 0, 1], [1, 0, 0], [0, 1, 1], [8, 9, 8], [9, 9, 9], [8, 8, 9], [9, 8, 8],
                  [0, 9, 0]])
    C = np.array([[0, 0, 0], [9, 9, 9]])
    yield call("kmeans", X, C, 2).because("the first cluster's mean is (0.25, 2.5, 0.5)")


@check("fixed", "the worked example: X = 1, 2, 4, 7, 8 from centroids 1 and 2")
def worked_example(rng):
    X = np.array([[1.0], [2.0], [4.0], [7.0], [8.0]])
    C = np.array([[1.0], [2.0]])
    for n_iters in (1, 2, 3):
        yield call("kmeans", X, C, n_iters)


@check("random", "agrees with the reference on random clusters")
def random_runs(rng):
    for m, n, K, n_iters in [(12, 2, 3, 1), (9, 4, 2, 2), (20, 3, 4, 3), (15, 1, 3, 4),
                             (30, 5, 6, 10)]:
        X, C = _blobs(rng, m, n, K, n_iters)
        yield call("kmeans", X, C, n_iters)


@check("property", "runs exactly n_iters iterations, also when not yet converged")
def not_converged(rng):
    for m, n, K, n_iters in [(14, 2, 3, 1), (18, 3, 4, 2), (25, 2, 5, 3)]:
        X, C = _blobs(rng, m, n, K, n_iters, converged=False)
        yield call("kmeans", X, C, n_iters).because(
            f"after {n_iters} iteration(s) the assignment has not settled yet")


@check("property", "a point equally near several centroids goes to the smallest index")
def ties(rng):
    # Integer coordinates: the squared distances are exact, so the ties are exact.
    X = np.array([[1, 1], [1, 0], [2, 1], [1, 2], [0, 1], [3, 3], [2, -1]])
    C = np.array([[0, 0], [2, 0], [0, 2], [2, 2]])
    first = call("kmeans", X, C, 1).because(
        "(1, 1) is at distance² 2 from all four centroids; (1, 0), (2, 1), (1, 2) and (0, 1) "
        "are each halfway between two")
    first.size = 0  # shown first: the plainest tie
    yield first
    # A tie in the second iteration: the first update moves centroid 0 to (4, 2) and
    # centroid 1 to (8, 2), and the point (6, 1) is at distance² 5 from both.
    X = np.array([[5, 1], [6, 1], [8, 3], [1, 4], [5, 4], [8, 1], [7, 4]])
    C = np.array([[5, 1], [8, 3], [7, 4]])
    yield call("kmeans", X, C, 2).because(
        "after one update, (6, 1) is at distance² 5 from both (4, 2) and (8, 2)")


@check("property", "a centroid with no points stays where it is")
def empty_clusters(rng):
    # Centroid 2 starts far from every point: no point ever chooses it.
    X = np.array([[0.0, 0.5], [1.0, 0.0], [0.5, 1.5], [5.0, 5.0], [6.0, 5.5], [5.5, 6.0],
                  [9.0, 0.0], [10.0, 1.0]])
    C = np.array([[0.0, 0.0], [5.0, 5.0], [40.0, -40.0], [9.0, 0.0]])
    for n_iters in (1, 3):
        yield _stays_put(X, C, n_iters)
        yield call("kmeans", X, C, n_iters).because("no point is near centroid 2 at (40, -40)")
    # Centroid 0 wins two points in the first iteration and moves to 9.5; then its
    # neighbours, now at 14.5 and 3, are nearer to both: it must stay at 9.5, not at 8.
    X = np.array([[2.0], [3.0], [4.0], [6.0], [13.0], [14.0], [15.0]])
    C = np.array([[8.0], [19.0], [3.0]])
    for n_iters in (2, 3):
        yield _stays_put(X, C, n_iters)
        yield call("kmeans", X, C, n_iters).because(
            "centroid 0 loses its points in the second iteration")


@check("property", "the k-means cost never increases from one iteration to the next")
def cost_decreases(rng):
    n_runs = 6
    X, C = _blobs(rng, 40, 2, 5, n_runs - 1, converged=False)
    s = Scenario()
    for t in range(1, n_runs + 1):
        s.out(s.call("kmeans", X, C, t), f"kmeans(X, init_centroids, {t})")
    yield s.case().without_reference().judge(_costs_never_increase(X, n_runs)).because(
        f"the same data and start, run for 1 to {n_runs} iterations")
