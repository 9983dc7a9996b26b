"""The reference linreg_gradient_descent against scikit-learn's LinearRegression.

Gradient descent on the mean squared error converges to the least-squares fit when the learning
rate is below 2/λ_max of the Hessian [X 1]ᵀ[X 1]/m; with enough iterations it matches
LinearRegression, and its cost history ends at half the mean squared error of that fit.
"""

import numpy as np
import pytest
from sklearn.datasets import load_diabetes, make_regression
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error
from sklearn.preprocessing import StandardScaler

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

EXERCISE = Exercise.load(SHIPPED / "linear-models" / "linreg_gradient_descent")
gd = EXERCISE.reference["linreg_gradient_descent"]


def _datasets():
    X, y = load_diabetes(return_X_y=True)
    yield "diabetes", StandardScaler().fit_transform(X), y
    X, y = make_regression(n_samples=80, n_features=4, noise=3.0, bias=25.0, random_state=0)
    yield "synthetic", X + 1.5, y


@pytest.mark.parametrize("name,X,y", list(_datasets()), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_converges_to_least_squares(name, X, y):
    A = np.column_stack([X, np.ones(len(X))])
    eig = np.linalg.eigvalsh(A.T @ A / len(X))
    lr = 1.9 / (eig.max() + eig.min())
    w, b, losses = gd(X, y, lr, 20_000)
    model = LinearRegression().fit(X, y)
    np.testing.assert_allclose(w, model.coef_, rtol=1e-6, atol=1e-8 * np.abs(model.coef_).max())
    assert b == pytest.approx(model.intercept_, rel=1e-6)
    assert losses[-1] == pytest.approx(mean_squared_error(y, model.predict(X)) / 2, rel=1e-9)
    assert np.all(np.diff(losses) <= 1e-12 * losses[0])
