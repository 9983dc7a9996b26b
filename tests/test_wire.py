from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mlkata.sandbox.wire import Opaque, WireError, dumps, from_plain, loads, to_plain

scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**64 - 1), st.text(max_size=5),
                    st.floats(allow_nan=False))
arrays = hnp.arrays(st.sampled_from([np.float64, np.int64, np.bool_, np.float32]),
                    hnp.array_shapes(min_dims=0, max_dims=3, max_side=4))
values = st.recursive(scalars | arrays, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.tuples(inner, inner),
    st.dictionaries(st.text(max_size=3), inner, max_size=3)), max_leaves=10)


def _same(a, b):
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape and \
            np.array_equal(a, b, equal_nan=True)
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@given(values)
def test_plain_values_round_trip(value):
    assert _same(value, from_plain(loads(dumps(value))))


def test_arrays_come_back_read_only_base_arrays():
    class Sub(np.ndarray):
        pass
    back = from_plain(to_plain(np.arange(3.0).view(Sub)))
    assert type(back) is np.ndarray and not back.flags.writeable


def test_objects_cross_only_as_a_type_name():
    class Secret:
        pass
    back = from_plain(to_plain(Secret()))
    assert isinstance(back, Opaque) and back.type_name.endswith("Secret")
    assert from_plain(to_plain(np.array([object()], dtype=object))).type_name.startswith(
        "ndarray of dtype object")


@pytest.mark.parametrize("tampered", [
    {"__nd__": "object", "shape": [1], "data": ""},
    {"__nd__": "float64", "shape": [3], "data": base64.b64encode(b"\0" * 8).decode()},
    {"__nd__": "float64", "shape": [-1], "data": ""},
    {"__np__": "float64", "v": "1.0"},
    {"__pickle__": "gASVAAAA"},
    {"__dict__": [[["unhashable"], 1]]},
    {"__tuple__": "abc"},
])
def test_tampered_data_is_refused(tampered):
    with pytest.raises(WireError):
        from_plain(tampered)


def test_bytes_that_are_not_json_are_refused():
    with pytest.raises(WireError):
        loads(b"\x80\x04\x95 pickle")
    with pytest.raises(WireError):
        loads(b"[" * 100000)
    assert json.loads(dumps(float("nan"))) != 0


@given(st.one_of(st.integers(max_value=-2**63 - 1), st.integers(min_value=2**64)))
def test_integers_beyond_64_bits_arrive_as_too_large(value):
    from mlkata.sandbox.wire import TooLarge
    got = from_plain(loads(dumps(value)))
    assert isinstance(got, TooLarge) and got.digits == len(str(abs(value)))
