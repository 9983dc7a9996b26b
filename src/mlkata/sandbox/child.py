"""What runs inside the learner's process: import their file, run the cases, report plain data.

Everything this module sends is untrusted by the time it arrives: the learner's code shares this
process and may have tampered with it. The checker therefore treats each message as data to
validate and judge, never as a verdict.
"""

from __future__ import annotations

import ctypes
import json
import linecache
import os
import random
import sys
import traceback
import types
import warnings
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import numpy as np

from .framing import frame, read_frame
from .script import Interpreter
from .wire import to_plain

LEARNER_MODULE = "learner_submission"
MAX_FRAMES = 12
MAX_WARNINGS = 5


def _send(out: BinaryIO, message: dict[str, Any]) -> None:
    out.write(frame(json.dumps(message, allow_nan=True, separators=(",", ":")).encode()))
    out.flush()


def describe_exception(exc: BaseException, filename: str) -> dict[str, Any]:
    """The learner-facing account of an exception: type, message, their own frames only."""
    frames = [
        [f.filename, f.lineno, f.name, (f.line or "").strip()]
        for f in traceback.extract_tb(exc.__traceback__)
        if f.filename == filename
    ][-MAX_FRAMES:]
    described: dict[str, Any] = {
        "type": type(exc).__name__,
        "message": str(exc)[:2000],
        "frames": frames,
    }
    if isinstance(exc, SyntaxError):
        described["syntax"] = [exc.lineno, exc.offset, (exc.text or "").rstrip("\n")]
    return described


def _warnings(caught: list[warnings.WarningMessage], filename: str) -> list[list[Any]]:
    mine = [w for w in caught if w.filename == filename] or caught
    return [[w.category.__name__, str(w.message)[:300], w.filename, w.lineno]
            for w in mine[:MAX_WARNINGS]]


def _fresh_randomness() -> None:
    # A forked child inherits its parent's random state; reseed so that code which relies on
    # global state instead of the rng it is given changes from run to run, and shows.
    seed = int.from_bytes(os.urandom(4), "little")
    np.random.seed(seed)
    random.seed(seed)


def _numpy_position_slow() -> tuple[int, int]:
    state: Any = np.random.get_state(legacy=True)
    return int(state[2]), int(state[1][0])


def _numpy_position_reader() -> Callable[[], tuple[int, int]]:
    """Where numpy's global MT19937 is (position, first key word), read straight from its C
    state: get_state copies the whole key, tens of microseconds per case. Used only when it
    agrees with get_state here, so another numpy's layout falls back to the slow way."""
    try:
        generator = np.random.mtrand._rand._bit_generator
        address = generator.ctypes.state_address
        key0 = ctypes.c_uint32.from_address(address)
        pos = ctypes.c_int.from_address(address + 624 * 4)

        def read(_alive: Any = generator) -> tuple[int, int]:
            # the default argument keeps the generator (and so the memory read) alive even if
            # learner code replaces numpy's global one
            return pos.value, key0.value

        if read() == _numpy_position_slow():
            return read
    except (AttributeError, TypeError, ValueError):
        pass
    return _numpy_position_slow


def _global_random_position(numpy_position: Callable[[], tuple[int, int]]
                            ) -> tuple[Any, ...]:
    """Where numpy's and Python's global generators are: a change means code used them."""
    return (*numpy_position(), random.getstate()[1][-1])


def _receive(fd: int) -> Any:
    raw = read_frame(fd)
    return None if raw is None else json.loads(raw)


def _cases(fd: int) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """The cases, one at a time, as the checker sends them: the next is not here yet while
    the learner's code runs on the current one."""
    while (message := _receive(fd)) is not None:
        yield message["case"], message["steps"]


def run(requests: int, results: int, layers: list[str]) -> None:
    """Import the learner's file first, then run the cases as they arrive on ``requests``,
    each result sent on ``results`` as soon as it is known."""
    out = open(results, "wb", closefd=False)  # noqa: SIM115 (lives as long as the process)
    _fresh_randomness()
    _send(out, {"layers": layers})
    preamble = _receive(requests)
    if not isinstance(preamble, dict):
        return
    filename = preamble["filename"]
    source = preamble["source"]
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    module = types.ModuleType(LEARNER_MODULE)
    module.__file__ = filename
    sys.modules[LEARNER_MODULE] = module
    fixtures: dict[str, Any] = {}
    if preamble.get("fixtures_source"):
        exec(compile(preamble["fixtures_source"], preamble["fixtures_filename"], "exec"),
             fixtures)
    del preamble

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(compile(source, filename, "exec"), module.__dict__)
        except BaseException as exc:  # the learner's file may raise anything, SystemExit too
            _send(out, {"import_error": describe_exception(exc, filename)})
            return
    del source
    _send(out, {"imported": True})

    numpy_position = _numpy_position_reader()
    position = _global_random_position(numpy_position)
    for index, steps in _cases(requests):
        interpreter = Interpreter(module.__dict__, fixtures)
        before = position
        outputs: list[list[Any]] = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                for label, value in interpreter.run(steps):
                    outputs.append([label, to_plain(value)])
            except BaseException as exc:
                position = _global_random_position(numpy_position)
                _send(out, {"case": index, "outputs": outputs, "step": interpreter.step,
                            "error": describe_exception(exc, filename),
                            "warnings": _warnings(caught, filename),
                            "global_random": position != before})
                continue
        position = _global_random_position(numpy_position)
        _send(out, {"case": index, "outputs": outputs, "warnings": _warnings(caught, filename),
                    "step_s": [round(t, 6) for t in interpreter.seconds],
                    "global_random": position != before})
    _send(out, {"done": True})
