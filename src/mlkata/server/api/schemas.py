"""Request and response bodies (they make the OpenAPI document at /openapi.json)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..models import Course, CourseExercise, User


class Credentials(BaseModel):
    username: str
    password: str


class Registration(Credentials):
    display_name: str = ""
    email: str = ""


class PasswordChange(BaseModel):
    old_password: str
    new_password: str


class UserOut(BaseModel):
    id: int
    username: str
    role: Literal["teacher", "learner"]
    display_name: str
    email: str

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(id=user.id, username=user.username, role=user.role,  # type: ignore[arg-type]
                   display_name=user.display_name, email=user.email)


class TokenOut(BaseModel):
    token: str
    user: UserOut


class ExerciseOut(BaseModel):
    id: str
    title: str
    track: str
    difficulty: int
    summary: str


class ExerciseSpecIn(BaseModel):
    id: str
    deadline: datetime | None = None
    points: float = Field(1.0, ge=0)


class ExerciseSettings(BaseModel):
    deadline: datetime | None = None
    points: float = Field(1.0, ge=0)


class CourseIn(BaseModel):
    title: str
    exercises: list[ExerciseSpecIn] = []
    late_credit: float = Field(0.0, ge=0, le=1)


class CourseExerciseOut(BaseModel):
    id: str
    title: str
    difficulty: int
    points: float
    deadline: datetime | None

    @classmethod
    def of(cls, row: CourseExercise) -> CourseExerciseOut:
        return cls(id=row.exercise_id, title=row.title, difficulty=row.difficulty,
                   points=row.points, deadline=row.deadline)


class CourseOut(BaseModel):
    id: int
    title: str
    late_credit: float
    invite_code: str | None = Field(None, description="only for the course's teacher")
    exercises: list[CourseExerciseOut]

    @classmethod
    def of(cls, course: Course, exercises: list[CourseExercise], viewer: User) -> CourseOut:
        return cls(id=course.id, title=course.title, late_credit=course.late_credit,
                   invite_code=course.invite_code if course.teacher_id == viewer.id else None,
                   exercises=[CourseExerciseOut.of(e) for e in exercises])


class ExerciseDetail(CourseExerciseOut):
    track: str
    summary: str
    theory: str = Field(description="Markdown with $…$ math")
    starter: str
    hints: list[str]


class Join(BaseModel):
    invite_code: str


class Pseudonym(BaseModel):
    pseudonym: str | None = Field(None, description="null: not listed on the leaderboard")


class SubmissionIn(BaseModel):
    exercise: str
    code: str


class SubmissionOut(BaseModel):
    id: int
    course: int
    exercise: str
    learner: str | None = None
    attempt: int
    submitted_at: datetime
    late: bool
    state: Literal["queued", "running", "done"]
    status: Literal["pass", "fail", "error"] | None
    stage: Literal["public", "hidden"] | None = Field(
        None, description="the cases that decided: public (full feedback) or hidden")
    checks_passed: int | None
    checks_total: int | None
    graded_at: datetime | None
    grading_ms: float | None
    feedback: dict[str, Any] | None = Field(
        None, description="the result object of docs/results.md, plus stage and concealed")
    code_sha256: str
    queued_ahead: int | None = None
    code: str | None = None


class Regraded(BaseModel):
    requeued: int
