"""The reference perceptron against scikit-learn's Perceptron.

scikit-learn's Perceptron is SGD on the loss max(0, −y·s) with gradient −y whenever y·s ≤ 0 (a
score of exactly 0 is a mistake, as in our contract), a constant learning rate eta0, and no
penalty. With shuffle=False it visits the samples in the given order, and with tol=None it runs
exactly max_iter epochs: it is our rule, update for update. On grid data (multiples of 1/4, lr a
power of two) every score is exact in both, so the weights agree exactly; on real data they agree
to round-off, and so do the predictions.
"""

import warnings

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Perceptron
from sklearn.preprocessing import StandardScaler

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

EXERCISE = Exercise.load(SHIPPED / "linear-models" / "perceptron")
perceptron = EXERCISE.reference["perceptron"]


def _sklearn(X, y, lr, n_epochs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return Perceptron(shuffle=False, eta0=lr, penalty=None, tol=None, max_iter=n_epochs,
                          fit_intercept=True).fit(X, y)


def _grid_problem(seed, m, n, flips):
    rng = np.random.default_rng(seed)
    X = rng.integers(-8, 9, size=(m, n)) / 4.0
    w_true = rng.integers(-3, 4, size=n)
    w_true[0] = w_true[0] or 1
    y = np.where(X @ w_true + 0.5 > 0, 1, -1)
    y[rng.choice(m, size=flips, replace=False)] *= -1
    return X, y


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("lr", [1.0, 0.5, 0.25, 2.0])
@pytest.mark.parametrize("flips", [0, 3])
def test_same_weights_on_grid_data(seed, lr, flips):
    X, y = _grid_problem(seed, 30 + 5 * seed, 2 + seed % 4, flips)
    n_epochs = 7
    w, b, errors = perceptron(X, y, lr, n_epochs)
    model = _sklearn(X, y, lr, n_epochs)
    np.testing.assert_array_equal(w, model.coef_[0])
    assert b == model.intercept_[0]
    assert len(errors) == n_epochs and model.n_iter_ == n_epochs


@pytest.mark.parametrize("n_epochs", [1, 5, 30])
def test_same_weights_and_predictions_on_real_data(n_epochs):
    X, y01 = load_breast_cancer(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    y = np.where(y01 == 1, 1, -1)
    w, b, errors = perceptron(X, y, 1.0, n_epochs)
    model = _sklearn(X, y, 1.0, n_epochs)
    np.testing.assert_allclose(w, model.coef_[0], rtol=1e-10, atol=1e-10)
    assert b == pytest.approx(model.intercept_[0], abs=1e-10)
    np.testing.assert_array_equal(np.where(X @ w + b > 0, 1, -1), model.predict(X))
    assert len(errors) == n_epochs and all(isinstance(e, int) for e in errors)


def test_one_vs_rest_matches_multiclass_perceptron():
    X, y = load_iris(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    model = _sklearn(X, y, 1.0, 15)
    for c in range(3):
        w, b, _ = perceptron(X, np.where(y == c, 1, -1), 1.0, 15)
        np.testing.assert_allclose(w, model.coef_[c], rtol=1e-10, atol=1e-10)
        assert b == pytest.approx(model.intercept_[c], abs=1e-10)


def test_worked_example():
    X = np.array([[1.0, 1.0], [2.0, -1.0], [0.0, -1.0], [-1.0, 0.0]])
    y = np.array([1, 1, -1, -1])
    w, b, errors = perceptron(X, y, 1.0, 3)
    np.testing.assert_array_equal(w, [3.0, 2.0])
    assert b == 0.0 and errors == [2, 2, 0]
    assert perceptron(X, y, 1.0, 2)[2] == [2, 2]


@pytest.mark.parametrize("seed", range(5))
def test_novikoff_bound_and_convergence(seed):
    """Separable data with margin γ (for a unit θ* over (x, 1)): at most (R/γ)² mistakes in all,
    and once an epoch is clean every later epoch is too."""
    X, _ = _grid_problem(seed, 40, 3, 0)
    rng = np.random.default_rng(seed)
    theta = np.append(rng.integers(-3, 4, size=3), 0.5)         # a separator over (x, 1)
    Xt = np.column_stack([X, np.ones(len(X))])
    s = Xt @ theta                                               # label by it, keep a margin
    keep = np.abs(s) >= 0.5
    Xt, y = Xt[keep], np.where(s[keep] > 0, 1, -1)
    gamma = np.min(y * (Xt @ theta)) / np.linalg.norm(theta)
    R = np.linalg.norm(Xt, axis=1).max()
    _, _, errors = perceptron(Xt[:, :-1], y, 1.0, 200)
    assert sum(errors) <= (R / gamma) ** 2
    first_clean = errors.index(0)
    assert not any(errors[first_clean:])
    assert errors[0] >= 1
