"""The gradebook (learner × exercise) and its CSV export.

CSV, ``format=lms`` (one row per learner; imports into Moodle, Canvas, Blackboard and most
LMSs by mapping the ``Username`` or ``Email`` column to the LMS's user identifier)::

    Student, Username, Email, <exercise title> [<exercise id>] …, Total

Each exercise column holds the points earned: the exercise's points for a pass by its deadline,
``late_credit`` × points for a later pass, 0 otherwise. ``format=long``: one row per learner and
exercise with every detail (status, attempts, first pass, deadline, late, best share of checks).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from . import courses
from .db import as_utc
from .models import DONE, Course, CourseExercise, Submission, User


@dataclass
class Cell:
    exercise_id: str
    attempts: int = 0
    status: str = "none"  # "pass", "fail" (graded, never passed), "pending", "none"
    first_pass_at: datetime | None = None
    late: bool = False
    best_share: float | None = None  # the largest share of checks passed by one attempt
    points: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"exercise": self.exercise_id, "attempts": self.attempts, "status": self.status,
                "first_pass_at": self.first_pass_at.isoformat() if self.first_pass_at else None,
                "late": self.late, "best_share": self.best_share,
                "points": round(self.points, 4)}


@dataclass
class Row:
    user: User
    cells: list[Cell] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(c.points for c in self.cells)

    def to_json(self) -> dict[str, Any]:
        return {"learner": {"id": self.user.id, "username": self.user.username,
                            "name": self.user.display_name, "email": self.user.email},
                "exercises": [c.to_json() for c in self.cells], "total": round(self.total, 4)}


def gradebook(db: Session, course: Course) -> tuple[list[CourseExercise], list[Row]]:
    exercises = courses.exercises_of(db, course)
    share = case((Submission.checks_total > 0,
                  Submission.checks_passed * 1.0 / Submission.checks_total), else_=0.0)
    stats = db.execute(
        select(Submission.user_id, Submission.exercise_id, func.count(),
               func.min(case((Submission.status == "pass", Submission.submitted_at))),
               func.max(case((Submission.state == DONE, share))),
               func.sum(case((Submission.state != DONE, 1), else_=0)))
        .where(Submission.course_id == course.id)
        .group_by(Submission.user_id, Submission.exercise_id))
    found = {(user_id, exercise_id): (n, first_pass, best, pending)
             for user_id, exercise_id, n, first_pass, best, pending in stats}
    rows = []
    for user, _ in courses.learners_of(db, course):
        row = Row(user)
        for exercise in exercises:
            cell = Cell(exercise.exercise_id)
            if (user.id, exercise.exercise_id) in found:
                attempts, first_pass, best, pending = found[(user.id, exercise.exercise_id)]
                cell.attempts = int(attempts)
                cell.best_share = None if best is None else round(float(best), 4)
                if first_pass is not None:
                    first_pass = as_utc(first_pass)
                    cell.status, cell.first_pass_at = "pass", first_pass
                    cell.late = exercise.deadline is not None and first_pass > exercise.deadline
                    cell.points = exercise.points * (course.late_credit if cell.late else 1.0)
                elif pending:
                    cell.status = "pending"
                else:
                    cell.status = "fail"
            row.cells.append(cell)
        rows.append(row)
    return exercises, rows


def to_csv(exercises: list[CourseExercise], rows: list[Row], shape: str = "lms") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if shape == "long":
        writer.writerow(["username", "name", "email", "exercise", "status", "attempts",
                         "first_pass_at", "deadline", "late", "best_share", "points"])
        deadlines = {e.exercise_id: e.deadline for e in exercises}
        for row in rows:
            for cell in row.cells:
                deadline = deadlines[cell.exercise_id]
                writer.writerow([
                    row.user.username, row.user.display_name, row.user.email, cell.exercise_id,
                    cell.status, cell.attempts,
                    cell.first_pass_at.isoformat() if cell.first_pass_at else "",
                    deadline.isoformat() if deadline else "", "yes" if cell.late else "no",
                    "" if cell.best_share is None else f"{cell.best_share:g}",
                    _points(cell.points)])
        return out.getvalue()
    writer.writerow(["Student", "Username", "Email",
                     *[f"{e.title} [{e.exercise_id}]" for e in exercises], "Total"])
    for row in rows:
        writer.writerow([row.user.display_name, row.user.username, row.user.email,
                         *[_points(c.points) for c in row.cells], _points(row.total)])
    return out.getvalue()


def _points(value: float) -> str:
    return f"{round(value, 2):g}"
