"""ridge_closed_form: the contract, the worked example and plain least squares, random agreement,
then the unpenalised bias, singular systems (minimum-norm w), m < n and a very large lam."""

import numpy as np

from mlkata.engine.kit import call, check

FN = "ridge_closed_form"


def _case(X, y, lam):
    return call(FN, X, y, lam).knowing(m=X.shape[0])


def _shape_only(case):
    """Judge types and shapes only: the values are checked from the next layer on."""
    return case.tolerance(rtol=0.0, atol=np.inf)


def _problem(rng, m, n, noise=0.3):
    """Uncentred features with two decimals and a clear non-zero intercept (well conditioned)."""
    X = np.round(rng.normal(size=(m, n)) + rng.uniform(-2, 3, size=n), 2)
    w = np.round(rng.normal(size=n), 1)
    b = float(rng.choice([-1, 1]) * rng.uniform(2.0, 4.0))
    y = np.round(X @ w + b + noise * rng.normal(size=m), 2)
    return X, y


@check("contract", "returns (w, b): w of shape (n,) and a float b")
def returns_two(rng):
    yield _shape_only(_case(*_problem(rng, 6, 3), 1.0))


@check("contract", "accepts integer X and y")
def integer_inputs(rng):
    X = np.array([[1, 0, 2], [0, 1, 1], [2, 1, 0], [1, 1, 1], [3, 0, 1]])
    yield _shape_only(_case(X, np.array([3, 1, 4, 2, 5]), 1))


@check("fixed", "worked example: x = (1, 2, 3), y = (1, 3, 2): w = 1/3, b = 4/3 at lam = 1")
def worked_example(rng):
    X, y = np.array([[1.0], [2.0], [3.0]]), np.array([1.0, 3.0, 2.0])
    yield _case(X, y, 1.0).because(
        "centred: x = (−1, 0, 1), y = (−1, 1, 0), so w = xᵀy / (xᵀx + lam) = 1 / (2 + 1)")
    yield _case(X, y, 0.0).because("lam = 0: w = xᵀy / xᵀx = 1/2 and b = 2 − 2·(1/2) = 1")


@check("fixed", "lam = 0 on full-rank data gives ordinary least squares")
def least_squares(rng):
    X = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 3.0],
                  [3.0, 1.0, 0.0], [0.0, 2.0, 2.0]])
    yield _case(X, np.array([4.0, 3.0, 5.0, 9.0, 6.0, 7.0]), 0.0)


@check("random", "agrees with the reference on random data")
def random_data(rng):
    for m, n, lam in [(8, 3, 0.5), (15, 5, 2.0), (5, 9, 1.0), (30, 4, 0.1)]:
        yield _case(*_problem(rng, m, n), lam)
    X = rng.integers(-3, 6, size=(7, 2))
    y = X @ np.array([2, -1]) + 4 + rng.integers(-1, 2, size=7)
    yield _case(X, y, 1).because("integer X, y and lam")


@check("property", "the bias is not penalised: adding c to y adds c to b and leaves w as it is")
def bias_not_penalised(rng):
    X, y = _problem(rng, 7, 3)
    yield _case(X, y, 5.0)
    yield _case(X, y + 100.0, 5.0).because(
        "the same X and y + 100, with lam = 5: w must not change and b must grow by exactly "
        "100; a penalty on b would hold it back")


@check("property", "lam = 0 with a constant or collinear column gives the minimum-norm w")
def singular(rng):
    X, y = _problem(rng, 6, 2)
    yield _case(np.column_stack([X[:, 0], np.full(6, 2.5), X[:, 1]]), y, 0.0).because(
        "column 1 is constant: centred, it is all zeros, so XcᵀXc is singular and its weight "
        "is free; the minimum-norm w gives it 0")
    X, y = _problem(rng, 7, 3)
    yield _case(np.column_stack([X, X[:, 0]]), y, 0.0).because(
        "column 3 repeats column 0: only w₀ + w₃ is fixed; the minimum-norm w splits it "
        "equally")
    X, y = _problem(rng, 8, 3)
    yield _case(np.column_stack([X, X[:, 0] + X[:, 1]]), y, 0.0).because(
        "column 3 is column 0 + column 1")
    _, y = _problem(rng, 5, 1)
    yield _case(np.tile([1.5, -2.0, 4.0], (5, 1)), y, 0.0).because(
        "every row is the same: Xc is all zeros, nothing fixes w, so the minimum-norm w is 0 "
        "and b = mean(y)")


@check("property", "more features than samples: the minimum-norm w at lam = 0")
def wide(rng):
    X, y = _problem(rng, 4, 7)
    yield _case(X, y, 0.0).because("m = 4 < n = 7: infinitely many w fit exactly")
    yield _case(X, y, 0.5)


@check("property", "a very large lam shrinks w towards 0 and b towards mean(y)")
def large_lam(rng):
    yield _case(*_problem(rng, 9, 4), 1e6)
