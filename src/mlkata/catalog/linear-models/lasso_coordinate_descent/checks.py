"""lasso_coordinate_descent: the contract, the worked example and the one-feature soft threshold,
random agreement, then the rules a short random run does not pin down: the order of the sweep,
the unpenalised bias, zero and constant columns, alpha above alpha_max, no sweeps, and the
optimality (KKT) conditions after many sweeps."""

import numpy as np

from mlkata.engine.kit import call, check

FN = "lasso_coordinate_descent"


def _case(X, y, alpha, n_sweeps):
    return call(FN, X, y, alpha, n_sweeps).knowing(m=X.shape[0])


def _shape_only(case):
    """Judge types and shapes only: the values are checked from the next layer on."""
    return case.tolerance(rtol=0.0, atol=np.inf)


def _alpha_max(X, y):
    """The smallest alpha for which w = 0 is the minimiser: max_j |x_jᵀ y| / m, centred."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    return float(np.abs(Xc.T @ yc).max() / len(y))


def _problem(rng, m, n, noise=0.3, share=0.3):
    """Uncentred two-decimal features, weights of both signs (some zero), a clear intercept,
    and alpha a round share of alpha_max: some weights end at 0, others do not."""
    X = np.round(rng.normal(size=(m, n)) + rng.uniform(-2, 3, size=n), 2)
    w = np.round(rng.normal(scale=2.0, size=n), 1) * (rng.uniform(size=n) > 0.25)
    w[0] = w[0] or 1.5
    b = float(rng.choice([-1, 1]) * rng.uniform(2.0, 4.0))
    y = np.round(X @ w + b + noise * rng.normal(size=m), 2)
    alpha = float(np.round(share * _alpha_max(X, y), 3))
    return X, y, alpha


# contract ------------------------------------------------------------------------------------

@check("contract", "returns (w, b): w of shape (n,) and a float b")
def returns_two(rng):
    yield _shape_only(_case(*_problem(rng, 6, 3), 2))


@check("contract", "accepts integer X and y")
def integer_inputs(rng):
    X = np.array([[1, 0, 2], [0, 1, 1], [2, 1, 0], [1, 1, 1], [3, 0, 1]])
    yield _shape_only(_case(X, np.array([3, 1, 4, 2, 5]), 0.1, 3))


# fixed ---------------------------------------------------------------------------------------

X_WORKED = np.array([[1.0, 0.0], [3.0, 3.0], [5.0, 2.0], [3.0, -1.0]])
Y_WORKED = np.array([-1.0, 3.0, 5.0, 1.0])


@check("fixed", "worked example: two sweeps give w = (1.1, 0.36), b = −1.66 at alpha = 0.5")
def worked_example(rng):
    yield _case(X_WORKED, Y_WORKED, 0.5, 2).because(
        "the theory page works both sweeps out; sweep 1 gives w = (1.25, 0.3)")
    yield _case(X_WORKED, Y_WORKED, 0.5, 60).because(
        "after many sweeps: the lasso solution w = (1.0625, 0.375), b = −1.5625")


@check("fixed", "one feature, one sweep: w = S(xᵀy/m, alpha) / (‖x‖²/m) on centred data")
def one_feature(rng):
    X = np.array([[1.0], [2.0], [3.0], [6.0]])
    yield _case(X, np.array([2.0, 1.0, 4.0, 5.0]), 0.5, 1).because(
        "centred x = (−2, −1, 0, 3), y = (−1, −2, 1, 2): xᵀy/m = 2.5, ‖x‖²/m = 3.5, so "
        "w = (2.5 − 0.5) / 3.5 = 4/7")
    yield _case(X, np.array([4.0, 5.0, 2.0, 1.0]), 0.5, 1).because(
        "the same x with 6 − y: xᵀy/m = −2.5 < 0, so w = (−2.5 + 0.5) / 3.5 = −4/7 "
        "(the threshold pulls towards 0 from either side)")
    yield _case(X, np.array([2.0, 1.0, 4.0, 5.0]), 3.0, 1).because(
        "alpha = 3 > |xᵀy/m| = 2.5: the weight is exactly 0 and b = mean(y)")


@check("fixed", "alpha >= alpha_max = max |x_jᵀy|/m keeps every weight at 0, b = mean(y)")
def above_alpha_max(rng):
    X, y, _ = _problem(rng, 9, 4)
    top = _alpha_max(X, y)
    yield _case(X, y, float(np.ceil(top * 1000 + 1) / 1000), 5).because(
        f"alpha_max = {top:.6g}: no coordinate ever gets past the threshold")
    yield _case(X, y, float(np.round(0.9 * top, 3)), 5).because(
        "alpha = 0.9·alpha_max: the strongest features leave 0, the others stay there")


# random --------------------------------------------------------------------------------------

@check("random", "agrees with the reference on random data")
def random_data(rng):
    for (m, n), sweeps, share in [((8, 3), 1, 0.3), ((15, 5), 3, 0.2), ((6, 9), 5, 0.3),
                                  ((40, 4), 20, 0.1), ((25, 7), 8, 0.05)]:
        yield _case(*_problem(rng, m, n, share=share), sweeps)
    X = rng.integers(-3, 6, size=(9, 3))
    y = X @ np.array([2, -1, 0]) + 4 + rng.integers(-1, 2, size=9)
    yield _case(X, y, 0.25, 4).because("integer X and y")


# property ------------------------------------------------------------------------------------

@check("property", "features are updated in order 0..n−1, each with the residual the last left")
def sweep_order(rng):
    base = np.round(rng.normal(size=(10, 1)), 2)
    X = np.round(np.column_stack([base + 0.3 * rng.normal(size=(10, 1)),
                                  base + 0.3 * rng.normal(size=(10, 1)),
                                  rng.normal(size=(10, 1))]) + 1.0, 2)
    y = np.round(X @ np.array([1.0, 1.0, -0.5]) + 0.2 * rng.normal(size=10), 2)
    alpha = float(np.round(0.1 * _alpha_max(X, y), 3))
    for sweeps in (1, 2):
        yield _case(X, y, alpha, sweeps).because(
            "columns 0 and 1 are strongly correlated: the update of w₁ must see the residual "
            "after w₀ moved (Gauss–Seidel), not the one from the start of the sweep")
    yield _case(X[:, ::-1], y, alpha, 1).because("the same columns in reverse order")


@check("property", "the bias is not penalised: adding c to y adds c to b and leaves w as it is")
def bias_not_penalised(rng):
    X, y, alpha = _problem(rng, 7, 3)
    yield _case(X, y, alpha, 10)
    yield _case(X, y + 100.0, alpha, 10).because(
        "the same X and y + 100: w must not change and b must grow by exactly 100")


@check("property", "a zero or constant column gets weight 0 and leaves the others unchanged")
def zero_columns(rng):
    X, y, alpha = _problem(rng, 8, 2)
    yield _case(np.column_stack([X[:, 0], np.zeros(8), X[:, 1]]), y, alpha, 6).because(
        "column 1 is all zeros: ‖x₁‖² = 0, so its update would be 0/0; its weight stays 0")
    yield _case(np.column_stack([np.full(8, 3.0), X]), y, alpha, 6).because(
        "column 0 is 3.0 everywhere: centred, it is all zeros")


@check("property", "n_sweeps = 0 returns w = 0 and b = mean(y)")
def zero_sweeps(rng):
    X, y, alpha = _problem(rng, 5, 3)
    yield _case(X, y, alpha, 0)


def _kkt(X, y, alpha):
    """A judge: the subgradient optimality conditions of the lasso at the learner's w."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()

    def judge(got, expected, case):
        w = np.asarray(got[FN][0], dtype=float)
        g = Xc.T @ (yc - Xc @ w) / len(y)
        slack = 1e-6 * alpha
        for j, (wj, gj) in enumerate(zip(w, g, strict=True)):
            if wj != 0 and abs(gj - alpha * np.sign(wj)) > slack:
                return (f"not a lasso minimum: w[{j}] = {wj:.6g} ≠ 0, so (1/m) x_jᵀ(y − Xw − b)"
                        f" should equal alpha·sign(w[{j}]) = {alpha * np.sign(wj):g}, got "
                        f"{gj:.6g}")
            if wj == 0 and abs(gj) > alpha + slack:
                return (f"not a lasso minimum: w[{j}] = 0 but |(1/m) x_jᵀ(y − Xw − b)| = "
                        f"{abs(gj):.6g} > alpha = {alpha:g}, so moving w[{j}] would lower "
                        "the cost")
        return None
    return judge


@check("property", "after many sweeps the optimality (KKT) conditions of the lasso hold")
def converged(rng):
    X, y, alpha = _problem(rng, 30, 5, share=0.2)
    yield _case(X, y, alpha, 300).judge(_kkt(X, y, alpha)).because(
        "well-conditioned data and 300 sweeps: at the minimum every non-zero w_j has "
        "(1/m) x_jᵀ(residual) = alpha·sign(w_j), and every zero one |(1/m) x_jᵀ(residual)| "
        "<= alpha")
