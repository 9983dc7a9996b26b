"""dbscan: the contract, the worked example, exact eps and min_samples, random blobs, then the
rules one at a time: shared border points, border points that must not extend a cluster, the
numbering, min_samples = 1, all noise, duplicates."""

import runpy
from functools import cache
from pathlib import Path

import numpy as np

from mlkata.engine.kit import call, check

HERE = Path(__file__).parent

# The worked example of the theory page: twelve points on a line, eps = 3.5, min_samples = 4.
X_WORKED = np.array([[15], [9], [21], [0], [10], [1], [6], [11], [2], [12], [3], [18]])


@cache
def _reference():
    return runpy.run_path(str(HERE / "solution.py"))["dbscan"]


def _distances(X):
    X = np.asarray(X, dtype=float)
    return np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1))


def _clear_of_eps(X, eps):
    """No distance between two points is within 1e-6 · eps of eps: every sound way of computing
    distances (loops, broadcasting, squared distances against eps²) finds the same neighbours."""
    d = _distances(X)
    off = ~np.eye(len(d), dtype=bool)
    return bool(np.all(np.abs(d[off] - eps) > 1e-6 * eps))


def _kinds(X, eps, min_samples):
    """(number of clusters, core points, border points, noise points, shared border points)."""
    near = _distances(X) <= eps
    core = near.sum(axis=1) >= min_samples
    labels = _reference()(X, eps, min_samples)
    border = ~core & (labels >= 0)
    shared = sum(len(set(labels[near[i] & core].tolist())) > 1 for i in np.flatnonzero(border))
    return (int(labels.max()) + 1, int(core.sum()), int(border.sum()),
            int((labels == -1).sum()), shared)


def _blobs(rng, m, n, n_blobs, min_samples, shared=False):
    """m points in n dimensions: blobs of different sizes, some stray points, and an eps that
    gives at least two clusters, border points and noise (and, if asked, a border point shared
    by two clusters), with no distance near eps."""
    for _ in range(2000):
        n_noise = max(1, m // 8)
        centres = rng.uniform(-6.0, 6.0, size=(n_blobs, n))
        sizes = rng.multinomial(m - n_noise, np.ones(n_blobs) / n_blobs)
        spread = rng.uniform(0.6, 1.2, size=n_blobs)
        parts = [c + s * rng.normal(size=(k, n)) for c, s, k in zip(centres, spread, sizes,
                                                                      strict=True)]
        parts.append(rng.uniform(-9.0, 9.0, size=(n_noise, n)))
        X = np.round(rng.permutation(np.concatenate(parts)), 3)
        eps = round(float(rng.uniform(0.8, 1.3) * np.sqrt(n)), 2)
        if not _clear_of_eps(X, eps):
            continue
        clusters, _, border, noise, n_shared = _kinds(X, eps, min_samples)
        if clusters >= 2 and border >= 1 and noise >= 1 and (n_shared >= 1 or not shared):
            return X, eps
    raise RuntimeError("no random data set fits: loosen the conditions")


# contract ---------------------------------------------------------------------------------------

@check("contract", "returns an integer array of labels, one per point")
def shapes(rng):
    X, eps = _blobs(rng, 10, 2, 2, 3)
    yield call("dbscan", X, eps, 3).structure_only()


@check("contract", "accepts integer points and an integer eps")
def integer_input(rng):
    yield call("dbscan", X_WORKED, 4, 4).structure_only()


# fixed ------------------------------------------------------------------------------------------

@check("fixed", "the worked example: twelve points on a line, eps = 3.5, min_samples = 4")
def worked_example(rng):
    yield call("dbscan", X_WORKED.astype(float), 3.5, 4)


@check("fixed", "min_samples counts the point itself")
def counts_itself(rng):
    X = np.array([[5.0], [0.0], [9.0], [1.0], [6.0], [2.0]])
    yield call("dbscan", X, 1.5, 3).because(
        "x = 1 has two other points within 1.5 (0 and 2): with itself, 3 = min_samples")
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [4.0, 4.0], [4.0, 5.0], [8.0, 8.0]])
    yield call("dbscan", X, 1.2, 3).because(
        "(0, 0) has two other points within 1.2: with itself, 3 = min_samples")


@check("fixed", "a point at distance exactly eps is a neighbour (<= eps)")
def inclusive_eps(rng):
    # Whole-number coordinates: every distance below is exact, so is the tie with eps.
    X = np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [1.0, 1.0], [1.0, -1.0], [7.0, 7.0],
                  [7.0, 8.0]])
    yield call("dbscan", X, 1.0, 3).because(
        "(1, 0) has four points at distance exactly 1 = eps: with itself, 5 neighbours")
    X = np.array([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0], [3.0, -4.0], [20.0, 0.0], [23.0, 4.0],
                  [26.0, 8.0]])
    yield call("dbscan", X, 5.0, 3).because(
        "(3, 4) - (0, 0) and (6, 8) - (3, 4) are exactly 5 = eps apart")


@check("fixed", "integer points and an integer eps give the same labels as floats")
def integer_values(rng):
    yield call("dbscan", X_WORKED, 3.5, 4)
    X = np.array([[0, 0], [1, 0], [0, 1], [1, 1], [5, 5], [6, 6], [5, 6], [9, 0]])
    yield call("dbscan", X, 2, 3).because("no two points are exactly 2 apart")


# random -----------------------------------------------------------------------------------------

@check("random", "agrees with the reference on random blobs with stray points")
def random_blobs(rng):
    for m, n, n_blobs, min_samples in [(14, 2, 2, 3), (20, 2, 3, 4), (30, 3, 3, 4),
                                       (45, 2, 4, 5), (60, 4, 3, 6)]:
        X, eps = _blobs(rng, m, n, n_blobs, min_samples)
        yield call("dbscan", X, eps, min_samples)


# property ---------------------------------------------------------------------------------------

# Two clusters on the x-axis and the point (3, 0) between them: within 2.5 of the core (1, 0) of
# the left one and of the core (5, 0) of the right one, but with only 3 neighbours.
LEFT = [[0, 0], [0, 1], [-1, 0], [0, -1], [1, 0]]
RIGHT = [[5, 0], [6, 0], [7, 0], [6, 1], [6, -1]]
BETWEEN = [3, 0]


@check("property", "a border point near two clusters joins the one numbered first")
def shared_border(rng):
    orders = [LEFT + [BETWEEN] + RIGHT, RIGHT + [BETWEEN] + LEFT, [BETWEEN] + RIGHT + LEFT]
    for points in orders:
        X = np.array(points, dtype=float)
        X = X[np.concatenate([[0], 1 + rng.permutation(len(X) - 1)])]
        yield call("dbscan", X, 2.5, 4).because(
            "(3, 0) is within 2.5 of a core point of each cluster, with 3 < 4 neighbours: it "
            "takes the smaller label")
    X, eps = _blobs(rng, 40, 2, 5, 5, shared=True)
    yield call("dbscan", X, eps, 5).because("some border point is near two clusters")


# A run of points 0..4 (dense), border points 6 and 10, the stray point 8 between them that no
# core point reaches, and a second dense run 12..16. eps = 2.5, min_samples = 4.
CHAIN = np.array([[0], [1], [2], [3], [4], [6], [8], [10], [12], [13], [14], [15], [16]])


@check("property", "border points join a cluster but do not extend it")
def border_stops(rng):
    yield call("dbscan", CHAIN[:8].astype(float), 2.5, 4).because(
        "8 is within 2.5 of the border point 6, but of no core point: it is noise")
    X = CHAIN[rng.permutation(len(CHAIN))].astype(float)
    yield call("dbscan", X, 2.5, 4).because(
        "the clusters 0..6 and 10..16 touch only through 8, which is not core")


@check("property", "clusters are numbered in the order of their first core point")
def numbering(rng):
    X = X_WORKED.astype(float)
    for _ in range(3):
        yield call("dbscan", X[rng.permutation(len(X))], 3.5, 4).because(
            "the worked example's points in another order")
    X, eps = _blobs(rng, 30, 2, 4, 4)
    border_first = np.argsort(np.isin(np.arange(len(X)), np.flatnonzero(
        (_distances(X) <= eps).sum(axis=1) >= 4)), kind="stable")
    yield call("dbscan", X[border_first], eps, 4).because(
        "every non-core point comes before every core point")


@check("property", "min_samples = 1: every point is core, no noise")
def min_samples_one(rng):
    for m in (8, 25):
        while True:
            X = np.round(rng.uniform(0.0, 10.0, size=(m, 2)), 2)
            if _clear_of_eps(X, 1.5):
                break
        yield call("dbscan", X, 1.5, 1).because(
            "with min_samples = 1 the clusters are the groups linked by distances <= eps")


@check("property", "all noise when no point is core; one cluster when eps spans everything")
def extremes(rng):
    X = np.round(rng.uniform(0.0, 10.0, size=(12, 3)), 2)
    d = _distances(X)
    smallest = float(d[~np.eye(len(d), dtype=bool)].min())
    yield call("dbscan", X, 0.5 * smallest, 2).because("eps is below every distance")
    yield call("dbscan", X, 2.0 * float(d.max()), 5).because("eps is above every distance")
    yield call("dbscan", X, 2.0 * float(d.max()), 13).because("min_samples = 13 > m = 12")


@check("property", "duplicate points are neighbours of each other (distance 0)")
def duplicates(rng):
    X = np.array([[2, 2], [2, 2], [2, 2], [9, 9], [9, 9], [2, 3], [5, 5]], dtype=float)
    yield call("dbscan", X, 0.5, 3).because("(2, 2) appears three times: each copy is core")
    yield call("dbscan", X[rng.permutation(len(X))], 1.0, 3)
