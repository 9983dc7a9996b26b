"""perceptron: the contract (floats from integer data), the worked example and the zero-score
rule, random agreement on separable and non-separable data, then the rules a short random run
does not pin down: every epoch is run, the order of the samples, the learning rate, tiny shapes.

Every input lives on a grid of multiples of 1/4 and every learning rate is a power of two, so
all scores are computed exactly in float64, whatever the order of the sums: "a score of exactly
0" means the same in every implementation, and the answer is unique."""

import numpy as np

from mlkata.engine.kit import Finding, call, check

FN = "perceptron"


def _case(X, y, lr, n_epochs):
    return call(FN, X, y, lr, n_epochs).knowing(m=X.shape[0])


def _shape_only(case):
    """Judge types, shapes and lengths only: the values are checked from the next layer on."""
    return case.tolerance(rtol=0.0, atol=np.inf)


def _run(X, y, lr, n_epochs):
    """The contract's rule, here to pick data (how many zero scores, when it converges)."""
    w, b, zeros, errors = np.zeros(X.shape[1]), 0.0, 0, []
    for _ in range(n_epochs):
        count = 0
        for x, t in zip(X, y, strict=True):
            s = x @ w + b
            zeros += s == 0
            if t * s <= 0:
                w, b, count = w + lr * t * x, b + lr * t, count + 1
        errors.append(count)
    return zeros, errors


def _grid(rng, m, n, scale=8):
    """m points with coordinates k/4, |k| <= scale: exact in binary floating point."""
    return rng.integers(-scale, scale + 1, size=(m, n)) / 4.0


def _separable(rng, m, n, gap=0.5):
    """Linearly separable data with a bias: labels by a hidden (w*, b*) with a clear margin."""
    while True:
        w_true = rng.integers(-3, 4, size=n).astype(float)
        if np.any(w_true):
            break
    b_true = float(rng.integers(-2, 3)) / 2
    X = np.empty((0, n))
    while len(X) < m:
        x = _grid(rng, 1, n)
        if abs(x[0] @ w_true + b_true) >= gap * np.abs(w_true).max():
            X = np.vstack([X, x])
    y = np.where(X @ w_true + b_true > 0, 1, -1)
    if len(set(y.tolist())) < 2:
        y[rng.integers(m)] *= -1            # both classes (then it may not be separable: fine)
    return X, y


def _noisy(rng, m, n, flips=2):
    """Separable data with a few labels flipped: the perceptron never settles."""
    X, y = _separable(rng, m, n)
    y = y.copy()
    y[rng.choice(m, size=flips, replace=False)] *= -1
    return X, y


def _floats(got, expected, case):
    w, b, errors = got[FN]
    if not isinstance(w, np.ndarray) or w.dtype.kind != "f":
        what = f"dtype {w.dtype}" if isinstance(w, np.ndarray) else type(w).__name__
        return Finding(
            f"w should be a float ndarray, got {what}: the weights start as np.zeros(n), a "
            "float array, whatever the dtype of X", diagnosis="integer_weights")
    if not isinstance(b, float | np.floating):
        return f"b should be a float, got {type(b).__name__} {b!r}: start from b = 0.0"
    return None


# contract ------------------------------------------------------------------------------------

@check("contract", "returns (w, b, errors): w of shape (n,), a float b and n_epochs counts")
def returns_three(rng):
    yield _shape_only(_case(*_separable(rng, 6, 3), 1.0, 4))


@check("contract", "accepts integer X, y and lr, and returns float weights")
def integer_inputs(rng):
    X = np.array([[1, 2, 0], [2, -1, 1], [0, -1, 2], [-1, 0, -2], [2, 2, 1]])
    y = np.array([1, 1, -1, -1, 1])
    yield _shape_only(_case(X, y, 1, 3)).judge(_floats).because(
        "X, y and lr are all integers: w still starts as np.zeros(n) (floats) and b as 0.0")


# fixed ---------------------------------------------------------------------------------------

X_WORKED = np.array([[1.0, 1.0], [2.0, -1.0], [0.0, -1.0], [-1.0, 0.0]])
Y_WORKED = np.array([1, 1, -1, -1])


@check("fixed", "worked example: 4 points, 3 epochs: w = (3, 2), b = 0, errors = [2, 2, 0]")
def worked_example(rng):
    yield _case(X_WORKED, Y_WORKED, 1.0, 3).because(
        "the theory page works it out: all four updates come from scores of exactly 0")


@check("fixed", "the first sample is always a mistake: at w = 0, b = 0 its score is exactly 0")
def first_sample(rng):
    X = np.array([[2.0, 1.0], [3.0, 2.0], [-1.0, -2.0]])
    yield _case(X, np.array([1, 1, -1]), 1.0, 1).because(
        "the score of sample 0 is 0 at the start: one update, w = (2, 1), b = 1, and the "
        "other two are then on the right side")
    X, y = _separable(rng, 5, 2)
    yield _case(X, y, 1.0, 1)


@check("fixed", "a score of exactly 0 counts as a mistake, also after the first update")
def zero_scores(rng):
    yield _case(X_WORKED, Y_WORKED, 1.0, 2).because(
        "samples 2 (epoch 1), 1 and 2 (epoch 2) have a score of exactly 0")
    for m, n in [(6, 2), (9, 3)]:
        while True:
            X = rng.integers(-2, 3, size=(m, n)).astype(float)
            y = rng.choice([-1, 1], size=m)
            zeros, _ = _run(X, y, 1.0, 4)
            if zeros >= 3 and len(set(y.tolist())) == 2:
                break
        yield _case(X, y, 1.0, 4).because(
            f"small integer data: {zeros} scores are exactly 0 along the way, each one a mistake")


@check("fixed", "the bias is learned: data that only a line off the origin separates")
def needs_bias(rng):
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    yield _case(X, np.array([-1, -1, 1, 1]), 1.0, 6).because(
        "every x is positive, so no w alone separates x ≤ 2 from x ≥ 3: b must move too")


# random --------------------------------------------------------------------------------------

@check("random", "agrees with the reference on random separable data")
def random_separable(rng):
    for (m, n), lr, n_epochs in [((6, 2), 1.0, 5), ((12, 3), 0.5, 8), ((20, 5), 0.25, 10),
                                 ((40, 4), 2.0, 15)]:
        yield _case(*_separable(rng, m, n), lr, n_epochs)


@check("random", "agrees with the reference on data that no line separates")
def random_noisy(rng):
    for (m, n), lr, n_epochs in [((7, 2), 1.0, 6), ((15, 3), 0.5, 10), ((30, 4), 1.0, 12)]:
        yield _case(*_noisy(rng, m, n), lr, n_epochs).because(
            "a few labels are flipped: the mistakes never stop")


# property ------------------------------------------------------------------------------------

@check("property", "makes all n_epochs passes: after convergence the error counts are 0")
def every_epoch(rng):
    while True:
        X, y = _separable(rng, 8, 2)
        _, errors = _run(X, y, 1.0, 12)
        if 0 in errors[:6]:
            break
    first = errors.index(0)
    yield _case(X, y, 1.0, 12).because(
        f"epoch {first + 1} makes no mistake, so nothing changes after it; the 12 epochs are "
        "still all run and recorded")


@check("property", "n_epochs = 0 returns w = 0, b = 0 and no error counts")
def zero_epochs(rng):
    yield _case(*_separable(rng, 5, 3), 1.0, 0)


@check("property", "visits the samples in the given order: the same points reordered differ")
def given_order(rng):
    X, y = _noisy(rng, 10, 3)
    order = rng.permutation(10)
    yield _case(X, y, 1.0, 3)
    yield _case(X[order], y[order], 1.0, 3).because(
        "the same ten samples in another order: the perceptron is online, every update "
        "changes the scores of the samples after it")
    yield _case(X[::-1], y[::-1], 1.0, 3).because("the same ten samples in reverse order")


@check("property", "the learning rate scales w and b, not which samples are mistakes")
def learning_rate(rng):
    X, y = _noisy(rng, 9, 2)
    for lr in (1.0, 0.25, 4.0):
        yield _case(X, y, lr, 4).because(
            f"lr = {lr:g}: from w = 0, b = 0 every score is lr × the score at lr = 1, so the "
            "mistakes are the same and w, b scale by lr (b too: b += lr·y)")


@check("property", "works with a single sample and with a single feature")
def tiny_shapes(rng):
    yield _case(np.array([[1.5, -2.0, 0.25]]), np.array([-1]), 1.0, 3).because(
        "m = 1: one mistake in epoch 1, none afterwards")
    X = _grid(rng, 6, 1)
    yield _case(X, np.where(X[:, 0] > 0.1, 1, -1), 0.5, 5).because("n = 1")
