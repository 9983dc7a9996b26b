"""`mlkata validate`: the battery every exercise folder must pass before it ships.

Like scikit-learn's ``check_estimator`` for estimators and rustlings' ``dev check``: the metadata
is well-formed, the theory page and every hint say something, some cases change with the seed
(the course server's hidden cases), the reference passes, the starter fails, and every known
mistake fails with the diagnosis it declares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .exercise import Exercise, ExerciseError
from .runner import Checker, seed_dependence

MIN_HINTS = 3
MIN_MISTAKES = 3


@dataclass
class Finding:
    exercise: str
    item: str
    ok: bool
    detail: str = ""


def validate_exercise(exercise: Exercise, checker: Checker) -> Iterator[Finding]:
    ex = exercise.id

    def finding(item: str, ok: bool, detail: str = "") -> Finding:
        return Finding(ex, item, ok, detail)

    theory = exercise.theory_path
    yield finding("theory page", theory.exists() and len(theory.read_text().strip()) > 200,
                  "" if theory.exists() else "theory.md is missing")
    empty = [i + 1 for i, h in enumerate(exercise.hints) if not h.strip()]
    yield finding(f"{MIN_HINTS}+ hints, none empty",
                  len(exercise.hints) >= MIN_HINTS and not empty,
                  f"{len(exercise.hints)} hints" + (f"; empty: {empty}" if empty else ""))
    try:
        checks = exercise.checks
        mistakes = exercise.mistakes
    except ExerciseError as exc:
        yield finding("checks and mistakes load", False, str(exc))
        return
    yield finding("checks load", True, f"{len(checks)} checks")
    yield finding(f"{MIN_MISTAKES}+ known mistakes", len(mistakes) >= MIN_MISTAKES,
                  f"{len(mistakes)} mistakes")
    varying, total = seed_dependence(exercise)
    yield finding("some cases change with the seed", varying > 0,
                  f"{varying} of {total} cases" if varying else
                  "every case is the same whatever the seed, so a course's hidden cases would "
                  "repeat the public ones: draw some data from the rng a check is given")

    def run(path: Path) -> tuple[str, str | None, str]:
        verdict = checker.check(exercise, path.read_text(encoding="utf-8"), str(path))
        failure = verdict.first_failure
        return verdict.status, verdict.diagnosis_id, failure.message if failure else ""

    try:
        status, _, message = run(exercise.solution_path)
        yield finding("reference passes", status == "pass", message)
        status, _, message = run(exercise.folder / "starter.py")
        yield finding("starter fails", status != "pass", message)
        for mistake in mistakes:
            status, diagnosis, message = run(mistake.path)
            ok = status != "pass" and diagnosis == mistake.diagnosis
            detail = ("passed every check" if status == "pass" else
                      f"diagnosed as {diagnosis!r}, expected {mistake.diagnosis!r} ({message})"
                      if not ok else "")
            yield finding(f"mistake {mistake.id} is recognised", ok, detail)
    except ExerciseError as exc:
        yield finding("checks run", False, str(exc))


def validate(exercises: list[Exercise], checker: Checker,
             progress: Callable[[Exercise], None] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for exercise in exercises:
        if progress:
            progress(exercise)
        findings.extend(validate_exercise(exercise, checker))
    return findings
