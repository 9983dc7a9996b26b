"""affine_relu: return types and shapes, flattening, a worked example through both layers,
random layers, ReLU at exactly 0, and finite-difference gradients.

The caches are the learner's own objects: a scenario calls forward, takes item 1 of what it
returned (`result.__getitem__(1)`, i.e. `result[1]`) and hands it to backward on the same side,
so a cache is never compared and may hold anything.
"""

import numpy as np

from mlkata.engine.kit import Scenario, call, check


def _r(a):
    """Random data rounded to 3 decimals: readable in a failure, never exactly 0."""
    a = np.round(a, 3)
    return np.where(a == 0, 0.001, a)


def _pattern(shape, mod=7, scale=0.5, step=3):
    """Hand-made data with short exact entries (multiples of `scale`), no structure to exploit."""
    n = int(np.prod(shape))
    return ((np.arange(n) * step) % mod - mod // 2).reshape(shape) * scale


def affine_case(x, w, b, dout, backward=True):
    """affine_forward(x, w, b), then affine_backward(dout, cache) with the learner's cache."""
    s = Scenario()
    result = s.call("affine_forward", x, w, b, name="result")
    s.out(s.method(result, "__getitem__", 0, name="out"), "out")
    if backward:
        cache = s.method(result, "__getitem__", 1, name="cache")
        s.out(s.call("affine_backward", dout, cache, name="grads"), "affine_backward")
    return s.case()


def relu_case(x, dout):
    """relu_forward(x), then relu_backward(dout, cache) with the learner's cache."""
    s = Scenario()
    result = s.call("relu_forward", x, name="result")
    s.out(s.method(result, "__getitem__", 0, name="out"), "out")
    cache = s.method(result, "__getitem__", 1, name="cache")
    s.out(s.call("relu_backward", dout, cache, name="dx"), "relu_backward")
    return s.case()


def _pair_judge(fn, shape):
    def judge(got, expected, case):
        r = got.get(fn)
        if not isinstance(r, tuple) or len(r) != 2:
            what = (f"a tuple of {len(r)} items" if isinstance(r, tuple)
                    else f"a {type(r).__name__}")
            return f"{fn} should return a tuple (out, cache), got {what}"
        if not isinstance(r[0], np.ndarray) or r[0].shape != shape:
            got_shape = r[0].shape if isinstance(r[0], np.ndarray) else type(r[0]).__name__
            return f"out should be an ndarray of shape {shape}, got {got_shape}"
        return None
    return judge


# -- contract ------------------------------------------------------------------------------

@check("contract", "affine_forward returns (out, cache) with out of shape (N, M)")
def affine_forward_pair(rng):
    x = np.array([[1.0, 2.0, -1.0, 0.5], [0.0, 1.0, 2.0, -2.0], [3.0, -1.0, 1.0, 1.0]])
    w = np.array([[1.0, 0.5], [-1.0, 2.0], [0.5, 0.0], [2.0, 1.0]])
    b = np.array([0.5, -1.0])
    case = call("affine_forward", x, w, b).without_reference().judge(
        _pair_judge("affine_forward", (3, 2)))
    case.size = -1
    yield case
    yield affine_case(x, w, b, None, backward=False)


@check("contract", "relu_forward returns (out, cache) with out of x's shape")
def relu_forward_pair(rng):
    x = np.array([[1.5, -2.0, 0.5], [-0.5, 3.0, -1.0]])
    case = call("relu_forward", x).without_reference().judge(_pair_judge("relu_forward", (2, 3)))
    case.size = -1
    yield case
    s = Scenario()
    result = s.call("relu_forward", x, name="result")
    s.out(s.method(result, "__getitem__", 0, name="out"), "out")
    yield s.case()


@check("contract", "affine_backward returns (dx, dw, db) shaped like x, w and b")
def affine_backward_shapes(rng):
    x = np.array([[1.0, 2.0, -1.0, 0.5], [0.0, 1.0, 2.0, -2.0], [3.0, -1.0, 1.0, 1.0]])
    w = np.array([[1.0, 0.5], [-1.0, 2.0], [0.5, 0.0], [2.0, 1.0]])
    b = np.array([0.5, -1.0])
    dout = np.array([[1.0, -1.0], [0.5, 2.0], [-2.0, 1.0]])
    yield affine_case(x, w, b, dout)
    x3 = _pattern((2, 3, 4), mod=9, scale=0.25, step=4)
    w3 = _pattern((12, 5), mod=7, scale=0.5, step=5)
    yield affine_case(x3, w3, np.array([0.5, -1.0, 1.5, 0.0, 1.0]),
                      np.array([[1.0, 0.0, -1.0, 2.0, 0.5], [-0.5, 1.0, 1.0, 0.0, 2.0]])
                      ).because("x has shape (2, 3, 4): it is used as (2, 12), and dx must "
                                "have shape (2, 3, 4) again")


@check("contract", "relu_backward returns dx of x's shape")
def relu_backward_shape(rng):
    yield relu_case(np.array([[1.5, -2.0, 0.5], [-0.5, 3.0, -1.0]]),
                    np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    yield relu_case(np.array([[[1.0, -1.0], [2.0, -2.0]], [[-3.0, 3.0], [0.5, -0.5]]]),
                    np.array([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]))


@check("contract", "accepts integer inputs")
def integer_inputs(rng):
    x = np.array([[1, 2, -1], [0, 1, 2], [3, -1, 1], [2, 2, -2]])
    w = np.array([[1, -1], [2, 0], [-1, 3]])
    yield affine_case(x, w, np.array([1, -2]), np.array([[1, 0], [-1, 2], [0, 1], [2, -1]]))
    yield relu_case(np.array([[3, -1, 2], [-2, 1, -4]]), np.array([[1, 2, 3], [4, 5, 6]]))


# -- fixed ---------------------------------------------------------------------------------

@check("fixed", "worked example: relu(x·w + b) forward and backward")
def worked_example(rng):
    x = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])
    w = np.array([[1.0, -1.0], [0.0, 2.0], [1.0, 1.0]])
    b = np.array([0.5, 1.5])
    dout = np.array([[1.0, 2.0], [-1.0, 1.0]])
    s = Scenario()
    first = s.call("affine_forward", x, w, b, name="affine")
    a = s.method(first, "__getitem__", 0, name="a")
    second = s.call("relu_forward", a, name="relu")
    s.out(s.method(second, "__getitem__", 0, name="h"), "h")
    da = s.call("relu_backward", dout, s.method(second, "__getitem__", 1, name="relu_cache"),
                name="da")
    s.out(da, "da")
    s.out(s.call("affine_backward", da, s.method(first, "__getitem__", 1, name="affine_cache"),
                 name="grads"), "affine_backward")
    yield s.case().because("a = [[0.5, -0.5], [2.5, 1.5]], h = relu(a); da = dout where a > 0; "
                           "dx, dw, db = affine_backward(da)")


@check("fixed", "x of shape (N, d1, …, dk) is flattened to (N, D) and dx gets x's shape back")
def flattening(rng):
    x = _pattern((2, 3, 4), mod=11, scale=0.25)
    w = _pattern((12, 7), mod=5, scale=0.5, step=3)
    b = _pattern((7,), mod=5, scale=0.25)
    dout = _pattern((2, 7), mod=7, scale=0.5, step=4)
    yield affine_case(x, w, b, dout).because("x (2, 3, 4) is used as (2, 12): row n of the "
                                             "product is x[n].ravel() @ w")
    x = _pattern((3, 2, 2, 2), mod=7, scale=0.5, step=2)
    w = _pattern((8, 5), mod=9, scale=0.25, step=4)
    yield affine_case(x, w, np.arange(5.0), _pattern((3, 5), mod=5, scale=1.0)).because(
        "x has shape (3, 2, 2, 2): D = 8")


# -- random --------------------------------------------------------------------------------

@check("random", "agrees with the reference on random layers")
def random_layers(rng):
    for x_shape, m in [((5, 4), 3), ((3, 2, 4), 6), ((2, 3, 2, 2), 5), ((7, 9), 4)]:
        n, d = x_shape[0], int(np.prod(x_shape[1:]))
        yield affine_case(_r(rng.normal(size=x_shape)), _r(rng.normal(size=(d, m))),
                          _r(rng.normal(size=m)), _r(rng.normal(size=(n, m))))
    for shape in [(4, 6), (3, 2, 5), (11,)]:
        yield relu_case(_r(rng.normal(size=shape)), _r(rng.normal(size=shape)))


# -- property ------------------------------------------------------------------------------

@check("property", "ReLU's derivative at exactly 0 is 0")
def relu_at_zero(rng):
    yield relu_case(np.array([[0.0, 1.0, -1.0], [2.0, 0.0, -0.5]]),
                    np.array([[5.0, 6.0, 7.0], [8.0, 9.0, 10.0]])).because(
        "x[0, 0] and x[1, 1] are exactly 0: dx is 0 there")
    # zeros produced by an affine layer, as in a network
    x = np.array([[1.0, -1.0], [2.0, 1.0], [0.0, 3.0]])
    w = np.array([[1.0, -2.0, 0.5, 1.0], [1.0, 1.0, -1.0, 2.0]])
    s = Scenario()
    first = s.call("affine_forward", x, w, np.array([0.0, 3.0, -1.0, 2.0]), name="affine")
    second = s.call("relu_forward", s.method(first, "__getitem__", 0, name="a"), name="relu")
    s.out(s.call("relu_backward", np.arange(1.0, 13.0).reshape(3, 4),
                 s.method(second, "__getitem__", 1, name="relu_cache"), name="da"), "da")
    yield s.case().because("a = x·w + b has exact zeros (a[0, 0], a[0, 1], a[1, 1]): "
                           "their gradient is 0")


# -- gradient ------------------------------------------------------------------------------

def _numerical(f, x, h=1e-6):
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        fp = f(x)
        x[i] = old - h
        fm = f(x)
        x[i] = old
        g[i] = (fp - fm) / (2 * h)
    return g


def _close(name, got, want):
    got = np.asarray(got, dtype=float)
    error = np.linalg.norm(got - want) / max(np.linalg.norm(want), np.linalg.norm(got), 1e-12)
    if error > 1e-6:
        return (f"{name} is not the gradient of Σ dout·out: relative error {error:.2g} "
                "against finite differences")
    return None


def _affine_judge(x, w, b, dout):
    def loss(x_, w_, b_):
        return float(np.sum(dout * (x_.reshape(x_.shape[0], -1) @ w_ + b_)))

    numeric = (_numerical(lambda v: loss(v, w, b), x), _numerical(lambda v: loss(x, v, b), w),
               _numerical(lambda v: loss(x, w, v), b))

    def judge(got, expected, case):
        grads = got.get("affine_backward")
        for name, g, want in zip(("dx", "dw", "db"), grads, numeric, strict=True):
            found = _close(name, g, want)
            if found:
                return found
        return None
    return judge


def _relu_judge(x, dout):
    numeric = _numerical(lambda v: float(np.sum(dout * np.maximum(v, 0.0))), x)

    def judge(got, expected, case):
        return _close("dx", got.get("relu_backward"), numeric)
    return judge


@check("gradient", "dx, dw and db agree with finite differences of Σ dout·out")
def finite_differences(rng):
    for x_shape, m in [((4, 3), 5), ((3, 2, 4), 2)]:
        n, d = x_shape[0], int(np.prod(x_shape[1:]))
        x, w = _r(rng.normal(size=x_shape)), _r(rng.normal(size=(d, m)))
        b, dout = _r(rng.normal(size=m)), _r(rng.normal(size=(n, m)))
        yield affine_case(x, w, b, dout).judge(_affine_judge(x, w, b, dout))
    x = _r(rng.normal(size=(3, 5)))
    x = np.where(np.abs(x) < 0.01, 0.5, x)     # finite differences need x away from the kink
    dout = _r(rng.normal(size=(3, 5)))
    yield relu_case(x, dout).judge(_relu_judge(x, dout))
