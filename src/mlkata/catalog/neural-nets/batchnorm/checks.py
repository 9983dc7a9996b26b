"""batchnorm: forward against the reference, then the learner's own backward (fed the learner's
own cache), properties of the normalisation, and a gradient check of the backward against
centred differences of the learner's forward."""

import ast
from pathlib import Path

import numpy as np

from mlkata.engine.kit import Finding, Scenario, call, check


def batch(rng, n, d):
    """(N, D) data whose features sit at different offsets and scales."""
    loc = rng.uniform(-5.0, 5.0, size=d)
    scale = rng.uniform(0.5, 3.0, size=d)
    return np.round(loc + scale * rng.normal(size=(n, d)), 2)


def params(rng, d):
    gamma = np.round(rng.uniform(0.5, 2.0, size=d) * rng.choice([-1.0, 1.0], size=d), 2)
    beta = np.round(rng.normal(size=d), 2)
    return gamma, beta


def grad_out(rng, n, d):
    return np.round(rng.normal(size=(n, d)), 2)


def forward(x, gamma, beta, **kwargs):
    """Compare the forward output only (the cache is the learner's own business)."""
    s = Scenario()
    result = s.call("batchnorm_forward", x, gamma, beta, name="result", **kwargs)
    s.out(s.item(result, 0, name="out"), "out")
    return s.case()


def backward(x, gamma, beta, dout, **kwargs):
    """Forward, then backward on the learner's own cache: compare the three gradients."""
    s = Scenario()
    result = s.call("batchnorm_forward", x, gamma, beta, name="result", **kwargs)
    cache = s.item(result, 1, name="cache")
    s.out(s.call("batchnorm_backward", dout, cache, name="grads"), "batchnorm_backward")
    return s.case()


# contract: types and shapes only (the values are checked from the worked example on) --------

def _message(mistake_id):
    """The MESSAGE of a known mistake, so that a judge names it in the very same words."""
    tree = ast.parse((Path(__file__).parent / "mistakes" / f"{mistake_id}.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "MESSAGE" for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(mistake_id)


def _forward_types(shape):
    def judge(got, expected, case):
        result = got["batchnorm_forward"]
        if not isinstance(result, tuple) or len(result) != 2:
            return "batchnorm_forward should return a tuple (out, cache)"
        out = result[0]
        if not isinstance(out, np.ndarray) or out.shape != shape:
            what = f"shape {out.shape}" if isinstance(out, np.ndarray) else type(out).__name__
            return f"out should be an ndarray of x's shape {shape}, got {what}"
        if out.dtype.kind != "f":
            return f"out should hold floats, got dtype {out.dtype}"
        return None
    return judge


def _backward_shapes(n, d):
    def judge(got, expected, case):
        grads = got["batchnorm_backward"]
        if not isinstance(grads, tuple) or len(grads) != 3:
            return "batchnorm_backward should return a tuple (dx, dgamma, dbeta)"
        for name, g, shape in zip(("dx", "dgamma", "dbeta"), grads, ((n, d), (d,), (d,)),
                                  strict=True):
            if not isinstance(g, np.ndarray):
                return f"{name} should be an ndarray, got {type(g).__name__}"
            if g.shape != shape:
                message = f"{name} should have shape {shape}, got {g.shape}"
                if name != "dx" and g.shape == (n,):
                    return Finding(message, diagnosis="dgamma_wrong_axis",
                                   diagnosis_message=_message("dgamma_wrong_axis"))
                return message
        return None
    return judge


@check("contract", "batchnorm_forward returns (out, cache), out a float array of x's shape")
def returns_pair(rng):
    yield call("batchnorm_forward", batch(rng, 4, 3), *params(rng, 3)).without_reference(
    ).judge(_forward_types((4, 3)))


@check("contract", "accepts integer x, gamma and beta")
def integer_inputs(rng):
    x = np.array([[1, 4, -2], [3, 0, 5], [2, 2, 2], [6, -1, 0]])
    yield call("batchnorm_forward", x, np.array([1, 2, 3]), np.array([0, -1, 1])
               ).without_reference().judge(_forward_types((4, 3)))


@check("contract", "batchnorm_backward returns (dx, dgamma, dbeta) of shapes (N, D), (D,), (D,)")
def backward_shapes(rng):
    gamma, beta = params(rng, 3)
    yield backward(batch(rng, 4, 3), gamma, beta, grad_out(rng, 4, 3)).without_reference(
    ).judge(_backward_shapes(4, 3))


# fixed ------------------------------------------------------------------------------------------

X_WORKED = np.array([[1.0], [2.0], [3.0]])


@check("fixed", "worked example: x = (1, 2, 3), gamma = 2, beta = 0.5")
def worked_forward(rng):
    yield forward(X_WORKED, np.array([2.0]), np.array([0.5]))


@check("fixed", "gamma scales and beta shifts each feature on its own")
def gamma_beta(rng):
    x = np.array([[1.0, 0.0, 4.0], [3.0, 2.0, 0.0], [5.0, 1.0, 2.0], [7.0, 5.0, 6.0]])
    yield forward(x, np.array([1.0, 2.0, -1.0]), np.array([0.0, 5.0, -3.0]))


@check("fixed", "uses the eps it is given, inside the square root")
def custom_eps(rng):
    x = np.array([[0.1, 2.0], [0.3, 2.5], [0.2, 1.0]])
    yield forward(x, np.array([1.0, 1.0]), np.array([0.0, 0.0]), eps=0.05)


@check("fixed", "worked example backward: dout = (1, 0, 0)")
def worked_backward(rng):
    yield backward(X_WORKED, np.array([2.0]), np.array([0.5]), np.array([[1.0], [0.0], [0.0]]))


@check("fixed", "backward with gamma, beta and dout that differ per feature")
def fixed_backward(rng):
    x = np.array([[1.0, 0.0, 4.0], [3.0, 2.0, 0.0], [5.0, 1.0, 2.0], [7.0, 5.0, 6.0]])
    dout = np.array([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0], [-2.0, 0.5, 0.0], [1.0, 1.0, -1.0]])
    yield backward(x, np.array([1.0, 2.0, -1.0]), np.array([0.0, 5.0, -3.0]), dout)


@check("fixed", "integer x, gamma and beta give the same result as floats")
def integer_values(rng):
    x = np.array([[1, 4, -2], [3, 0, 5], [2, 2, 2], [6, -1, 0]])
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

def _constant_feature_is_beta(got, expected, case):
    out = got["out"]
    if not np.all(np.isfinite(out)):
        return "out is not finite for a constant feature: eps belongs inside the square root."
    if not np.allclose(out[:, 1], CONST_BETA, rtol=0, atol=1e-9):
        return (f"a constant feature should come out as beta = {CONST_BETA} everywhere, "
                f"got {out[:, 1]}")
    return None


CONST_BETA = -0.75


@check("property", "a constant feature comes out as beta (eps keeps it finite)")
def constant_feature(rng):
    x = np.array([[1.0, 3.0, 2.0], [4.0, 3.0, 0.0], [2.0, 3.0, 5.0], [0.0, 3.0, 1.0],
                  [5.0, 3.0, 4.0]])
    gamma, beta = np.array([1.5, 2.0, -1.0]), np.array([0.5, CONST_BETA, 1.0])
    yield forward(x, gamma, beta).judge(_constant_feature_is_beta).because(
        "feature 1 is 3.0 in every example: its variance is exactly 0")
    yield backward(x, gamma, beta, grad_out(rng, 5, 3)).because(
        "feature 1 is 3.0 in every example: its variance is exactly 0")


def _shift_invariant(got, expected, case):
    a, b = got["out"], got["out for x + shift"]
    if not np.allclose(a, b, rtol=1e-7, atol=1e-7):
        return ("adding a constant to a feature changed out: the batch mean should absorb it "
                f"(largest change {np.max(np.abs(a - b)):.3g})")
    return None


@check("property", "adding a constant to a feature does not change out")
def shift_invariance(rng):
    x = batch(rng, 6, 4)
    gamma, beta = params(rng, 4)
    s = Scenario()
    s.out(s.item(s.call("batchnorm_forward", x, gamma, beta, name="result"), 0, name="out"),
          "out")
    shifted = x + np.array([10.0, -3.0, 0.0, 100.0])
    s.out(s.item(s.call("batchnorm_forward", shifted, gamma, beta, name="result2"), 0,
                 name="out2"), "out for x + shift")
    yield s.case().judge(_shift_invariant).because(
        "the second x is the first plus (10, −3, 0, 100), one constant per feature")


def _dx_sums_to_zero(got, expected, case):
    dx = got["batchnorm_backward"][0]
    total = np.abs(dx.sum(axis=0))
    if np.any(total > 1e-9 * max(1.0, float(np.abs(dx).max()))):
        return ("dx should sum to 0 over the batch for every feature (a shift of a whole "
                f"feature does not change out), but its column sums are {dx.sum(axis=0)}")
    return None


@check("property", "dx sums to 0 over the batch for every feature")
def dx_zero_sum(rng):
    gamma, beta = params(rng, 5)
    yield backward(batch(rng, 7, 5), gamma, beta, grad_out(rng, 7, 5)).judge(
        _dx_sums_to_zero)


# gradient ---------------------------------------------------------------------------------------

H = 1e-5


def _bn(x, gamma, beta):
    """The contract's forward, written out for the numerical gradient."""
    mu = x.mean(axis=0)
    var = ((x - mu) ** 2).mean(axis=0)
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
        "dx": _centred(lambda a: np.sum(_bn(a, gamma, beta) * dout), x),
        "dgamma": _centred(lambda a: np.sum(_bn(x, a, beta) * dout), gamma),
        "dbeta": _centred(lambda a: np.sum(_bn(x, gamma, a) * dout), beta),
    }

    def judge(got, expected, case):
        grads = got["batchnorm_backward"]
        for name, analytic in zip(("dx", "dgamma", "dbeta"), grads, strict=True):
            analytic = np.asarray(analytic, dtype=float)
            num = numeric[name]
            denom = max(float(np.linalg.norm(analytic)), float(np.linalg.norm(num)), 1e-12)
            rel = float(np.linalg.norm(analytic - num)) / denom
            if rel > 1e-6:
                at = np.unravel_index(int(np.argmax(np.abs(analytic - num))), num.shape)
                return (f"{name} disagrees with the numerical gradient: relative error "
                        f"{rel:.2g}; at {name}{list(at)} yours is {analytic[at]:.8g}, "
                        f"centred differences give {num[at]:.8g}")
        return None
    return judge


@check("gradient", "dx, dgamma, dbeta match a numerical gradient of sum(out * dout)")
def gradient_check(rng):
    for n, d in ((4, 3), (6, 5)):
        x = batch(rng, n, d)
        gamma, beta = params(rng, d)
        dout = grad_out(rng, n, d)
        yield backward(x, gamma, beta, dout).without_reference().judge(
            _gradient_judge(x, gamma, beta, dout)).because(
            f"centred differences (h = {H:g}) of L = sum(out * dout) through the forward")
