"""The power_iteration reference against np.linalg.eigh, SciPy's ARPACK eigsh and scikit-learn's
PCA: converged, its pairs are the top-k eigenpairs by |eigenvalue|, with the sign convention."""

import re

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog

decomposition = pytest.importorskip("sklearn.decomposition")
sparse_linalg = pytest.importorskip("scipy.sparse.linalg")


@pytest.fixture(scope="module")
def exercise():
    return load_catalog()["power_iteration"]


@pytest.fixture(scope="module")
def power_iteration(exercise):
    return exercise.reference["power_iteration"]


def _signed(V):
    """Columns made positive at their entry of largest absolute value."""
    return V * np.where(V[np.argmax(np.abs(V), axis=0), np.arange(V.shape[1])] < 0, -1.0, 1.0)


def _matrix(rng, n, ratio):
    q, t = np.linalg.qr(rng.normal(size=(n, n)))
    q = q * np.sign(np.diag(t))
    lam = rng.choice([-1.0, 1.0], size=n) * 5.0 * ratio ** np.arange(n) * rng.uniform(
        0.95, 1.05, size=n)
    A = (q * lam) @ q.T
    return (A + A.T) / 2


CASES = [(3, 1, 0.5), (5, 2, 0.5), (8, 4, 0.6), (12, 6, 0.6), (20, 5, 0.7), (6, 6, 0.5)]


@pytest.mark.parametrize("n,k,ratio", CASES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_matches_eigh(power_iteration, n, k, ratio, seed):
    A = _matrix(np.random.default_rng(100 + seed), n, ratio)
    values, vectors = power_iteration(A, k, 200, np.random.default_rng(seed))
    w, Q = np.linalg.eigh(A)
    order = np.argsort(-np.abs(w))[:k]
    np.testing.assert_allclose(values, w[order], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(vectors, _signed(Q[:, order]), atol=1e-9)
    np.testing.assert_allclose(vectors.T @ vectors, np.eye(k), atol=1e-12)
    np.testing.assert_allclose(A @ vectors, vectors * values, atol=1e-10)


@pytest.mark.parametrize("n,k,ratio", CASES[:5])
def test_matches_arpack_largest_magnitude(power_iteration, n, k, ratio):
    A = _matrix(np.random.default_rng(7), n, ratio)
    values, vectors = power_iteration(A, k, 200, np.random.default_rng(3))
    if k < n - 1:  # ARPACK needs k < n
        w, Q = sparse_linalg.eigsh(A, k=k, which="LM", tol=1e-14)
        order = np.argsort(-np.abs(w))
        np.testing.assert_allclose(values, w[order], rtol=1e-9)
        np.testing.assert_allclose(vectors, _signed(Q[:, order]), atol=1e-7)


def test_top_axes_are_sklearn_pca(power_iteration):
    rng = np.random.default_rng(4)
    X = rng.normal(size=(200, 6)) * np.array([5.0, 3.0, 1.8, 1.0, 0.5, 0.2]) @ np.linalg.qr(
        rng.normal(size=(6, 6)))[0] + 2.0
    C = np.cov(X, rowvar=False)
    values, vectors = power_iteration(C, 3, 300, np.random.default_rng(0))
    pca = decomposition.PCA(n_components=3, svd_solver="full").fit(X)
    np.testing.assert_allclose(values, pca.explained_variance_, rtol=1e-9)
    np.testing.assert_allclose(vectors.T, _signed(pca.components_.T).T, atol=1e-8)


def test_the_draws_are_one_per_eigenpair(power_iteration):
    """On A = I one step leaves a start as it is, and each deflation removes the direction
    found: the k vectors are the Gram-Schmidt orthonormalisation of the starts, which are the
    rows of rng.standard_normal((k, n)) (one draw of n numbers per eigenpair, in order)."""
    n, k = 5, 3
    starts = np.random.default_rng(9).standard_normal((k, n))
    values, V = power_iteration(np.eye(n), k, 1, np.random.default_rng(9))
    np.testing.assert_allclose(values, np.ones(k), atol=1e-15)
    np.testing.assert_allclose(V, _signed(np.linalg.qr(starts.T)[0]), atol=1e-14)


def test_worked_example_as_printed(exercise, power_iteration):
    theory = exercise.theory
    A = np.array([[4.0, 12.0], [12.0, 11.0]])
    rows = re.findall(r"^\| (\d) \| \$\(([-\d., ]+)\)\$ \| \$\(([-\d., ]+)\)\$ \| \$([-\d.]+)\$ \|",
                      theory, flags=re.M)
    assert len(rows) == 4
    x = np.random.default_rng(10).standard_normal(2)
    for t, y_text, x_text, rq_text in rows:
        y = A @ x
        x = y / np.linalg.norm(y)
        np.testing.assert_allclose(y, [float(v) for v in y_text.split(",")], atol=5e-7)
        np.testing.assert_allclose(x, [float(v) for v in x_text.split(",")], atol=5e-7)
        values, vectors = power_iteration(A, 1, int(t), np.random.default_rng(10))
        np.testing.assert_allclose(values[0], float(rq_text), atol=5e-7)
        np.testing.assert_allclose(vectors[:, 0], -x, atol=1e-15)  # the sign convention flips
    values, vectors = power_iteration(A, 2, 40, np.random.default_rng(10))
    np.testing.assert_allclose(values, [20.0, -5.0], atol=1e-13)
    np.testing.assert_allclose(vectors, [[0.6, 0.8], [0.8, -0.6]], atol=1e-15)
    values, _ = power_iteration(A, 2, 1, np.random.default_rng(10))
    printed = re.search(r"`n_iters = 1` it returns `\[([-\d.]+), ([-\d.]+)\]`", theory)
    np.testing.assert_allclose(values, [float(printed[1]), float(printed[2])], atol=5e-7)
    start = re.search(r"first start is\s+\$x_0 = \(([-\d.]+), ([-\d.]+)\)\$", theory)
    np.testing.assert_allclose(np.random.default_rng(10).standard_normal(2),
                               [float(start[1]), float(start[2])], atol=5e-7)
