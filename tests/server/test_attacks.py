"""The course server's promises, attacked as a learner who wants the hidden cases would.

Each test is an attack that worked before the sandbox kept the hidden cases out of the learner's
process until the public ones had passed, and built their feedback from trusted words only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from mlkata.engine.runner import Checker
from mlkata.sandbox import Run, Sandbox
from mlkata.server.grading import Graded, Grader
from mlkata.server.library import ExerciseLibrary

from .conftest import TEST_CATALOG

HIDDEN_SEED = 4242


@pytest.fixture(scope="module")
def grader() -> Iterator[Grader]:
    made = Grader(ExerciseLibrary([TEST_CATALOG]))
    yield made
    made.close()


def _inputs(seed: int) -> set[int]:
    """Every integer that the doubling exercise's cases for ``seed`` pass to ``double``."""
    exercise = ExerciseLibrary([TEST_CATALOG]).current("doubling")[0]  # type: ignore[index]
    checker = Checker(seed=seed)
    try:
        return {step["args"][0] for prep in checker.prepare(exercise) for case in prep.cases
                for step in case.steps}
    finally:
        checker.close()


@pytest.fixture(scope="module")
def public() -> set[int]:
    return _inputs(0)


@pytest.fixture(scope="module")
def hidden(public: set[int]) -> set[int]:
    return _inputs(HIDDEN_SEED) - public


def _shown(graded: Graded) -> str:
    return json.dumps(graded.feedback)


def _leaked(graded: Graded, hidden: set[int]) -> set[int]:
    digits = {int(n) for n in re.findall(r"\d+", _shown(graded))}
    return digits & hidden


def _passing_on(public: set[int], then: str) -> str:
    """Right on every public input; on any other input, ``then`` (with ``x`` the input)."""
    return (f"PUBLIC = {sorted(public)!r}\n"
            "def double(x):\n"
            "    if x in PUBLIC:\n"
            "        return 2 * x\n"
            + "".join(f"    {line}\n" for line in then.splitlines()))


def test_hidden_cases_are_not_in_the_process_when_the_file_is_imported(grader, hidden):
    walker = (
        "import gc, sys\n"
        "found = set()\n"
        "def scan(v, depth=0):\n"
        "    if depth > 12: return\n"
        "    if isinstance(v, int) and not isinstance(v, bool) and 1000 <= v < 10**6:\n"
        "        found.add(v)\n"
        "    elif isinstance(v, dict):\n"
        "        for w in v.values(): scan(w, depth + 1)\n"
        "    elif isinstance(v, (list, tuple)):\n"
        "        for w in v: scan(w, depth + 1)\n"
        "frame = sys._getframe()\n"
        "while frame is not None:\n"
        "    for value in list(frame.f_locals.values()): scan(value)\n"
        "    frame = frame.f_back\n"
        "for obj in gc.get_objects():\n"
        "    if isinstance(obj, dict) and 'steps' in obj: scan(obj)\n"
        "print(sorted(found))\n"
        "raise ValueError(repr(sorted(found)))\n"
    )
    graded = grader.grade("doubling", walker, HIDDEN_SEED)
    assert graded.status == "error" and graded.stage == "public"
    assert not _leaked(graded, hidden), _shown(graded)


def test_a_hidden_case_never_shows_the_exception_type_the_learner_named(grader, public, hidden):
    attack = _passing_on(public, 'raise type(f"Leak{x}", (Exception,), {})(str(x))')
    graded = grader.grade("doubling", attack, HIDDEN_SEED)
    assert graded.stage == "hidden" and graded.status == "fail"
    assert "Leak" not in _shown(graded) and not _leaked(graded, hidden)


def test_a_hidden_case_never_shows_the_traceback_line_the_learner_wrote(grader, public, hidden):
    attack = _passing_on(public, (
        "import linecache\n"
        "linecache.cache[__file__] = (1, None, [f'LEAK {x}\\n'] * 50, __file__)\n"
        "raise ValueError"))
    graded = grader.grade("doubling", attack, HIDDEN_SEED)
    assert graded.stage == "hidden" and graded.status == "fail"
    assert "LEAK" not in _shown(graded) and not _leaked(graded, hidden)


def test_a_hidden_case_never_shows_what_the_learner_returned_or_printed(grader, public, hidden):
    for then in ('print(x)\nreturn f"LEAK {x}"', "import os\nos._exit(x % 256)",
                 "import os, signal\n"
                 "os.kill(os.getpid(), (signal.SIGTERM, signal.SIGUSR1)[x % 2])"):
        graded = grader.grade("doubling", _passing_on(public, then), HIDDEN_SEED)
        assert graded.stage == "hidden" and graded.status == "fail", then
        shown = _shown(graded)
        assert not _leaked(graded, hidden) and "LEAK" not in shown and "SIG" not in shown, shown
        assert "status" not in graded.feedback["tests"][1]["message"]


def test_the_harness_frames_hold_only_the_current_case(grader, hidden):
    """Walking up from the function under test finds no other case's input."""
    peek = (
        "import sys\n"
        "def scan(v, found, depth=0, step=False):\n"
        "    if depth > 12: return\n"
        "    if step and isinstance(v, int) and not isinstance(v, bool):\n"
        "        found.add(v)\n"
        "    elif isinstance(v, dict):\n"
        "        step = step or 'op' in v\n"
        "        for w in v.values(): scan(w, found, depth + 1, step)\n"
        "    elif isinstance(v, (list, tuple)):\n"
        "        for w in v: scan(w, found, depth + 1, step)\n"
        "def double(x):\n"
        "    found = set()\n"
        "    frame = sys._getframe(1)\n"
        "    while frame is not None:\n"
        "        for value in list(frame.f_locals.values()): scan(value, found)\n"
        "        frame = frame.f_back\n"
        "    return 2 * x if found <= {x} else -1\n"
    )
    graded = grader.grade("doubling", peek, HIDDEN_SEED)
    assert graded.status == "pass", _shown(graded)


def test_a_lookup_table_of_the_public_cases_fails_the_hidden_ones(grader, public):
    entries = ", ".join(f"{x}: {2 * x}" for x in sorted(public))
    table = f"TABLE = {{{entries}}}\ndef double(x):\n    return TABLE[x]\n"
    graded = grader.grade("doubling", table, HIDDEN_SEED)
    assert graded.stage == "hidden" and graded.status == "fail"


def test_hidden_cases_go_to_a_second_child_only_after_the_public_ones_pass(
        grader, public, hidden, monkeypatch):
    sent: list[set[int]] = []
    original = Sandbox.run

    def recording(self: Sandbox, request: dict[str, Any], *args: Any, **kwargs: Any) -> Run:
        sent.append({step["args"][0] for case in request["cases"] for step in case})
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(Sandbox, "run", recording)
    assert grader.grade("doubling", "def double(x):\n    return 3 * x\n", HIDDEN_SEED).stage \
        == "public"
    assert sent == [public]
    sent.clear()
    assert grader.grade("doubling", "def double(x):\n    return 2 * x\n", HIDDEN_SEED).status \
        == "pass"
    assert sent == [public, hidden]  # the second child gets only what the first did not run


@pytest.mark.parametrize("value", ["10 ** 400", "-(10 ** 400)", "2 ** 64", "[10 ** 400]"])
def test_numbers_too_large_for_the_checker_are_a_plain_fail(grader, value):
    graded = grader.grade("doubling", f"def double(x):\n    return {value}\n", HIDDEN_SEED)
    assert graded.status == "fail" and graded.stage == "public"
    failure = graded.feedback["tests"][0]
    assert failure["status"] == "fail" and failure["message"]


def test_a_forged_result_frame_is_a_plain_fail(grader):
    forged = (
        "import json, os\n"
        "def double(x):\n"
        "    bad = {'case': 0, 'outputs': [], 'step': 0,\n"
        "           'error': {'type': 5, 'message': [1], 'frames': [[1, 2, 3, 4]]}}\n"
        "    raw = json.dumps(bad).encode()\n"
        "    os.write(4, len(raw).to_bytes(4, 'big') + raw)\n"
        "    os._exit(0)\n"
    )
    graded = grader.grade("doubling", forged, HIDDEN_SEED)
    assert graded.status in ("fail", "error") and graded.stage == "public"
    assert "not valid data" in _shown(graded)


def test_a_checker_bug_is_an_error_verdict_at_once(grader, monkeypatch):
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("a bug in the checker")

    monkeypatch.setattr("mlkata.server.grading.check_together", broken)
    graded = grader.grade("doubling", "def double(x):\n    return 2 * x\n", HIDDEN_SEED)
    assert graded.status == "error" and "checker failed" in _shown(graded)
