"""The pca reference agrees with scikit-learn's PCA, up to the sign of each axis."""

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

decomposition = pytest.importorskip("sklearn.decomposition")


@pytest.fixture(scope="module")
def pca():
    return load_catalog()["pca"].reference["pca"]


def _datasets():
    rng = np.random.default_rng(5)
    scales = np.array([5.0, 3.0, 1.5, 0.7, 0.3, 0.1])
    mixing = np.linalg.qr(rng.normal(size=(6, 6)))[0]
    yield "tall", rng.normal(size=(50, 6)) * scales @ mixing + 3.0, 3
    yield "one component", rng.normal(size=(30, 6)) * scales @ mixing - 7.0, 1
    yield "all components", rng.normal(size=(40, 6)) * scales @ mixing, 6
    yield "wide", rng.normal(size=(7, 12)) * np.linspace(4, 0.5, 12), 4
    yield "integers", rng.integers(-20, 20, size=(25, 4)) * np.array([4, 3, 2, 1]), 2


@pytest.mark.parametrize("name,X,k", list(_datasets()), ids=[d[0] for d in _datasets()])
def test_matches_sklearn_pca_up_to_sign(pca, name, X, k):
    components, explained_variance, X_proj = pca(X, k)
    sk = decomposition.PCA(n_components=k, svd_solver="full").fit(X)
    np.testing.assert_allclose(explained_variance, sk.explained_variance_, rtol=1e-9)
    signs = np.sign(np.sum(components * sk.components_, axis=1))
    assert np.all(signs != 0)
    np.testing.assert_allclose(components * signs[:, None], sk.components_, rtol=1e-7,
                               atol=1e-9)
    np.testing.assert_allclose(X_proj * signs, sk.transform(X), rtol=1e-7, atol=1e-8)
    np.testing.assert_allclose(components @ components.T, np.eye(k), atol=1e-12)
