"""Recognisers shared by every exercise: name a mistake from the shape of the difference.

An exercise's own known mistakes are tried first (see :mod:`mlkata.engine.mistakes`); these
generic recognisers speak when none matches: a constant factor (and which one: m, 2, a ddof
ratio), a flipped sign, a transpose, a dropped or extra axis, permuted labels, where a nan or inf
came from, an input written into, a function not yet written.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .compare import Mismatch


@dataclass(frozen=True)
class Diagnosis:
    id: str
    message: str


def _close(a: float, b: float, rel: float = 1e-6) -> bool:
    return abs(a - b) <= rel * max(abs(a), abs(b))


def _floats(mismatch: Mismatch) -> tuple[np.ndarray, np.ndarray] | None:
    try:
        e = np.asarray(mismatch.expected, dtype=np.float64)
        g = np.asarray(mismatch.got, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    if e.dtype.kind != "f" or g.dtype.kind != "f":
        return None
    return e, g


def _name(mismatch: Mismatch) -> str:
    return mismatch.path or "your result"


def constant_factor(mismatch: Mismatch, facts: dict[str, Any]) -> Diagnosis | None:
    pair = _floats(mismatch)
    if pair is None or mismatch.kind != "value":
        return None
    e, g = pair
    if e.shape != g.shape or not (np.all(np.isfinite(e)) and np.all(np.isfinite(g))):
        return None
    ee = float(np.vdot(e, e))
    if ee == 0 or float(np.vdot(g, g)) == 0:
        return None
    c = float(np.vdot(g, e)) / ee
    if np.linalg.norm(g - c * e) > 1e-6 * np.linalg.norm(g) or _close(c, 1.0, 1e-3):
        return None  # a factor that prints as 1× is no factor
    what = _name(mismatch)
    if _close(c, -1.0):
        return Diagnosis("sign-flip", f"{what} has the right size but the wrong sign: "
                         "check the order of a subtraction (prediction − target) or a "
                         "descent step that should subtract the gradient.")
    m = facts.get("m")
    if m and m > 1:
        ratios = {
            "missing-average": (m, f"the 1/m average is missing (m = {m})"),
            "extra-average": (1 / m, f"it is divided by m = {m} once too often"),
            "ddof": (m / (m - 1), f"ddof: you divided by m − 1 = {m - 1} instead of m = {m}"),
            "ddof-reversed": ((m - 1) / m,
                              f"ddof: you divided by m = {m} instead of m − 1 = {m - 1}"),
            "ddof-std": (math.sqrt(m / (m - 1)), "ddof: the standard deviation uses m − 1 "
                         "instead of m (population std, ddof=0)"),
        }
        for key, (ratio, why) in ratios.items():
            if _close(c, ratio):
                return Diagnosis(key, f"{what} is {_times(c)}: {why}.")
    if _close(abs(c), 2.0) or _close(abs(c), 0.5):
        return Diagnosis("factor-of-two", f"{what} is {_times(c)}: a ½ (or a 2) from the "
                         "derivative of a square is missing or doubled.")
    if e.size == 1:  # any two numbers have a ratio: only a telling one is worth naming
        return None
    return Diagnosis("constant-factor", f"{what} is {_times(c)} — the right direction, a "
                     "constant factor off (a missing average, a wrong scale or learning rate?).")


def _times(c: float) -> str:
    sign = "minus " if c < 0 else ""
    c = abs(c)
    return f"{sign}{c:.4g}× too large" if c > 1 else f"{sign}{1 / c:.4g}× too small"


def transposed(mismatch: Mismatch, facts: dict[str, Any]) -> Diagnosis | None:
    if mismatch.kind != "shape":
        return None
    e, g = mismatch.expected, mismatch.got
    if not (isinstance(e, np.ndarray) and isinstance(g, np.ndarray)) or e.ndim != 2:
        return None
    if g.shape == e.shape[::-1] and g.dtype.kind in "biuf" and np.allclose(g.T, e, rtol=1e-6,
                                                                           atol=1e-12):
        return Diagnosis("transposed", f"{_name(mismatch)} is the transpose of the answer: "
                         "check the order of a matrix product (X.T @ r, not r @ X) or an axis.")
    return None


def axis_shape(mismatch: Mismatch, facts: dict[str, Any]) -> Diagnosis | None:
    if mismatch.kind != "shape":
        return None
    e, g = mismatch.expected, mismatch.got
    if not (isinstance(e, np.ndarray) and isinstance(g, np.ndarray)):
        return None
    if g.size == e.size and np.squeeze(g).shape == np.squeeze(e).shape and \
            g.dtype.kind in "biuf" and e.dtype.kind in "biuf" and \
            np.allclose(np.squeeze(g), np.squeeze(e), rtol=1e-6, atol=1e-12):
        return Diagnosis("extra-axis", f"{_name(mismatch)} has the right numbers but shape "
                         f"{g.shape} instead of {e.shape}: a keepdims, reshape or "
                         "column-vector left over.")
    if g.ndim == e.ndim and g.ndim >= 1 and sorted(g.shape) != sorted(e.shape):
        return Diagnosis("wrong-axis", f"{_name(mismatch)} has shape {g.shape} instead of "
                         f"{e.shape}: a sum, mean or max over the wrong axis?")
    if g.ndim < e.ndim:
        return Diagnosis("wrong-axis", f"{_name(mismatch)} lost an axis (shape {g.shape}, "
                         f"expected {e.shape}): reduced over an axis that should stay?")
    return None


def permuted_labels(mismatch: Mismatch, facts: dict[str, Any]) -> Diagnosis | None:
    e, g = mismatch.expected, mismatch.got
    if mismatch.kind != "value" or not (isinstance(e, np.ndarray) and isinstance(g, np.ndarray)):
        return None
    if e.dtype.kind not in "iu" or g.dtype.kind not in "iu" or e.shape != g.shape:
        return None
    mapping: dict[int, int] = {}
    for a, b in zip(g.ravel().tolist(), e.ravel().tolist(), strict=True):
        if mapping.setdefault(a, b) != b:
            return None
    if len(set(mapping.values())) != len(mapping):
        return None
    return Diagnosis("permuted-labels", f"{_name(mismatch)} groups the points correctly but "
                     "numbers the groups differently: labels must be the indices of the given "
                     "centroids or classes, in their order.")


def nonfinite(mismatch: Mismatch, facts: dict[str, Any]) -> Diagnosis | None:
    if mismatch.kind != "nonfinite":
        return None
    warned = " ".join(str(w[1]) for w in facts.get("warnings", []))
    where = f" at {list(mismatch.where)}" if mismatch.where else ""
    if "overflow" in warned:
        cause = "numpy warned of an overflow — exp of a large number is inf; shift by the max " \
                "first (or use log-sum-exp)."
    elif "divide by zero" in warned:
        cause = "numpy warned of a division by zero — log(0) or x/0; work in log space or " \
                "guard the denominator."
    elif "invalid value" in warned:
        cause = "numpy warned of an invalid value — inf − inf or 0/0 produced a nan."
    else:
        cause = "an overflow, log(0) or 0/0 along the way."
    return Diagnosis("nan-or-inf", f"{_name(mismatch)} is not finite{where} where the answer "
                     f"is: {cause}")


RECOGNISERS: list[Callable[[Mismatch, dict[str, Any]], Diagnosis | None]] = [
    nonfinite, transposed, axis_shape, permuted_labels, constant_factor,
]


def recognise(mismatch: Mismatch, facts: dict[str, Any]) -> Diagnosis | None:
    for recogniser in RECOGNISERS:
        found = recogniser(mismatch, facts)
        if found:
            return found
    return None


def recognise_error(error: dict[str, Any], entry: list[str]) -> Diagnosis | None:
    """Name the mistake behind an exception the learner's code raised, when it is a known one."""
    kind, message = error.get("type", ""), error.get("message", "")
    if kind == "NotImplementedError":
        return Diagnosis("not-implemented", "Not written yet: replace `raise "
                         "NotImplementedError` with your implementation.")
    if kind == "ValueError" and "read-only" in message:
        return Diagnosis("modifies-input", "Your code writes into one of its input arrays "
                         "(they are read-only here). Work on a copy: `x = x - m`, not `x -= m`.")
    if kind == "MemoryError":
        return Diagnosis("memory-limit", "Your code ran out of memory (the limit for this "
                         "exercise): an intermediate array far larger than needed?")
    if kind == "NameError" and "in your file" in message:
        return Diagnosis("missing-name", f"A name the checker calls is not defined in your "
                         f"file: it calls {', '.join(entry)} — keep the names from the "
                         "starter.")
    if kind in ("ModuleNotFoundError", "ImportError", "PermissionError") and (
            "import" in message or "No module" in message or "Permission denied" in message):
        return Diagnosis("import-unavailable", "That module is not available inside the "
                         "checker's sandbox: use numpy and the standard library's math, "
                         "itertools, collections, functools, heapq, random, dataclasses.")
    if kind == "RecursionError":
        return Diagnosis("recursion", "Recursion too deep: use an explicit stack or loop for "
                         "long chains.")
    return None
