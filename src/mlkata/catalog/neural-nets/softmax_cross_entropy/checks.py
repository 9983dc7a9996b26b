"""softmax_cross_entropy: return types, a worked example, the batch average, integer input,
random batches, edge sizes, stability for large logits, and the gradient."""

import numpy as np

from mlkata.engine.kit import call, check


def sce(logits, y):
    return call("softmax_cross_entropy", logits, np.asarray(y))


def _loss(z, y):
    """The loss alone, for finite differences (stable log-sum-exp)."""
    s = z - z.max(axis=1, keepdims=True)
    log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return -log_probs[np.arange(len(y)), y].mean()


def _random_batch(rng, n, k, scale=3.0):
    logits = np.round(rng.normal(scale=scale, size=(n, k)), 3)
    return logits, rng.integers(k, size=n)


# -- contract ------------------------------------------------------------------------------

def _types_judge(shape):
    def judge(got, expected, case):
        r = got.get("softmax_cross_entropy")
        if not isinstance(r, tuple) or len(r) != 2:
            what = (f"a tuple of {len(r)} items" if isinstance(r, tuple)
                    else f"a {type(r).__name__}")
            return f"softmax_cross_entropy should return a tuple (loss, dlogits), got {what}"
        loss, dlogits = r
        if isinstance(loss, np.ndarray):
            return (f"loss should be a float, got an ndarray of shape {loss.shape} "
                    "(return float(...) of the mean)")
        if not isinstance(loss, float | np.floating):
            return f"loss should be a float, got a {type(loss).__name__}"
        if not isinstance(dlogits, np.ndarray) or dlogits.shape != shape:
            got_shape = (dlogits.shape if isinstance(dlogits, np.ndarray)
                         else type(dlogits).__name__)
            return f"dlogits should be an ndarray of the logits' shape {shape}, got {got_shape}"
        if dlogits.dtype.kind != "f":
            return f"dlogits should be a float array, got dtype {dlogits.dtype}"
        return None
    return judge


@check("contract", "returns (loss, dlogits): a float and a float array of the logits' shape")
def types(rng):
    logits = np.array([[1.0, 2.0, 0.5, -1.0], [0.0, -0.5, 1.5, 2.0], [3.0, 1.0, 0.0, 1.0]])
    yield sce(logits, [1, 3, 0]).without_reference().judge(_types_judge((3, 4)))
    yield sce(np.array([[1, 2, 3], [3, 0, 0]]), [2, 0]).without_reference().judge(
        _types_judge((2, 3)))


# -- fixed ---------------------------------------------------------------------------------

@check("fixed", "worked example: logits (0, log 2, log 5) and (log 3, 0, 0)")
def worked_example(rng):
    logits = np.array([[0.0, np.log(2.0), np.log(5.0)], [np.log(3.0), 0.0, 0.0]])
    yield sce(logits, [1, 0]).because(
        "P = [[1/8, 2/8, 5/8], [3/5, 1/5, 1/5]]: loss = (log 4 + log 5/3) / 2 ≈ 0.9486, "
        "dlogits = (P − Y) / 2")


@check("fixed", "loss and dlogits are averages over the batch (N = 5)")
def batch_average(rng):
    logits = np.array([[1.0, -1.0, 0.5], [0.0, 2.0, -0.5], [1.5, 1.0, 0.0],
                       [-1.0, 0.0, 1.0], [2.0, 0.5, -2.0]])
    yield sce(logits, [0, 1, 2, 2, 1]).because("N = 5 examples: the loss is their mean, so "
                                               "each row of dlogits carries a factor 1/5")


@check("fixed", "y picks one class per row")
def one_class_per_row(rng):
    logits = np.array([[2.0, 0.0, -1.0, 1.0], [0.5, 0.5, 2.5, -0.5], [-1.0, 1.0, 0.0, 3.0]])
    yield sce(logits, [3, 2, 1]).because("row n uses only logits[n, y[n]]: logits[:, y] "
                                         "would take 3 classes from every row")


@check("fixed", "accepts integer logits")
def integer_logits(rng):
    yield sce(np.array([[1, 2, 3, 0], [3, 0, 0, -1], [0, 0, 0, 0]]), [2, 0, 3])


# -- random --------------------------------------------------------------------------------

@check("random", "agrees with the reference on random batches")
def random_batches(rng):
    for n, k in [(4, 3), (6, 5), (2, 7), (9, 4)]:
        yield sce(*_random_batch(rng, n, k))


# -- property ------------------------------------------------------------------------------

def _rows_sum_to_zero(got, expected, case):
    dlogits = got["softmax_cross_entropy"][1]
    worst = float(np.max(np.abs(dlogits.sum(axis=1))))
    if worst > 1e-12:
        return f"every row of dlogits should sum to 0 (P and Y both sum to 1); one sums to {worst:.3g}"
    return None


@check("property", "each row of dlogits sums to 0")
def rows_sum_to_zero(rng):
    for n, k in [(3, 5), (5, 2)]:
        yield sce(*_random_batch(rng, n, k)).judge(_rows_sum_to_zero)


@check("property", "edge sizes: one example, two classes")
def edge_sizes(rng):
    yield sce(np.array([[0.5, -1.0, 2.0]]), [0]).because("N = 1")
    yield sce(np.array([[1.0, -1.0], [0.0, 3.0], [2.0, 2.5], [-1.0, 0.0]]), [0, 0, 1, 1]
              ).because("K = 2")


@check("property", "adding a constant to a row of logits changes nothing")
def shift_invariance(rng):
    logits, y = _random_batch(rng, 4, 3)
    yield sce(logits, y)
    yield sce(logits + np.array([[10.0], [-20.0], [5.0], [100.0]]), y).because(
        "softmax depends only on differences between logits of a row")


# -- stability -----------------------------------------------------------------------------

@check("stability", "finite for logits of ±1000")
def large_logits(rng):
    yield sce(np.array([[1000.0, 999.0, -1000.0], [-1000.0, -999.0, -1001.0]]), [0, 1]
              ).because("exp(1000) overflows and exp(-1000) underflows: subtract each row's max")
    yield sce(np.array([[1000.0, 1000.0], [-1000.0, -1000.5], [700.0, 710.0]]), [1, 0, 1])


@check("stability", "finite when the true class's logit is far below the row's maximum")
def true_class_far_below(rng):
    yield sce(np.array([[1000.0, 0.0, -5.0], [0.0, 1.0, 2.0]]), [1, 2]).because(
        "row 0: P[0, 1] = exp(-1000) underflows to 0, and log(0) = -inf; its log-probability "
        "is simply -1000 − log(1 + e⁻¹⁰⁰⁵) ≈ -1000")
    yield sce(np.array([[50.0, -800.0, 0.0, 1.0], [-300.0, 0.0, 400.0, 0.0]]), [1, 0])


# -- gradient ------------------------------------------------------------------------------

def _finite_difference_judge(logits, y):
    h = 1e-6
    numeric = np.zeros_like(logits)
    for i in np.ndindex(logits.shape):
        e = np.zeros_like(logits)
        e[i] = h
        numeric[i] = (_loss(logits + e, y) - _loss(logits - e, y)) / (2 * h)

    def judge(got, expected, case):
        dlogits = np.asarray(got["softmax_cross_entropy"][1], dtype=float)
        error = np.linalg.norm(dlogits - numeric) / max(np.linalg.norm(numeric),
                                                        np.linalg.norm(dlogits))
        if error > 1e-6:
            return (f"dlogits is not the gradient of the loss: relative error {error:.2g} "
                    "against finite differences")
        return None
    return judge


@check("gradient", "dlogits agrees with finite differences of the loss")
def finite_differences(rng):
    for n, k in [(3, 4), (5, 2)]:
        logits, y = _random_batch(rng, n, k, scale=1.5)
        yield sce(logits, y).judge(_finite_difference_judge(logits, y))
