"""softmax_regression_loss_grad: the contract, a worked example, random agreement, classes
missing from the batch, batch averaging, stability in log space, and gradient checks."""

import numpy as np

from mlkata.engine.kit import Scenario, call, check

FN = "softmax_regression_loss_grad"
H = 1e-5  # step of the numerical gradient checks
FLOOR = 1e-4    # slopes smaller than this are compared absolutely (round-off ~1e-11)


def _labels(rng, m, K):
    """m labels in 0..K-1 in which every class occurs (m >= K)."""
    y = np.concatenate([np.arange(K), rng.integers(0, K, size=m - K)])
    return rng.permutation(y)


def _problem(rng, m, n, K, scale=1.0):
    """Weights, biases and samples with two decimals (readable in a failure), every class in y."""
    W = np.round(rng.normal(scale=scale, size=(n, K)), 2)
    b = np.round(rng.normal(size=K), 2)
    X = np.round(rng.normal(size=(m, n)), 2)
    return W, b, X, _labels(rng, m, K)


def _case(W, b, X, y, reg):
    return call(FN, W, b, X, y, reg).knowing(m=X.shape[0])


@check("contract", "returns (loss, dW, db): a float, an array of W's shape, an array of b's shape")
def returns_three(rng):
    W, b, X, y = _problem(rng, 5, 3, 4)
    yield _case(W, b, X, y, 0.1)


@check("contract", "accepts integer arrays")
def integer_inputs(rng):
    W = np.array([[1, 0, -1], [2, -1, 0]])
    b = np.array([0, 1, -1])
    X = np.array([[1, 2], [0, -1], [3, 1], [-2, 0]])
    y = np.array([0, 2, 1, 2])
    yield _case(W, b, X, y, 1)


@check("fixed", "worked example: all scores equal gives loss log 3")
def worked_example(rng):
    yield _case(np.zeros((1, 3)), np.zeros(3), np.array([[1.0], [2.0]]), np.array([0, 2]), 0.5)


@check("fixed", "the penalty ½·reg·‖W‖² is on W only, never on b")
def bias_not_penalised(rng):
    W = np.array([[0.5, -1.0, 0.0, 2.0], [1.0, 0.0, -0.5, 0.5]])
    b = np.array([3.0, -2.0, 1.0, 0.5])
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([3, 0, 1])
    yield _case(W, b, X, y, 2.0).because("b is large and reg = 2: penalising b would show")


@check("random", "agrees with the reference on random batches")
def random_batches(rng):
    for (m, n, K), reg in [((5, 3, 4), 0.1), ((7, 2, 3), 0.0), ((10, 4, 6), 0.5),
                           ((30, 6, 5), 1e-3)]:
        W, b, X, y = _problem(rng, m, n, K)
        yield _case(W, b, X, y, reg)


@check("property", "K is the number of columns of W, also when some classes are not in y")
def missing_classes(rng):
    W, b, X, _ = _problem(rng, 6, 3, 5)
    y = np.array([0, 2, 2, 0, 2, 0])
    yield _case(W, b, X, y, 0.1).because("K = 5 but y only holds the classes 0 and 2")


@check("property", "the loss and the gradients are averages: the same batch twice gives the same")
def batch_average(rng):
    W, b, X, y = _problem(rng, 4, 3, 2)
    yield _case(W, b, np.vstack([X, X]), np.concatenate([y, y]), 0.2).because(
        "X holds every sample twice; an average does not change, a sum doubles")


@check("stability", "stays finite for logits of ±1000")
def large_logits(rng):
    W = np.array([[1000.0, 0.0, -1000.0], [0.0, 500.0, -500.0]])
    b = np.array([0.0, 1.0, -1.0])
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0], [0.5, 0.5]])
    y = np.array([0, 1, 0, 0])
    yield _case(W, b, X, y, 1e-6).because("scores up to ±1000; the true class has the top score")


@check("stability", "stays finite when the true class's logit is far below the row's maximum")
def true_class_far_below(rng):
    W = np.array([[1000.0, 0.0, -1000.0], [-500.0, 800.0, 0.0]])
    b = np.zeros(3)
    X = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [0.2, 0.1]])
    y = np.array([2, 0, 1, 1])
    yield _case(W, b, X, y, 1e-6).because(
        "sample 0's true class scores 2000 below its best class: exp underflows to 0 there")


def _slope_case(rng, W, b, X, y, reg):
    """A gradient check along random directions: learner's loss against learner's dW, db."""
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
                        f"h = {H:g}).")
        return None

    return s.case().knowing(m=X.shape[0]).without_reference().judge(judge)


@check("gradient", "dW and db are the slopes of your loss (numerical gradient check)")
def gradient_check(rng):
    for m, n, K, reg in [(5, 3, 4, 0.3), (9, 4, 3, 0.0)]:
        W, b, X, y = _problem(rng, m, n, K)
        yield _slope_case(rng, W, b, X, y, reg)
