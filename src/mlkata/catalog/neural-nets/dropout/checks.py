"""dropout: exact where the answer is unique (p = 0, test time, the backward on a given mask),
by behaviour where it is random (keep rate, preserved mean, out consistent with the mask,
reproducible with the rng it is given)."""

import ast
from pathlib import Path

import numpy as np

from mlkata.engine.kit import Finding, Scenario, call, check, rng


def _message(mistake_id):
    """The MESSAGE of a known mistake, so that a judge names it in the very same words."""
    tree = ast.parse((Path(__file__).parent / "mistakes" / f"{mistake_id}.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "MESSAGE" for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(mistake_id)


def named(message, mistake_id):
    return Finding(message, diagnosis=mistake_id, diagnosis_message=_message(mistake_id))


def _pair(result, what="dropout_forward"):
    """None when result looks like (out, mask) with a boolean mask, else what is wrong."""
    if not isinstance(result, tuple) or len(result) != 2:
        return f"{what} should return a tuple (out, mask)"
    out, mask = result
    if not isinstance(out, np.ndarray) or not isinstance(mask, np.ndarray):
        return f"{what} should return two ndarrays (out, mask) in training mode"
    if mask.dtype != bool:
        message = f"the mask should be a boolean array, got dtype {mask.dtype}"
        if mask.dtype.kind == "f":
            return named(message, "float_mask")
        return message + " (a comparison such as rng.random(x.shape) >= p gives one)"
    if mask.shape != out.shape:
        return f"the mask should have out's shape {out.shape}, got {mask.shape}"
    return None


# contract ---------------------------------------------------------------------------------------

X_SMALL = np.array([[1.0, -2.0, 3.0, 0.5], [4.0, 0.0, -1.0, 2.0], [-3.0, 1.5, 2.5, -0.5]])


def _forward_types(shape):
    def judge(got, expected, case):
        result = got["dropout_forward"]
        wrong = _pair(result)
        if wrong:
            return wrong
        out = result[0]
        if out.shape != shape:
            return f"out should have x's shape {shape}, got {out.shape}"
        if out.dtype.kind != "f":
            return f"out should hold floats (x · mask / (1 − p)), got dtype {out.dtype}"
        return None
    return judge


def _backward_type(shape):
    def judge(got, expected, case):
        dx = got["dropout_backward"]
        if not isinstance(dx, np.ndarray) or dx.shape != shape:
            what = f"shape {dx.shape}" if isinstance(dx, np.ndarray) else type(dx).__name__
            return f"dx should be an ndarray of dout's shape {shape}, got {what}"
        if dx.dtype.kind != "f":
            return f"dx should hold floats, got dtype {dx.dtype}"
        return None
    return judge


@check("contract", "dropout_forward returns (out, mask): out of x's shape, a boolean mask")
def forward_types(rng_):
    yield call("dropout_forward", X_SMALL, 0.5, rng(1)).without_reference().judge(
        _forward_types(X_SMALL.shape))


@check("contract", "accepts integer x")
def integer_x(rng_):
    yield call("dropout_forward", np.array([[1, 2, 3], [4, 5, 6]]), 0.5, rng(2)
               ).without_reference().judge(_forward_types((2, 3)))


@check("contract", "dropout_backward returns an array of dout's shape")
def backward_shape(rng_):
    mask = np.array([[True, False, True, True], [False, True, True, False],
                     [True, True, False, True]])
    yield call("dropout_backward", X_SMALL, mask, 0.5).without_reference().judge(
        _backward_type(X_SMALL.shape))


# fixed ------------------------------------------------------------------------------------------

@check("fixed", "p = 0 keeps every unit: out = x, mask all True")
def p_zero(rng_):
    yield call("dropout_forward", np.arange(20.0).reshape(4, 5) - 7.5, 0.0, rng(3)).because(
        "p is the probability of dropping: with p = 0 nothing is dropped")


def _test_time(x):
    def judge(got, expected, case):
        result = got["dropout_forward"]
        if not isinstance(result, tuple) or len(result) != 2:
            return "dropout_forward should return a tuple (out, mask), also at test time"
        out, mask = result
        if mask is not None:
            if isinstance(out, np.ndarray) and out.shape == x.shape and np.any(
                    (out == 0) & (x != 0)):
                return named("with train=False some units were dropped", "drops_at_test_time")
            return "with train=False the mask should be None (no mask was drawn)"
        if not isinstance(out, np.ndarray) or out.shape != x.shape:
            return f"with train=False out should be an ndarray of x's shape {x.shape}"
        if not np.array_equal(out, x):
            if np.allclose(out, x * 0.5):
                return ("with train=False out should be x itself, got x · (1 − p): inverted "
                        "dropout already rescaled during training, so test time does nothing")
            return "with train=False out should be x itself, unchanged"
        return None
    return judge


@check("fixed", "at test time (train=False): out = x and mask = None")
def test_time(rng_):
    x = np.round(rng_.normal(size=(6, 7)), 2) + 3.0
    yield call("dropout_forward", x, 0.5, rng(4), train=False).without_reference().judge(
        _test_time(x))


@check("fixed", "worked example: mask (T, F, T, F), p = 0.5 gives dx = (2, 0, 2, 0)")
def worked_example(rng_):
    yield call("dropout_backward", np.ones(4), np.array([True, False, True, False]), 0.5)


@check("fixed", "backward: dx = dout · mask / (1 − p) on a given mask")
def backward_fixed(rng_):
    mask = np.array([[True, False, True, True], [False, True, True, False],
                     [True, True, False, True]])
    yield call("dropout_backward", X_SMALL, mask, 0.5).because("1 / (1 − 0.5) = 2")
    yield call("dropout_backward", X_SMALL, mask, 0.2).because("1 / (1 − 0.2) = 1.25")


@check("fixed", "integer x gives the same result as floats")
def integer_values(rng_):
    yield call("dropout_forward", np.array([[1, 2, 3], [4, 5, 6]]), 0.0, rng(2))
    yield call("dropout_forward", np.array([[1, 2, 3], [4, 5, 6]]), 0.5, rng(2), train=False)


# random -----------------------------------------------------------------------------------------

@check("random", "backward agrees with the reference on random masks and p")
def backward_random(rng_):
    for shape, p in (((3, 5), 0.1), ((2, 3, 4), 0.5), ((7, 6), 0.75), ((4, 9, 2), 0.3)):
        dout = np.round(rng_.normal(size=shape), 3)
        yield call("dropout_backward", dout, rng_.random(shape) >= p, p)


# behaviour --------------------------------------------------------------------------------------

def _consistent(x, p):
    def judge(got, expected, case):
        result = got["dropout_forward"]
        wrong = _pair(result)
        if wrong:
            return wrong
        out, mask = result
        if out.shape != x.shape:
            return f"out should have x's shape {x.shape}, got {out.shape}"
        if np.allclose(out, x * mask / (1 - p), rtol=1e-12, atol=0):
            return None
        if np.allclose(out, x * mask, rtol=1e-12, atol=0):
            return named("out = x · mask: the kept units are not rescaled by 1 / (1 − p)",
                         "no_scaling")
        return (f"out should be x · mask / (1 − p) = x · mask / {1 - p:g} for the mask you "
                "return, and it is not")
    return judge


@check("behaviour", "out = x · mask / (1 − p) for the mask it returns")
def consistent(rng_):
    for shape, p in (((5, 7), 0.3), ((4, 6, 3), 0.6)):
        x = np.round(rng_.normal(size=shape), 2)
        yield call("dropout_forward", x, p, rng(10)).without_reference().judge(_consistent(x, p))


def _keep_rate(p):
    def judge(got, expected, case):
        result = got["dropout_forward"]
        wrong = _pair(result)
        if wrong:
            return wrong
        mask = result[1]
        rate = float(mask.mean())
        allowed = 6 * np.sqrt(p * (1 - p) / mask.size)   # six standard deviations
        if abs(rate - (1 - p)) <= allowed:
            return None
        message = (f"with p = {p:g} the mask keeps {rate:.4f} of the {mask.size} units; about "
                   f"1 − p = {1 - p:g} should be kept (± {allowed:.4f})")
        if abs(rate - p) <= allowed:
            return named(message, "keep_test_flipped")
        return message
    return judge


@check("behaviour", "keeps each unit with probability 1 − p")
def keep_rate(rng_):
    x = np.ones((200, 300))
    for seed, p in ((11, 0.2), (12, 0.5), (13, 0.9)):
        yield call("dropout_forward", x, p, rng(seed)).without_reference().judge(_keep_rate(p))


def _mean(x, p):
    def judge(got, expected, case):
        result = got["dropout_forward"]
        wrong = _pair(result)
        if wrong:
            return wrong
        out = result[0]
        target = float(x.mean())
        spread = float(np.abs(x).max()) * np.sqrt(p / (1 - p) / x.size)
        if abs(float(out.mean()) - target) <= 6 * spread:
            return None
        message = (f"with p = {p:g} the mean of out is {float(out.mean()):.4f}, the mean of x "
                   f"is {target:.4f}: inverted dropout keeps the expected value of every unit")
        if abs(float(out.mean()) - target * (1 - p)) <= 6 * spread:
            return named(message, "no_scaling")
        return message
    return judge


@check("behaviour", "preserves the mean: E[out] = x")
def preserves_mean(rng_):
    x = np.full((150, 400), 2.0)
    for seed, p in ((21, 0.25), (22, 0.7)):
        yield call("dropout_forward", x, p, rng(seed)).without_reference().judge(_mean(x, p))


def _reproducible(got, expected, case):
    masks = {}
    for label in ("first", "same seed", "other seed"):
        wrong = _pair(got[label])
        if wrong:
            return wrong
        masks[label] = got[label][1]
    if not np.array_equal(masks["first"], masks["same seed"]):
        return Finding(
            "two calls with generators of the same seed drew different masks",
            diagnosis="global-random-state",
            diagnosis_message=("Draw the mask with the rng you are given (rng.random(x.shape) "
                               ">= p), not with np.random.rand / np.random.random: the global "
                               "state makes runs unrepeatable and ignores the caller's seed."))
    if np.array_equal(masks["first"], masks["other seed"]):
        return Finding(
            "generators with different seeds drew the very same mask",
            diagnosis="global-random-state",
            diagnosis_message=("Your mask does not depend on the rng you are given (a fixed "
                               "seed or a generator of your own?): draw it with rng.random."))
    return None


@check("behaviour", "the same seed gives the same mask, another seed a different one")
def reproducible(rng_):
    x = np.round(rng_.normal(size=(4, 6)), 1)
    s = Scenario()
    s.out(s.call("dropout_forward", x, 0.5, rng(7), name="first"), "first")
    s.out(s.call("dropout_forward", x, 0.5, rng(7), name="again"), "same seed")
    s.out(s.call("dropout_forward", x, 0.5, rng(8), name="other"), "other seed")
    yield s.case().without_reference().judge(_reproducible)
