"""linreg_gradient_descent: the contract, the first step and a worked example, random agreement,
then the regimes a short random run does not reach: a diverging learning rate, a converged run,
an ill-conditioned run far from the minimum, zero iterations, degenerate shapes."""

import numpy as np

from mlkata.engine.kit import call, check

FN = "linreg_gradient_descent"


def _case(X, y, lr, n_iters):
    return call(FN, X, y, lr, n_iters).knowing(m=X.shape[0])


def _shape_only(case):
    """Judge types, shapes and lengths only: the values are checked from the next layer on."""
    return case.tolerance(rtol=0.0, atol=np.inf)


def _lambda_max(X):
    """Largest eigenvalue of the cost's Hessian [X 1]ᵀ[X 1] / m (the curvature that sets lr)."""
    A = np.column_stack([X, np.ones(len(X))])
    return float(np.linalg.eigvalsh(A.T @ A / len(X)).max())


def _lr(X, factor):
    """factor / λ_max rounded down to two significant digits (readable in a failure)."""
    raw = factor / _lambda_max(X)
    digits = 1 - int(np.floor(np.log10(raw)))
    return round(float(np.floor(raw * 10.0 ** digits)) / 10.0 ** digits, digits)


def _problem(rng, m, n, noise=0.3):
    """Uncentred features with two decimals and a clear non-zero intercept."""
    X = np.round(rng.normal(size=(m, n)) + rng.uniform(-1, 2, size=n), 2)
    w = np.round(rng.normal(size=n), 1)
    b = float(rng.choice([-1, 1]) * rng.uniform(1.5, 3.0))
    y = np.round(X @ w + b + noise * rng.normal(size=m), 2)
    return X, y


@check("contract", "returns (w, b, losses): w of shape (n,), a float b and n_iters losses")
def returns_three(rng):
    X, y = _problem(rng, 5, 3)
    yield _shape_only(_case(X, y, _lr(X, 1.0), 4))


@check("contract", "accepts integer X and y")
def integer_inputs(rng):
    X = np.array([[1, 0, 2], [0, 1, 1], [2, 1, 0], [1, 1, 1], [3, 0, 1]])
    y = np.array([3, 1, 4, 2, 5])
    yield _shape_only(_case(X, y, 0.05, 3))


@check("fixed", "one step from w = 0, b = 0 lands on w = lr·Xᵀy/m, b = lr·mean(y)")
def first_step(rng):
    X = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 3.0]])
    y = np.array([3.0, 1.0, 2.0, 5.0])
    yield _case(X, y, 0.1, 1).because("at w = 0, b = 0 the residuals are −y, so the gradients "
                                      "are −Xᵀy/m and −mean(y)")
    X, y = _problem(rng, 6, 2)
    yield _case(X, y, _lr(X, 0.5), 1)


@check("fixed", "worked example: two steps on x = (1, 2), y = (2, 4) with lr = 0.1")
def worked_example(rng):
    yield _case(np.array([[1.0], [2.0]]), np.array([2.0, 4.0]), 0.1, 2).because(
        "the theory page works these two steps out: w = 0.83, b = 0.495, "
        "losses = [2.1825, 0.9649125]")


@check("random", "agrees with the reference on random data")
def random_data(rng):
    for m, n, n_iters in [(7, 3, 5), (12, 5, 20), (6, 9, 15), (30, 4, 60)]:
        X, y = _problem(rng, m, n)
        yield _case(X, y, _lr(X, 1.0), n_iters)
    X = rng.integers(-3, 6, size=(8, 2))
    y = X @ np.array([2, -1]) + 4 + rng.integers(-1, 2, size=8)
    yield _case(X, y, _lr(X, 1.0), 10).because("integer X and y")


def _never_increases(got, expected, case):
    _, _, losses = got[FN]
    steps = np.diff(np.asarray(losses, dtype=float))
    if np.any(steps > 1e-12 * abs(float(losses[0]))):
        t = int(np.argmax(steps > 1e-12 * abs(float(losses[0])))) + 1
        return (f"the cost went up at update {t + 1} (losses[{t - 1}] = {losses[t - 1]:.10g}, "
                f"losses[{t}] = {losses[t]:.10g}) although lr is below 2/λ_max")
    return None


@check("property", "with a small enough learning rate the cost never increases")
def cost_never_increases(rng):
    X, y = _problem(rng, 9, 4)
    yield _case(X, y, _lr(X, 1.0), 25).judge(_never_increases)


@check("property", "stops after n_iters updates, far from the minimum, on badly scaled features")
def badly_scaled(rng):
    X, y = _problem(rng, 10, 3)
    X = np.round(X * np.array([1.0, 30.0, 0.2]), 2)
    yield _case(X, y, _lr(X, 1.0), 30).judge(_never_increases).because(
        "feature scales 1, 30 and 0.2: the step that is safe for the steep direction crawls "
        "along the flat one, so 30 updates end far from the least-squares fit")


@check("property", "makes all n_iters updates even when the cost grows (lr too large)")
def diverging(rng):
    X, y = _problem(rng, 8, 3)
    yield _case(X, y, _lr(X, 2.4), 12).because(
        "lr is above 2/λ_max, so every update overshoots and the cost grows: keep going, do "
        "not stop early or clip")


@check("property", "makes all n_iters updates even after the cost has stopped changing")
def converged(rng):
    X = np.round(rng.normal(size=(11, 2)), 2)
    y = np.round(X @ np.array([1.5, -2.0]) + 0.5, 4)
    yield _case(X, y, _lr(X, 1.0), 300).because(
        "y is exactly linear in X, so the cost falls to round-off long before 300 updates; "
        "every update still gets its entry in losses")


@check("property", "n_iters = 0 returns w = 0, b = 0 and no losses")
def zero_iterations(rng):
    X, y = _problem(rng, 4, 3)
    yield _case(X, y, 0.1, 0)


@check("property", "works with a single sample and with a single feature")
def tiny_shapes(rng):
    yield _case(np.array([[1.0, -2.0, 0.5]]), np.array([3.0]), 0.1, 4).because("m = 1")
    X, y = _problem(rng, 5, 1)
    yield _case(X, y, _lr(X, 1.0), 6).because("n = 1")
