"""precision_recall_f1: the contract, the worked example, random predictions, the positive
class, zero denominators."""

import numpy as np

from mlkata.engine.kit import call, check


def _counts(y_true, y_pred, positive):
    actual, predicted = y_true == positive, y_pred == positive
    return (int(np.sum(actual & predicted)), int(np.sum(~actual & predicted)),
            int(np.sum(actual & ~predicted)))


def _predictions(rng, m, classes, positive=1, flip=0.35):
    """Labels and noisy predictions with TP > 0 and FP != FN, so that no denominator is 0,
    precision != recall, and no two of precision, recall and F1 coincide by accident."""
    while True:
        y_true = rng.integers(0, classes, size=m)
        noise = rng.integers(0, classes, size=m)
        y_pred = np.where(rng.random(m) < flip, noise, y_true)
        tp, fp, fn = _counts(y_true, y_pred, positive)
        if tp > 0 and fp != fn and fp + fn > 0:
            return y_true, y_pred


@check("contract", "returns a tuple of three floats")
def returns_floats(rng):
    yield call("precision_recall_f1", np.array([1, 0, 1, 1, 0]), np.array([1, 1, 0, 1, 0]))


@check("contract", "accepts labels other than 0 and 1")
def other_labels(rng):
    yield call("precision_recall_f1", np.array([-1, 1, 1, -1, 1, -1, 1]),
               np.array([1, 1, -1, -1, 1, 1, -1])).because("labels -1 and 1, positive=1")


@check("fixed", "the worked example: TP = 3, FP = 2, FN = 1 give (0.6, 0.75, 2/3)")
def worked_example(rng):
    yield call("precision_recall_f1", np.array([1, 1, 1, 0, 0, 0, 0, 1]),
               np.array([1, 0, 1, 1, 0, 0, 1, 1]))


@check("random", "agrees with the reference on random predictions")
def random_binary(rng):
    for m in (11, 40, 257):
        yield call("precision_recall_f1", *_predictions(rng, m, 2))


@check("random", "with several classes, every class other than `positive` is a negative")
def random_multiclass(rng):
    for m, k in [(13, 3), (50, 4), (120, 5)]:
        yield call("precision_recall_f1", *_predictions(rng, m, k))


@check("property", "scores the class given as `positive`")
def given_positive(rng):
    y_true, y_pred = np.array([0, 0, 1, 0, 1, 1, 0]), np.array([0, 1, 1, 0, 0, 1, 1])
    yield call("precision_recall_f1", y_true, y_pred, positive=0).because(
        "positive=0: class 0 is the one scored")
    yield call("precision_recall_f1", *_predictions(rng, 30, 4, positive=3), positive=3)
    y_true, y_pred = _predictions(rng, 24, 2)
    yield call("precision_recall_f1", 5 * y_true + 3, 5 * y_pred + 3, positive=8).because(
        "labels 3 and 8, positive=8")


@check("fixed", "no false positive gives precision 1, no false negative gives recall 1")
def perfect_sides(rng):
    yield call("precision_recall_f1", np.array([1, 1, 0, 1, 0, 1]),
               np.array([1, 0, 0, 1, 0, 0])).because("TP = 2, FP = 0, FN = 2: precision 1, "
                                                     "recall 1/2, F1 2/3")
    yield call("precision_recall_f1", np.array([1, 0, 0, 1, 0]),
               np.array([1, 1, 0, 1, 1])).because("TP = 2, FP = 2, FN = 0: precision 1/2, "
                                                  "recall 1, F1 2/3")


@check("property", "a zero denominator gives 0.0")
def zero_denominators(rng):
    yield call("precision_recall_f1", np.array([1, 0, 0, 1, 0]),
               np.array([0, 1, 0, 0, 0])).because("TP = 0, so precision = recall = 0 and F1's "
                                                  "P + R = 0")
    yield call("precision_recall_f1", np.array([0, 1, 1, 0, 0, 1]),
               np.zeros(6, dtype=int)).because("nothing is predicted positive: TP + FP = 0")
    yield call("precision_recall_f1", np.zeros(7, dtype=int),
               np.array([0, 1, 0, 0, 1, 0, 0])).because("there are no actual positives: "
                                                        "TP + FN = 0")
    yield call("precision_recall_f1", np.zeros(8, dtype=int), np.zeros(8, dtype=int)).because(
        "no positives at all: every denominator is 0")
    yield call("precision_recall_f1", np.array([0, 1, 1, 0, 1, 0, 1, 1, 0]),
               np.array([1, 1, 0, 0, 1, 0, 0, 1, 1]), positive=2).because(
        "the class 2 never occurs")
