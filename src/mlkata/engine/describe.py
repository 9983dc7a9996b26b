"""Render values and cases as short Python a learner can read (and paste)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import numpy as np

from ..sandbox.wire import Opaque, from_plain

INLINE_ARRAY = 24  # arrays up to this many entries are shown in full


def value(v: Any, width: int = 76) -> str:
    if isinstance(v, np.ndarray):
        if v.size <= 60:
            body = np.array2string(v, precision=8, separator=", ", max_line_width=width,
                                   threshold=60, suppress_small=False)
            return body
        return (f"{v.dtype} array of shape {v.shape}: "
                + np.array2string(v, precision=5, separator=", ", threshold=12, edgeitems=2,
                                  max_line_width=width).replace("\n", " "))
    if isinstance(v, float | np.floating):
        return repr(float(v))
    if isinstance(v, tuple):
        return "(" + ", ".join(value(x, width) for x in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, list):
        if len(v) > 12:
            return "[" + ", ".join(value(x, width) for x in v[:5]) + f", … ({len(v)} items)]"
        return "[" + ", ".join(value(x, width) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k!r}: {value(x, width)}" for k, x in v.items()) + "}"
    if isinstance(v, Opaque):
        return repr(v)
    return repr(v)


def _source(v: Any) -> str:
    if isinstance(v, np.ndarray):
        dtype = "" if v.dtype.kind == "f" else f", dtype={v.dtype.name}"
        return f"np.array({_readable(v.tolist())!r}{dtype})"
    if isinstance(v, float):
        return repr(v)
    return value(v)


def _readable(v: Any) -> Any:
    """Floats to 8 significant digits: readable, and the same case for all practical purposes."""
    if isinstance(v, float):
        return float(f"{v:.8g}")
    if isinstance(v, list):
        return [_readable(x) for x in v]
    return v


def _is_small(v: Any) -> bool:
    if isinstance(v, np.ndarray):
        return v.size <= INLINE_ARRAY
    if isinstance(v, list | tuple):
        return len(v) <= INLINE_ARRAY and all(_is_small(x) for x in v)
    if isinstance(v, dict):
        return all(_is_small(x) for x in v.values())
    return True


def _special(tagged: dict[str, Any]) -> Any:
    if "__ref__" in tagged:
        return _Code(str(tagged["__ref__"]))
    if "__rng__" in tagged:
        return _Code(f"np.random.default_rng({tagged['__rng__']})")
    args = ", ".join(_source(from_plain(a, _special)) for a in tagged.get("args", []))
    return _Code(f"{tagged.get('__fn__')}({args})" if args else str(tagged.get("__fn__")))


class _Code:
    """A piece of code standing for a value (a variable, a generator, a fixture)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


OPERATOR_SYMBOLS = {"add": "+", "sub": "-", "mul": "*", "truediv": "/", "pow": "**",
                    "matmul": "@"}


def case_code(steps: list[dict[str, Any]], namespace: dict[str, Any]) -> str:
    """The case as Python: small inputs inline, large ones named and summarised above the call."""
    preamble: list[str] = []
    lines: list[str] = []
    used = _referenced(steps)
    shown_before: dict[str, str] = {}  # a large input is summarised once, then named
    for step in steps:
        op = step.get("op")
        names = _parameter_names(namespace.get(step.get("fn", "")), step)
        args = [from_plain(a, _special) for a in step.get("args", [])]
        kwargs = {k: from_plain(v, _special) for k, v in step.get("kwargs", {}).items()}

        def show(name: str, v: Any) -> str:
            if isinstance(v, _Code) or _is_small(v):
                return _source(v) if not isinstance(v, _Code) else v.text
            key = _fingerprint(v)
            if key in shown_before:
                return shown_before[key]
            unique, n = name, 2
            while unique in shown_before.values():
                unique, n = f"{name}_{n}", n + 1
            shown_before[key] = unique
            preamble.append(f"{unique} = {value(v)}")
            return unique

        target = step.get("as")
        if op == "value" and target and not step.get("out") and args \
                and not isinstance(args[0], _Code):
            shown_value = _source(args[0]) if _is_small(args[0]) else value(args[0])
            lines.append(f"{target} = {shown_value}")
            continue
        rendered = [show(names[i] if i < len(names) else f"arg{i}", a)
                    for i, a in enumerate(args)]
        rendered += [f"{k}={show(k, v)}" for k, v in kwargs.items()]
        if op == "call":
            expr = f"{step['fn']}({', '.join(rendered)})"
        elif op == "method":
            expr = f"{step['obj']}.{step['name']}({', '.join(rendered)})"
        elif op == "attr":
            expr = f"{step['obj']}.{step['name']}"
        elif op == "item":
            expr = f"{step['obj']}[{from_plain(step['index'])!r}]"
        elif op == "operator":
            expr = (f"-{rendered[0]}" if step["fn"] == "neg"
                    else f" {OPERATOR_SYMBOLS[step['fn']]} ".join(rendered))
        elif op == "is":
            expr = f"{rendered[0]} is {rendered[1]}"
        else:
            expr = rendered[0] if rendered else ""
        shown = target and not step.get("out") and target in used
        lines.append(f"{target} = {expr}" if shown else expr)
    return "\n".join(preamble + _fold(lines))


def _fingerprint(v: Any) -> str:
    import hashlib
    digest = hashlib.sha1(repr(type(v)).encode())
    if isinstance(v, np.ndarray):
        digest.update(f"{v.dtype}{v.shape}".encode())
        digest.update(np.ascontiguousarray(v).tobytes())
    else:
        digest.update(repr(v).encode())
    return digest.hexdigest()


def _referenced(steps: list[dict[str, Any]]) -> set[str]:
    """Names some step uses (as an argument or as the object of a method or attribute)."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if "__ref__" in value:
                found.add(str(value["__ref__"]))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for step in steps:
        if step.get("obj"):
            found.add(str(step["obj"]))
        walk(step.get("args", []))
        walk(step.get("kwargs", {}))
    return found


def _fold(lines: list[str], keep: int = 14) -> list[str]:
    if len(lines) <= keep + 2:
        return lines
    return lines[:keep - 3] + [f"# … {len(lines) - keep} more steps …"] + lines[-3:]


def _parameter_names(fn: Callable[..., Any] | None, step: dict[str, Any]) -> list[str]:
    if fn is None:
        return []
    try:
        return [p for p in inspect.signature(fn).parameters if p != "self"]
    except (TypeError, ValueError):
        return []
