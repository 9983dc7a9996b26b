"""What a check run concludes, as plain data every face renders (terminal, JSON, web).

The JSON form (``Verdict.to_json``) is documented in docs/results.md and kept close in spirit to
Exercism's results.json v3: an overall ``status`` of pass, fail or error, and one entry per check.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 1


@dataclass
class CheckResult:
    name: str
    layer: str
    status: str  # "pass", "fail", "error" (the learner's code raised or died), "skip"
    message: str = ""
    case: str | None = None
    note: str | None = None
    expected: str | None = None
    got: str | None = None
    max_abs_diff: float | None = None
    max_rel_diff: float | None = None
    where: list[int] | None = None
    diagnosis: dict[str, Any] | None = None  # {"id", "message", "known": bool}
    traceback: list[dict[str, Any]] | None = None
    output: str | None = None
    duration_ms: float = 0.0
    #: the failure in words the checker wrote alone (no value, text or type name that came from
    #: the learner's process): what a hidden case may show; not part of the JSON
    summary: str | None = None


CHECK_FIELDS = [f for f in fields(CheckResult) if f.name != "summary"]


@dataclass
class Verdict:
    exercise: str
    status: str  # "pass", "fail", "error"
    checks: list[CheckResult] = field(default_factory=list)
    message: str | None = None  # for "error": why nothing could be checked
    duration_s: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    @property
    def first_failure(self) -> CheckResult | None:
        return next((c for c in self.checks if c.status in ("fail", "error")), None)

    @property
    def diagnosis_id(self) -> str | None:
        failure = self.first_failure
        return failure.diagnosis["id"] if failure and failure.diagnosis else None

    def to_json(self) -> dict[str, Any]:
        return {
            "version": SCHEMA_VERSION,
            "exercise": self.exercise,
            "status": self.status,
            "message": self.message,
            "duration_s": round(self.duration_s, 4),
            # shallow: a check's fields are plain data already (asdict deep-copies them, a
            # millisecond per verdict, which a grader pays on every submission)
            "tests": [{f.name: getattr(c, f.name) for f in CHECK_FIELDS} for c in self.checks],
        }
