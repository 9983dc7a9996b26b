"""svm_hinge_loss_grad: the contract (floats from integers), a worked example, the zero-margin
rule on exact integer data, random agreement away from the kinks, and gradient checks."""

import numpy as np

from mlkata.engine.kit import Scenario, call, check

FN = "svm_hinge_loss_grad"
H = 1e-5        # step of the numerical gradient checks
FLOOR = 1e-4    # slopes smaller than this are compared absolutely (round-off ~1e-11)
CLEAR = 1e-3    # random data keeps every margin at least this far from 0


def _margins(W, b, X, y, delta):
    S = X @ W + b
    M = S - S[np.arange(len(y)), y][:, None] + delta
    M[np.arange(len(y)), y] = np.inf          # the true class is not a margin
    return M


def _problem(rng, m, n, K, delta=1.0):
    """Two-decimal data with every class in y and no margin within CLEAR of 0 (no kink to
    straddle: every sound implementation then agrees, whatever its summation order)."""
    while True:
        W = np.round(rng.normal(size=(n, K)), 2)
        b = np.round(rng.normal(scale=0.5, size=K), 2)
        X = np.round(rng.normal(size=(m, n)), 2)
        y = rng.permutation(np.concatenate([np.arange(K), rng.integers(0, K, size=m - K)]))
        M = _margins(W, b, X, y, delta)
        if np.all(np.abs(M) > CLEAR) and np.any(M > 0) and np.any(M[np.isfinite(M)] < 0):
            return W, b, X, y


def _case(W, b, X, y, reg, **kwargs):
    return call(FN, W, b, X, y, reg, **kwargs).knowing(m=X.shape[0])


def _floats(got, expected, case):
    result = got[FN]
    loss, dW, db = result
    if not isinstance(loss, float | np.floating):
        return f"loss should be a float, got {type(loss).__name__} {loss!r}"
    for name, value in (("dW", dW), ("db", db)):
        if np.asarray(value).dtype.kind != "f":
            return (f"{name} should be a float array, got dtype {np.asarray(value).dtype}: an "
                    "accumulator made with np.zeros_like of an integer array is integer too")
    return None


@check("contract", "returns (loss, dW, db): a float, an array of W's shape, an array of b's shape")
def returns_three(rng):
    W, b, X, y = _problem(rng, 5, 3, 4)
    yield _case(W, b, X, y, 0.1)


@check("contract", "returns floats for integer inputs")
def integer_inputs(rng):
    W = np.array([[1, 0, -1, 2], [0, 1, 0, -1], [2, -1, 1, 0]])
    b = np.array([0, 1, -1, 0])
    X = np.array([[1, 2, 0], [0, 1, 1], [2, -1, 1], [1, 0, -2], [0, 2, 1]])
    y = np.array([0, 1, 3, 2, 1])
    yield _case(W, b, X, y, 1, delta=1).judge(_floats).because(
        "every input is an integer, delta and reg too")


@check("fixed", "worked example: loss 1, one active margin")
def worked_example(rng):
    W = np.array([[1.0, 0.0, -1.0], [0.0, 1.0, 0.0]])
    X = np.array([[1.0, 2.0], [0.0, 1.0]])
    yield _case(W, np.zeros(3), X, np.array([0, 1]), 0.0)


@check("fixed", "a margin of exactly 0 is inactive")
def zero_margins(rng):
    W = np.array([[1.0, 1.0, -2.0, -1.0, 0.0], [2.0, 1.0, -1.0, 1.0, 1.0],
                  [-1.0, 1.0, -1.0, 2.0, -2.0]])
    b = np.array([1.0, -1.0, 1.0, 1.0, 0.0])
    X = np.array([[1.0, -2.0, 1.0], [-1.0, 1.0, 1.0], [1.0, -1.0, -2.0], [1.0, 0.0, -2.0]])
    y = np.array([3, 0, 4, 1])
    yield _case(W, b, X, y, 0.0).because(
        "integer-valued data: four margins are exactly 0, in samples 0, 1 and 2")
    yield _case(W, b, X, y, 0.5, delta=2.0).because(
        "with delta = 2 the zero margins move: two are exactly 0, in samples 1 and 3")


@check("fixed", "a sample whose true class wins by more than delta adds no loss")
def all_clear(rng):
    W = np.array([[3.0, 0.0, -1.0], [0.0, 3.0, 1.0], [-1.0, 0.0, 3.0], [1.0, 1.0, 1.0]])
    X = np.array([[1.0, 0.0, 0.0, 0.5], [0.0, 1.0, 0.0, 0.5], [0.0, 0.0, 1.0, 0.5]])
    yield _case(W, np.zeros(3), X, np.array([0, 1, 2]), 0.0).because(
        "every true class wins by at least 2 > delta: the loss is 0, the gradients too")


@check("fixed", "the penalty ½·reg·‖W‖² is on W only, never on b")
def bias_not_penalised(rng):
    W = np.array([[0.5, -1.0, 0.0, 2.0], [1.0, 0.0, -0.5, 0.5]])
    b = np.array([3.0, -2.0, 1.0, 0.5])
    X = np.array([[1.0, 0.25], [0.25, 1.0], [1.0, 1.0]])
    y = np.array([3, 0, 1])
    yield _case(W, b, X, y, 2.0).because("b is large and reg = 2: penalising b would show")


@check("random", "agrees with the reference on random batches")
def random_batches(rng):
    for (m, n, K), reg in [((5, 3, 4), 0.1), ((8, 2, 3), 0.0), ((12, 5, 6), 0.5),
                           ((40, 7, 10), 1e-3)]:
        W, b, X, y = _problem(rng, m, n, K)
        yield _case(W, b, X, y, reg)


@check("property", "delta sets the margin the true class must win by")
def other_deltas(rng):
    for delta in (0.5, 3.0):
        W, b, X, y = _problem(rng, 6, 4, 5, delta=delta)
        yield _case(W, b, X, y, 0.1, delta=delta)


@check("property", "K is the number of columns of W, also when some classes are not in y")
def missing_classes(rng):
    while True:
        W, b, X, _ = _problem(rng, 6, 3, 5)
        y = np.array([0, 2, 2, 0, 2, 0])
        if np.all(np.abs(_margins(W, b, X, y, 1.0)) > CLEAR):
            break
    yield _case(W, b, X, y, 0.1).because("K = 5 but y only holds the classes 0 and 2")


@check("property", "the loss and the gradients are averages: the same batch twice gives the same")
def batch_average(rng):
    W, b, X, y = _problem(rng, 4, 3, 2)
    yield _case(W, b, np.vstack([X, X]), np.concatenate([y, y]), 0.2).because(
        "X holds every sample twice; an average does not change, a sum doubles")


def _slope_case(rng, W, b, X, y, reg):
    """A gradient check along random directions: learner's loss against learner's dW, db. Every
    margin is at least CLEAR from 0 and a step of h moves none of them across it."""
    directions = {"W": rng.normal(size=W.shape), "b": rng.normal(size=b.shape)}
    s = Scenario()
    s.out(s.call(FN, W, b, X, y, reg), "at (W, b)")
    for name, D in directions.items():
        for sign, text in ((1, "+"), (-1, "−")):
            dW, db = (sign * H * D, 0.0) if name == "W" else (0.0, sign * H * D)
            s.out(s.item(s.call(FN, W + dW, b + db, X, y, reg), 0), f"loss at {name} {text} h·D")

    def judge(got, expected, case):
        _, dW, db = got["at (W, b)"]
        for name, grad in (("W", dW), ("b", db)):
            numeric = (got[f"loss at {name} + h·D"] - got[f"loss at {name} − h·D"]) / (2 * H)
            analytic = float(np.sum(np.asarray(grad, dtype=float) * directions[name]))
            error = abs(numeric - analytic) / max(abs(numeric), abs(analytic), FLOOR)
            if not error < 1e-6:
                return (f"d{name} is not the slope of your loss: along a random direction D, "
                        f"(loss({name} + h·D) − loss({name} − h·D)) / 2h = {numeric:.10g} but "
                        f"Σ d{name}·D = {analytic:.10g} (relative error {error:.1e}, "
                        f"h = {H:g}; no margin is near 0 here).")
        return None

    return s.case().knowing(m=X.shape[0]).without_reference().judge(judge)


@check("gradient", "dW and db are the slopes of your loss away from the kinks (numerical check)")
def gradient_check(rng):
    for m, n, K, reg in [(5, 3, 4, 0.3), (9, 4, 3, 0.0)]:
        W, b, X, y = _problem(rng, m, n, K)
        yield _slope_case(rng, W, b, X, y, reg)
