"""conv2d: the forward against the reference, then the learner's own backward fed the learner's
own cache; padding, strides (including one that does not divide), channels, the errors, inputs
and cache left alone, and a gradient check of the backward against centred differences."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from mlkata.engine.kit import Scenario, call, check, raises


def _size(size, kernel, stride, pad):
    return (size + 2 * pad - kernel) // stride + 1


def _r(rng, shape):
    """Random data rounded to 2 decimals: short to read in a failure."""
    return np.round(rng.normal(size=shape), 2)


def _pattern(shape, mod=7, scale=0.5, step=3, shift=0):
    """Hand-made data with short exact entries (multiples of `scale`), no symmetry to exploit."""
    n = int(np.prod(shape))
    return (((np.arange(n) * step + shift) % mod) - mod // 2).reshape(shape) * scale


def layer(rng, n, c, h, wd, f, hh, ww, stride=1, pad=0):
    """Random x, w, b and a dout of the output's shape."""
    dout_shape = (n, f, _size(h, hh, stride, pad), _size(wd, ww, stride, pad))
    return (_r(rng, (n, c, h, wd)), _r(rng, (f, c, hh, ww)), _r(rng, (f,)), _r(rng, dout_shape))


def forward(x, w, b, **kwargs):
    """Compare the forward output only (the cache is the learner's own business)."""
    s = Scenario()
    result = s.call("conv2d_forward", x, w, b, name="result", **kwargs)
    s.out(s.item(result, 0, name="out"), "out")
    return s.case()


def backward(x, w, b, dout, **kwargs):
    """Forward, then backward on the learner's own cache: compare the three gradients."""
    s = Scenario()
    result = s.call("conv2d_forward", x, w, b, name="result", **kwargs)
    cache = s.item(result, 1, name="cache")
    s.out(s.call("conv2d_backward", dout, cache, name="grads"), "conv2d_backward")
    return s.case()


def _where(kwargs):
    return ", ".join(f"{k} = {v}" for k, v in kwargs.items()) or "stride = 1, pad = 0"


# contract: types and shapes (the values are checked from the worked example on) ---------------

def _is_float_array(value, name, shape=None):
    if not isinstance(value, np.ndarray):
        return f"{name} should be an ndarray, got {type(value).__name__}"
    if shape is not None and value.shape != shape:
        return f"{name} should have shape {shape}, got {value.shape}"
    if value.dtype.kind != "f":
        return (f"{name} should hold floats, got dtype {value.dtype} (convert the inputs with "
                "np.asarray(x, dtype=float))")
    return None


def _forward_types(shape):
    def judge(got, expected, case):
        result = got["conv2d_forward"]
        if not isinstance(result, tuple) or len(result) != 2:
            return "conv2d_forward should return a tuple (out, cache)"
        return _is_float_array(result[0], "out", shape)
    return judge


def _backward_floats(got, expected, case):
    grads = got["conv2d_backward"]
    for name, g in zip(("dx", "dw", "db"), grads, strict=True):
        wrong = _is_float_array(g, name)
        if wrong:
            return wrong
    return None


@check("contract", "conv2d_forward returns (out, cache), out a float array of shape "
                   "(N, F, H', W')")
def returns_pair(rng):
    x, w, b, _ = layer(rng, 2, 3, 5, 6, 4, 3, 2)
    case = call("conv2d_forward", x, w, b).without_reference().judge(_forward_types((2, 4, 3, 5)))
    case.size = -1
    yield case
    yield forward(x, w, b).structure_only()
    yield forward(x, w, b, stride=2, pad=1).structure_only().because(
        "H' = (5 + 2 − 3) // 2 + 1 = 3 and W' = (6 + 2 − 2) // 2 + 1 = 4")


@check("contract", "accepts integer x, w and b")
def integer_inputs(rng):
    x = np.arange(2 * 2 * 4 * 5).reshape(2, 2, 4, 5) % 7 - 3
    w = np.arange(3 * 2 * 2 * 3).reshape(3, 2, 2, 3) % 5 - 2
    yield call("conv2d_forward", x, w, np.array([1, 0, -2])).without_reference().judge(
        _forward_types((2, 3, 3, 3)))


@check("contract", "conv2d_backward returns (dx, dw, db) shaped like x, w and b")
def backward_shapes(rng):
    for kwargs in ({}, {"pad": 1}, {"pad": 2}):
        x, w, b, dout = layer(rng, 2, 1, 3, 4, 3, 2, 2, **kwargs)
        yield backward(x, w, b, dout, **kwargs).structure_only().judge(_backward_floats).because(
            f"{_where(kwargs)}: dx has the shape (2, 1, 3, 4) of x, not of the padded x; dw the "
            "shape (3, 1, 2, 2) of w; db the shape (3,) of b")


# fixed ------------------------------------------------------------------------------------------

X_WORKED = np.array([[[[1.0, 2.0, 0.0], [0.0, 1.0, 3.0], [2.0, 1.0, 1.0]]]])
W_WORKED = np.array([[[[1.0, 0.0], [-1.0, 2.0]]]])
B_WORKED = np.array([1.0])


@check("fixed", "worked example: a 3×3 image, a 2×2 kernel, stride 1, no padding")
def worked_stride1(rng):
    yield forward(X_WORKED, W_WORKED, B_WORKED).because(
        "out[0, 0] = 1·1 + 2·0 + 0·(−1) + 1·2 + 1 = 4: the kernel is not flipped")
    yield backward(X_WORKED, W_WORKED, B_WORKED, np.array([[[[1.0, 2.0], [0.0, -1.0]]]]))


@check("fixed", "a kernel that is 1 at (1, 0) moves the image up one row (no kernel flip)")
def delta_kernel(rng):
    x = _pattern((1, 1, 4, 5), mod=11, scale=1.0, step=4)
    w = np.zeros((1, 1, 2, 2))
    w[0, 0, 1, 0] = 1.0
    yield forward(x, w, np.array([0.0])).because(
        "out[0, 0, i, j] = x[0, 0, i + 1, j]: row i of out is row i + 1 of x")


@check("fixed", "worked example: stride 2 rounds the output size down")
def worked_stride2(rng):
    yield forward(X_WORKED, W_WORKED, B_WORKED, stride=2).because(
        "H' = (3 − 2) // 2 + 1 = 1: only the top-left window fits")
    yield backward(X_WORKED, W_WORKED, B_WORKED, np.array([[[[1.0]]]]), stride=2).because(
        "the last row and column of x are in no window: their dx is 0")


@check("fixed", "worked example: stride 2, pad 1")
def worked_pad(rng):
    yield forward(X_WORKED, W_WORKED, B_WORKED, stride=2, pad=1).because(
        "the 5×5 padded image has windows at rows and columns 0 and 2")
    yield backward(X_WORKED, W_WORKED, B_WORKED, np.array([[[[1.0, 2.0], [-1.0, 1.0]]]]),
                   stride=2, pad=1)


@check("fixed", "every filter sums over all input channels, with one bias per filter")
def channels(rng):
    x = _pattern((2, 3, 4, 5), mod=9, scale=0.5, step=4)
    w = _pattern((2, 3, 2, 3), mod=7, scale=0.5, step=5, shift=1)
    b = np.array([0.5, -2.0])
    yield forward(x, w, b)
    yield backward(x, w, b, _pattern((2, 2, 3, 3), mod=5, scale=1.0, step=2))


@check("fixed", "zero padding of 1 and 2 entries on every side, forward and backward")
def padding(rng):
    x = _pattern((2, 2, 3, 4), mod=9, scale=0.5, step=2)
    w = _pattern((3, 2, 3, 2), mod=5, scale=1.0, step=3, shift=2)
    b = np.array([1.0, 0.0, -1.0])
    for pad in (1, 2):
        yield forward(x, w, b, pad=pad)
        dout = _pattern((2, 3, _size(3, 3, 1, pad), _size(4, 2, 1, pad)), mod=7, scale=0.5)
        yield backward(x, w, b, dout, pad=pad).because(
            f"pad = {pad}: the padded zeros get a gradient too, but dx drops it")


@check("fixed", "strides 2 and 3, forward and backward")
def strides(rng):
    x = _pattern((2, 2, 7, 5), mod=11, scale=0.5, step=3)
    w = _pattern((3, 2, 3, 3), mod=7, scale=0.5, step=2, shift=3)
    b = np.array([0.0, 1.0, -0.5])
    for stride, pad in ((2, 0), (2, 1), (3, 1)):
        kwargs = {"stride": stride, "pad": pad}
        yield forward(x, w, b, **kwargs)
        dout = _pattern((2, 3, _size(7, 3, stride, pad), _size(5, 3, stride, pad)), mod=5)
        yield backward(x, w, b, dout, **kwargs).because(
            f"{_where(kwargs)}: window (i, j) starts at padded row {stride}·i, column {stride}·j")


@check("fixed", "integer x, w, b and dout give the same result as floats")
def integer_values(rng):
    x = np.arange(2 * 2 * 4 * 5).reshape(2, 2, 4, 5) % 7 - 3
    w = np.arange(3 * 2 * 2 * 3).reshape(3, 2, 2, 3) % 5 - 2
    b = np.array([1, 0, -2])
    yield forward(x, w, b, pad=1)
    yield backward(x, w, b, np.arange(2 * 3 * 5 * 5).reshape(2, 3, 5, 5) % 3 - 1, pad=1)


# random -----------------------------------------------------------------------------------------

CONFIGS = [  # (N, C, H, W, F, HH, WW, stride, pad): every dimension distinct
    (2, 3, 5, 6, 4, 3, 2, 1, 0),
    (3, 2, 7, 5, 4, 3, 3, 2, 1),
    (1, 3, 6, 8, 2, 2, 3, 1, 2),
    (2, 1, 9, 8, 3, 3, 2, 2, 0),
    (4, 2, 8, 7, 3, 4, 3, 3, 1),
]


@check("random", "out agrees with the reference on random layers")
def random_forward(rng):
    for n, c, h, wd, f, hh, ww, stride, pad in CONFIGS:
        x, w, b, _ = layer(rng, n, c, h, wd, f, hh, ww, stride, pad)
        yield forward(x, w, b, stride=stride, pad=pad)


@check("random", "dx, dw, db agree with the reference on random layers")
def random_backward(rng):
    for n, c, h, wd, f, hh, ww, stride, pad in CONFIGS:
        x, w, b, dout = layer(rng, n, c, h, wd, f, hh, ww, stride, pad)
        yield backward(x, w, b, dout, stride=stride, pad=pad)


# property ---------------------------------------------------------------------------------------

@check("property", "raises ValueError when the kernel does not fit in the padded input or the "
                   "channels differ")
def errors(rng):
    x = _r(rng, (1, 2, 2, 3))
    yield raises("conv2d_forward", x, _r(rng, (1, 2, 3, 2)), _r(rng, (1,))).because(
        "a 3-row kernel on 2 rows without padding: (2 − 3) // 1 + 1 = 0 windows")
    yield raises("conv2d_forward", x, _r(rng, (2, 2, 2, 4)), _r(rng, (2,)), stride=2).because(
        "a 4-column kernel on 3 columns without padding")
    yield forward(x, _r(rng, (1, 2, 3, 4)), _r(rng, (1,)), pad=1).because(
        "with pad = 1 the 3×4 kernel just fits in the 4×5 padded image: no error")
    yield raises("conv2d_forward", _r(rng, (2, 1, 4, 4)), _r(rng, (2, 3, 2, 2)),
                 _r(rng, (2,))).because("x has 1 channel, the filters expect 3")
    yield raises("conv2d_forward", _r(rng, (1, 2, 4, 5)), _r(rng, (3, 3, 2, 2)),
                 _r(rng, (3,))).because("x has 2 channels, the filters expect 3")


@check("property", "leaves x, w, b, dout and the cache unchanged: backward twice gives the same "
                   "gradients")
def leaves_inputs(rng):
    x, w, b, dout = layer(rng, 2, 3, 5, 4, 2, 3, 2, stride=2, pad=1)
    s = Scenario()
    xr, wr, br, dr = s.let(x, "x"), s.let(w, "w"), s.let(b, "b"), s.let(dout, "dout")
    result = s.call("conv2d_forward", xr, wr, br, name="result", stride=2, pad=1)
    cache = s.item(result, 1, name="cache")
    s.out(s.call("conv2d_backward", dr, cache, name="grads1"), "first conv2d_backward")
    s.out(s.call("conv2d_backward", dr, cache, name="grads2"), "second conv2d_backward")
    for ref, label in ((xr, "x"), (wr, "w"), (br, "b"), (dr, "dout")):
        s.out(ref, f"{label} after the calls")
    yield s.case().because("conv2d_backward is called twice on the same cache")


# gradient ---------------------------------------------------------------------------------------

H = 1e-6


def _conv(x, w, b, stride, pad):
    """The contract's forward, vectorised, for the numerical gradient."""
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    windows = sliding_window_view(xp, w.shape[2:], axis=(2, 3))[:, :, ::stride, ::stride]
    return np.einsum("nchwuv,fcuv->nfhw", windows, w) + b[None, :, None, None]


def _centred(f, a):
    grad = np.zeros_like(a)
    for i in range(a.size):
        plus, minus = a.copy(), a.copy()
        plus.flat[i] += H
        minus.flat[i] -= H
        grad.flat[i] = (f(plus) - f(minus)) / (2 * H)
    return grad


def _gradient_judge(x, w, b, dout, stride, pad):
    numeric = {
        "dx": _centred(lambda a: np.sum(_conv(a, w, b, stride, pad) * dout), x),
        "dw": _centred(lambda a: np.sum(_conv(x, a, b, stride, pad) * dout), w),
        "db": _centred(lambda a: np.sum(_conv(x, w, a, stride, pad) * dout), b),
    }

    def judge(got, expected, case):
        grads = got["conv2d_backward"]
        if not isinstance(grads, tuple) or len(grads) != 3:
            return "conv2d_backward should return a tuple (dx, dw, db)"
        for name, analytic in zip(("dx", "dw", "db"), grads, strict=True):
            num = numeric[name]
            analytic = np.asarray(analytic, dtype=float)
            if analytic.shape != num.shape:
                return f"{name} should have shape {num.shape}, got {analytic.shape}"
            denom = max(float(np.linalg.norm(analytic)), float(np.linalg.norm(num)), 1e-12)
            rel = float(np.linalg.norm(analytic - num)) / denom
            if rel > 1e-6:
                at = np.unravel_index(int(np.argmax(np.abs(analytic - num))), num.shape)
                return (f"{name} disagrees with the numerical gradient: relative error "
                        f"{rel:.2g}; at {name}{list(map(int, at))} yours is {analytic[at]:.8g}, "
                        f"centred differences give {num[at]:.8g}")
        return None
    return judge


@check("gradient", "dx, dw, db match a numerical gradient of sum(out * dout)")
def gradient_check(rng):
    for n, c, h, wd, f, hh, ww, stride, pad in ((2, 3, 5, 4, 2, 3, 2, 1, 1),
                                                 (1, 2, 6, 7, 3, 3, 3, 2, 1),
                                                 (2, 1, 7, 6, 3, 2, 3, 3, 0)):
        x, w, b, dout = layer(rng, n, c, h, wd, f, hh, ww, stride, pad)
        yield backward(x, w, b, dout, stride=stride, pad=pad).without_reference().judge(
            _gradient_judge(x, w, b, dout, stride, pad)).because(
            f"stride = {stride}, pad = {pad}; centred differences (h = {H:g}) of "
            "L = sum(out * dout) through the forward")
