"""Plain data across the trust boundary.

Only numbers, strings, None, arrays of numeric dtypes and lists, tuples and dicts of them cross
between the checker and the learner's process. The format is JSON with a few tagged objects, so
decoding never executes anything the learner produced (no pickle, ever), and the trusted side
validates every value it decodes.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable
from typing import Any

import numpy as np

#: dtypes an array may have on the wire; anything else (object, strings, structured) is refused.
ALLOWED_DTYPES = frozenset(
    ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
     "float16", "float32", "float64", "complex64", "complex128"]
)
MAX_DEPTH = 40
#: integers outside this range come back as :class:`TooLarge` (numpy holds none of them)
INT_RANGE = (-2**63, 2**64)


Special = Callable[[dict[str, Any]], Any]


class WireError(ValueError):
    """Data that does not decode to plain values."""


def to_plain(value: Any, _depth: int = 0) -> Any:
    """Turn a Python value into JSON-able plain data; unknown objects become a description."""
    if isinstance(value, Raised):
        return {"__raised__": value.type_name}
    if _depth > MAX_DEPTH:
        return {"__object__": "a structure nested too deeply"}
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int) and type(value) in (int, bool):
        return value
    if isinstance(value, float) and type(value) is float:
        return value
    if isinstance(value, np.generic):
        name = value.dtype.name
        if name not in ALLOWED_DTYPES:
            return {"__object__": f"numpy scalar of dtype {name}"}
        return {"__np__": name, "v": _scalar_plain(value)}
    if isinstance(value, np.ndarray):
        arr = np.array(value, copy=True, subok=False, order="C")
        name = arr.dtype.name
        if name not in ALLOWED_DTYPES:
            return {"__object__": f"ndarray of dtype {name}"}
        data = base64.b64encode(arr.tobytes(order="C")).decode("ascii")
        return {"__nd__": name, "shape": list(arr.shape), "data": data}
    if isinstance(value, tuple) and type(value) is tuple:
        return {"__tuple__": [to_plain(v, _depth + 1) for v in value]}
    if isinstance(value, list) and type(value) is list:
        return [to_plain(v, _depth + 1) for v in value]
    if isinstance(value, dict) and type(value) is dict:
        return {"__dict__": [[to_plain(k, _depth + 1), to_plain(v, _depth + 1)]
                             for k, v in value.items()]}
    if isinstance(value, np.random.Generator):
        return {"__object__": "numpy.random.Generator"}
    return {"__object__": _type_name(value)}


def _scalar_plain(value: np.generic) -> Any:
    if isinstance(value, np.complexfloating):
        return [float(value.real), float(value.imag)]
    return value.item()


def _type_name(value: Any) -> str:
    cls = type(value)
    module = getattr(cls, "__module__", "") or ""
    name = getattr(cls, "__qualname__", None) or getattr(cls, "__name__", "object")
    if module in ("builtins", "__main__", "learner", ""):
        return str(name)
    return f"{module}.{name}"


def dumps(value: Any) -> bytes:
    """Encode a value (already plain, or convertible) as UTF-8 JSON."""
    return json.dumps(to_plain(value), allow_nan=True, separators=(",", ":")).encode()


def loads(raw: bytes) -> Any:
    """Decode JSON bytes to plain data without materialising anything."""
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise WireError(f"not valid JSON: {exc}") from None


class Opaque:
    """An object the other side could not send as data; only its type name crossed."""

    __slots__ = ("type_name",)

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name} object>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Opaque) and other.type_name == self.type_name

    def __hash__(self) -> int:
        return hash(self.type_name)


class Raised(Opaque):
    """The outcome of a step that was expected to raise: the exception's type name."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"raised {self.type_name}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Raised) and other.type_name == self.type_name

    def __hash__(self) -> int:
        return hash(("raised", self.type_name))


class TooLarge(Opaque):
    """An integer beyond what any numeric result can be: only its number of digits crossed."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        super().__init__("int")
        self.digits = digits

    def __repr__(self) -> str:
        return f"<an integer of {self.digits} digits>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TooLarge) and other.digits == self.digits

    def __hash__(self) -> int:
        return hash(("too large", self.digits))


def from_plain(obj: Any, special: Special | None = None, _depth: int = 0) -> Any:
    """Materialise trusted values from plain data received from anywhere, validating as we go.

    Arrays come back read-only base ``ndarray``s; tuples and dicts are rebuilt; an ``__object__``
    becomes an :class:`Opaque`. Refs, callables and generators are not values: ``special``
    resolves them (see :mod:`mlkata.sandbox.script`); without it they are refused.
    """
    if _depth > MAX_DEPTH:
        raise WireError("nested too deeply")
    if obj is None or isinstance(obj, bool | str):
        return obj
    if isinstance(obj, int):
        return obj if INT_RANGE[0] <= obj < INT_RANGE[1] else TooLarge(len(str(abs(obj))))
    if isinstance(obj, float):
        return obj
    if isinstance(obj, list):
        return [from_plain(v, special, _depth + 1) for v in obj]
    if not isinstance(obj, dict):
        raise WireError(f"unexpected JSON value of type {type(obj).__name__}")
    if special is not None and ("__ref__" in obj or "__fn__" in obj or "__rng__" in obj):
        return special(obj)
    if "__nd__" in obj:
        return _array(obj)
    if "__np__" in obj:
        return _numpy_scalar(obj)
    if "__tuple__" in obj:
        items = obj["__tuple__"]
        if not isinstance(items, list):
            raise WireError("malformed tuple")
        return tuple(from_plain(v, special, _depth + 1) for v in items)
    if "__dict__" in obj:
        pairs = obj["__dict__"]
        if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2
                                                  for p in pairs):
            raise WireError("malformed dict")
        out = {}
        for k, v in pairs:
            key = from_plain(k, special, _depth + 1)
            try:
                hash(key)
            except TypeError:
                raise WireError("unhashable dict key") from None
            out[key] = from_plain(v, special, _depth + 1)
        return out
    if "__object__" in obj:
        return Opaque(str(obj["__object__"])[:200])
    if "__raised__" in obj:
        return Raised(str(obj["__raised__"])[:200])
    raise WireError(f"unknown tagged object with keys {sorted(obj)[:5]}")


def _array(obj: dict[str, Any]) -> np.ndarray:
    name, shape, data = obj.get("__nd__"), obj.get("shape"), obj.get("data")
    if name not in ALLOWED_DTYPES:
        raise WireError(f"array dtype {name!r} is not allowed")
    if not isinstance(shape, list) or not all(isinstance(s, int) and s >= 0 for s in shape):
        raise WireError("malformed array shape")
    if not isinstance(data, str):
        raise WireError("malformed array data")
    raw = base64.b64decode(data.encode("ascii"), validate=True)
    dtype = np.dtype(name)
    count = math.prod(shape)
    if len(raw) != count * dtype.itemsize:
        raise WireError("array data does not match its shape")
    arr = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    arr.setflags(write=False)
    return arr


def _numpy_scalar(obj: dict[str, Any]) -> np.generic:
    name, v = obj.get("__np__"), obj.get("v")
    if name not in ALLOWED_DTYPES:
        raise WireError(f"scalar dtype {name!r} is not allowed")
    dtype = np.dtype(name)
    if dtype.kind == "c":
        if not (isinstance(v, list) and len(v) == 2):
            raise WireError("malformed complex scalar")
        return dtype.type(complex(float(v[0]), float(v[1])))
    if not isinstance(v, bool | int | float):
        raise WireError("malformed numpy scalar")
    try:
        return dtype.type(v)
    except (OverflowError, ValueError):
        raise WireError("numpy scalar out of range") from None
