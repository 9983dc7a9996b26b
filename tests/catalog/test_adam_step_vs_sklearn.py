"""The reference adam_step against scikit-learn's AdamOptimizer (the one MLPClassifier uses).

scikit-learn uses the paper's "efficient" form: the bias corrections folded into the step size
and eps added to √v rather than √v̂. The two forms are equal when eps = 0, and agree closely for
the default eps when the gradients are not tiny; m, v and t are the same in both.
"""

import numpy as np
import pytest

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

_optimizers = pytest.importorskip("sklearn.neural_network._stochastic_optimizers")

EXERCISE = Exercise.load(SHIPPED / "neural-nets" / "adam_step")
adam_step = EXERCISE.reference["adam_step"]


@pytest.mark.parametrize("eps,tol", [(0.0, 1e-12), (1e-8, 1e-4)])
@pytest.mark.parametrize("lr,beta1,beta2", [(1e-3, 0.9, 0.999), (0.05, 0.8, 0.99)])
def test_a_run_of_steps_matches_sklearn(eps, tol, lr, beta1, beta2):
    """50 steps on a noisy quadratic, both fed the same gradients (computed at our w)."""
    rng = np.random.default_rng(0)
    w, c = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    sk_w = w.copy()
    optimizer = _optimizers.AdamOptimizer([sk_w], learning_rate_init=lr, beta_1=beta1,
                                          beta_2=beta2, epsilon=eps)
    state = {"m": np.zeros_like(w), "v": np.zeros_like(w), "t": 0}
    for _ in range(50):
        dw = 2 * (w - c) + rng.normal(scale=0.1, size=w.shape)
        w, state = adam_step(w, dw, state, lr, beta1, beta2, eps)
        optimizer.update_params([sk_w], [dw])
        assert state["t"] == optimizer.t
        np.testing.assert_allclose(state["m"], optimizer.ms[0], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(state["v"], optimizer.vs[0], rtol=1e-9, atol=1e-15)
        np.testing.assert_allclose(w - sk_w, 0.0, atol=tol * lr)  # a step is about lr
