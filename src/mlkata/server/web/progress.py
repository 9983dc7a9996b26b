"""One learner's standing on each exercise of a course, from their own submissions only (the
course page of a learner must not cost a pass over everyone's)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import DONE, Course, CourseExercise, Submission, User


def is_late(submitted_at: datetime, deadline: datetime | None) -> bool:
    return deadline is not None and submitted_at > deadline


@dataclass
class ExerciseProgress:
    attempts: int = 0
    pending: int = 0
    first_pass_at: datetime | None = None
    late: bool = False
    best_passed: int | None = None
    best_total: int | None = None
    last_submission_id: int | None = None

    @property
    def status(self) -> str:
        """As in the gradebook: pass, pending (nothing passed, one waits), fail or none."""
        if self.first_pass_at is not None:
            return "pass"
        if self.pending:
            return "pending"
        return "fail" if self.attempts else "none"


def progress_of(db: Session, course: Course, learner: User,
                exercises: list[CourseExercise]) -> dict[str, ExerciseProgress]:
    deadlines = {e.exercise_id: e.deadline for e in exercises}
    found = {exercise_id: ExerciseProgress() for exercise_id in deadlines}
    rows = db.execute(select(Submission.id, Submission.exercise_id, Submission.state,
                             Submission.status, Submission.submitted_at,
                             Submission.checks_passed, Submission.checks_total)
                      .where(Submission.course_id == course.id,
                             Submission.user_id == learner.id)
                      .order_by(Submission.id))
    for row in rows:
        progress = found.get(row.exercise_id)
        if progress is None:
            continue
        progress.attempts += 1
        progress.last_submission_id = row.id
        if row.state != DONE:
            progress.pending += 1
            continue
        if row.status == "pass" and progress.first_pass_at is None:
            progress.first_pass_at = row.submitted_at
            progress.late = is_late(row.submitted_at, deadlines[row.exercise_id])
        if row.checks_total and (progress.best_passed is None or
                                 (row.checks_passed or 0) > progress.best_passed):
            progress.best_passed, progress.best_total = row.checks_passed or 0, row.checks_total
    return found
