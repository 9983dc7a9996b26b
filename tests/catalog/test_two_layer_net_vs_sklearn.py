"""The reference two_layer_net against scikit-learn's MLPClassifier (one ReLU hidden layer,
softmax output for K >= 3 classes).

scikit-learn's loss is the mean log-loss + (alpha / 2N)·(‖W1‖² + ‖W2‖²): our loss with
reg = alpha / N. One full-batch SGD step with learning rate 1 and no momentum moves the
parameters by minus the gradient, so `old − new` is scikit-learn's gradient.
"""

import numpy as np
import pytest
from sklearn.datasets import load_iris, load_wine, make_classification
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

EXERCISE = Exercise.load(SHIPPED / "neural-nets" / "two_layer_net")
two_layer_net = EXERCISE.reference["two_layer_net"]


def _datasets():
    X, y = load_iris(return_X_y=True)
    yield "iris", StandardScaler().fit_transform(X), y
    X, y = load_wine(return_X_y=True)
    yield "wine", StandardScaler().fit_transform(X), y
    X, y = make_classification(n_samples=90, n_features=5, n_informative=4, n_redundant=0,
                               n_classes=4, random_state=1)
    yield "synthetic", X, y


def _sklearn_loss_and_grads(params, X, y, alpha):
    N = X.shape[0]
    model = MLPClassifier(hidden_layer_sizes=(params["W1"].shape[1],), activation="relu",
                          solver="sgd", alpha=alpha, batch_size=N, learning_rate_init=1.0,
                          momentum=0.0, nesterovs_momentum=False, shuffle=False,
                          random_state=0)
    model.partial_fit(X, y, classes=np.unique(y))       # builds the network
    model.coefs_ = [params["W1"].copy(), params["W2"].copy()]
    model.intercepts_ = [params["b1"].copy(), params["b2"].copy()]
    model.partial_fit(X, y)                              # one step from our parameters
    grads = {"W1": params["W1"] - model.coefs_[0], "b1": params["b1"] - model.intercepts_[0],
             "W2": params["W2"] - model.coefs_[1], "b2": params["b2"] - model.intercepts_[1]}
    return model.loss_, grads


@pytest.mark.parametrize("name,X,y", list(_datasets()), ids=lambda v: v if isinstance(v, str)
                         else "")
@pytest.mark.parametrize("alpha", [0.0, 0.5])
def test_loss_and_gradients_match_sklearn(name, X, y, alpha):
    rng = np.random.default_rng(0)
    n, H, K = X.shape[1], 6, len(np.unique(y))
    params = {"W1": rng.normal(scale=0.7, size=(n, H)), "b1": rng.normal(scale=0.3, size=H),
              "W2": rng.normal(scale=0.7, size=(H, K)), "b2": rng.normal(scale=0.3, size=K)}

    loss, grads = two_layer_net(params, X, y, alpha / X.shape[0])
    sk_loss, sk_grads = _sklearn_loss_and_grads(params, X, y, alpha)

    assert isinstance(loss, float)
    assert loss == pytest.approx(sk_loss, rel=1e-12)
    assert set(grads) == set(params)
    for key in params:
        assert grads[key].shape == params[key].shape
        np.testing.assert_allclose(grads[key], sk_grads[key], rtol=1e-9, atol=1e-12)
