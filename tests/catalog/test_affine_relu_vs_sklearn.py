"""The reference affine and ReLU layers against scikit-learn's multilayer perceptron.

A one-hidden-layer ``MLPRegressor`` is affine → ReLU → affine. Its predictions are the forward
pass of our layers with its weights; with squared loss ½·mean((ŷ − y)²) and no penalty, its
backpropagation (``_backprop``, private) gives the gradients our backward passes produce from
``dout = (ŷ − y) / n``. Its ReLU derivative is also 0 at exactly 0.
"""

import warnings

import numpy as np
import pytest
from sklearn.datasets import load_diabetes, make_regression
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPRegressor
from sklearn.preprocessing import StandardScaler

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

REF = Exercise.load(SHIPPED / "neural-nets" / "affine_relu").reference
affine_forward, affine_backward = REF["affine_forward"], REF["affine_backward"]
relu_forward, relu_backward = REF["relu_forward"], REF["relu_backward"]


def _datasets():
    X, y = load_diabetes(return_X_y=True)
    yield "diabetes", StandardScaler().fit_transform(X), (y - y.mean()) / y.std()
    X, y = make_regression(n_samples=120, n_features=7, noise=5.0, random_state=0)
    yield "synthetic", X, y / y.std()


def _fitted(X, y, hidden):
    model = MLPRegressor(hidden_layer_sizes=(hidden,), activation="relu", alpha=0.0,
                         max_iter=30, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(X, y)


def _ours(model, X, y):
    (W1, W2), (b1, b2) = model.coefs_, model.intercepts_
    a, cache1 = affine_forward(X, W1, b1)
    h, cache_relu = relu_forward(a)
    out, cache2 = affine_forward(h, W2, b2)
    dout = (out - y.reshape(-1, 1)) / len(X)
    dh, dW2, db2 = affine_backward(dout, cache2)
    da = relu_backward(dh, cache_relu)
    _, dW1, db1 = affine_backward(da, cache1)
    return out, [dW1, dW2], [db1, db2]


DATASETS = list(_datasets())


@pytest.mark.parametrize("name,X,y", DATASETS, ids=[d[0] for d in DATASETS])
@pytest.mark.parametrize("hidden", [3, 8])
def test_forward_is_mlp_prediction(name, X, y, hidden):
    model = _fitted(X, y, hidden)
    out, _, _ = _ours(model, X, y)
    np.testing.assert_allclose(out.ravel(), model.predict(X), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name,X,y", DATASETS, ids=[d[0] for d in DATASETS])
@pytest.mark.parametrize("hidden", [3, 8])
def test_backward_is_mlp_backprop(name, X, y, hidden):
    model = _fitted(X, y, hidden)
    _, dW, db = _ours(model, X, y)
    n_layers = len(model.coefs_) + 1
    activations = [X] + [None] * (n_layers - 1)
    deltas = [None] * (n_layers - 1)
    coef_grads = [np.empty_like(c) for c in model.coefs_]
    intercept_grads = [np.empty_like(b) for b in model.intercepts_]
    try:
        _, coef_grads, intercept_grads = model._backprop(
            X, y.reshape(-1, 1), None, activations, deltas, coef_grads, intercept_grads)
    except (AttributeError, TypeError) as exc:  # a private API: skip if it changed
        pytest.skip(f"MLPRegressor._backprop changed: {exc}")
    for ours, theirs in zip(dW + db, coef_grads + intercept_grads, strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-14)


def test_relu_derivative_at_zero_matches_sklearn():
    from sklearn.neural_network._base import DERIVATIVES

    x = np.array([[0.0, 1.5, -2.0, 0.0], [3.0, -0.5, 0.0, 0.25]])
    dout = np.arange(1.0, 9.0).reshape(2, 4)
    out, cache = relu_forward(x)
    delta = dout.copy()
    DERIVATIVES["relu"](out, delta)         # zeroes delta where the ReLU output is 0
    np.testing.assert_array_equal(relu_backward(dout, cache), delta)
