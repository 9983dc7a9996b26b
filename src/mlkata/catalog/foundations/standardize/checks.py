"""standardize: the contract, the worked example, random matrices, constant columns, offsets."""

import runpy
from functools import cache
from pathlib import Path

import numpy as np

from mlkata.engine.compare import compare
from mlkata.engine.kit import Finding, call, check

HERE = Path(__file__).parent


@cache
def _reference():
    return runpy.run_path(str(HERE / "solution.py"))["standardize"]


def _message(mistake):
    """The MESSAGE of a known mistake, for the judge that names it."""
    return runpy.run_path(str(HERE / "mistakes" / f"{mistake}.py"))["MESSAGE"]


def _cancellation(X):
    """Name round-off from mean(x²) − mean(x)², however it was written.

    A learner who passed every earlier check and is now off by a small relative amount, only on
    data far from zero, lost digits to cancellation; the exact wrong numbers depend on how the
    formula was written, so they are judged by size here rather than matched. Any other
    difference is left to the comparison with the reference that follows on the same input.
    """
    X = np.array(X)
    X.setflags(write=False)
    want = _reference()(X)

    def judge(got, expected, case):
        out = got.get("standardize")
        if compare(want, out, rtol=1e-7) is None or compare(want, out, rtol=0.5) is not None:
            return None
        found = compare(want, out, rtol=1e-7, names=["X_std", "mean", "scale"])
        return Finding(f"{found.message} on data far from zero, by up to "
                       f"{found.max_rel or 0:.2g} of the expected values: digits lost to "
                       "cancellation.", "one_pass_variance", _message("one_pass_variance"))

    case = call("standardize", X).without_reference().judge(judge)
    case.size -= 1  # before the comparison on the same input
    return case


def _columns(rng, m, n, offset=10.0):
    """m × n data whose columns have distinct means and clearly different spreads."""
    means = rng.uniform(-offset, offset, size=n)
    spreads = rng.uniform(0.5, 5.0, size=n)
    return means + spreads * rng.normal(size=(m, n))


@check("contract", "returns (X_std, mean, scale) of shapes (m, n), (n,), (n,)")
def shapes(rng):
    yield call("standardize", _columns(rng, 5, 3))


@check("contract", "accepts an integer X (and returns floats)")
def integer_input(rng):
    yield call("standardize", np.array([[1, 20, 3, 7], [4, 10, 3, 2], [2, 30, 8, 5],
                                        [9, 10, 1, 4], [6, 40, 5, 9], [3, 20, 2, 1]]))


@check("fixed", "the worked example: mean (3, 4, 7), scale (2, √2, 1)")
def worked_example(rng):
    yield call("standardize", np.array([[1.0, 2.0, 7.0], [1.0, 4.0, 7.0],
                                        [5.0, 4.0, 7.0], [5.0, 6.0, 7.0]]))


@check("fixed", "a constant column gets scale 1 and standardised values 0")
def constant_columns(rng):
    yield call("standardize", np.array([[3, 1], [3, 5], [3, 2], [3, 8], [3, 4]])
               ).because("column 0 is 3 everywhere")
    yield call("standardize", np.array([[0.5, 2.0, -1.25], [1.5, 2.0, -1.25],
                                        [4.0, 2.0, -1.25]])
               ).because("columns 1 and 2 are constant")


@check("random", "agrees with the reference on random data")
def random_data(rng):
    for m, n in [(7, 3), (4, 6), (12, 5), (30, 2), (9, 1)]:
        yield call("standardize", _columns(rng, m, n))


@check("property", "a constant column whose std is a round-off speck (1e-17) still gets scale 1")
def roundoff_speck(rng):
    # numpy's std of seven copies of 0.1 (or 2.3) is 1.4e-17 (4.4e-16), not 0: the mean is
    # off by one ulp. Only a test on the values themselves sees that the column is constant.
    X = np.column_stack([np.arange(7.0), np.full(7, 0.1), rng.normal(size=7) * 2 + 1,
                         np.full(7, 2.3)])
    yield call("standardize", X).because("columns 1 and 3 are constant, 0.1 and 2.3 seven times")


@check("property", "a single sample: every column is constant")
def single_row(rng):
    yield call("standardize", np.array([[2.5, -1.0, 0.1]])).because("with m = 1 every column "
                                                                      "is constant")


@check("stability", "stays accurate for columns far from zero (values around a million)")
def large_offset(rng):
    for m, n in [(11, 3), (8, 5)]:
        offsets = rng.choice([-1.0, 1.0], size=n) * rng.uniform(5e5, 2e6, size=n)
        X = offsets + rng.uniform(0.5, 3.0, size=n) * rng.normal(size=(m, n))
        note = "each column is a million or so plus a spread of about 1"
        yield _cancellation(X).because(note)
        yield call("standardize", X).because(note)
