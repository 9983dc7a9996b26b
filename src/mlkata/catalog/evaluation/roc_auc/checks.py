"""roc_auc: the contract, the worked example, random rankings, ties counting ½, one class."""

import math
import runpy
from pathlib import Path

import numpy as np

from mlkata.engine.kit import Finding, call, check, raises

MISTAKES = Path(__file__).parent / "mistakes"


def _message(mistake: str) -> str:
    """The MESSAGE of a known mistake, for the judge that names it."""
    return runpy.run_path(str(MISTAKES / f"{mistake}.py"))["MESSAGE"]


def _labels(rng, m, n_pos):
    """m labels with exactly n_pos ones, in random order: both classes always present."""
    return rng.permutation(np.r_[np.ones(n_pos, dtype=int), np.zeros(m - n_pos, dtype=int)])


def _distinct_scores(rng, m, scale=1.0):
    """m continuous scores, no two equal (so no tie rule is involved)."""
    s = rng.normal(scale=scale, size=m)
    assert np.unique(s).size == m
    return s


def _ties_judged(y, s):
    """A case judged by counting pairs, naming how a wrong answer treats the ties.

    Which wrong number a learner gets from tied scores depends on how they treat them: counted
    as 0 or as 1, or walked one sample at a time along a ROC curve (any count in between,
    depending on the order of the tied samples). Judging here, rather than by one mistake's
    output, names every such order.
    """
    pos, neg = s[y == 1], s[y == 0]
    diff = pos[:, None] - neg[None, :]
    won, tied, pairs = int((diff > 0).sum()), int((diff == 0).sum()), diff.size
    want = (won + tied / 2) / pairs

    def judge(got, expected, case):
        value = got.get("roc_auc")
        if not isinstance(value, int | float | np.integer | np.floating) or isinstance(
                value, bool | np.bool_):
            return f"roc_auc should return a float, got {type(value).__name__}"
        value = float(value)
        if math.isclose(value, want, rel_tol=1e-7, abs_tol=1e-12):
            return None
        message = (f"roc_auc returned {value:.6g}, the answer is {want:.6g}: of the "
                   f"{pairs} positive–negative pairs, the positive wins {won} and {tied} tie, "
                   f"so AUC = ({won} + {tied}/2) / {pairs}.")
        if math.isclose(1 - value, want, rel_tol=1e-7, abs_tol=1e-12):
            return Finding(message, "labels_swapped", _message("labels_swapped"))
        k = value * pairs - won  # the credit given to the tied pairs
        if abs(k - round(k)) < 1e-6 and 0 <= round(k) <= tied:
            mistake = ("ties_count_zero" if round(k) == 0 else
                       "ties_count_one" if round(k) == tied else "unmerged_ties_trapezoid")
            return Finding(message, mistake, _message(mistake))
        return message

    return call("roc_auc", y, s).without_reference().judge(judge)


@check("contract", "returns a float")
def returns_float(rng):
    yield call("roc_auc", np.array([0, 1, 1, 0, 1]), np.array([0.3, 0.9, 0.2, 0.1, 0.7]))


@check("contract", "accepts integer scores")
def integer_scores(rng):
    yield call("roc_auc", np.array([1, 0, 0, 1, 0, 1, 0]), np.array([4, 7, -2, 9, 0, 3, 1]))


@check("fixed",
       "the worked example: scores (0.1, 0.4, 0.35, 0.8) for labels (0, 0, 1, 1) give 0.75")
def worked_example(rng):
    yield call("roc_auc", np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]))


@check("fixed", "a perfect ranking gives 1, a reversed one 0")
def perfect_and_reversed(rng):
    y = np.array([0, 1, 0, 1, 1, 0, 0])
    s = np.array([0.2, 0.9, -1.0, 0.6, 0.7, 0.5, 0.1])
    yield call("roc_auc", y, s).because("every positive scores above every negative")
    yield call("roc_auc", y, -s).because("every positive scores below every negative")


@check("random", "agrees with the reference on random scores")
def random_scores(rng):
    for m, n_pos, scale in [(9, 4, 1.0), (23, 6, 10.0), (60, 41, 0.01), (301, 37, 3.0)]:
        y = _labels(rng, m, n_pos)
        # informative scores: positives a little higher on average, so AUC is not near 1/2
        yield call("roc_auc", y, _distinct_scores(rng, m, scale) + scale * y)


@check("random", "depends on the ranking only, not on the score values")
def ranking_only(rng):
    y = _labels(rng, 17, 7)
    s = _distinct_scores(rng, 17) + 0.8 * y
    yield call("roc_auc", y, s)
    t = np.exp(3 * s) - 5
    assert np.unique(t).size == t.size
    yield call("roc_auc", y, t).because("the same ranking as the first case, other values")


@check("property", "a positive and a negative with equal scores count ½")
def ties_count_half(rng):
    # The theory's example: the tied group (2, 2, 2, 2) holds positive, negative, positive,
    # negative in that order, so walking it one sample at a time (either way) is not 1/2 either.
    yield _ties_judged(np.array([1, 1, 0, 1, 0, 0]), np.array([3, 2, 2, 2, 2, 1]))
    yield _ties_judged(np.array([0, 1, 0, 1, 1, 0, 1, 0]),
                       np.array([0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.75, 0.75]))
    for m, n_pos, levels in [(15, 6, 4), (40, 13, 5), (200, 120, 7)]:
        y = _labels(rng, m, n_pos)
        # integer scores: many ties; positives are nudged up a whole level half of the time
        yield _ties_judged(y, rng.integers(0, levels, size=m) + y * rng.integers(0, 2, size=m))
    y = _labels(rng, 11, 5)
    yield _ties_judged(y, np.full(11, 0.3)).because("every score is equal: a coin toss, 1/2")


@check("property", "raises ValueError when y_true holds only one class")
def one_class(rng):
    yield raises("roc_auc", np.array([1, 1, 1]), np.array([0.2, 0.9, 0.4])).because(
        "no negatives: there is no pair to compare")
    yield raises("roc_auc", np.array([0, 0, 0, 0]), np.array([0.5, 0.1, 0.7, 0.3])).because(
        "no positives: there is no pair to compare")
