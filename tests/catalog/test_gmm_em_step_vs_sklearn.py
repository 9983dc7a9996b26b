"""One gmm_em_step of the reference equals one EM iteration of scikit-learn's GaussianMixture."""

import warnings

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

mixture = pytest.importorskip("sklearn.mixture")


@pytest.fixture(scope="module")
def gmm_em_step():
    return load_catalog()["gmm_em_step"].reference["gmm_em_step"]


def problems():
    rng = np.random.default_rng(2)
    for m, n, K in [(30, 2, 3), (50, 3, 2), (80, 4, 5)]:
        centres = rng.normal(scale=3.0, size=(K, n))
        X = centres[rng.integers(K, size=m)] + rng.normal(size=(m, n))
        weights = rng.dirichlet(np.full(K, 3.0))
        means = centres + rng.normal(size=(K, n))
        A = rng.normal(size=(K, n, n))
        covs = A @ A.transpose(0, 2, 1) + 0.5 * np.eye(n)
        yield X, weights, means, covs
    # a point far from every component
    X = np.concatenate([rng.normal(size=(20, 2)), [[300.0, -250.0]]])
    yield X, np.array([0.5, 0.5]), np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([np.eye(2)] * 2)


@pytest.mark.parametrize("X, weights, means, covs", list(problems()))
def test_one_step_matches_sklearn(gmm_em_step, X, weights, means, covs):
    w, mu, cov, ll = gmm_em_step(X, weights, means, covs)
    gm = mixture.GaussianMixture(
        n_components=len(weights), covariance_type="full", reg_covar=1e-6, max_iter=1, tol=0.0,
        weights_init=weights, means_init=means, precisions_init=np.linalg.inv(covs))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")       # one iteration does not "converge"
        gm.fit(X)
    np.testing.assert_allclose(w, gm.weights_, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(mu, gm.means_, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(cov, gm.covariances_, rtol=1e-8, atol=1e-9)
    # lower_bound_ is the mean log-likelihood of the last E-step, i.e. at the input parameters
    assert ll == pytest.approx(gm.lower_bound_ * len(X), rel=1e-10)
    assert isinstance(ll, float)


def test_log_likelihood_never_decreases(gmm_em_step):
    X, weights, means, covs = next(problems())
    previous = -np.inf
    for _ in range(25):
        weights, means, covs, ll = gmm_em_step(X, weights, means, covs)
        assert ll >= previous - 1e-9 * abs(ll)
        previous = ll
