"""Submissions: stored first, then queued; read back by their learner or the course's teacher."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from . import courses, text
from .db import utcnow
from .errors import Forbidden, Invalid, NotFound, TooMany
from .models import DONE, QUEUED, RUNNING, Course, CourseExercise, Submission, User
from .queue import GradingQueue
from .settings import Settings

log = logging.getLogger("mlkata.server.submissions")
INSERT_RETRIES = 5


@dataclass(frozen=True)
class Received:
    """A stored submission, as the learner's upload answer shows it."""

    id: int
    attempt: int
    course_id: int
    exercise_id: str
    submitted_at: datetime
    code_sha256: str
    deadline: datetime | None
    learner: str

    def to_json(self) -> dict[str, Any]:
        waiting = Submission(id=self.id, course_id=self.course_id, exercise_id=self.exercise_id,
                             attempt=self.attempt, submitted_at=self.submitted_at,
                             code_sha256=self.code_sha256, state=QUEUED)
        return to_json(waiting, self.deadline, username=self.learner)


def submit(sessions: sessionmaker[Session], queue: GradingQueue, settings: Settings,
           learner: User, course_id: int, exercise_id: str, code: str) -> Received:
    """Store the attempt (the source of truth), then queue it; never lost if queueing fails."""
    if len(code.encode("utf-8", "replace")) > settings.max_code_bytes:
        raise Invalid(f"the file is larger than {settings.max_code_bytes // 1024} KiB")
    text.checked(code, "the file", settings.max_code_bytes)
    for retry in range(INSERT_RETRIES):
        try:
            with sessions.begin() as db:
                deadline = _admissible(db, settings, learner, course_id, exercise_id)
                received = _insert(db, course_id, learner, exercise_id, code, deadline)
            break
        except IntegrityError:  # PostgreSQL: a concurrent upload took the attempt number
            if retry == INSERT_RETRIES - 1:
                raise
    try:
        queue.enqueue(received.id)
    except Exception:  # the row is stored: the reaper queues it once the queue is back
        log.exception("could not queue submission %s; the reaper will", received.id)
    return received


def _admissible(db: Session, settings: Settings, learner: User, course_id: int,
                exercise_id: str) -> datetime | None:
    """Refuse what may not be submitted; returns the exercise's deadline."""
    course = courses.visible_course(db, learner, course_id)
    if course.teacher_id == learner.id:  # visible, so enrolled unless its teacher
        raise Forbidden("only learners enrolled in the course submit to it")
    deadline = courses.course_exercise(db, course, exercise_id).deadline
    waiting = db.scalar(select(func.count()).select_from(Submission).where(
        Submission.course_id == course.id, Submission.user_id == learner.id,
        Submission.state != DONE, Submission.gradings == 0)) or 0
    if waiting >= settings.max_pending_per_learner:
        raise TooMany(f"you have {waiting} submissions waiting for a verdict; "
                      "wait for them before sending more")
    return deadline


def _insert(db: Session, course_id: int, learner: User, exercise_id: str, code: str,
            deadline: datetime | None) -> Received:
    now, user_id = utcnow(), learner.id
    digest = hashlib.sha256(code.encode("utf-8", "replace")).hexdigest()
    # the attempt number is computed inside the INSERT, so two uploads cannot take the same one
    # on SQLite; on PostgreSQL the unique constraint turns that race into a retry
    next_attempt = select(func.coalesce(func.max(Submission.attempt), 0) + 1).where(
        Submission.course_id == course_id, Submission.user_id == user_id,
        Submission.exercise_id == exercise_id).scalar_subquery()
    row = db.execute(insert(Submission).values(
        course_id=course_id, user_id=user_id, exercise_id=exercise_id, attempt=next_attempt,
        code=code, code_sha256=digest, submitted_at=now, state=QUEUED, queued_at=now, claims=0,
        gradings=0,
    ).returning(Submission.id, Submission.attempt)).one()
    return Received(row.id, row.attempt, course_id, exercise_id, now, digest, deadline,
                    learner.username)


def visible_submission(db: Session, user: User, submission_id: int) -> Submission:
    """A learner sees their own submissions, a teacher those of their courses."""
    found = db.get(Submission, submission_id)
    if found is not None and found.user_id != user.id:
        course = db.get(Course, found.course_id)
        if course is None or course.teacher_id != user.id:
            found = None
    if found is None:
        raise NotFound("no such submission")
    return found


def listing(db: Session, user: User, course: Course, exercise_id: str | None = None,
            learner_id: int | None = None, limit: int = 100) -> list[Submission]:
    query = select(Submission).where(Submission.course_id == course.id)
    if course.teacher_id != user.id:
        query = query.where(Submission.user_id == user.id)
    elif learner_id is not None:
        query = query.where(Submission.user_id == learner_id)
    if exercise_id is not None:
        query = query.where(Submission.exercise_id == text.checked(exercise_id, "an exercise id",
                                                                   100))
    return list(db.scalars(query.order_by(Submission.id.desc()).limit(limit)))


def queued_ahead(db: Session, submission: Submission) -> int:
    if submission.state != QUEUED:
        return 0
    return db.scalar(select(func.count()).select_from(Submission).where(
        Submission.state == QUEUED, Submission.id < submission.id)) or 0


def deadline_of(db: Session, submission: Submission) -> datetime | None:
    return db.scalar(select(CourseExercise.deadline).where(
        CourseExercise.course_id == submission.course_id,
        CourseExercise.exercise_id == submission.exercise_id))


def to_json(submission: Submission, deadline: datetime | None = None, with_code: bool = False,
            ahead: int | None = None, username: str | None = None) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "id": submission.id,
        "course": submission.course_id,
        "exercise": submission.exercise_id,
        "learner": username,
        "attempt": submission.attempt,
        "submitted_at": submission.submitted_at.isoformat(),
        "late": deadline is not None and submission.submitted_at > deadline,
        "state": submission.state,
        "status": submission.status,
        "stage": submission.stage,
        "checks_passed": submission.checks_passed,
        "checks_total": submission.checks_total,
        "graded_at": submission.graded_at.isoformat() if submission.graded_at else None,
        "grading_ms": submission.grading_ms,
        "feedback": submission.feedback,
        "code_sha256": submission.code_sha256,
    }
    if ahead is not None:
        shown["queued_ahead"] = ahead
    if with_code:
        shown["code"] = submission.code
    return shown


def regrade(sessions: sessionmaker[Session], queue: GradingQueue, teacher: User,
            course_id: int, exercise_id: str) -> int:
    """Queue every submission of one exercise again (after the teacher fixed it)."""
    with sessions.begin() as db:
        course = courses.taught_course(db, teacher, course_id)
        courses.course_exercise(db, course, exercise_id)
        of_exercise = (Submission.course_id == course.id, Submission.exercise_id == exercise_id)
        # a claim in progress loses its token, so a verdict on the old version is discarded;
        # the count of claims starts again, or the reaper would give up on a re-graded one
        db.execute(update(Submission).where(*of_exercise)
                   .values(state=QUEUED, queued_at=utcnow(), lease_token=None,
                           lease_expires_at=None, claims=0)
                   .execution_options(synchronize_session=False))
        ids = list(db.scalars(select(Submission.id).where(*of_exercise).order_by(Submission.id)))
    for submission_id in ids:
        queue.enqueue(submission_id)
    return len(ids)


def counts_by_state(db: Session) -> dict[str, int]:
    rows = db.execute(select(Submission.state, func.count()).group_by(Submission.state))
    counts = {QUEUED: 0, RUNNING: 0, DONE: 0}
    counts.update({state: int(n) for state, n in rows})
    return counts
