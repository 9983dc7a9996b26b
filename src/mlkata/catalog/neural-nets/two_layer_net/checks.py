"""two_layer_net: the contract, a worked example, dead units, the penalty, random agreement,
batch averaging, stability in log space, and gradient checks on every parameter."""

import numpy as np

from mlkata.engine.kit import Scenario, call, check

FN = "two_layer_net"
H_STEP = 1e-5   # step of the numerical gradient checks
FLOOR = 1e-4    # slopes smaller than this are compared absolutely (round-off ~1e-11)
CLEAR = 1e-3    # random pre-activations stay at least this far from the ReLU's kink at 0
KEYS = ("W1", "b1", "W2", "b2")


def _problem(rng, N, n, H, K, scale=1.0):
    """Two-decimal parameters and data, every class in y, no pre-activation near 0."""
    while True:
        params = {"W1": np.round(rng.normal(size=(n, H)), 2),
                  "b1": np.round(rng.normal(scale=0.5, size=H), 2),
                  "W2": np.round(rng.normal(scale=scale, size=(H, K)), 2),
                  "b2": np.round(rng.normal(scale=0.5, size=K), 2)}
        X = np.round(rng.normal(size=(N, n)), 2)
        Z = X @ params["W1"] + params["b1"]
        if np.all(np.abs(Z) > CLEAR) and np.any(Z > 0) and np.any(Z < 0):
            y = rng.permutation(np.concatenate([np.arange(K), rng.integers(0, K, N - K)]))
            return params, X, y


def _case(params, X, y, reg):
    return call(FN, params, X, y, reg).knowing(m=X.shape[0])


@check("contract", "returns (loss, grads): a float and a dict of arrays shaped like the params")
def returns_loss_and_grads(rng):
    params, X, y = _problem(rng, 6, 4, 5, 3)
    yield _case(params, X, y, 0.1)


@check("contract", "accepts integer arrays")
def integer_inputs(rng):
    params = {"W1": np.array([[0, 0, -2, -2, -2], [-2, -2, 2, -2, 1], [1, -1, -1, 0, -1]]),
              "b1": np.array([1, -1, 1, 1, 1]),
              "W2": np.array([[1, 0], [0, -1], [1, 1], [-1, 0], [0, 1]]),
              "b2": np.array([0, 1])}
    X = np.array([[1, 2, -2], [2, 0, 0], [1, -1, 2], [-2, -1, -1]])
    yield _case(params, X, np.array([0, 1, 1, 0]), 1)


@check("fixed", "worked example: one sample, the third hidden unit is off")
def worked_example(rng):
    params = {"W1": np.array([[1.0, -1.0, 0.0], [0.0, 1.0, -1.0]]), "b1": np.zeros(3),
              "W2": np.array([[0.0, np.log(3.0)], [0.0, 0.0], [0.0, 4.0]]), "b2": np.zeros(2)}
    yield _case(params, np.array([[1.0, 2.0]]), np.array([0]), 0.0)


@check("fixed", "a hidden unit that is off for every sample passes no gradient back")
def dead_unit(rng):
    params, X, y = _problem(rng, 5, 3, 4, 2)
    params["b1"] = params["b1"].copy()
    params["b1"][2] = -50.0
    yield _case(params, X, y, 0.0).because(
        "b1[2] = −50 keeps hidden unit 2 off for every sample: its column of dW1 and db1[2] are 0")
    yield _case(params, X, y, 0.5).because(
        "hidden unit 2 is off for every sample: its column of dW1 is only reg·W1[:, 2]")


@check("fixed", "the penalty ½·reg·(‖W1‖² + ‖W2‖²) is on the weights only, never the biases")
def biases_not_penalised(rng):
    while True:
        params, X, y = _problem(rng, 6, 2, 4, 5)
        params["b1"] = np.array([2.0, -1.5, 3.0, 1.0])
        params["b2"] = np.array([3.0, -2.0, 1.0, 0.5, -1.0])
        if np.all(np.abs(X @ params["W1"] + params["b1"]) > CLEAR):
            break
    yield _case(params, X, y, 2.0).because("the biases are large and reg = 2")


@check("random", "agrees with the reference on random networks and batches")
def random_nets(rng):
    for (N, n, H, K), reg in [((6, 4, 5, 3), 0.1), ((4, 2, 7, 3), 0.0), ((10, 3, 8, 4), 0.5),
                              ((25, 8, 12, 5), 1e-3)]:
        params, X, y = _problem(rng, N, n, H, K)
        yield _case(params, X, y, reg)


@check("property", "the loss and the gradients are averages: the same batch twice gives the same")
def batch_average(rng):
    params, X, y = _problem(rng, 4, 3, 6, 2)
    yield _case(params, np.vstack([X, X]), np.concatenate([y, y]), 0.2).because(
        "X holds every sample twice; an average does not change, a sum doubles")


@check("stability", "stays finite for scores in the thousands")
def large_scores(rng):
    params, X, y = _problem(rng, 5, 3, 4, 3, scale=400.0)
    yield _case(params, X, y, 1e-6).because(
        "W2 is large: the scores reach the thousands, and some true classes score far below "
        "their row's best")


def _slope_case(rng, params, X, y, reg):
    """A gradient check along one random direction per parameter: the learner's loss against
    the learner's gradients. No pre-activation is near 0, and a step of h moves none across."""
    directions = {k: rng.normal(size=params[k].shape) for k in KEYS}
    s = Scenario()
    s.out(s.call(FN, params, X, y, reg), "at params")
    for k in KEYS:
        for sign, text in ((1, "+"), (-1, "−")):
            moved = {**params, k: params[k] + sign * H_STEP * directions[k]}
            s.out(s.item(s.call(FN, moved, X, y, reg), 0), f"loss at {k} {text} h·D")

    def judge(got, expected, case):
        _, grads = got["at params"]
        for k in KEYS:
            numeric = (got[f"loss at {k} + h·D"] - got[f"loss at {k} − h·D"]) / (2 * H_STEP)
            analytic = float(np.sum(np.asarray(grads[k], dtype=float) * directions[k]))
            error = abs(numeric - analytic) / max(abs(numeric), abs(analytic), FLOOR)
            if not error < 1e-6:
                return (f"grads[{k!r}] is not the slope of your loss: along a random direction "
                        f"D, (loss({k} + h·D) − loss({k} − h·D)) / 2h = {numeric:.10g} but "
                        f"Σ grads[{k!r}]·D = {analytic:.10g} (relative error {error:.1e}, "
                        f"h = {H_STEP:g}).")
        return None

    return s.case().knowing(m=X.shape[0]).without_reference().judge(judge)


@check("gradient", "every gradient is the slope of your loss (numerical gradient check)")
def gradient_check(rng):
    for (N, n, H, K), reg in [((5, 3, 4, 2), 0.3), ((8, 4, 6, 3), 0.0)]:
        params, X, y = _problem(rng, N, n, H, K)
        yield _slope_case(rng, params, X, y, reg)
