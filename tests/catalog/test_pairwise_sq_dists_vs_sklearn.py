"""The pairwise_sq_dists reference agrees with scikit-learn's euclidean_distances(squared=True)."""

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

pairwise = pytest.importorskip("sklearn.metrics.pairwise")


@pytest.fixture(scope="module")
def pairwise_sq_dists():
    return load_catalog()["pairwise_sq_dists"].reference["pairwise_sq_dists"]


def _datasets():
    rng = np.random.default_rng(3)
    yield "random", rng.normal(size=(13, 4)), rng.normal(size=(7, 4))
    yield "one feature", rng.normal(size=(5, 1)), rng.normal(size=(9, 1))
    yield "integers", rng.integers(-9, 9, size=(6, 3)), rng.integers(-9, 9, size=(8, 3))
    A = rng.uniform(-3000, 3000, size=5) + rng.normal(scale=30.0, size=(9, 5))
    yield "near coincident, far out", A, A[[0, 3, 3, 7, 1]] + rng.normal(scale=1e-6,
                                                                         size=(5, 5))


@pytest.mark.parametrize("name,A,B", list(_datasets()), ids=[d[0] for d in _datasets()])
def test_matches_euclidean_distances(pairwise_sq_dists, name, A, B):
    D = pairwise_sq_dists(A, B)
    expected = pairwise.euclidean_distances(A, B, squared=True)
    assert D.shape == (len(A), len(B))
    assert (D >= 0).all()
    norms = (np.asarray(A, float) ** 2).sum(1).max() + (np.asarray(B, float) ** 2).sum(1).max()
    np.testing.assert_allclose(D, expected, rtol=1e-9, atol=1e-12 * norms)
