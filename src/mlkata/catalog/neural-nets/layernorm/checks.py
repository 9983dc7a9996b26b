"""layernorm: forward against the reference, then the learner's own backward (fed the learner's
own cache), properties of a per-example normalisation (no dependence across examples, a batch of
one, a constant example, (B, T, D) inputs), and a gradient check of the backward against centred
differences of the contract's forward."""

import ast
from pathlib import Path

import numpy as np

from mlkata.engine.kit import Finding, Scenario, call, check


def batch(rng, *shape):
    """Data whose examples (rows) sit at different offsets and scales."""
    lead = shape[:-1]
    loc = rng.uniform(-5.0, 5.0, size=lead + (1,))
    scale = rng.uniform(0.5, 3.0, size=lead + (1,))
    return np.round(loc + scale * rng.normal(size=shape), 2)


def params(rng, d):
    gamma = np.round(rng.uniform(0.5, 2.0, size=d) * rng.choice([-1.0, 1.0], size=d), 2)
    beta = np.round(rng.normal(size=d), 2)
    return gamma, beta


def grad_out(rng, *shape):
    return np.round(rng.normal(size=shape), 2)


def forward(x, gamma, beta, **kwargs):
    """Compare the forward output only (the cache is the learner's own business)."""
    s = Scenario()
    result = s.call("layernorm_forward", x, gamma, beta, name="result", **kwargs)
    s.out(s.item(result, 0, name="out"), "out")
    return s.case()


def backward(x, gamma, beta, dout, **kwargs):
    """Forward, then backward on the learner's own cache: compare the three gradients."""
    s = Scenario()
    result = s.call("layernorm_forward", x, gamma, beta, name="result", **kwargs)
    cache = s.item(result, 1, name="cache")
    s.out(s.call("layernorm_backward", dout, cache, name="grads"), "layernorm_backward")
    return s.case()


def _message(mistake_id):
    """The MESSAGE of a known mistake, so that a judge names it in the very same words."""
    tree = ast.parse((Path(__file__).parent / "mistakes" / f"{mistake_id}.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "MESSAGE" for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(mistake_id)


# contract: types and shapes only (the values are checked from the worked example on) --------

def _forward_types(shape):
    def judge(got, expected, case):
        result = got["layernorm_forward"]
        if not isinstance(result, tuple) or len(result) != 2:
            return "layernorm_forward should return a tuple (out, cache)"
        out = result[0]
        if not isinstance(out, np.ndarray) or out.shape != shape:
            what = f"shape {out.shape}" if isinstance(out, np.ndarray) else type(out).__name__
            return f"out should be an ndarray of x's shape {shape}, got {what}"
        if out.dtype.kind != "f":
            return f"out should hold floats, got dtype {out.dtype}"
        return None
    return judge


def _backward_shapes(shape):
    d = shape[-1]

    def judge(got, expected, case):
        grads = got["layernorm_backward"]
        if not isinstance(grads, tuple) or len(grads) != 3:
            return "layernorm_backward should return a tuple (dx, dgamma, dbeta)"
        for name, g, want in zip(("dx", "dgamma", "dbeta"), grads, (shape, (d,), (d,)),
                                 strict=True):
            if not isinstance(g, np.ndarray):
                return f"{name} should be an ndarray, got {type(g).__name__}"
            if g.shape != want:
                message = f"{name} should have shape {want}, got {g.shape}"
                if name != "dx" and g.shape == shape[:-1]:
                    return Finding(message, diagnosis="dgamma_wrong_axis",
                                   diagnosis_message=_message("dgamma_wrong_axis"))
                return message
            if g.dtype.kind != "f":
                return f"{name} should hold floats, got dtype {g.dtype}"
        return None
    return judge


@check("contract", "layernorm_forward returns (out, cache), out a float array of x's shape")
def returns_pair(rng):
    yield call("layernorm_forward", batch(rng, 4, 3), *params(rng, 3)).without_reference(
    ).judge(_forward_types((4, 3)))


@check("contract", "accepts integer x, gamma and beta")
def integer_inputs(rng):
    x = np.array([[1, 4, -2], [3, 0, 5], [2, 2, 2], [6, -1, 0]])
    yield call("layernorm_forward", x, np.array([1, 2, 3]), np.array([0, -1, 1])
               ).without_reference().judge(_forward_types((4, 3)))


@check("contract", "layernorm_backward returns (dx, dgamma, dbeta) of shapes (N, D), (D,), (D,)")
def backward_shapes(rng):
    gamma, beta = params(rng, 3)
    yield backward(batch(rng, 4, 3), gamma, beta, grad_out(rng, 4, 3)).structure_only(
    ).judge(_backward_shapes((4, 3))).because("N = 4 examples of D = 3 features")


# fixed ------------------------------------------------------------------------------------------

X_WORKED = np.array([[1.0, 2.0, 3.0], [10.0, 20.0, 30.0]])
GAMMA_WORKED, BETA_WORKED = np.array([2.0, 1.0, 0.5]), np.array([0.0, 1.0, -1.0])


@check("fixed", "worked example: x = [[1, 2, 3], [10, 20, 30]], each row on its own")
def worked_forward(rng):
    yield forward(X_WORKED, GAMMA_WORKED, BETA_WORKED).because(
        "row 1: mu = 2, var = 2/3; row 2: mu = 20, var = 200/3")


@check("fixed", "worked example backward: dout = [[1, 0, 0], [0, 0, 0]]")
def worked_backward(rng):
    yield backward(X_WORKED, GAMMA_WORKED, BETA_WORKED,
                   np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 0.0]])).because(
        "row 2 of dout is 0, so row 2 of dx is 0: no other example can send it a gradient")


@check("fixed", "gamma scales and beta shifts each feature, shared by every example")
def gamma_beta(rng):
    x = np.array([[1.0, 0.0, 4.0, 2.0], [3.0, 2.0, 0.0, 5.0], [5.0, 1.0, 2.0, -1.0]])
    yield forward(x, np.array([1.0, 2.0, -1.0, 0.5]), np.array([0.0, 5.0, -3.0, 1.0]))


@check("fixed", "uses the eps it is given, inside the square root")
def custom_eps(rng):
    x = np.array([[0.1, 0.3, 0.2], [2.0, 2.5, 1.0]])
    yield forward(x, np.array([1.0, 1.0, 1.0]), np.array([0.0, 0.0, 0.0]), eps=0.05)


@check("fixed", "backward with gamma and dout that differ per feature")
def fixed_backward(rng):
    x = np.array([[1.0, 0.0, 4.0, 2.0], [3.0, 2.0, 0.0, 5.0], [5.0, 1.0, 2.0, -1.0]])
    dout = np.array([[1.0, -1.0, 0.5, 2.0], [0.0, 2.0, 1.0, -1.0], [-2.0, 0.5, 0.0, 1.0]])
    yield backward(x, np.array([1.0, 2.0, -1.0, 0.5]), np.array([0.0, 5.0, -3.0, 1.0]), dout)


@check("fixed", "integer x, gamma, beta and dout give the same result as floats")
def integer_values(rng):
    x = np.array([[1, 4, -2], [3, 0, 5], [2, 2, 7], [6, -1, 0]])
    gamma, beta = np.array([1, 2, 3]), np.array([0, -1, 1])
    yield forward(x, gamma, beta)
    yield backward(x, gamma, beta, np.array([[1, 0, 2], [0, -1, 1], [3, 1, 0], [-2, 0, 1]]))


# random -----------------------------------------------------------------------------------------

SHAPES = [(5, 3), (3, 7), (8, 4), (16, 6)]


@check("random", "out agrees with the reference on random batches")
def random_forward(rng):
    for n, d in SHAPES:
        yield forward(batch(rng, n, d), *params(rng, d))


@check("random", "dx, dgamma, dbeta agree with the reference on random batches")
def random_backward(rng):
    for n, d in SHAPES:
        gamma, beta = params(rng, d)
        yield backward(batch(rng, n, d), gamma, beta, grad_out(rng, n, d))


# property ---------------------------------------------------------------------------------------

def _rows_independent(got, expected, case):
    full, alone = got["out"], got["out of the first 2 examples alone"]
    if not np.allclose(full[:2], alone, rtol=1e-9, atol=1e-9):
        return ("the output of an example changed when the other examples were removed: layer "
                "norm normalises each example over its own features (axis -1), never over the "
                "batch")
    return None


@check("property", "an example's output does not depend on the other examples")
def independent_rows(rng):
    x = batch(rng, 6, 4)
    gamma, beta = params(rng, 4)
    s = Scenario()
    s.out(s.item(s.call("layernorm_forward", x, gamma, beta, name="result"), 0, name="out"),
          "out")
    s.out(s.item(s.call("layernorm_forward", x[:2], gamma, beta, name="result2"), 0,
                 name="out2"), "out of the first 2 examples alone")
    yield s.case().judge(_rows_independent).because("the second call gets x[:2] only")


@check("property", "a batch of one example works")
def single_example(rng):
    gamma, beta = params(rng, 5)
    x = batch(rng, 1, 5)
    yield forward(x, gamma, beta).because("N = 1: batch statistics would make x_hat 0")
    yield backward(x, gamma, beta, grad_out(rng, 1, 5))


CONST_BETA = np.array([0.5, -0.75, 1.0])


def _constant_example_is_beta(got, expected, case):
    out = got["out"]
    if not np.all(np.isfinite(out)):
        return "out is not finite for a constant example: eps belongs inside the square root."
    if not np.allclose(out[1], CONST_BETA, rtol=0, atol=1e-9):
        return (f"a constant example should come out as beta = {CONST_BETA.tolist()}, "
                f"got {out[1]}")
    return None


@check("property", "a constant example comes out as beta (eps keeps it finite)")
def constant_example(rng):
    x = np.array([[1.0, 3.0, 2.0], [4.0, 4.0, 4.0], [2.0, 3.0, 5.0], [0.0, 3.0, 1.0]])
    gamma = np.array([1.5, 2.0, -1.0])
    yield forward(x, gamma, CONST_BETA).judge(_constant_example_is_beta).because(
        "example 1 is 4.0 in every feature: its variance is exactly 0")
    yield backward(x, gamma, CONST_BETA, grad_out(rng, 4, 3)).because(
        "example 1 is 4.0 in every feature: its variance is exactly 0")


def _shift_invariant(got, expected, case):
    a, b = got["out"], got["out for x + shift"]
    if not np.allclose(a, b, rtol=1e-7, atol=1e-7):
        return ("adding a constant to an example changed out: its own mean should absorb it "
                f"(largest change {np.max(np.abs(a - b)):.3g})")
    return None


@check("property", "adding a constant to an example does not change out")
def shift_invariance(rng):
    x = batch(rng, 4, 6)
    gamma, beta = params(rng, 6)
    s = Scenario()
    s.out(s.item(s.call("layernorm_forward", x, gamma, beta, name="result"), 0, name="out"),
          "out")
    shifted = x + np.array([[10.0], [-3.0], [0.0], [100.0]])
    s.out(s.item(s.call("layernorm_forward", shifted, gamma, beta, name="result2"), 0,
                 name="out2"), "out for x + shift")
    yield s.case().judge(_shift_invariant).because(
        "the second x is the first plus (10, −3, 0, 100), one constant per example")


def _dx_rows_sum_to_zero(got, expected, case):
    dx = np.asarray(got["layernorm_backward"][0], dtype=float)
    total = np.abs(dx.sum(axis=-1))
    if np.any(total > 1e-9 * max(1.0, float(np.abs(dx).max()))):
        return ("dx should sum to 0 over the features of every example (a shift of a whole "
                f"example does not change out), but its row sums are {dx.sum(axis=-1)}")
    return None


@check("property", "dx sums to 0 over the features of every example")
def dx_zero_sum(rng):
    gamma, beta = params(rng, 5)
    yield backward(batch(rng, 7, 5), gamma, beta, grad_out(rng, 7, 5)).judge(
        _dx_rows_sum_to_zero)


@check("property", "x of shape (B, T, D): every vector along the last axis is normalised, "
                   "dgamma and dbeta sum over B and T")
def three_axes(rng):
    gamma, beta = params(rng, 4)
    x = batch(rng, 2, 3, 4)
    yield forward(x, gamma, beta).because("B = 2 sequences of T = 3 tokens of D = 4 features")
    yield backward(x, gamma, beta, grad_out(rng, 2, 3, 4)).because(
        "dgamma and dbeta have shape (4,): they sum over both B and T")


# gradient ---------------------------------------------------------------------------------------

H = 1e-5


def _ln(x, gamma, beta):
    """The contract's forward, written out for the numerical gradient."""
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return gamma * (x - mu) / np.sqrt(var + 1e-5) + beta


def _centred(f, a):
    grad = np.zeros_like(a)
    for i in range(a.size):
        plus, minus = a.copy(), a.copy()
        plus.flat[i] += H
        minus.flat[i] -= H
        grad.flat[i] = (f(plus) - f(minus)) / (2 * H)
    return grad


def _gradient_judge(x, gamma, beta, dout):
    numeric = {
        "dx": _centred(lambda a: np.sum(_ln(a, gamma, beta) * dout), x),
        "dgamma": _centred(lambda a: np.sum(_ln(x, a, beta) * dout), gamma),
        "dbeta": _centred(lambda a: np.sum(_ln(x, gamma, a) * dout), beta),
    }

    def judge(got, expected, case):
        grads = got["layernorm_backward"]
        for name, analytic in zip(("dx", "dgamma", "dbeta"), grads, strict=True):
            analytic = np.asarray(analytic, dtype=float)
            num = numeric[name]
            if analytic.shape != num.shape:
                return f"{name} should have shape {num.shape}, got {analytic.shape}"
            denom = max(float(np.linalg.norm(analytic)), float(np.linalg.norm(num)), 1e-12)
            rel = float(np.linalg.norm(analytic - num)) / denom
            if rel > 1e-6:
                at = np.unravel_index(int(np.argmax(np.abs(analytic - num))), num.shape)
                return (f"{name} disagrees with the numerical gradient: relative error "
                        f"{rel:.2g}; at {name}{list(map(int, at))} yours is "
                        f"{analytic[at]:.8g}, centred differences give {num[at]:.8g}")
        return None
    return judge


@check("gradient", "dx, dgamma, dbeta match a numerical gradient of sum(out * dout)")
def gradient_check(rng):
    for shape in ((4, 3), (6, 5), (2, 3, 4)):
        x = batch(rng, *shape)
        gamma, beta = params(rng, shape[-1])
        dout = grad_out(rng, *shape)
        yield backward(x, gamma, beta, dout).without_reference().judge(
            _gradient_judge(x, gamma, beta, dout)).because(
            f"x of shape {shape}; centred differences (h = {H:g}) of L = sum(out * dout) "
            "through the forward")
