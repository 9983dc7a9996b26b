"""Grading a file on several seeds in one sandbox child (what a course server's worker does).

Every case of every checker is sent at once, a case the checkers share only once; results are
judged as they stream in, and the child is stopped as soon as the verdicts are settled.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from ..sandbox import Limits, Run
from .exercise import Exercise
from .runner import Checker, Prepared, request_for
from .verdict import CheckResult, Verdict


def check_together(checkers: list[Checker], exercise: Exercise, source: str, filename: str,
                   decisive: bool = False) -> list[Verdict | None]:
    """One verdict per checker (say, public and hidden seeds) from a single sandbox child.

    For graders: every case of every checker runs in one fresh child, judged as it arrives, and
    the child is stopped as soon as the verdicts are settled (a failing layer ends a verdict).
    With ``decisive``, a checker is judged only if every earlier one passed (None otherwise),
    so a file failing the first checker never runs the others' cases to the end. The checkers
    must share a sandbox.
    """
    started = time.perf_counter()
    sandbox = checkers[0].sandbox
    if any(c.sandbox is not sandbox for c in checkers):
        raise ValueError("checkers judged together must share a sandbox")
    prepared = [c.prepare(exercise) for c in checkers]
    # a case that several checkers share (most seeds leave the worked examples alone) runs
    # once: where[j] lists every (checker, check, case) that the j-th case sent stands for
    cases: list[list[dict[str, Any]]] = []
    where: list[list[tuple[int, int, int]]] = []
    first_sent: dict[str, int] = {}
    for k, preps in enumerate(prepared):
        for p, prep in enumerate(preps):
            for i, key in enumerate(prep.keys):
                j = first_sent.setdefault(key, len(cases))
                if j == len(cases):
                    cases.append(prep.cases[i].steps)
                    where.append([])
                where[j].append((k, p, i))
    total = sum(p.check.time_s or exercise.limits.time_s for preps in prepared for p in preps)
    request = {**request_for(exercise, source, filename), "cases": cases}
    limits = Limits(time_s=total, memory_mb=exercise.limits.memory_mb)
    settling = _Settling(exercise, checkers, prepared, where, decisive)
    run = sandbox.run(request, limits, until=settling)
    if run.sandbox_lost:  # once more on a fresh zygote before blaming the learner
        settling = _Settling(exercise, checkers, prepared, where, decisive)
        run = sandbox.run(request, limits, until=settling)
    verdicts: list[Verdict | None] = []
    for k, (checker, preps) in enumerate(zip(checkers, prepared, strict=True)):
        if decisive and any(v is None or not v.passed for v in verdicts):
            verdicts.append(None)
            continue
        verdicts.append(checker.verdict_from(exercise, preps, source, filename,
                                             _share(run, where, k, preps), started,
                                             settling.judged[k]))
    return verdicts


def _share(run: Run, where: list[list[tuple[int, int, int]]], k: int,
           preps: list[Prepared]) -> Run:
    """The part of a batch run that belongs to the k-th checker, its cases numbered as its
    own."""
    offsets, offset = [], 0
    for prep in preps:
        offsets.append(offset)
        offset += len(prep.cases)
    messages = []
    for message in run.messages:
        index = message.get("case")
        if isinstance(index, bool) or not isinstance(index, int):
            messages.append(message)
        elif 0 <= index < len(where):
            messages += [{**message, "case": offsets[p] + i}
                         for owner, p, i in where[index] if owner == k]
    return replace(run, messages=messages)


class _Settling:
    """Judges a batch run's cases as their messages arrive, and says when the child may be
    stopped: once a checker has failed a layer (every check of that layer judged) and, with
    ``decisive``, before the later checkers, or once every checker is settled with a failure."""

    def __init__(self, exercise: Exercise, checkers: list[Checker],
                 prepared: list[list[Prepared]], where: list[list[tuple[int, int, int]]],
                 decisive: bool) -> None:
        self.exercise, self.checkers, self.prepared = exercise, checkers, prepared
        self.where, self.decisive = where, decisive
        self.judged: list[list[dict[int, CheckResult | None]]] = [
            [{} for _ in preps] for preps in prepared]
        self.failed = [[False for _ in preps] for preps in prepared]

    def __call__(self, message: dict[str, Any]) -> bool:
        if "import_error" in message:
            return True
        index = message.get("case")
        if isinstance(index, bool) or not isinstance(index, int) \
                or not 0 <= index < len(self.where):
            return False
        for k, p, i in self.where[index]:
            judged = self.judged[k][p]
            if i not in judged:  # the first message for a case is the one judged
                judged[i] = self.checkers[k].judge_case(self.exercise, self.prepared[k][p],
                                                        i, message)
                self.failed[k][p] |= judged[i] is not None
        return self._stop()

    def _state(self, k: int) -> str:
        """"pass", "fail" or "open" (its verdict still depends on cases not yet in)."""
        failed_layer: str | None = None
        for prep, judged, failed in zip(self.prepared[k], self.judged[k], self.failed[k],
                                        strict=True):
            if failed_layer is not None and prep.check.layer != failed_layer:
                break
            if failed:
                failed_layer = failed_layer or prep.check.layer
            elif len(judged) < len(prep.cases):
                return "open"
        return "pass" if failed_layer is None else "fail"

    def _stop(self) -> bool:
        failed = False
        for k in range(len(self.prepared)):
            state = self._state(k)
            if state == "open":
                return False
            if state == "fail":
                if self.decisive:
                    return True
                failed = True
        return failed
