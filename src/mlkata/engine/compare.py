"""Compare a learner's output with the expected one, structure first, then numbers.

The result is the first difference found, described for a person: where it is (``dw[2]``), what
kind it is (type, shape, value, ...) and, for numbers, the largest absolute and relative
difference and where it occurs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..sandbox.wire import Opaque, Raised, TooLarge


@dataclass
class Mismatch:
    path: str
    kind: str  # "type", "shape", "dtype", "length", "keys", "nonfinite", "value"
    message: str
    expected: Any
    got: Any
    max_abs: float | None = None
    max_rel: float | None = None
    where: tuple[int, ...] | None = None


#: each kind of difference in the checker's own words (see :func:`mismatch_summary`)
KIND_SENTENCES = {
    "type": "is not of the type expected",
    "shape": "does not have the shape expected",
    "dtype": "does not have the dtype expected",
    "length": "does not have the length expected",
    "keys": "does not have the keys expected",
    "nonfinite": "is not finite where the answer is, or the other way round",
    "value": "differs from the answer",
}


def mismatch_summary(mismatch: Mismatch) -> str:
    """The difference without any value, type name or text of the learner's: where it is
    (a name from the reference's side) and its kind."""
    return f"{mismatch.path or 'the result'} {KIND_SENTENCES.get(mismatch.kind, 'differs')}"


def describe_type(value: Any) -> str:
    if isinstance(value, Raised):
        return f"an exception ({value.type_name})"
    if isinstance(value, np.ndarray):
        return f"an ndarray of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, TooLarge):
        what = "for a float" if value.digits > 308 else "for 64 bits"
        return f"an integer too large {what} ({value.digits} digits)"
    if isinstance(value, Opaque):
        return f"a {value.type_name} object"
    if isinstance(value, np.generic):
        return f"a numpy {value.dtype} scalar"
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _is_real(value: Any) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(
        value, bool | np.bool_)


def _is_int(value: Any) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_)


def _numeric_array(value: Any) -> np.ndarray | None:
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError):
        return None
    return arr if arr.dtype.kind in "biuf" else None


def compare(expected: Any, got: Any, rtol: float = 1e-7, atol: float | None = None,
            path: str = "", names: list[str] | None = None) -> Mismatch | None:
    """The first way ``got`` differs from ``expected``, or None when they agree."""
    here = path or "the result"

    if isinstance(expected, Raised):
        if got != expected:
            instead = (f"it raised {got.type_name}" if isinstance(got, Raised)
                       else f"it returned {describe_type(got)}")
            return Mismatch(path, "type", f"this call should raise {expected.type_name}, "
                            f"{instead}", expected, got)
        return None
    if isinstance(got, Raised):
        return Mismatch(path, "type", f"{here} should be {describe_type(expected)}, but the "
                        f"call raised {got.type_name}", expected, got)

    if isinstance(expected, np.ndarray):
        if not isinstance(got, np.ndarray):
            hint = " (wrap it in np.asarray)" if isinstance(got, list | tuple) else ""
            return Mismatch(path, "type",
                            f"{here} should be an ndarray, got {describe_type(got)}{hint}",
                            expected, got)
        return _compare_arrays(expected, got, rtol, atol, path)

    if isinstance(expected, bool | np.bool_):
        if not isinstance(got, bool | np.bool_):
            return Mismatch(path, "type", f"{here} should be a bool, got {describe_type(got)}",
                            expected, got)
        if bool(got) != bool(expected):
            return Mismatch(path, "value", f"{here} should be {bool(expected)}", expected, got)
        return None

    if _is_int(expected):
        if not _is_int(got):
            return Mismatch(path, "type",
                            f"{here} should be an integer, got {describe_type(got)}",
                            expected, got)
        if int(got) != int(expected):
            return Mismatch(path, "value", f"{here} differs", expected, got,
                            max_abs=float(abs(int(got) - int(expected))))
        return None

    if isinstance(expected, float | np.floating):
        if not _is_real(got):
            hint = ""
            if isinstance(got, np.ndarray) and got.size == 1:
                hint = " (return float(...) of it)"
            return Mismatch(path, "type",
                            f"{here} should be a float, got {describe_type(got)}{hint}",
                            expected, got)
        return _compare_arrays(np.asarray(float(expected)), np.asarray(float(got)), rtol, atol,
                               path)

    if expected is None:
        if got is not None:
            return Mismatch(path, "type", f"{here} should be None, got {describe_type(got)}",
                            expected, got)
        return None

    if isinstance(expected, tuple):
        if not isinstance(got, tuple):
            hint = f" of {len(expected)} items" if len(expected) > 1 else ""
            return Mismatch(path, "type",
                            f"{here} should be a tuple{hint}, got {describe_type(got)}",
                            expected, got)
        if len(got) != len(expected):
            return Mismatch(path, "length",
                            f"{here} should have {len(expected)} items, got {len(got)}",
                            expected, got)
        for i, (e, g) in enumerate(zip(expected, got, strict=True)):
            name = names[i] if names and i < len(names) else f"{path}[{i}]"
            found = compare(e, g, rtol, atol, name)
            if found:
                return found
        return None

    if isinstance(expected, list):
        # A list in the reference means "any sequence of these numbers".
        if isinstance(got, np.ndarray) and got.ndim == 1 or isinstance(got, list | tuple):
            if len(got) != len(expected):
                return Mismatch(path, "length",
                                f"{here} should have length {len(expected)}, got {len(got)}",
                                expected, got)
            e_arr, g_arr = _numeric_array(expected), _numeric_array(got)
            if e_arr is not None and g_arr is not None and e_arr.shape == g_arr.shape:
                return _compare_arrays(e_arr, g_arr, rtol, atol, path)
            for i, (e, g) in enumerate(zip(expected, got, strict=True)):
                found = compare(e, g, rtol, atol, f"{path}[{i}]")
                if found:
                    return found
            return None
        return Mismatch(path, "type",
                        f"{here} should be a sequence (list or 1-D array), got "
                        f"{describe_type(got)}", expected, got)

    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return Mismatch(path, "type", f"{here} should be a dict, got {describe_type(got)}",
                            expected, got)
        missing = [k for k in expected if k not in got]
        extra = [k for k in got if k not in expected]
        if missing or extra:
            parts = []
            if missing:
                parts.append("missing " + ", ".join(map(repr, missing)))
            if extra:
                parts.append("unexpected " + ", ".join(map(repr, extra)))
            return Mismatch(path, "keys", f"{here} has the wrong keys: {'; '.join(parts)}",
                            expected, got)
        for key in expected:
            found = compare(expected[key], got[key], rtol, atol, f"{path}[{key!r}]")
            if found:
                return found
        return None

    if isinstance(expected, Opaque):
        return None

    if isinstance(expected, str):
        if got != expected:
            return Mismatch(path, "value", f"{here} should be {expected!r}", expected, got)
        return None

    raise TypeError(f"cannot compare reference output of type {type(expected).__name__}")


#: the absolute slack where the answer is exactly zero everywhere (a scalar 0, say): nothing
#: gives a scale there, and any sound computation of 0 may leave a round-off speck
ZERO_SLACK = 1e-12


def _slack(rtol: float, scale: float) -> float:
    """The absolute part of the tolerance: relative to the largest entry of the answer."""
    return rtol * scale + 1e-15 if scale > 0 else ZERO_SLACK


def _all_close(e: np.ndarray, g: np.ndarray, rtol: float, atol: float | None) -> bool:
    """True when every entry is finite and within tolerance; False sends the pair through the
    full comparison (which also explains non-finite entries)."""
    with np.errstate(all="ignore"):
        scale = float(np.max(np.abs(e)))
        if not np.isfinite(scale):
            return False
        allowed = (atol if atol is not None else _slack(rtol, scale)) + rtol * np.abs(e)
        return bool(np.all(np.abs(g - e) <= allowed))


def _compare_arrays(expected: np.ndarray, got: np.ndarray, rtol: float, atol: float | None,
                    path: str) -> Mismatch | None:
    here = path or "the result"
    if got.shape != expected.shape:
        return Mismatch(path, "shape",
                        f"{here} should have shape {expected.shape}, got {got.shape}",
                        expected, got)
    ekind, gkind = expected.dtype.kind, got.dtype.kind
    if gkind not in "biufc":
        return Mismatch(path, "dtype", f"{here} should hold numbers, got dtype {got.dtype}",
                        expected, got)
    if ekind in "iu" and gkind not in "iu":
        return Mismatch(path, "dtype",
                        f"{here} should be an integer array, got dtype {got.dtype} "
                        "(use .astype(int))", expected, got)
    if ekind == "b" and gkind != "b":
        return Mismatch(path, "dtype", f"{here} should be a boolean array, got dtype {got.dtype}",
                        expected, got)
    if expected.size == 0 or atol == float("inf"):  # empty, or only the structure is checked
        return None
    if ekind in "biu":
        wrong = expected != got
        if wrong.any():
            where = tuple(int(i) for i in np.argwhere(wrong)[0])
            count = int(wrong.sum())
            return Mismatch(path, "value",
                            f"{here} differs in {count} of {expected.size} entries",
                            expected, got, where=where or None)
        return None

    e = expected.astype(np.complex128 if ekind == "c" or gkind == "c" else np.float64,
                        copy=False)
    g = got.astype(e.dtype, copy=False)
    if _all_close(e, g, rtol, atol):  # the common case, in a few array operations
        return None
    e_nan, g_nan = np.isnan(e), np.isnan(g)
    e_inf, g_inf = np.isinf(e), np.isinf(g)
    bad = (e_nan != g_nan) | (e_inf != g_inf) | (e_inf & g_inf & (e != g))
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        at = f" at {list(where)}" if where else ""
        return Mismatch(path, "nonfinite",
                        f"{here} is {g[where]}{at} where {e[where]:.6g} is expected",
                        expected, got, where=where or None)
    finite = np.isfinite(e)
    if not finite.any():
        return None
    diff = np.abs(np.where(finite, g, 0) - np.where(finite, e, 0))
    scale = float(np.max(np.abs(e[finite])))
    allowed = (atol if atol is not None else _slack(rtol, scale)) + rtol * np.abs(e)
    over = np.where(finite, diff > allowed, False)
    if not over.any():
        return None
    flat = int(np.argmax(diff))
    largest = tuple(int(i) for i in np.unravel_index(flat, diff.shape)) if diff.ndim else None
    max_abs = float(diff.flat[flat])
    denom = float(abs(e.flat[flat]))
    max_rel = max_abs / denom if denom > 0 else float("inf")
    count = int(over.sum())
    what = f"differs in {count} of {e.size} entries" if e.size > 1 else "differs"
    return Mismatch(path, "value", f"{here} {what}", expected, got, max_abs=max_abs,
                    max_rel=max_rel, where=largest)
