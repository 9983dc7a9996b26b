"""The tables. ``submissions`` is the source of truth for grading: a row exists before its task
is queued, and its state, claim and lease say where it is (see :mod:`.leases`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .db import UTCDateTime, utcnow

TEACHER, LEARNER = "teacher", "learner"
QUEUED, RUNNING, DONE = "queued", "running", "done"


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime()}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    display_name: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Token(Base):
    """A bearer token (CLI, API) or a web session; only its SHA-256 is stored."""

    __tablename__ = "tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # "api" or "session"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(default=None)


class Course(Base):
    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    invite_code: Mapped[str] = mapped_column(String(32), unique=True)
    #: seeds the hidden cases; never leaves the server
    hidden_seed: Mapped[int] = mapped_column(BigInteger)
    #: the share of an exercise's points earned by a pass after its deadline
    late_credit: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CourseExercise(Base):
    __tablename__ = "course_exercises"
    __table_args__ = (UniqueConstraint("course_id", "exercise_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    exercise_id: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    difficulty: Mapped[int] = mapped_column(Integer)
    points: Mapped[float] = mapped_column(Float, default=1.0)
    deadline: Mapped[datetime | None] = mapped_column(default=None)


class Enrollment(Base):
    __tablename__ = "enrollments"
    __table_args__ = (UniqueConstraint("course_id", "user_id"),
                      UniqueConstraint("course_id", "pseudonym"))

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         index=True)
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: set: listed on the leaderboard under this name; None: not listed (the default)
    pseudonym: Mapped[str | None] = mapped_column(String(40), default=None)


class Submission(Base):
    __tablename__ = "submissions"
    __table_args__ = (
        UniqueConstraint("course_id", "user_id", "exercise_id", "attempt"),
        Index("submissions_by_state", "state", "queued_at"),
        Index("submissions_by_course_exercise", "course_id", "exercise_id"),
        Index("submissions_by_learner", "course_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    exercise_id: Mapped[str] = mapped_column(String(100))
    #: the learner's n-th submission of this exercise in this course, from 1
    attempt: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(Text)
    code_sha256: Mapped[str] = mapped_column(String(64))
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)

    state: Mapped[str] = mapped_column(String(10), default=QUEUED)
    #: when it was last put on the queue (the reaper re-queues rows that wait too long)
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the current claim: whoever holds this token may write the verdict, until the lease ends
    lease_token: Mapped[str | None] = mapped_column(String(32), default=None)
    lease_expires_at: Mapped[datetime | None] = mapped_column(default=None)
    claimed_by: Mapped[str | None] = mapped_column(String(100), default=None)
    claims: Mapped[int] = mapped_column(Integer, default=0)
    #: verdicts written: 1 after grading, +1 per re-grade
    gradings: Mapped[int] = mapped_column(Integer, default=0)

    status: Mapped[str | None] = mapped_column(String(10), default=None)  # pass, fail, error
    #: which cases decided it: "public" (seed 0, full feedback) or "hidden" (the course seed)
    stage: Mapped[str | None] = mapped_column(String(10), default=None)
    checks_passed: Mapped[int | None] = mapped_column(Integer, default=None)
    checks_total: Mapped[int | None] = mapped_column(Integer, default=None)
    feedback: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    graded_at: Mapped[datetime | None] = mapped_column(default=None)
    grading_ms: Mapped[float | None] = mapped_column(Float, default=None)
