"""Grading a file on several seeds (what a course server's worker does): public, then hidden.

A case the checkers share runs once; results are judged as they stream in, and a child is
stopped as soon as its verdicts are settled. With ``decisive`` each checker is a stage of its
own, in a child of its own, started only once every earlier stage has passed: the hidden cases
never reach a process that has not already passed the public ones, and a case shared with an
earlier stage is judged from the result it got there.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from ..sandbox import Limits, Run
from .exercise import Exercise
from .runner import Checker, Prepared, request_for
from .verdict import CheckResult, Verdict

#: (checker, check, case) a case sent to a child stands for
Owner = tuple[int, int, int]


def check_together(checkers: list[Checker], exercise: Exercise, source: str, filename: str,
                   decisive: bool = False) -> list[Verdict | None]:
    """One verdict per checker (say, public and hidden seeds).

    Without ``decisive``, every case of every checker runs in one fresh child. With it, each
    checker runs in its own child after the earlier ones, and only if they all passed (None
    for a checker not judged). The whole submission shares one time budget, the sum of its
    checks' limits: the later stages get what the earlier ones left. The checkers must share a
    sandbox.
    """
    started = time.perf_counter()
    sandbox = checkers[0].sandbox
    if any(c.sandbox is not sandbox for c in checkers):
        raise ValueError("checkers judged together must share a sandbox")
    prepared = [c.prepare(exercise) for c in checkers]
    budget = sum(p.check.time_s or exercise.limits.time_s for preps in prepared for p in preps)
    deadline = time.monotonic() + budget
    settling = _Settling(exercise, checkers, prepared)
    answers: dict[str, dict[str, Any]] = {}  # a case's key → the message it got
    runs: dict[int, Run] = {}
    stages = [[k] for k in range(len(checkers))] if decisive else [list(range(len(checkers)))]
    for stage in stages:
        if decisive and any(settling.state(k) != "pass" for k in runs):
            break
        limits = Limits(time_s=max(deadline - time.monotonic(), 0.5),
                        memory_mb=exercise.limits.memory_mb)
        run = _run_stage(settling, stage, answers, source, filename, limits, decisive)
        for k in stage:
            runs[k] = run
    verdicts: list[Verdict | None] = []
    for k, (checker, preps) in enumerate(zip(checkers, prepared, strict=True)):
        if k not in runs or (decisive and any(v is None or not v.passed for v in verdicts)):
            verdicts.append(None)
            continue
        verdicts.append(checker.verdict_from(exercise, preps, source, filename,
                                             _share(runs[k], answers, preps), started,
                                             settling.judged[k]))
    return verdicts


def _run_stage(settling: _Settling, stage: list[int], answers: dict[str, dict[str, Any]],
               source: str, filename: str, limits: Limits, decisive: bool) -> Run:
    """Run the stage's cases not answered yet in one child, judging as results arrive."""
    cases: list[list[dict[str, Any]]] = []
    keys: list[str] = []
    where: list[list[Owner]] = []
    earlier: list[tuple[Owner, dict[str, Any]]] = []
    index_of: dict[str, int] = {}
    for k in stage:
        for p, prep in enumerate(settling.prepared[k]):
            for i, key in enumerate(prep.keys):
                if key in answers:
                    earlier.append(((k, p, i), answers[key]))
                    continue
                j = index_of.setdefault(key, len(cases))
                if j == len(cases):
                    cases.append(prep.cases[i].steps)
                    keys.append(key)
                    where.append([])
                where[j].append((k, p, i))
    request = {**request_for(settling.exercise, source, filename), "cases": cases}
    sandbox = settling.checkers[stage[0]].sandbox
    for attempt in range(2):  # once more on a fresh zygote before blaming the learner
        settling.reset(stage)
        for owner, message in earlier:
            settling.judge(owner, message)
        run = sandbox.run(request, limits, until=_Until(settling, stage, where, decisive))
        if not run.sandbox_lost or attempt:
            break
    for message in run.messages:
        index = message.get("case")
        if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(keys):
            answers.setdefault(keys[index], message)
    return run


def _share(run: Run, answers: dict[str, dict[str, Any]], preps: list[Prepared]) -> Run:
    """A checker's view of the runs: its stage's fate and messages about the file, and the
    answer to each of its cases (from whichever stage ran it), numbered as its own."""
    messages = [m for m in run.messages if "case" not in m]
    offset = 0
    for prep in preps:
        for i, key in enumerate(prep.keys):
            if key in answers:
                messages.append({**answers[key], "case": offset + i})
        offset += len(prep.cases)
    return replace(run, messages=messages)


class _Until:
    """Sees a stage's messages as they arrive; True once the stage's verdicts are settled."""

    def __init__(self, settling: _Settling, stage: list[int], where: list[list[Owner]],
                 decisive: bool) -> None:
        self.settling, self.stage, self.where, self.decisive = settling, stage, where, decisive

    def __call__(self, message: dict[str, Any]) -> bool:
        if "import_error" in message:
            return True
        j = message.get("case")
        if isinstance(j, bool) or not isinstance(j, int) or not 0 <= j < len(self.where):
            return False
        for owner in self.where[j]:
            self.settling.judge(owner, message)
        states = [self.settling.state(k) for k in self.stage]
        if "open" in states:
            return self.decisive and "fail" in states[:states.index("open")]
        return "fail" in states


class _Settling:
    """Each checker's cases judged so far, and what that settles."""

    def __init__(self, exercise: Exercise, checkers: list[Checker],
                 prepared: list[list[Prepared]]) -> None:
        self.exercise, self.checkers, self.prepared = exercise, checkers, prepared
        self.judged: list[list[dict[int, CheckResult | None]]] = [
            [{} for _ in preps] for preps in prepared]
        self.failed = [[False for _ in preps] for preps in prepared]

    def reset(self, stage: list[int]) -> None:
        for k in stage:
            self.judged[k] = [{} for _ in self.prepared[k]]
            self.failed[k] = [False for _ in self.prepared[k]]

    def judge(self, owner: Owner, message: dict[str, Any]) -> None:
        k, p, i = owner
        judged = self.judged[k][p]
        if i not in judged:  # the first message for a case is the one judged
            judged[i] = self.checkers[k].judge_case(self.exercise, self.prepared[k][p], i,
                                                    message)
            self.failed[k][p] |= judged[i] is not None

    def state(self, k: int) -> str:
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
