"""The kmeans reference agrees with scikit-learn's Lloyd k-means from the same start.

scikit-learn stops at convergence and re-seeds empty clusters, so the comparison uses data on
which Lloyd's iterations converge without an empty cluster; there both follow the same path.
"""

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

cluster = pytest.importorskip("sklearn.cluster")


@pytest.fixture(scope="module")
def kmeans():
    return load_catalog()["kmeans"].reference["kmeans"]


def _datasets():
    rng = np.random.default_rng(11)
    for m, n, K in [(60, 2, 3), (90, 4, 5), (40, 1, 2), (200, 3, 8)]:
        centres = rng.normal(scale=6.0, size=(K, n))
        X = centres[rng.integers(0, K, size=m)] + rng.normal(size=(m, n))
        init = X[rng.choice(m, size=K, replace=False)]
        yield f"m={m},n={n},K={K}", X, init


@pytest.mark.parametrize("name,X,init", list(_datasets()), ids=[d[0] for d in _datasets()])
def test_matches_sklearn_lloyd(kmeans, name, X, init):
    n_iters = 100
    centroids, labels = kmeans(X, init, n_iters)
    assert np.bincount(labels, minlength=len(init)).min() > 0
    km = cluster.KMeans(n_clusters=len(init), init=init, n_init=1, max_iter=n_iters, tol=0.0,
                        algorithm="lloyd").fit(X)
    np.testing.assert_array_equal(labels, km.labels_)
    np.testing.assert_allclose(centroids, km.cluster_centers_, rtol=1e-9, atol=1e-12)
    assert np.isclose(((X - centroids[labels]) ** 2).sum(), km.inertia_, rtol=1e-9)


def test_one_iteration_matches_sklearn(kmeans):
    """max_iter=1: one assignment and one update, as kmeans(X, init, 1)."""
    X, init = next(iter(_datasets()))[1:]
    centroids, _ = kmeans(X, init, 1)
    km = cluster.KMeans(n_clusters=len(init), init=init, n_init=1, max_iter=1, tol=0.0,
                        algorithm="lloyd").fit(X)
    np.testing.assert_allclose(centroids, km.cluster_centers_, rtol=1e-9, atol=1e-12)
