"""attention: shapes, a worked example, random agreement with batch dimensions, the mask
(causal, padding, exact zeros), the key axis, and stability for large scores."""

import numpy as np

from mlkata.engine.kit import call, check


def qkv(rng, batch, tq, tk, d, dv, scale=1.0):
    """Random Q, K, V (rounded, for readable cases)."""
    q = np.round(rng.normal(scale=scale, size=(*batch, tq, d)), 2)
    k = np.round(rng.normal(scale=scale, size=(*batch, tk, d)), 2)
    v = np.round(rng.normal(size=(*batch, tk, dv)), 2)
    return q, k, v


def random_mask(rng, shape):
    """A boolean mask with about 60% True and at least one True in every row."""
    mask = rng.random(shape) < 0.6
    rows = mask.reshape(-1, shape[-1])
    rows[np.arange(rows.shape[0]), rng.integers(0, shape[-1], size=rows.shape[0])] = True
    return rows.reshape(shape)


def masked_are_zero(mask):
    """Judge: every weight the mask forbids is exactly 0."""
    def judge(got, expected, case):
        weights = got["attention"][1]
        forbidden = ~np.broadcast_to(mask, weights.shape)
        if np.any(weights[forbidden] != 0):
            worst = float(np.max(np.abs(weights[forbidden])))
            return (f"a weight the mask forbids is {worst:.3g}, not exactly 0: give masked "
                    "scores -inf (or a huge negative number) before the softmax")
        return None
    return judge


# contract: types and shapes only (the values are checked from the worked example on) --------

def _types(out_shape, weights_shape):
    def judge(got, expected, case):
        result = got["attention"]
        if not isinstance(result, tuple) or len(result) != 2:
            return "attention should return a tuple (out, weights)"
        for name, value, shape in (("out", result[0], out_shape),
                                   ("weights", result[1], weights_shape)):
            if not isinstance(value, np.ndarray) or value.shape != shape:
                what = (f"shape {value.shape}" if isinstance(value, np.ndarray)
                        else type(value).__name__)
                return f"{name} should be an ndarray of shape {shape}, got {what}"
            if value.dtype.kind != "f":
                return f"{name} should hold floats, got dtype {value.dtype}"
        return None
    return judge


Q_C = np.array([[1.0, 0.0, -1.0, 2.0], [0.5, 1.0, 0.0, -1.0]])
K_C = np.array([[1.0, 1.0, 0.0, 0.0], [0.0, -1.0, 1.0, 0.5], [2.0, 0.0, 0.0, 1.0]])
V_C = np.array([[1.0, 2.0, 0.0, -1.0, 3.0], [0.0, 1.0, 1.0, 2.0, -2.0],
                [4.0, 0.0, -1.0, 1.0, 0.0]])
Q_I = np.array([[1, 0, 2], [0, 1, -1]])
K_I = np.array([[1, 1, 0], [0, 2, 1], [-1, 0, 1], [2, 0, 0]])
V_I = np.array([[1, 0], [0, 1], [2, 2], [-1, 3]])


@check("contract", "returns (out, weights) of shapes (Tq, dv) and (Tq, Tk)")
def shapes(rng):
    yield call("attention", Q_C, K_C, V_C).without_reference().judge(_types((2, 5), (2, 3))
                                                                     ).because(
        "Tq = 2 queries, Tk = 3 keys, d = 4, dv = 5")


@check("contract", "accepts integer Q, K and V")
def integers(rng):
    yield call("attention", Q_I, K_I, V_I).without_reference().judge(_types((2, 2), (2, 4)))


# fixed ------------------------------------------------------------------------------------------

Q_W = np.array([[1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0]])
K_W = np.array([[1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]])
V_W = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])


@check("fixed", "worked example: scores QKᵀ/√4 = [[1, 0, 0], [0, 1, 0]]")
def worked(rng):
    yield call("attention", Q_W, K_W, V_W).because(
        "d = 4, so the dot products are divided by √4 = 2")


@check("fixed", "worked example with a mask: a masked key gets weight exactly 0")
def worked_mask(rng):
    mask = np.array([[True, False, True], [True, True, False]])
    yield call("attention", Q_W, K_W, V_W, mask=mask).judge(masked_are_zero(mask)).because(
        "query 0 may not look at key 1, query 1 not at key 2")


@check("fixed", "integer Q, K and V give the same result as floats")
def integer_values(rng):
    yield call("attention", Q_I, K_I, V_I)


# random -----------------------------------------------------------------------------------------

@check("random", "agrees with the reference on random Q, K, V (no mask)")
def random_plain(rng):
    yield call("attention", *qkv(rng, (), 3, 5, 4, 2))
    yield call("attention", *qkv(rng, (), 6, 4, 7, 3))
    yield call("attention", *qkv(rng, (2,), 3, 6, 5, 4)).because("a batch of 2")
    yield call("attention", *qkv(rng, (2, 3), 4, 6, 5, 7)).because(
        "batch 2 × 3 heads: K^T must transpose only the last two axes")


@check("random", "agrees with the reference on random Q, K, V with a mask")
def random_masked(rng):
    for batch, tq, tk, d, dv in (((), 4, 6, 3, 2), ((3,), 5, 4, 6, 2), ((2, 3), 4, 7, 5, 6)):
        mask = random_mask(rng, (*batch, tq, tk))
        yield call("attention", *qkv(rng, batch, tq, tk, d, dv), mask=mask).judge(
            masked_are_zero(mask))


# property ---------------------------------------------------------------------------------------

def _causal(got, expected, case):
    weights = got["attention"][1]
    t = weights.shape[-1]
    above = np.triu(np.ones((t, t), dtype=bool), k=1)
    if np.any(np.broadcast_to(above, weights.shape) & (weights != 0)):
        return "a query attends to a later position: weights above the diagonal must be 0"
    return None


@check("property", "causal mask: position t attends only to positions ≤ t")
def causal(rng):
    t = 5
    mask = np.tril(np.ones((t, t), dtype=bool))
    yield call("attention", *qkv(rng, (), t, t, 3, 2), mask=mask).judge(_causal).because(
        "mask = np.tril(np.ones((5, 5), dtype=bool))")
    yield call("attention", *qkv(rng, (2,), t, t, 4, 3), mask=mask).judge(_causal).because(
        "one (T, T) causal mask broadcast over a batch of 2")


@check("property", "a padding mask of shape (B, 1, Tk) broadcasts over the queries")
def padding(rng):
    mask = np.array([[[True, True, True, False, False]], [[True, True, True, True, True]],
                     [[True, False, False, False, False]]])
    yield call("attention", *qkv(rng, (3,), 4, 5, 2, 3), mask=mask).judge(
        masked_are_zero(mask)).because("sequence lengths 3, 5 and 1 padded to 5")


def _rows_sum_to_one(got, expected, case):
    weights = got["attention"][1]
    sums = weights.sum(axis=-1)
    if not np.allclose(sums, 1.0, rtol=0, atol=1e-12):
        return ("each row of weights (one query over all keys) should sum to 1; row sums are "
                f"{np.round(sums, 6)}")
    return None


@check("property", "softmax runs over the keys: every row of weights sums to 1")
def over_keys(rng):
    yield call("attention", *qkv(rng, (), 3, 7, 2, 4)).judge(_rows_sum_to_one).because(
        "3 queries, 7 keys")


@check("property", "uses d, the last axis of Q and K, for the scale (not dv)")
def scale_uses_d(rng):
    yield call("attention", *qkv(rng, (), 2, 3, 9, 4)).because("d = 9, dv = 4")


# stability --------------------------------------------------------------------------------------

@check("stability", "stays finite for very large scores")
def large_scores(rng):
    q, k, v = qkv(rng, (2,), 3, 4, 5, 2, scale=30.0)
    yield call("attention", q, k, v).because("scores of several thousand")
    q = np.array([[100.0, 0.0], [-100.0, 0.0]])
    k = np.array([[100.0, 1.0], [99.0, 0.0], [-100.0, 0.0]])
    yield call("attention", q, k, np.eye(3)).because("scores of ±7071")


@check("stability", "a masked key with the largest score does not swamp the others")
def masked_largest(rng):
    q = np.array([[10.0, 10.0], [-10.0, 5.0], [3.0, -30.0]])
    k = np.array([[100.0, 100.0], [-50.0, -40.0], [-60.0, 40.0], [0.0, 90.0]])
    mask = np.array([[False, True, True, True], [True, True, False, True],
                     [True, False, True, True]])
    v = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, -1.0]])
    yield call("attention", q, k, v, mask=mask).judge(masked_are_zero(mask)).because(
        "query 0's largest score (1414) is masked, 778 above its best allowed one")
