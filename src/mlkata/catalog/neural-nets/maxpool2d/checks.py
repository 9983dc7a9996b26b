"""maxpool2d: the forward against the reference, then the learner's own backward fed the
learner's own cache; overlapping windows, an output size that rounds down, ties built from
exactly equal numbers, conservation of the gradient, the error, inputs and cache left alone, and a
gradient check on data without ties.

Random data has distinct entries (distinct multiples of 0.01), so no tie and no near-tie happens
except where a check builds one on purpose."""

import numpy as np

from mlkata.engine.kit import Scenario, call, check, raises


def _size(size, pool, stride):
    return (size - pool) // stride + 1


def distinct(rng, shape):
    """Entries that are all different: distinct multiples of 0.01 in [-5, 5)."""
    n = int(np.prod(shape))
    return rng.choice(np.arange(-500, 500), size=n, replace=False).reshape(shape) / 100


def grad_out(rng, shape):
    return np.round(rng.normal(size=shape), 2)


def case(x, pool, stride, dout=None):
    """Forward (compare out), then, given a dout, backward on the learner's own cache."""
    s = Scenario()
    result = s.call("maxpool_forward", x, pool, stride, name="result")
    s.out(s.item(result, 0, name="out"), "out")
    if dout is not None:
        cache = s.item(result, 1, name="cache")
        s.out(s.call("maxpool_backward", dout, cache, name="dx"), "maxpool_backward")
    return s.case()


def random_case(rng, shape, pool, stride):
    n, c, h, w = shape
    dout = grad_out(rng, (n, c, _size(h, pool, stride), _size(w, pool, stride)))
    return case(distinct(rng, shape), pool, stride, dout)


# contract: types and shapes (the values are checked from the worked example on) ---------------

def _is_float_array(value, name, shape):
    if not isinstance(value, np.ndarray):
        return f"{name} should be an ndarray, got {type(value).__name__}"
    if value.shape != shape:
        return f"{name} should have shape {shape}, got {value.shape}"
    if value.dtype.kind != "f":
        return (f"{name} should hold floats, got dtype {value.dtype} (convert x with "
                "np.asarray(x, dtype=float))")
    return None


def _forward_types(shape):
    def judge(got, expected, case):
        result = got["maxpool_forward"]
        if not isinstance(result, tuple) or len(result) != 2:
            return "maxpool_forward should return a tuple (out, cache)"
        return _is_float_array(result[0], "out", shape)
    return judge


def _dx_type(shape):
    def judge(got, expected, case):
        return _is_float_array(got["maxpool_backward"], "dx", shape)
    return judge


@check("contract", "maxpool_forward returns (out, cache), out a float array of shape "
                   "(N, C, H', W')")
def returns_pair(rng):
    x = distinct(rng, (2, 3, 6, 5))
    first = call("maxpool_forward", x, 2, 2).without_reference().judge(_forward_types((2, 3, 3, 2)))
    first.size = -1
    yield first
    yield case(x, 2, 2).structure_only()
    yield case(x, 3, 1).structure_only().because("H' = (6 − 3) // 1 + 1 = 4, W' = 3")


@check("contract", "accepts integer x")
def integer_inputs(rng):
    x = np.arange(2 * 2 * 4 * 6).reshape(2, 2, 4, 6) * 7 % 11
    yield call("maxpool_forward", x, 2, 2).without_reference().judge(_forward_types((2, 2, 2, 3)))


@check("contract", "maxpool_backward returns dx, a float array of x's shape")
def backward_shape(rng):
    for shape, pool, stride in (((2, 3, 4, 5), 2, 2), ((1, 2, 5, 7), 3, 2)):
        n, c, h, w = shape
        dout = grad_out(rng, (n, c, _size(h, pool, stride), _size(w, pool, stride)))
        yield case(distinct(rng, shape), pool, stride, dout).structure_only().judge(
            _dx_type(shape))


# fixed ------------------------------------------------------------------------------------------

X_WORKED = np.array([[[[1.0, 3.0, 2.0, 0.0], [4.0, 2.0, 1.0, 5.0],
                       [0.0, 1.0, 3.0, 2.0], [2.0, 6.0, 1.0, 1.0]]]])


@check("fixed", "worked example: a 4×4 image, 2×2 windows, stride 2")
def worked_tiles(rng):
    yield case(X_WORKED, 2, 2, np.array([[[[1.0, 2.0], [3.0, 4.0]]]])).because(
        "each dout goes to the maximum of its block: 4, 5, 6 and 3")


@check("fixed", "overlapping windows (stride < pool) add their gradients")
def overlapping(rng):
    yield case(X_WORKED, 2, 1, np.arange(1.0, 10.0).reshape(1, 1, 3, 3)).because(
        "the 4 at (1, 0) is the maximum of windows (0, 0) and (1, 0): it gets 1 + 4")
    x = np.array([[[[0.5, 1.0, 2.5, 0.0, 1.5], [3.0, 9.0, 2.0, 4.0, 0.25],
                    [1.25, 2.25, 8.0, 0.75, 3.5], [0.0, 1.75, 5.0, 2.75, 6.0],
                    [4.5, 3.25, 0.125, 7.0, 5.5]]]])
    yield case(x, 3, 1, np.array([[[[1.0, -2.0, 0.5], [3.0, 1.0, -1.0],
                                    [2.0, 0.25, 4.0]]]])).because(
        "pool 3, stride 1: the 9 and the 8 are the maxima of several windows each")
    yield case(x, 3, 2, np.array([[[[1.0, 2.0], [3.0, 4.0]]]])).because(
        "pool 3, stride 2: windows share their middle row and column")


@check("fixed", "the output size rounds down: pool 3, stride 2 on a 4×4 image")
def rounds_down(rng):
    yield case(X_WORKED, 3, 2, np.array([[[[1.0]]]])).because(
        "H' = (4 − 3) // 2 + 1 = 1: the last row and column are in no window, their dx is 0")
    x = np.arange(2 * 7 * 6).reshape(1, 2, 7, 6) * 5 % 17 * 0.5
    dout = np.array([[[[1.0, 2.0], [3.0, 4.0]], [[-2.0, 0.5], [1.5, -1.0]]]])
    yield case(x, 2, 3, dout).because(
        "pool 2, stride 3 on 7×6: windows at rows 0–1 and 3–4, columns 0–1 and 3–4; rows 2, 5, "
        "6 and columns 2, 5 are in no window, their dx is 0")


@check("fixed", "every image and every channel is pooled on its own")
def channels(rng):
    x = (np.arange(2 * 3 * 4 * 4) * 29 % 97).reshape(2, 3, 4, 4) * 0.25
    dout = (np.arange(2 * 3 * 2 * 2) % 5 - 2.0).reshape(2, 3, 2, 2)
    yield case(x, 2, 2, dout)


@check("fixed", "integer x and dout give the same result as floats")
def integer_values(rng):
    x = np.arange(2 * 2 * 4 * 6).reshape(2, 2, 4, 6) * 7 % 23
    yield case(x, 2, 2, np.arange(2 * 2 * 2 * 3).reshape(2, 2, 2, 3) % 4 - 1)


# random -----------------------------------------------------------------------------------------

CONFIGS = [  # (shape, pool, stride)
    ((2, 3, 4, 6), 2, 2),
    ((3, 2, 7, 5), 3, 2),
    ((1, 4, 6, 8), 2, 1),
    ((2, 1, 9, 7), 3, 3),
    ((4, 3, 8, 9), 4, 2),
]


@check("random", "out and dx agree with the reference on random images")
def random_agreement(rng):
    for shape, pool, stride in CONFIGS:
        yield random_case(rng, shape, pool, stride)


# property ---------------------------------------------------------------------------------------

def _tied_blocks():
    """Four 2×2 blocks with exactly tied maxima in different places."""
    return np.array([[1.0, 3.0, 2.0, 2.0],     # [[1, 3], [3, 0]]: first (0, 1), last (1, 0)
                     [3.0, 0.0, 2.0, 2.0],     # [[2, 2], [2, 2]]: first (0, 0), last (1, 1)
                     [5.0, 1.0, 0.0, 4.0],     # [[5, 1], [0, 5]]: first (0, 0), last (1, 1)
                     [0.0, 5.0, 4.0, 4.0]])    # [[0, 4], [4, 4]]: first (0, 1), last (1, 1)


def _tied_negatives():
    """The same with negative numbers and three-way ties."""
    return np.array([[-1.0, -1.0, -2.0, 0.0],   # [[-1, -1], [-3, -1]]: first (0, 0)
                     [-3.0, -1.0, 0.0, -5.0],   # [[-2, 0], [0, -5]]: first (0, 1), last (1, 0)
                     [-2.0, -4.0, 1.0, 1.0],    # [[-2, -4], [-2, -3]]: first (0, 0), last (1, 0)
                     [-2.0, -3.0, 1.0, 1.0]])   # [[1, 1], [1, 1]]: first (0, 0)


@check("property", "ties: the gradient goes to the first maximum of the window in row-major "
                   "order")
def ties(rng):
    yield case(np.array([[[[1.0, 3.0, 3.0, 3.0], [3.0, 0.0, 1.0, 0.0]]]]), 2, 2,
               np.array([[[[1.0, 2.0]]]])).because(
        "in [[1, 3], [3, 0]] the first 3 in row-major order is at (0, 1); in [[3, 3], [1, 0]] "
        "at (0, 0)")
    x = np.stack([_tied_blocks(), _tied_negatives()])[None]
    yield case(x, 2, 2, grad_out(rng, (1, 2, 2, 2))).because(
        "every window has a tie for its maximum, built from exactly equal numbers")
    yield case(np.full((1, 1, 3, 3), 7.0), 2, 1, np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
               ).because("a constant image: every window's first maximum is its top-left entry")
    x = np.zeros((2, 1, 4, 5))
    x[0, 0, 1:3, 1:4] = 2.0                                 # a plateau shared by overlapping windows
    x[1, 0] = np.array([[1.0, 1.0, 0.0, 1.0, 1.0], [0.0, 1.0, 1.0, 0.0, 0.0],
                        [1.0, 0.0, 1.0, 1.0, 0.0], [1.0, 1.0, 0.0, 0.0, 1.0]])
    yield case(x, 3, 1, grad_out(rng, (2, 1, 2, 3))).because(
        "overlapping 3×3 windows over tied values: each window gives its dout to its own first "
        "maximum, and those add up")


def _conserves(dout):
    want = dout.sum(axis=(2, 3))

    def judge(got, expected, case):
        have = np.asarray(got["maxpool_backward"], dtype=float).sum(axis=(2, 3))
        if not np.allclose(have, want, rtol=1e-9, atol=1e-9):
            return ("for every image and channel, dx should sum to the sum of dout (each output "
                    f"sends its gradient to exactly one entry): dout sums to {want.tolist()}, "
                    f"your dx to {have.tolist()}")
        return None
    return judge


@check("property", "dx sums to the sum of dout for every image and channel")
def conservation(rng):
    for shape, pool, stride in (((2, 3, 6, 5), 2, 1), ((3, 2, 7, 7), 3, 2)):
        n, c, h, w = shape
        x = np.round(rng.uniform(0, 3, size=shape))         # small integers: plenty of ties
        dout = grad_out(rng, (n, c, _size(h, pool, stride), _size(w, pool, stride)))
        yield case(x, pool, stride, dout).judge(_conserves(dout)).because(
            "x holds the integers 0 to 3: many windows have tied maxima")


@check("property", "raises ValueError when the window is larger than the image")
def errors(rng):
    yield raises("maxpool_forward", distinct(rng, (1, 2, 2, 5)), 3, 1).because(
        "a 3×3 window on 2 rows")
    yield raises("maxpool_forward", distinct(rng, (2, 1, 4, 3)), 4, 2).because(
        "a 4×4 window on 3 columns")
    yield case(distinct(rng, (1, 2, 3, 4)), 3, 5).because(
        "a 3×3 window just fits in 3 rows: one row of outputs, no error")


@check("property", "leaves x, dout and the cache unchanged: backward twice gives the same dx")
def leaves_inputs(rng):
    x = distinct(rng, (2, 3, 5, 4))
    dout = grad_out(rng, (2, 3, 2, 2))
    s = Scenario()
    xr, dr = s.let(x, "x"), s.let(dout, "dout")
    cache = s.item(s.call("maxpool_forward", xr, 2, 2, name="result"), 1, name="cache")
    s.out(s.call("maxpool_backward", dr, cache, name="dx1"), "first maxpool_backward")
    s.out(s.call("maxpool_backward", dr, cache, name="dx2"), "second maxpool_backward")
    s.out(xr, "x after the calls")
    s.out(dr, "dout after the calls")
    yield s.case().because("maxpool_backward is called twice on the same cache")


# gradient ---------------------------------------------------------------------------------------

H = 1e-6


def _pool(x, pool, stride):
    """The contract's forward, written out for the numerical gradient."""
    n, c, h, w = x.shape
    out = np.empty((n, c, _size(h, pool, stride), _size(w, pool, stride)))
    for i in range(out.shape[2]):
        for j in range(out.shape[3]):
            out[:, :, i, j] = x[:, :, i * stride:i * stride + pool,
                                j * stride:j * stride + pool].max(axis=(2, 3))
    return out


def _gradient_judge(x, pool, stride, dout):
    numeric = np.zeros_like(x)
    for i in range(x.size):
        plus, minus = x.copy(), x.copy()
        plus.flat[i] += H
        minus.flat[i] -= H
        numeric.flat[i] = (np.sum(_pool(plus, pool, stride) * dout)
                           - np.sum(_pool(minus, pool, stride) * dout)) / (2 * H)

    def judge(got, expected, case):
        dx = np.asarray(got["maxpool_backward"], dtype=float)
        if dx.shape != numeric.shape:
            return f"dx should have shape {numeric.shape}, got {dx.shape}"
        denom = max(float(np.linalg.norm(dx)), float(np.linalg.norm(numeric)), 1e-12)
        rel = float(np.linalg.norm(dx - numeric)) / denom
        if rel > 1e-6:
            at = np.unravel_index(int(np.argmax(np.abs(dx - numeric))), numeric.shape)
            return (f"dx disagrees with the numerical gradient: relative error {rel:.2g}; at "
                    f"dx{list(map(int, at))} yours is {dx[at]:.8g}, centred differences give "
                    f"{numeric[at]:.8g}")
        return None
    return judge


@check("gradient", "dx matches a numerical gradient of sum(out * dout) on data without ties")
def gradient_check(rng):
    for shape, pool, stride in (((2, 3, 5, 4), 2, 1), ((1, 2, 7, 6), 3, 2)):
        n, c, h, w = shape
        x = distinct(rng, shape)
        dout = grad_out(rng, (n, c, _size(h, pool, stride), _size(w, pool, stride)))
        yield case(x, pool, stride, dout).without_reference().judge(
            _gradient_judge(x, pool, stride, dout)).because(
            f"pool {pool}, stride {stride}; centred differences (h = {H:g}) of L = "
            "sum(out * dout); entries differ by at least 0.01, far more than h")
