from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mlkata.engine.compare import compare
from mlkata.engine.diagnose import recognise, recognise_error

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@given(hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=5), elements=finite))
def test_an_array_equals_itself(x):
    assert compare(x, x.copy()) is None


@given(hnp.arrays(np.float64, hnp.array_shapes(max_dims=2, min_side=1, max_side=5),
                  elements=st.floats(1, 100)))
def test_a_relative_error_of_one_in_a_thousand_is_caught(x):
    y = x.copy()
    y.flat[0] *= 1.001
    found = compare(x, y)
    assert found is not None and found.kind == "value"
    assert found.max_abs == pytest.approx(abs(y.flat[0] - x.flat[0]))


any_float = st.one_of(finite, st.sampled_from([np.nan, np.inf, -np.inf, 0.0, 1e-300]))


@st.composite
def near_pairs(draw):
    """An expected array and a result mostly near it: some entries nudged by a relative amount
    on either side of the tolerance, some replaced by anything, nan and inf included."""
    n = draw(st.integers(1, 6))
    e = draw(hnp.arrays(np.float64, n, elements=any_float))
    nudge = draw(hnp.arrays(np.float64, n, elements=st.sampled_from([0.0, 1e-9, -5e-8, 2e-7,
                                                                     1e-3])))
    other = draw(hnp.arrays(np.float64, n, elements=any_float))
    replaced = draw(hnp.arrays(np.bool_, n, elements=st.booleans()))
    with np.errstate(all="ignore"):
        g = np.where(replaced, other, e * (1 + nudge))
    return e, g, draw(st.sampled_from([None, 0.0, 1e-9, 1e-3]))


@given(near_pairs())
def test_arrays_agree_exactly_by_the_stated_rule(pair):
    """Same non-finite entries in the same places; elsewhere |got − expected| ≤ atol (or rtol ×
    the largest finite |expected| entry) + rtol × |expected| entry by entry."""
    e, g, atol = pair
    rtol = 1e-7
    same_kind = np.array_equal(np.isnan(e), np.isnan(g)) and all(
        (a == b) if np.isinf(a) or np.isinf(b) else True for a, b in zip(e, g, strict=True))
    finite = np.isfinite(e)
    scale = float(np.max(np.abs(e[finite]))) if finite.any() else 0.0
    slack = (rtol * scale + 1e-15) if scale > 0 else 1e-12  # an answer of zeros: 1e-12
    allowed = (atol if atol is not None else slack) + rtol * np.abs(e[finite])
    agree = same_kind and bool(np.all(np.abs(g[finite] - e[finite]) <= allowed))
    assert (compare(e, g, rtol=rtol, atol=atol) is None) == agree


def test_a_zero_answer_allows_a_round_off_speck_scalar_or_array():
    for zero in (0.0, np.zeros(3)):
        assert compare(zero, zero + 2e-15) is None
        assert compare(zero, zero + 1e-9) is not None


def test_a_factor_that_prints_as_one_is_not_named():
    from mlkata.engine.diagnose import constant_factor
    e = np.array([1.0, 2.0, 3.0])
    found = compare(e, e * 0.99995)
    assert found is not None and constant_factor(found, {}) is None
    assert constant_factor(compare(e, e * 3), {}) is not None


def test_round_off_passes():
    x = np.array([0.1, 0.2, 0.3])
    assert compare(x, x * (1 + 1e-12)) is None


def test_structure_is_checked_before_values():
    assert compare(np.zeros(3), [0.0, 0.0, 0.0]).kind == "type"
    assert compare(np.zeros((2, 3)), np.zeros((3, 2))).kind == "shape"
    assert compare((1.0, 2.0), [1.0, 2.0]).kind == "type"
    assert compare((1.0, 2.0), (1.0,)).kind == "length"
    assert compare(np.array([1, 2]), np.array([1.0, 2.0])).kind == "dtype"
    assert compare({"a": 1.0}, {"b": 1.0}).kind == "keys"
    assert compare(1.0, np.array([1.0])).kind == "type"


def test_nan_where_finite_is_expected():
    found = compare(np.array([0.5, 0.5]), np.array([np.nan, 0.5]))
    assert found.kind == "nonfinite" and found.where == (0,)
    assert compare(np.array([-np.inf]), np.array([-np.inf])) is None


def test_names_of_tuple_items_appear_in_the_path():
    found = compare((1.0, np.zeros(2)), (1.0, np.ones(2)), names=["J", "dw"])
    assert found.path == "dw"


def _diagnosis(expected, got, **facts):
    return recognise(compare(expected, got), facts)


def test_missing_average_is_named_with_its_factor():
    dw = np.array([0.3, -1.2, 0.7])
    found = _diagnosis(dw, dw * 7, m=7)
    assert found.id == "missing-average"
    assert "7× too large" in found.message and "1/m" in found.message


def test_other_factors():
    e = np.array([1.0, -2.0, 3.0])
    assert _diagnosis(e, -e).id == "sign-flip"
    assert _diagnosis(e, 2 * e).id == "factor-of-two"
    assert _diagnosis(e, 3.3 * e).id == "constant-factor"
    assert _diagnosis(e, e * 10 / 9, m=10).id == "ddof"
    assert _diagnosis(e, e * np.sqrt(10 / 9), m=10).id == "ddof-std"


def test_transposed_and_axes():
    e = np.arange(6.0).reshape(2, 3)
    assert _diagnosis(e, e.T).id == "transposed"
    assert _diagnosis(e, e.reshape(2, 3, 1)).id == "extra-axis"


def test_permuted_labels():
    e = np.array([0, 0, 1, 2, 2])
    assert _diagnosis(e, np.array([2, 2, 0, 1, 1])).id == "permuted-labels"
    assert _diagnosis(e, np.array([0, 1, 1, 2, 2])) is None


def test_unrelated_values_are_not_given_a_false_name():
    e = np.array([1.0, 2.0, 3.0])
    assert _diagnosis(e, np.array([3.0, 1.0, 2.0])) is None


def test_errors_are_named():
    assert recognise_error({"type": "NotImplementedError", "message": ""}, ["f"]).id == \
        "not-implemented"
    assert recognise_error({"type": "ValueError",
                            "message": "assignment destination is read-only"}, ["f"]).id == \
        "modifies-input"
    assert recognise_error({"type": "ZeroDivisionError", "message": "x"}, ["f"]) is None


def test_the_global_generator_is_blamed_only_where_an_rng_is_handed_over(catalog, checker):
    """softmax takes no rng: a wrong file that also touches np.random is wrong for another
    reason, and naming the generator would send the learner looking for a bug they lack."""
    source = ("import numpy as np\n"
              "def softmax(z, axis=-1):\n"
              "    np.random.rand()\n"
              "    e = np.exp(z)\n"
              "    return e / e.sum()\n")
    verdict = checker.check(catalog["softmax"], source, "/s.py")
    assert not verdict.passed and verdict.diagnosis_id != "global-random-state"
