"""Grade one submission with the core checker, in two passes.

1. The public cases (seed 0, the very cases of the learner's local ``mlkata check``), with full
   feedback.
2. If those pass, the hidden cases (the course's secret seed). A failure there names the check,
   its message and the diagnosis, but never the case: no input, expected or returned value, no
   printed output and no exception text (which the learner's code could fill with the input).

Learner code runs in sandbox children that cannot see the catalog (reference solutions, known
mistakes), the server's data folder, or other processes' ``/proc`` entries.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..engine.batch import check_together
from ..engine.exercise import ExerciseError
from ..engine.runner import Checker
from ..engine.verdict import Verdict
from ..sandbox import Limits, Sandbox
from .library import ExerciseLibrary

log = logging.getLogger("mlkata.server.grading")

PUBLIC_SEED = 0
HIDDEN_NOTE = "a hidden case: its input and values are not shown"
#: covered too when the OS allows it: command lines of the server's processes live there
PROC = "/proc"


class UnsafeSandbox(RuntimeError):
    """The sandbox cannot hide the reference solutions and the server's data here."""


@dataclass
class Graded:
    status: str  # "pass", "fail" or "error"
    stage: str  # "public" or "hidden": the pass that decided it
    feedback: dict[str, Any]
    checks_passed: int
    checks_total: int
    duration_ms: float


def sandbox_layers(sandbox: Sandbox) -> list[str]:
    """The walls around the sandbox's children, as a child itself reports them."""
    run = sandbox.run({"source": "", "filename": "probe.py", "cases": []}, Limits(time_s=10.0))
    for message in run.messages:
        if isinstance(message.get("layers"), list):
            return [str(layer) for layer in message["layers"]]
    return []


def open_sandbox(private: Sequence[str], allow_unhidden: bool) -> tuple[Sandbox, list[str]]:
    """A started sandbox whose children cannot see ``private`` (and ``/proc`` where the OS
    allows), proven by a probe child; refuses when nothing can be hidden."""
    layers: list[str] = []
    for hide in ([*private, PROC], list(private)):
        sandbox = Sandbox(hide=tuple(hide)).start()
        layers = sandbox_layers(sandbox)
        if "hidden" in layers:
            if PROC not in hide:
                log.warning("the sandbox cannot cover /proc here: learner code can read the "
                            "command lines of the server's processes (keep secrets out of them)")
            return sandbox, layers
        sandbox.close()
    if not allow_unhidden:
        raise UnsafeSandbox(
            "the sandbox cannot hide folders here (no mount namespace: layers "
            f"{', '.join(layers) or 'none'}), so learner code could read the reference "
            f"solutions in {', '.join(private)}. Run the worker where unprivileged user "
            "namespaces are allowed (or as root), or pass --allow-unhidden if you trust "
            "every learner.")
    log.warning("grading WITHOUT hidden folders (--allow-unhidden): learner code can read the "
                "reference solutions and the server's data")
    return Sandbox().start(), layers


class Grader:
    """One per worker process: a warm sandbox, and a checker per seed sharing it."""

    def __init__(self, library: ExerciseLibrary, private: Sequence[str],
                 allow_unhidden: bool = False) -> None:
        self.library = library
        self.sandbox, self.layers = open_sandbox(private, allow_unhidden)
        self._checkers: dict[int, Checker] = {}

    @property
    def hide(self) -> tuple[str, ...]:
        return self.sandbox.hide

    def close(self) -> None:
        self.sandbox.close()

    def _checker(self, seed: int) -> Checker:
        if seed not in self._checkers:
            self._checkers[seed] = Checker(self.sandbox, seed=seed, batch=True, hide=self.hide)
        return self._checkers[seed]

    def grade(self, exercise_id: str, code: str, hidden_seed: int) -> Graded:
        started = time.perf_counter()
        found = self.library.current(exercise_id)
        if found is None:
            return _broken(exercise_id, f"this server has no exercise {exercise_id!r}", started)
        exercise, changed = found
        if changed:  # the folder was edited: cases prepared from the old version are stale
            self._checkers.clear()
        filename = f"{exercise.id}.py"
        try:
            # both seeds in one sandbox child, stopped as soon as the verdict is settled: a
            # fork saved on every right submission, the rest of the run on every wrong one
            public, hidden = check_together(
                [self._checker(PUBLIC_SEED), self._checker(hidden_seed)], exercise, code,
                filename, decisive=True)
            assert public is not None
            if hidden is None:
                return _graded(public, "public", public.to_json(), started)
        except ExerciseError as exc:
            log.exception("exercise %s cannot be checked", exercise_id)
            return _broken(exercise_id, f"the exercise cannot be checked: {exc}", started)
        if hidden.passed:
            return _graded(hidden, "hidden", public.to_json(), started)
        return _graded(hidden, "hidden", conceal(hidden), started)


def _graded(verdict: Verdict, stage: str, feedback: dict[str, Any], started: float) -> Graded:
    feedback = {**feedback, "stage": stage}
    return Graded(verdict.status, stage, feedback,
                  checks_passed=sum(c.status == "pass" for c in verdict.checks),
                  checks_total=len(verdict.checks),
                  duration_ms=round((time.perf_counter() - started) * 1000, 2))


def _broken(exercise_id: str, why: str, started: float) -> Graded:
    message = f"Not graded: {why}. This is not about your code; your teacher can re-grade it."
    verdict = Verdict(exercise_id, "error", [], message=message)
    return _graded(verdict, "public", verdict.to_json(), started)


NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])")


def mask_numbers(text: str) -> str:
    return NUMBER.sub("…", text)


def conceal(verdict: Verdict) -> dict[str, Any]:
    """The verdict of the hidden cases, as a learner may see it.

    Numbers in a failure's sentence and in a computed diagnosis are masked too: they are
    derived from the hidden values (a ratio, an entry, a shape the learner's code chose), so a
    learner could otherwise read the hidden inputs out of them one submission at a time.
    """
    shown = verdict.to_json()
    shown["concealed"] = True
    if verdict.status == "error" and verdict.message:
        shown["message"] = "Your file does not run on the hidden cases."
    for test in shown["tests"]:
        if test["status"] == "fail":
            test["note"] = HIDDEN_NOTE
            test["message"] = mask_numbers(str(test["message"]))
        elif test["status"] == "error":
            test["note"] = HIDDEN_NOTE
            if test["traceback"] is not None:  # the learner's own exception: its text is theirs
                kind = str(test["message"]).split(":", 1)[0]
                test["message"] = f"{kind} (its message is not shown for hidden cases)"
        diagnosis = test.get("diagnosis")
        if diagnosis and not diagnosis.get("known"):
            test["diagnosis"] = {**diagnosis, "message": mask_numbers(str(diagnosis["message"]))}
        for key in ("case", "expected", "got", "max_abs_diff", "max_rel_diff", "where",
                    "output"):
            test[key] = None
    return shown
