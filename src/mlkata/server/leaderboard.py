"""The course leaderboard: solved exercises weighted by difficulty.

Only learners who chose a pseudonym are listed, under it; every learner sees their own rank,
listed or not. Ties on points go to whoever reached them first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import courses
from .db import as_utc
from .models import Course, Submission, User


@dataclass
class Standing:
    user_id: int
    pseudonym: str | None
    score: int
    solved: int
    reached_at: datetime | None
    rank: int = 0

    def public(self) -> dict[str, Any]:
        return {"rank": self.rank, "name": self.pseudonym, "score": self.score,
                "solved": self.solved}


def standings(db: Session, course: Course) -> list[Standing]:
    weight = {e.exercise_id: e.difficulty for e in courses.exercises_of(db, course)}
    first_passes = db.execute(
        select(Submission.user_id, Submission.exercise_id, func.min(Submission.submitted_at))
        .where(Submission.course_id == course.id, Submission.status == "pass")
        .group_by(Submission.user_id, Submission.exercise_id))
    table = {user.id: Standing(user.id, enrolled.pseudonym, 0, 0, None)
             for user, enrolled in courses.learners_of(db, course)}
    for user_id, exercise_id, when in first_passes:
        standing = table.get(user_id)
        if standing is None or exercise_id not in weight:
            continue
        standing.score += weight[exercise_id]
        standing.solved += 1
        moment = as_utc(when)
        standing.reached_at = max(standing.reached_at or moment, moment)
    ordered = sorted(table.values(), key=_order)
    for i, standing in enumerate(ordered):
        # competition ranking (1, 2, 2, 4): equals share the rank of the first of them
        tied = i > 0 and _order(ordered[i - 1]) == _order(standing)
        standing.rank = ordered[i - 1].rank if tied else i + 1
    return ordered


def _order(standing: Standing) -> tuple[int, float]:
    reached = standing.reached_at.timestamp() if standing.reached_at else float("inf")
    return -standing.score, reached


def leaderboard(db: Session, course: Course, viewer: User) -> dict[str, Any]:
    table = standings(db, course)
    shown: dict[str, Any] = {"course": course.id, "learners": len(table),
                             "entries": [s.public() for s in table if s.pseudonym]}
    mine = next((s for s in table if s.user_id == viewer.id), None)
    if mine is not None:
        shown["me"] = {**mine.public(), "listed": mine.pseudonym is not None}
    return shown
