"""Grade one submission with the core checker, in two passes.

1. The public cases (seed 0, the very cases of the learner's local ``mlkata check``), with full
   feedback.
2. If those pass, the hidden cases (the course's secret seed). A failure there names the check,
   its message and the diagnosis, but never the case: no input, expected or returned value, no
   printed output and no exception text (which the learner's code could fill with the input).

The two passes run in two sandbox children, one after the other: the hidden cases reach a child
only once the public ones have passed, and the learner's process sees nothing but the minimal
root of :mod:`mlkata.sandbox.isolation` (no catalog, no data folder, no ``/proc``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..engine.batch import check_together
from ..engine.conceal import conceal
from ..engine.exercise import ExerciseError
from ..engine.runner import Checker
from ..engine.verdict import Verdict
from ..sandbox import Limits, Sandbox
from .library import ExerciseLibrary

log = logging.getLogger("mlkata.server.grading")

PUBLIC_SEED = 0


class UnsafeSandbox(RuntimeError):
    """The sandbox cannot keep the machine's files out of the learner's sight here."""


@dataclass
class Graded:
    status: str  # "pass", "fail" or "error"
    stage: str  # "public" or "hidden": the pass that decided it
    feedback: dict[str, Any]
    checks_passed: int
    checks_total: int
    duration_ms: float


def open_sandbox(allow_unhidden: bool, packages: Sequence[str] = ()
                 ) -> tuple[Sandbox, list[str]]:
    """A started sandbox whose children see only the minimal root, proven by a probe child;
    refuses when the OS cannot build that root (unless ``allow_unhidden``)."""
    sandbox = Sandbox(packages=tuple(packages)).start()
    layers = child_layers(sandbox)
    if "root" in layers:
        return sandbox, layers
    if not allow_unhidden:
        sandbox.close()
        raise UnsafeSandbox(
            "the sandbox cannot build its minimal root here (no mount namespace: layers "
            f"{', '.join(layers) or 'none'}), so learner code could read the reference "
            "solutions and the server's data. Run the worker where unprivileged user "
            "namespaces are allowed (or as root), or pass --allow-unhidden if you trust "
            "every learner.")
    log.warning("grading WITHOUT the sandbox's minimal root (--allow-unhidden): learner code "
                "can read the machine's files, the reference solutions among them")
    return sandbox, layers


def child_layers(sandbox: Sandbox) -> list[str]:
    """The walls around the sandbox's children, as a child itself reports them."""
    run = sandbox.run({"source": "", "filename": "probe.py", "cases": []}, Limits(time_s=10.0))
    for message in run.messages:
        if isinstance(message.get("layers"), list):
            return [str(layer) for layer in message["layers"]]
    return []


class Grader:
    """One per worker process: a warm sandbox, and a checker per seed sharing it."""

    def __init__(self, library: ExerciseLibrary, allow_unhidden: bool = False) -> None:
        self.library = library
        packages = sorted({p for e in library.catalog.exercises for p in e.packages})
        self.sandbox, self.layers = open_sandbox(allow_unhidden, packages)
        self._checkers: dict[int, Checker] = {}

    def close(self) -> None:
        self.sandbox.close()

    def _checker(self, seed: int) -> Checker:
        if seed not in self._checkers:
            self._checkers[seed] = Checker(self.sandbox, seed=seed, batch=True)
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
            # public, then hidden, each in a child of its own, stopped as soon as its verdict
            # is settled; the hidden child runs only the cases the public one did not
            public, hidden = check_together(
                [self._checker(PUBLIC_SEED), self._checker(hidden_seed)], exercise, code,
                filename, decisive=True)
            assert public is not None
            if hidden is None:
                return _graded(public, "public", public.to_json(), started)
        except ExerciseError as exc:
            log.exception("exercise %s cannot be checked", exercise_id)
            return _broken(exercise_id, f"the exercise cannot be checked: {exc}", started)
        except Exception:  # the checker's own bug: a verdict now, not a retry as a dead worker
            log.exception("the checker failed on a submission to %s", exercise_id)
            return _broken(exercise_id, "the checker failed on this submission (a bug in "
                           "mlkata, logged for your teacher)", started)
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
