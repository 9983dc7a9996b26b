"""kernel_ridge_rbf: the contract of the three functions, the worked examples (a kernel matrix,
a two-point fit), random agreement, then the properties that pin down where gamma and lam go:
the training-point identity f(X) = y − lam·α, duplicated points, a very large lam, far-away
test points (no intercept), and a kernel that underflows to the identity."""

import numpy as np

from mlkata.engine.kit import Scenario, call, check

LN2 = float(np.log(2.0))


def _shape_only(case):
    """Judge types and shapes only: the values are checked from the next layer on."""
    return case.tolerance(rtol=0.0, atol=np.inf)


def _points(rng, m, n, spread=1.0):
    """Two-decimal points around a random centre: distances of order 1, no exact ties needed."""
    return np.round(rng.uniform(-1, 1, size=n) + spread * rng.normal(size=(m, n)), 2)


def _targets(rng, X):
    """A smooth function of the points plus a little noise, clearly not centred at 0."""
    y = np.sin(X @ rng.normal(size=X.shape[1])) + 0.5 * X[:, 0] + 2.0
    return np.round(y + 0.1 * rng.normal(size=len(X)), 2)


def _kernel(A, B, gamma):
    return call("rbf_kernel", A, B, gamma)


def _fit(X, y, lam, gamma):
    return call("kernel_ridge_fit", X, y, lam, gamma).knowing(m=X.shape[0])


def _fit_predict(X, y, lam, gamma, X_test, label="predictions"):
    """Fit, then predict with the learner's own dual coefficients: compare both."""
    s = Scenario()
    coef = s.call("kernel_ridge_fit", X, y, lam, gamma, name="dual_coef")
    s.out(coef, "dual_coef")
    s.out(s.call("kernel_ridge_predict", X, coef, X_test, gamma, name="pred"), label)
    return s.case().knowing(m=X.shape[0])


# contract ------------------------------------------------------------------------------------

@check("contract", "rbf_kernel(A, B, gamma) returns a float array of shape (len(A), len(B))")
def kernel_shape(rng):
    yield _shape_only(_kernel(_points(rng, 4, 3), _points(rng, 6, 3), 0.5))


@check("contract", "kernel_ridge_fit returns (m,) dual coefficients; predict returns (m_test,)")
def fit_predict_shapes(rng):
    X = _points(rng, 5, 2)
    yield _shape_only(_fit(X, _targets(rng, X), 1.0, 0.5))
    yield _shape_only(call("kernel_ridge_predict", X, np.round(rng.normal(size=5), 2),
                           _points(rng, 3, 2), 0.5)).because(
        "5 training points, 3 test points: one prediction per test point")


@check("contract", "accepts integer points, targets, gamma and lam")
def integer_inputs(rng):
    A = np.array([[0, 1], [2, -1], [1, 1]])
    B = np.array([[1, 0], [0, 0], [-1, 2], [2, 2]])
    yield _shape_only(_kernel(A, B, 1))
    yield _shape_only(_fit(B, np.array([1, 3, 2, 0]), 1, 1))
    yield _shape_only(call("kernel_ridge_predict", B, np.array([1, -1, 0, 2]), A, 1))


# fixed ---------------------------------------------------------------------------------------

@check("fixed", "worked example: the RBF kernel of 2 points against 3 at gamma = 0.5")
def worked_kernel(rng):
    yield _kernel(np.array([[0.0, 0.0], [1.0, 1.0]]),
                  np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 2.0]]), 0.5).because(
        "squared distances [[0, 1, 8], [2, 1, 2]], so K = exp(−0.5 · those)")


@check("fixed", "worked example: x = (0, 1), y = (1, 3), gamma = ln 2, lam = 0.5 give α = (0, 2)")
def worked_fit(rng):
    X, y = np.array([[0.0], [1.0]]), np.array([1.0, 3.0])
    yield _fit(X, y, 0.5, LN2).because(
        "K = [[1, ½], [½, 1]], so (K + ½I) α = y is [[1.5, 0.5], [0.5, 1.5]] α = (1, 3)")
    yield _fit_predict(X, y, 0.5, LN2, np.array([[0.0], [1.0], [2.0]])).because(
        "f(x) = 0·k(x, 0) + 2·k(x, 1): f(0) = 1, f(1) = 2, f(2) = 2·½ = 1")


@check("fixed", "the kernel of a set with itself is symmetric with ones on the diagonal")
def self_kernel(rng):
    A = _points(rng, 6, 3)
    yield _kernel(A, A, 0.7)


# random --------------------------------------------------------------------------------------

@check("random", "rbf_kernel agrees with the reference on random point sets")
def random_kernel(rng):
    for p, q, n, gamma in [(5, 7, 3, 0.5), (9, 4, 6, 0.1), (3, 8, 1, 2.0), (20, 13, 5, 0.3)]:
        yield _kernel(_points(rng, p, n), _points(rng, q, n), gamma)


@check("random", "the dual coefficients agree with the reference on random data")
def random_fit(rng):
    for (m, n), lam, gamma in [((6, 2), 0.1, 0.5), ((15, 3), 1.0, 0.2), ((30, 5), 0.05, 0.1),
                               ((50, 4), 0.5, 1.0)]:
        X = _points(rng, m, n)
        yield _fit(X, _targets(rng, X), lam, gamma)


@check("random", "predictions from your own fit agree with the reference on random data")
def random_predict(rng):
    for (m, n, m_test), lam, gamma in [((6, 2, 4), 0.1, 0.5), ((15, 3, 7), 1.0, 0.2),
                                       ((40, 5, 11), 0.05, 0.1)]:
        X = _points(rng, m, n)
        yield _fit_predict(X, _targets(rng, X), lam, gamma, _points(rng, m_test, n))
    X = rng.integers(-3, 4, size=(8, 2))
    yield _fit_predict(X, rng.integers(0, 5, size=8), 1, 1, rng.integers(-3, 4, size=(5, 2))
                       ).because("integer points, targets, lam and gamma")


# property ------------------------------------------------------------------------------------

def _training_identity(y, lam):
    """On the training points K α = y − lam·α: the learner's own predictions and α."""
    def judge(got, expected, case):
        coef = np.asarray(got["dual_coef"], dtype=float)
        pred = np.asarray(got["f(X_train)"], dtype=float)
        want = y - lam * coef
        if not np.allclose(pred, want, rtol=1e-7, atol=1e-9 * np.abs(want).max()):
            i = int(np.argmax(np.abs(pred - want)))
            return (f"on the training points (K + lam·I) α = y means f(X) = K α = y − lam·α, "
                    f"but at point {i} your f is {pred[i]:.10g} and y − lam·α is "
                    f"{want[i]:.10g}: lam belongs on the diagonal of K, once")
        return None
    return judge


@check("property", "on the training points the predictions are y − lam·α")
def training_identity(rng):
    X = _points(rng, 9, 3)
    y = _targets(rng, X)
    for lam in (0.3, 2.0):
        yield _fit_predict(X, y, lam, 0.4, X, label="f(X_train)").judge(
            _training_identity(y, lam)).because(
            f"lam = {lam:g}: predicting at the training points themselves")


@check("property", "duplicated training points: K is singular, K + lam·I is not")
def duplicates(rng):
    X = _points(rng, 5, 2)
    X = np.vstack([X, X[[1, 3]]])
    y = _targets(rng, X)
    y[5] = np.round(y[1] + 0.5, 2)
    yield _fit_predict(X, y, 0.2, 0.5, _points(rng, 4, 2)).because(
        "points 5 and 6 repeat points 1 and 3 (with another target for point 5): two rows of K "
        "are equal, so only lam on the diagonal makes the system solvable")


@check("property", "a very large lam gives α ≈ y / lam, and predictions near 0")
def large_lam(rng):
    X = _points(rng, 7, 2)
    yield _fit_predict(X, _targets(rng, X), 1e6, 0.5, _points(rng, 3, 2)).because(
        "kernel ridge has no intercept: a huge penalty shrinks the whole function to 0, not "
        "to mean(y)")


@check("property", "far from every training point the prediction falls to 0 (no intercept)")
def far_away(rng):
    X = _points(rng, 8, 2)
    X_test = np.vstack([_points(rng, 2, 2), np.array([[40.0, -35.0], [-50.0, 60.0]])])
    yield _fit_predict(X, _targets(rng, X), 0.1, 0.5, X_test).because(
        "test points 2 and 3 are dozens of units from the data: every k(x, x_i) underflows "
        "to 0, and so does the prediction")


@check("property", "gamma sets the width: the same data at several gammas")
def gammas(rng):
    X = _points(rng, 10, 2)
    y = _targets(rng, X)
    X_test = _points(rng, 4, 2)
    for gamma in (0.05, 0.5, 5.0):
        yield _fit_predict(X, y, 0.1, gamma, X_test).because(
            f"gamma = {gamma:g}: k(a, b) = exp(−gamma·‖a − b‖²)")


# stability -----------------------------------------------------------------------------------

@check("stability", "points far apart: K is the identity and α = y / (1 + lam), no nan")
def identity_kernel(rng):
    X = np.array([[0.0, 0.0], [30.0, 0.0], [0.0, 30.0], [30.0, 30.0], [-30.0, 15.0]])
    X = X + np.round(rng.uniform(-1, 1, size=X.shape), 2)
    yield _fit(X, np.round(rng.normal(size=5) + 2.0, 2), 0.5, 2.0).because(
        "every off-diagonal squared distance is hundreds: exp(−2·that) underflows to exactly "
        "0, so K = I")
    yield _kernel(X, X, 2.0)
