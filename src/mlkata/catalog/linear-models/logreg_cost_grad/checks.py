"""logreg_cost_grad: the contract, worked examples, random agreement, the unpenalised bias,
stability for |z| up to 1000 (and accuracy where σ rounds to 0 or 1), gradient checks."""

import numpy as np

from mlkata.engine.kit import Scenario, call, check

FN = "logreg_cost_grad"
H = 1e-5  # step of the numerical gradient checks


def _case(w, b, X, y, lam):
    return call(FN, w, b, X, y, lam).knowing(m=X.shape[0])


def _shape_only(case):
    """Judge types and shapes only: the values are checked from the next layer on."""
    return case.tolerance(rtol=0.0, atol=np.inf)


def _problem(rng, m, n):
    """Weights, bias and samples with two decimals; labels drawn from the model itself, both
    classes present, and an average error σ(z) − y clearly away from 0 (so db is well scaled)."""
    while True:
        w = np.round(rng.normal(size=n), 2)
        b = round(float(rng.normal()), 2)
        X = np.round(rng.normal(size=(m, n)), 2)
        z = X @ w + b
        y = (rng.random(m) < 1 / (1 + np.exp(-z))).astype(int)
        if 0 < y.sum() < m and abs(np.mean(1 / (1 + np.exp(-z)) - y)) > 0.02:
            return w, b, X, y


@check("contract", "returns (J, dw, db): a float, an array of w's shape and a float")
def returns_three(rng):
    w, b, X, y = _problem(rng, 5, 3)
    yield _shape_only(_case(w, b, X, y, 0.5))


@check("contract", "accepts integer w, b, X and y")
def integer_inputs(rng):
    X = np.array([[1, 0, 2], [0, 1, -1], [2, 1, 0], [-1, 1, 1]])
    yield _shape_only(_case(np.array([1, -1, 0]), 1, X, np.array([1, 0, 1, 0]), 1))


@check("fixed", "at w = 0, b = 0 every σ(z) is ½ and J = ln 2")
def at_zero(rng):
    X = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 3.0]])
    yield _case(np.zeros(3), 0.0, X, np.array([1, 1, 1, 0]), 2.0).because(
        "σ(0) = ½ for every sample whatever its label, so J = ln 2 and σ(z) − y = ±½")


@check("fixed", "worked example: z = (ln 3, 0), y = (0, 1), lam = 1")
def worked_example(rng):
    yield _case(np.array([np.log(3.0)]), -float(np.log(3.0)), np.array([[2.0], [1.0]]),
                np.array([0, 1]), 1.0).because(
        "σ(z) = (3/4, 1/2): J = (3/2)·ln 2 + (ln 3)²/4, dw = 1/2 + (ln 3)/2, db = 1/8")


@check("random", "agrees with the reference on random data")
def random_data(rng):
    for (m, n), lam in [((7, 3), 0.5), ((12, 5), 0.0), ((5, 8), 2.0), ((40, 6), 0.1)]:
        yield _case(*_problem(rng, m, n), lam)


@check("property", "the bias is not penalised: db and J do not depend on lam through b")
def bias_not_penalised(rng):
    w = np.array([0.5, -1.0, 0.25])
    X = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 1.0], [1.0, 1.0, 0.0], [2.0, -1.0, 1.0],
                  [0.5, 0.5, -1.0]])
    yield _case(w, 3.0, X, np.array([1, 0, 1, 1, 0]), 10.0).because(
        "b = 3 and lam = 10: a penalty on b would add (lam/2m)·b² = 9 to J and (lam/m)·b = 6 "
        "to db")


@check("property", "works when every label is the same class, and for a single sample")
def one_class(rng):
    w, b, X, _ = _problem(rng, 6, 2)
    yield _case(w, b, X, np.ones(6, dtype=int), 0.3).because("y is all ones")
    yield _case(w, b, X[:1], np.array([0]), 0.3).because("m = 1")


@check("stability", "J stays finite and right for z = ±1000")
def huge_scores(rng):
    X = np.array([[2, 0], [2, 0], [0, 2], [0, 2], [1, -1]])
    yield _case(np.array([500.0, -500.0]), 0.5, X, np.array([1, 0, 0, 1, 0]), 0.001).because(
        "z = (1000.5, 1000.5, −999.5, −999.5, 1000.5): each sample costs about 0 or about |z|, "
        "so J ≈ 600.1 + penalty 50")


@check("stability", "J is accurate where σ(z) rounds to within 1e-13 of 0 or 1 (|z| ≈ 30)")
def large_scores(rng):
    X = np.array([[3.0, 0.0, 1.0], [0.0, 3.0, 1.0], [3.0, 3.0, 0.0], [-3.0, 0.0, 2.0],
                  [0.0, -3.0, 0.5], [1.0, 1.0, 1.0]])
    yield _case(np.array([11.0, -10.0, 2.0]), 0.5, X, np.array([0, 1, 0, 0, 1, 1]), 0.01
                ).because("z = (35.5, −27.5, 3.5, −28.5, 31.5, 3.5): σ(35.5) is 4e-16 below 1, "
                          "closer than float64 resolves next to 1, so 1 − σ(z) loses its digits")


def _slope_case(rng, w, b, X, y, lam):
    """Centred differences of the learner's J along random directions against its dw and db."""
    dir_w, dir_b = rng.normal(size=w.shape), float(rng.choice([-1.0, 1.0]))
    s = Scenario()
    s.out(s.call(FN, w, b, X, y, lam), "at (w, b)")
    for sign, text in ((1, "+"), (-1, "−")):
        s.out(s.call(FN, w + sign * H * dir_w, b, X, y, lam), f"at w {text} h·D")
        s.out(s.call(FN, w, b + sign * H * dir_b, X, y, lam), f"at b {text} h·d")

    def judge(got, expected, case):
        _, dw, db = got["at (w, b)"]
        for name, key, grad, direction in (("dw", "w", dw, dir_w), ("db", "b", db, dir_b)):
            suffix = "h·D" if key == "w" else "h·d"
            plus, minus = got[f"at {key} + {suffix}"][0], got[f"at {key} − {suffix}"][0]
            numeric = (float(plus) - float(minus)) / (2 * H)
            analytic = float(np.sum(np.asarray(grad, dtype=float) * direction))
            error = abs(numeric - analytic) / max(abs(numeric), abs(analytic), 1e-12)
            if not error < 1e-6:
                return (f"{name} is not the slope of your J: along a random direction, "
                        f"(J({key} + h·D) − J({key} − h·D)) / 2h = {numeric:.10g} but your "
                        f"{name} gives {analytic:.10g} (relative error {error:.1e}, h = {H:g}).")
        return None

    return s.case().knowing(m=X.shape[0]).without_reference().judge(judge)


@check("gradient", "dw and db are the slopes of your J (numerical gradient check)")
def gradient_check(rng):
    for (m, n), lam in [((6, 3), 0.7), ((9, 4), 0.0)]:
        yield _slope_case(rng, *_problem(rng, m, n), lam)
