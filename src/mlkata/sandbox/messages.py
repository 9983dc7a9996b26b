"""What the checker accepts from a learner's process: each message checked against its form.

The child's harness shares its process with the learner's code, so any byte of its stream may be
forged. A message of the wrong form is a protocol error (the check fails, naming it), never an
exception in the checker; the values inside outputs are decoded later by
:func:`mlkata.sandbox.wire.from_plain`, which validates them in turn.
"""

from __future__ import annotations

from typing import Any

MAX_TEXT = 4000
NOT_DATA = "a message from your process was not valid data"


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -2**31 <= value < 2**31


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def _frame(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 4 and _text(value[0]) and _int(value[1])
            and _text(value[2]) and _text(value[3]))


def _error(value: Any) -> bool:
    if not (isinstance(value, dict) and _text(value.get("type")) and _text(value.get("message"))
            and isinstance(value.get("frames"), list) and len(value["frames"]) <= 64
            and all(map(_frame, value["frames"]))):
        return False
    syntax = value.get("syntax")
    return syntax is None or (isinstance(syntax, list) and len(syntax) == 3
                              and all(v is None or _int(v) for v in syntax[:2])
                              and _text(syntax[2]))


def _warning(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 4 and all(map(_text, value[:3]))
            and _int(value[3]))


def _case(message: dict[str, Any]) -> bool:
    outputs, warnings = message.get("outputs"), message.get("warnings", [])
    if not (_int(message["case"]) and message["case"] >= 0 and isinstance(outputs, list)
            and all(isinstance(o, list) and len(o) == 2 and _text(o[0]) for o in outputs)
            and isinstance(warnings, list) and len(warnings) <= 16
            and all(map(_warning, warnings))
            and isinstance(message.get("global_random", False), bool)):
        return False
    if "error" in message and not (_error(message["error"]) and _int(message.get("step"))):
        return False
    seconds = message.get("step_s", [])
    return isinstance(seconds, list) and all(
        isinstance(t, int | float) and not isinstance(t, bool) for t in seconds)


def invalid(message: Any) -> str | None:
    """Why ``message`` is not one the harness sends (None when it is well-formed)."""
    if not isinstance(message, dict):
        return NOT_DATA
    if "case" in message:
        return None if _case(message) else NOT_DATA
    if "layers" in message:
        layers = message["layers"]
        return None if isinstance(layers, list) and all(map(_text, layers)) else NOT_DATA
    if "import_error" in message:
        return None if _error(message["import_error"]) else NOT_DATA
    if message in ({"imported": True}, {"done": True}):
        return None
    return NOT_DATA
