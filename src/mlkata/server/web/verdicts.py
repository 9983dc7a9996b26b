"""A graded submission as the web page shows it: the same content as ``mlkata check`` and
``mlkata submit`` print (the check list, then the first failure in detail), read from the
feedback the grader stored. For a failure on hidden cases that feedback is already concealed
(no case, expected or got values), so nothing hidden can reach the page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import DONE, QUEUED, Submission

MARKS = {"pass": "✓", "fail": "✗", "error": "✗", "skip": "·"}


@dataclass(frozen=True)
class CheckLine:
    name: str
    status: str  # pass, fail, error, skip

    @property
    def mark(self) -> str:
        return MARKS.get(self.status, "?")


@dataclass(frozen=True)
class Frame:
    file: str
    line: int
    function: str
    code: str


@dataclass
class Failure:
    """The first failing check, with whatever the feedback holds about it."""

    name: str
    status: str
    message: str
    case: str | None = None
    note: str | None = None
    expected: str | None = None
    got: str | None = None
    diagnosis: str | None = None
    known_mistake: bool = False
    traceback: list[Frame] = field(default_factory=list)
    output: str | None = None


@dataclass
class VerdictView:
    state: str  # queued, running, done
    status: str | None  # pass, fail, error (when done)
    stage: str | None
    attempt: int
    late: bool
    checks: list[CheckLine] = field(default_factory=list)
    failure: Failure | None = None
    message: str | None = None  # why nothing could be checked (status error)
    duration_s: float | None = None
    concealed: bool = False

    @property
    def done(self) -> bool:
        return self.state == DONE

    @property
    def passed_count(self) -> int:
        return sum(c.status == "pass" for c in self.checks)

    @property
    def shown_checks(self) -> list[CheckLine]:
        return [c for c in self.checks if c.status != "skip"]

    @property
    def skipped(self) -> int:
        return sum(c.status == "skip" for c in self.checks)

    @property
    def tone(self) -> str:
        """The colour of the verdict: pass, fail, error or pending."""
        return (self.status or "error") if self.done else "pending"

    @property
    def headline(self) -> str:
        if self.state == QUEUED:
            return "Waiting for a grader"
        if not self.done:
            return "Running the checks"
        total = len(self.checks)
        if self.status == "pass":
            return f"Accepted: all {total} checks pass" if total else "Accepted"
        if self.status == "error" and not self.checks:
            return "Not checked"
        return f"{self.passed_count} of {total} checks pass"

    @property
    def stage_note(self) -> str | None:
        if not self.done:
            return None
        if self.status == "pass":
            return "The public cases and the hidden cases pass."
        if self.stage == "hidden":
            return ("The public cases pass; a hidden case does not. Its input and values are "
                    "not shown, but the check and the diagnosis are.")
        return None


def largest_difference(test: dict[str, Any]) -> str:
    """The CLI's suffix to a failure message: the largest difference, and where."""
    max_abs = test.get("max_abs_diff")
    if max_abs is None or max_abs <= 0:
        return ""
    relative = test.get("max_rel_diff")
    rel_text = "" if relative is None or relative == float("inf") else f", relative {relative:.2g}"
    where = test.get("where")
    where_text = f" at {where}" if where else ""
    return f"; largest difference {max_abs:.3g}{rel_text}{where_text}"


def _failure(test: dict[str, Any]) -> Failure:
    diagnosis = test.get("diagnosis") or {}
    frames = [Frame(str(f.get("file", "")), int(f.get("line") or 0),
                    str(f.get("function") or ""), str(f.get("code") or ""))
              for f in test.get("traceback") or []]
    output = test.get("output")
    if output and len(output) > 600:
        output = output[:600] + " …"
    return Failure(name=str(test.get("name", "")), status=str(test.get("status", "fail")),
                   message=str(test.get("message") or "") + largest_difference(test),
                   case=test.get("case"), note=test.get("note"), expected=test.get("expected"),
                   got=test.get("got"), diagnosis=diagnosis.get("message"),
                   known_mistake=bool(diagnosis.get("known")), traceback=frames,
                   output=output.rstrip() if output else None)


def verdict_view(submission: Submission, late: bool) -> VerdictView:
    feedback = submission.feedback or {}
    tests = feedback.get("tests") or []
    shown = VerdictView(state=submission.state, status=submission.status,
                        stage=submission.stage, attempt=submission.attempt, late=late,
                        concealed=bool(feedback.get("concealed")))
    if submission.state != DONE:
        return shown
    shown.checks = [CheckLine(str(t.get("name", "")), str(t.get("status", ""))) for t in tests]
    first = next((t for t in tests if t.get("status") in ("fail", "error")), None)
    shown.failure = _failure(first) if first is not None else None
    shown.message = feedback.get("message")
    duration = feedback.get("duration_s")
    shown.duration_s = float(duration) if duration else None
    return shown


def traceback_lines(view: VerdictView) -> list[int]:
    """The learner's lines named by the failure's traceback (marked in the code listing)."""
    if view.failure is None:
        return []
    return [frame.line for frame in view.failure.traceback if frame.line > 0]
