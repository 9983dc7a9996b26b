"""numerical_gradient: shape and dtype, a worked example, every entry alone, any shape, integer
x, the step h, random functions, and agreement with analytic gradients."""

import numpy as np

from mlkata.engine.kit import call, check, fixture

# -- the fixtures' analytic gradients, for the gradient layer ------------------------------


def _analytic(name, args, x):
    x = np.asarray(x, dtype=float)
    if name == "cubic":
        c3, c2 = args
        return 3 * c3 * x ** 2 + 2 * c2 * x
    if name == "quadratic":
        A, b = args
        return 0.5 * (A + A.T) @ x + b
    if name == "sum_of_sines":
        (w,) = args
        return w * np.cos(w * x)
    if name == "log_sum_exp":
        e = np.exp(x - x.max())
        return e / e.sum()
    if name == "least_squares":
        X, Y = args
        return X.T @ (X @ x - Y)
    if name == "coupled":
        (C,) = args
        return C * np.cos(x) + np.sum(x)
    raise KeyError(name)


def gradient_case(name, args, x, **kwargs):
    """numerical_gradient(f, x) for f = fixtures.name(*args), compared with the reference."""
    return call("numerical_gradient", fixture(name, *args), x, **kwargs)


def _r(a):
    """Random data rounded to 3 decimals: readable in a failure, still free of coincidences."""
    return np.round(a, 3)


def _dense_quadratic(rng, n):
    A = _r(rng.normal(size=(n, n))) + n * np.eye(n)
    return _r(A), _r(rng.normal(size=n))


# -- contract ------------------------------------------------------------------------------

def _shape_judge(x):
    def judge(got, expected, case):
        g = got.get("numerical_gradient")
        if not isinstance(g, np.ndarray):
            kind = type(g).__name__
            return f"numerical_gradient should return an ndarray, got a {kind}"
        if g.shape != x.shape:
            return f"the gradient should have x's shape {x.shape}, got {g.shape}"
        if g.dtype.kind != "f":
            return (f"the gradient should be a float array, got dtype {g.dtype} "
                    "(np.zeros_like of an integer x is an integer array)")
        return None
    return judge


@check("contract", "returns a float array of x's shape, without writing into x")
def shape_and_dtype(rng):
    A = np.array([[2.0, 1.0, 0.0], [0.0, 3.0, 1.0], [1.0, 0.0, 1.0]])
    x = np.array([1.0, -0.5, 2.0])
    yield gradient_case("quadratic", (A, np.array([0.5, 0.0, -1.0])), x).without_reference(
    ).judge(_shape_judge(x))
    x = np.array([[0.5, -1.0, 0.25], [1.5, 0.0, -0.75]])
    yield gradient_case("sum_of_sines", (np.array([[1.0, 2.0, 0.5], [-1.0, 0.5, 1.5]]),), x
                        ).without_reference().judge(_shape_judge(x))


# -- fixed ---------------------------------------------------------------------------------

@check("fixed", "worked example: f = x₀³ + 2x₁² at (1, 2) with h = 0.1 gives (3.01, 8)")
def worked_example(rng):
    yield gradient_case("cubic", (np.array([1.0, 0.0]), np.array([0.0, 2.0])),
                        np.array([1.0, 2.0]), h=0.1).because(
        "centred: (f(1.1, 2) − f(0.9, 2)) / 0.2 = 3.01; a forward difference gives 3.31")


@check("fixed", "each entry is perturbed on its own: the others stay at x")
def one_entry_at_a_time(rng):
    A = np.array([[2.0, 1.0, 0.0], [1.0, 3.0, -1.0], [0.5, -1.0, 4.0]])
    b = np.array([1.0, -2.0, 0.5])
    yield gradient_case("quadratic", (A, b), np.array([0.5, -1.0, 2.0])).because(
        "f = ½ xᵀAx + bᵀx: the entries interact, so a perturbation left behind in x[0] "
        "changes the derivative in x[1]")


@check("fixed", "a 2-D x gets one derivative per entry")
def two_dimensional(rng):
    X = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, -1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
    Y = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0], [0.5, 0.5]])
    W = np.array([[0.5, -1.0], [1.0, 0.0], [-0.5, 2.0]])
    yield gradient_case("least_squares", (X, Y), W).because(
        "f(W) = ½‖XW − Y‖² with W of shape (3, 2): 6 entries, 6 derivatives")
    yield gradient_case("sum_of_sines", (np.array([[1.0, 2.0, 0.5], [-1.0, 0.3, 1.5]]),),
                        np.array([[0.2, -0.4, 1.0], [0.7, 0.1, -0.3]]))


@check("fixed", "accepts an integer x (perturb a float copy)")
def integer_x(rng):
    A = np.array([[1.5, 0.5, 0.0], [0.5, 2.5, 1.0], [0.0, 1.0, 3.5]])
    b = np.array([0.25, -1.5, 0.75])
    yield gradient_case("quadratic", (A, b), np.array([1, -2, 3])).because(
        "x + 1e-5 stored back into an integer array is x again; and np.zeros_like(x) of an "
        "integer x cannot hold 0.75")


# -- random --------------------------------------------------------------------------------

@check("random", "agrees with the reference on random functions and points")
def random_functions(rng):
    A, b = _dense_quadratic(rng, 5)
    yield gradient_case("quadratic", (A, b), _r(rng.normal(size=5)))
    w = _r(rng.uniform(0.5, 2.0, size=(3, 4)))
    yield gradient_case("sum_of_sines", (w,), _r(rng.normal(size=(3, 4))))
    yield gradient_case("log_sum_exp", ((6,),), _r(rng.normal(scale=2.0, size=6)))
    X, Y = _r(rng.normal(size=(7, 4))), _r(rng.normal(size=(7, 3)))
    yield gradient_case("least_squares", (X, Y), _r(rng.normal(size=(4, 3))))
    C = _r(rng.normal(size=(2, 3, 4)))
    yield gradient_case("coupled", (C,), _r(rng.normal(scale=0.5, size=(2, 3, 4))))


# -- property ------------------------------------------------------------------------------

@check("property", "any shape: a 0-d array and a 3-D array")
def any_shape(rng):
    yield gradient_case("sum_of_sines", (np.array(1.5),), np.array(0.4)).because(
        "x is a 0-d array (shape ()): one entry, reached by index ()")
    yield gradient_case("cubic", (np.array(2.0), np.array(-1.0)), np.array(0.75)).because(
        "x is a 0-d array (shape ())")
    C = _r(rng.normal(size=(3, 2, 4)))
    yield gradient_case("coupled", (C,), _r(rng.normal(scale=0.5, size=(3, 2, 4)))).because(
        "x has shape (3, 2, 4)")


@check("property", "uses the step h it is given")
def uses_h(rng):
    w = np.array([1.0, 2.0, 3.0, 0.5])
    x = np.array([0.3, -0.2, 0.5, 1.0])
    for h in (1e-2, 1e-3):
        yield gradient_case("sum_of_sines", (w,), x, h=h).because(
            f"with h = {h:g} the centred difference of sin differs from the derivative by "
            "about h²/6, visibly")


# -- gradient ------------------------------------------------------------------------------

def _agrees_with_analytic(name, args, x):
    exact = _analytic(name, args, x)

    def judge(got, expected, case):
        g = np.asarray(got.get("numerical_gradient"), dtype=float)
        error = np.linalg.norm(g - exact) / max(np.linalg.norm(g), np.linalg.norm(exact))
        if error > 1e-6:
            return (f"relative error {error:.2g} against the analytic gradient "
                    f"{np.array2string(exact, precision=6)}: above 1e-6")
        return None
    return judge


@check("gradient", "agrees with the analytic gradient to a relative error below 1e-6")
def analytic(rng):
    A, b = _dense_quadratic(rng, 4)
    w = _r(rng.uniform(0.5, 2.0, size=(2, 3)))
    X, Y = _r(rng.normal(size=(6, 3))), _r(rng.normal(size=(6, 2)))
    C = _r(rng.normal(size=(2, 2, 3)))
    for name, args, x in [
        ("quadratic", (A, b), _r(rng.normal(size=4))),
        ("sum_of_sines", (w,), _r(rng.normal(size=(2, 3)))),
        ("log_sum_exp", ((5,),), _r(rng.normal(scale=2.0, size=5))),
        ("least_squares", (X, Y), _r(rng.normal(size=(3, 2)))),
        ("coupled", (C,), _r(rng.normal(scale=0.5, size=(2, 2, 3)))),
    ]:
        yield gradient_case(name, args, x).judge(_agrees_with_analytic(name, args, x))
