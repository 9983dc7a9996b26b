"""Judge a learner's file against an exercise: prepare cases, run them in the sandbox, compare.

The reference solution, the known mistakes and every comparison run here, in the trusted
process; the learner's code runs only in sandbox children, which send back plain data.
"""

from __future__ import annotations

import hashlib
import json
import signal
import time
import warnings
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ..sandbox import Limits, Run, Sandbox
from ..sandbox.script import Interpreter
from ..sandbox.wire import WireError, from_plain, to_plain
from . import describe
from .compare import Mismatch, compare, mismatch_summary
from .conceal import mask_numbers
from .diagnose import Diagnosis, recognise, recognise_error
from .exercise import Exercise, ExerciseError, Mistake
from .kit import LAYERS, Case, Check, Finding
from .verdict import CheckResult, Verdict

MISSING = object()
GLOBAL_RANDOM = Diagnosis("global-random-state", "Your code draws from numpy's (or Python's) "
                          "global random generator: use the `rng` it is given, e.g. "
                          "rng.choice(...), rng.permutation(...), never np.random.*.")


@dataclass(frozen=True)
class MistakeRaised:
    type_name: str
    message: str


MistakeRun = dict[str, Any] | MistakeRaised


@dataclass
class Prepared:
    check: Check
    cases: list[Case]
    expected: list[dict[str, Any] | None]
    #: each case's steps as canonical JSON: cases with equal keys are the same run
    keys: list[str]
    #: what each known mistake does on each case, computed when first needed: a grader meets
    #: the same mistakes over and over
    mistake_runs: dict[int, dict[str, MistakeRun]] = field(default_factory=dict)


def _roundtrip(value: Any) -> Any:
    return from_plain(to_plain(value))


def run_trusted(namespace: dict[str, Any], fixtures: dict[str, Any], case: Case
                ) -> dict[str, Any]:
    """Run a case on trusted code (the reference or a known mistake) in this process."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        interpreter = Interpreter(namespace, fixtures)
        return {label: _roundtrip(v) for label, v in interpreter.run(case.steps)}


def case_key(case: Case) -> str:
    """A case's steps as canonical JSON: equal keys, the same run."""
    return json.dumps(case.steps, sort_keys=True)


def seed_dependence(exercise: Exercise, public: int = 0, other: int = 1) -> tuple[int, int]:
    """How many of the cases drawn for ``other`` differ from every case of ``public``, of all:
    a course server's hidden cases are only as hidden as this."""
    keys = {seed: [case_key(c) for chk in exercise.checks for c in chk.cases(check_seed(seed, chk))]
            for seed in (public, other)}
    seen = set(keys[public])
    return sum(key not in seen for key in keys[other]), len(keys[other])


def check_seed(seed: int, check: Check) -> np.random.Generator:
    digest = hashlib.sha256(f"{seed}:{check.name}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


class Checker:
    """Checks files against exercises; keep one alive to reuse its warm sandbox and cases."""

    def __init__(self, sandbox: Sandbox | None = None, seed: int = 0, batch: bool = False
                 ) -> None:
        """``batch`` runs all checks of a file in one child (for graders, where throughput
        counts)."""
        self.sandbox = sandbox or Sandbox()
        self.seed = seed
        self.batch = batch
        self._prepared: dict[tuple[str, int], list[Prepared]] = {}

    def close(self) -> None:
        self.sandbox.close()

    def prepare(self, exercise: Exercise) -> list[Prepared]:
        key = (exercise.id, self.seed)
        if key not in self._prepared:
            fixtures = exercise.fixtures[0] if exercise.fixtures else {}
            order = {layer: i for i, layer in enumerate(LAYERS)}
            prepared = []
            for chk in sorted(exercise.checks, key=lambda c: order[c.layer]):
                cases = chk.cases(check_seed(self.seed, chk))
                expected: list[dict[str, Any] | None] = []
                for case in cases:
                    if not case.against_reference:
                        expected.append(None)
                        continue
                    try:
                        expected.append(run_trusted(exercise.reference, fixtures, case))
                    except Exception as exc:
                        raise ExerciseError(
                            f"{exercise.id}: the reference fails check {chk.name!r}: "
                            f"{type(exc).__name__}: {exc}") from exc
                prepared.append(Prepared(chk, cases, expected, [case_key(c) for c in cases]))
            self._prepared[key] = prepared
        return self._prepared[key]

    def check(self, exercise: Exercise, source: str, filename: str) -> Verdict:
        if self.batch:
            from .batch import check_together  # it builds on this module
            verdict = check_together([self], exercise, source, filename)[0]
            assert verdict is not None  # only a decisive batch leaves verdicts out
            return verdict
        return self.verdict_from(exercise, self.prepare(exercise), source, filename, None,
                                 time.perf_counter())

    def verdict_from(self, exercise: Exercise, prepared: list[Prepared], source: str,
                     filename: str, batch_run: Run | None, started: float,
                     judged: list[dict[int, CheckResult | None]] | None = None) -> Verdict:
        """Judge check by check, layer by layer: from one batch run (whose cases may have been
        judged as they arrived), or a child per check."""
        base_request = request_for(exercise, source, filename)
        results: list[CheckResult] = []
        failed_layer: str | None = None
        offset = 0
        for p, prep in enumerate(prepared):
            first, offset = offset, offset + len(prep.cases)
            if failed_layer is not None and prep.check.layer != failed_layer:
                results.append(CheckResult(prep.check.name, prep.check.layer, "skip"))
                continue
            limits = exercise.limits
            if prep.check.time_s:
                limits = Limits(time_s=prep.check.time_s, memory_mb=limits.memory_mb)
            t0 = time.perf_counter()
            if batch_run is not None:
                run = _slice(batch_run, first, len(prep.cases))
            else:
                request = {**base_request, "cases": [c.steps for c in prep.cases]}
                run = self.sandbox.run(request, limits)
                if run.sandbox_lost:  # once more on a fresh zygote before blaming the learner
                    run = self.sandbox.run(request, limits)
            import_error = next((m["import_error"] for m in run.messages
                                 if isinstance(m.get("import_error"), dict)), None)
            if import_error is not None:
                return self._unimportable(exercise, import_error, run, started)
            result = self._judge(exercise, prep, run, limits, judged[p] if judged else None)
            result.duration_ms = round((time.perf_counter() - t0) * 1000, 2)
            results.append(result)
            if result.status != "pass":
                failed_layer = prep.check.layer
        status = "pass" if all(r.status == "pass" for r in results) else "fail"
        return Verdict(exercise.id, status, results,
                       duration_s=time.perf_counter() - started)

    def _unimportable(self, exercise: Exercise, error: dict[str, Any], run: Run,
                      started: float) -> Verdict:
        syntax = error.get("syntax")
        where = f" (line {syntax[0]})" if isinstance(syntax, list) and syntax else ""
        message = (f"Your file does not run: {error.get('type')}: {error.get('message')}"
                   f"{where}")
        result = CheckResult("the file imports", "contract", "error", message=message,
                             traceback=_frames(error), output=run.stdout or None,
                             summary="your file does not run")
        return Verdict(exercise.id, "error", [result], message=message,
                       duration_s=time.perf_counter() - started)

    def _judge(self, exercise: Exercise, prep: Prepared, run: Run, limits: Limits,
               judged: dict[int, CheckResult | None] | None = None) -> CheckResult:
        """A check's result from its cases' messages; ``judged`` holds cases judged already
        (as their messages arrived), None for a pass."""
        by_case: dict[int, dict[str, Any]] = {}
        for sent in run.messages:
            index = sent.get("case")
            if isinstance(index, int) and not isinstance(index, bool):
                by_case.setdefault(index, sent)
        for i in range(len(prep.cases)):
            message = by_case.get(i)
            if message is None:
                text, summary = _fate(run, limits)
                return CheckResult(status="error", message=text, summary=summary,
                                   **self._fields(exercise, prep, i, run.stdout))
            if judged is not None and i in judged:
                outcome = judged[i]
            else:
                outcome = self.judge_case(exercise, prep, i, message)
            if outcome is not None:
                outcome.output = run.stdout or None
                return outcome
        return CheckResult(prep.check.name, prep.check.layer, "pass")

    @staticmethod
    def _fields(exercise: Exercise, prep: Prepared, i: int, output: str = ""
                ) -> dict[str, Any]:
        # the case is rendered as code only when it fails: most pass, and a grader judges
        # thousands
        case = prep.cases[i]
        return dict(name=prep.check.name, layer=prep.check.layer, note=case.note or None,
                    output=output or None,
                    case=describe.case_code(case.steps, exercise.reference))

    def judge_case(self, exercise: Exercise, prep: Prepared, i: int, message: dict[str, Any]
                   ) -> CheckResult | None:
        """One case's failure, from the message its run sent back; None when it passes."""
        case = prep.cases[i]
        fixtures = exercise.fixtures[0] if exercise.fixtures else {}
        error = message.get("error")
        if isinstance(error, dict):
            mistake = match_mistake_error(exercise.mistakes, fixtures, case, error,
                                          prep.mistake_runs.setdefault(i, {}))
            named = (_diag(Diagnosis(mistake.id, mistake.message), known=True) if mistake
                     else _diag(recognise_error(error, exercise.entry), known=False))
            text = str(error.get("message") or "")
            kind = str(error.get("type") or "Exception")
            return CheckResult(status="error", message=f"{kind}: {text}" if text else kind,
                               summary="your code raised an exception",
                               traceback=_frames(error), diagnosis=named,
                               **self._fields(exercise, prep, i))
        try:
            got = {str(label): from_plain(value) for label, value in message["outputs"]}
        except (WireError, KeyError, TypeError, ValueError):
            why = ("Your code returned something that is not plain data (numbers, arrays, "
                   "lists, tuples, dicts).")
            return CheckResult(status="fail", message=why, summary=why,
                               **self._fields(exercise, prep, i))
        expected = prep.expected[i]
        facts = {**case.facts, "warnings": message.get("warnings") or []}
        if expected is not None:
            for label, want in expected.items():
                have = got.get(label, MISSING)
                if have is MISSING:
                    return CheckResult(status="fail", message=f"{label} was not produced",
                                       summary=f"{label} was not produced",
                                       **self._fields(exercise, prep, i))
                path = "" if len(expected) == 1 and case.steps[-1].get("fn") == label \
                    else label
                names = exercise.returns.get(label)
                mismatch = compare(want, have, case.rtol, case.atol, path, names)
                if mismatch:
                    found = self._diagnose(exercise, fixtures, case, got, mismatch, facts,
                                           prep.mistake_runs.setdefault(i, {}))
                    if (message.get("global_random") is True and not (found and found[1])
                            and _hands_a_generator(case.steps)):
                        found = GLOBAL_RANDOM, False
                    return _failure(mismatch, found, self._fields(exercise, prep, i))
        for judge in case.judges:
            verdict = judge(got, expected, case)
            if verdict:
                finding = verdict if isinstance(verdict, Finding) else Finding(str(verdict))
                return CheckResult(status="fail", message=finding.message,
                                   summary=mask_numbers(finding.message),
                                   diagnosis=_judged(finding, exercise.mistakes),
                                   **self._fields(exercise, prep, i))
        return None

    def _diagnose(self, exercise: Exercise, fixtures: dict[str, Any], case: Case,
                  got: dict[str, Any], mismatch: Mismatch, facts: dict[str, Any],
                  memo: dict[str, MistakeRun]) -> tuple[Diagnosis, bool] | None:
        mistake = match_mistake(exercise.mistakes, fixtures, case, got, memo)
        if mistake is not None:
            return Diagnosis(mistake.id, mistake.message), True
        generic = recognise(mismatch, facts)
        return (generic, False) if generic else None


def _hands_a_generator(value: Any) -> bool:
    """Whether a case passes an ``rng`` to the code: only then is drawing from the global
    generator a mistake worth naming (elsewhere it is a detail, and the cause lies elsewhere)."""
    if isinstance(value, dict):
        return "__rng__" in value or any(_hands_a_generator(v) for v in value.values())
    if isinstance(value, list):
        return any(_hands_a_generator(v) for v in value)
    return False


def request_for(exercise: Exercise, source: str, filename: str) -> dict[str, Any]:
    fixtures = exercise.fixtures
    return {"source": source, "filename": filename,
            "fixtures_source": fixtures[1] if fixtures else None,
            "fixtures_filename": fixtures[2] if fixtures else None}


def _slice(run: Run, first: int, count: int) -> Run:
    """The part of a batch run that belongs to one check, its cases numbered from 0."""
    messages = []
    for message in run.messages:
        index = message.get("case")
        if isinstance(index, int) and not isinstance(index, bool):
            if first <= index < first + count:
                messages.append({**message, "case": index - first})
        else:
            messages.append(message)
    return replace(run, messages=messages)


def _run_mistake(mistake: Mistake, fixtures: dict[str, Any], case: Case,
                 memo: dict[str, MistakeRun] | None) -> MistakeRun:
    if memo is not None and mistake.id in memo:
        return memo[mistake.id]
    try:
        result: MistakeRun = run_trusted(mistake.namespace, fixtures, case)
    except Exception as exc:
        result = MistakeRaised(type(exc).__name__, str(exc))
    if memo is not None:
        memo[mistake.id] = result
    return result


def match_mistake(mistakes: list[Mistake], fixtures: dict[str, Any], case: Case,
                  got: dict[str, Any], memo: dict[str, MistakeRun] | None = None
                  ) -> Mistake | None:
    """The first known mistake whose output on this case is what the learner's code returned.

    A mistake that declares a shared diagnosis (``DIAGNOSIS = "missing-average"``) is there to
    prove that recogniser works, so it is not matched by output here. ``memo`` keeps what each
    mistake does on this case.
    """
    for mistake in mistakes:
        if mistake.diagnosis != mistake.id:
            continue
        theirs = _run_mistake(mistake, fixtures, case, memo)
        if isinstance(theirs, MistakeRaised):
            continue
        if theirs and all(label in got and compare(v, got[label], case.rtol, case.atol) is None
                          for label, v in theirs.items()):
            return mistake
    return None


def match_mistake_error(mistakes: list[Mistake], fixtures: dict[str, Any], case: Case,
                        error: dict[str, Any], memo: dict[str, MistakeRun] | None = None
                        ) -> Mistake | None:
    """The first known mistake that raises the very exception the learner's code raised."""
    for mistake in mistakes:
        if mistake.diagnosis != mistake.id:
            continue
        theirs = _run_mistake(mistake, fixtures, case, memo)
        if isinstance(theirs, MistakeRaised) and theirs.type_name == error.get("type") \
                and theirs.message == error.get("message"):
            return mistake
    return None


def _judged(finding: Finding, mistakes: list[Mistake]) -> dict[str, Any] | None:
    """A judge's diagnosis; naming one of the exercise's own mistakes brings its MESSAGE."""
    if not finding.diagnosis:
        return None
    own = next((m for m in mistakes if m.id == finding.diagnosis), None)
    if own is not None:
        return _diag(Diagnosis(own.id, finding.diagnosis_message or own.message), known=True)
    return _diag(Diagnosis(finding.diagnosis, finding.diagnosis_message or ""), known=False)


def _diag(diagnosis: Diagnosis | None, known: bool) -> dict[str, Any] | None:
    if diagnosis is None:
        return None
    return {"id": diagnosis.id, "message": diagnosis.message, "known": known}


def _failure(mismatch: Mismatch, diagnosis: tuple[Diagnosis, bool] | None,
             base: dict[str, Any]) -> CheckResult:
    expected, got = mismatch.expected, mismatch.got
    shown_expected, shown_got = describe.value(expected), describe.value(got)
    if (mismatch.where and isinstance(expected, np.ndarray) and isinstance(got, np.ndarray)
            and expected.size > 60 and expected.shape == got.shape):
        at = mismatch.where
        shown_expected += f"\n  at {list(at)}: {describe.value(expected[at])}"
        shown_got += f"\n  at {list(at)}: {describe.value(got[at])}"
    return CheckResult(
        status="fail", message=mismatch.message, expected=shown_expected, got=shown_got,
        max_abs_diff=mismatch.max_abs, max_rel_diff=mismatch.max_rel,
        where=list(mismatch.where) if mismatch.where else None,
        diagnosis=_diag(diagnosis[0], diagnosis[1]) if diagnosis else None,
        summary=mismatch_summary(mismatch), **base)


def _frames(error: dict[str, Any]) -> list[dict[str, Any]]:
    frames = []
    for frame in error.get("frames") or []:
        if isinstance(frame, list) and len(frame) == 4:
            frames.append({"file": str(frame[0]), "line": frame[1], "function": str(frame[2]),
                           "code": str(frame[3])})
    syntax = error.get("syntax")
    if isinstance(syntax, list) and len(syntax) == 3 and not frames:
        frames.append({"file": "", "line": syntax[0], "function": "", "code": str(syntax[2]),
                       "column": syntax[1]})
    return frames


def _fate(run: Run, limits: Limits) -> tuple[str, str]:
    """Why a case has no result: the child's fate, in a sentence that names the limit, and in
    a coarse one of the checker's own (what a hidden case may show)."""
    if run.internal_error:
        return ("The checker itself failed (a bug in mlkata, not in your code): "
                f"{run.internal_error}", "the checker itself failed")
    if run.sandbox_lost:
        return ("The sandbox was lost during this check: your code killed or stopped its "
                "parent process. That cannot pass.", "the sandbox was lost")
    if run.timed_out:
        return (f"Time limit: the check did not finish within {limits.time_s:g} s. An endless "
                "loop, or a Python loop over every element where numpy would do?", "time limit")
    if run.result_overflow:
        return "Your code returned more than 64 MiB of data.", "too much data returned"
    if run.protocol_error:
        return f"Unreadable result: {run.protocol_error}.", "unreadable result"
    ended = "your process ended before returning a result"
    sig = run.killed_by
    if sig is not None:
        if sig == signal.SIGXCPU:
            return f"CPU time limit: the check used more than {limits.time_s:g} s of CPU.", \
                "time limit"
        if sig in (signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT):
            return (f"Your code crashed the Python process ({signal.Signals(sig).name}), often "
                    f"an allocation beyond the memory limit ({limits.memory_mb} MiB).", ended)
        name = signal.Signals(sig).name if sig in signal.valid_signals() else str(sig)
        return f"Your process was killed by {name}.", ended
    if run.status == 0:
        return ("Your code ended the process before returning a result (sys.exit, quit or "
                "os._exit?). Return the result instead.", ended)
    return f"Your process exited with status {run.status} before returning a result.", ended
