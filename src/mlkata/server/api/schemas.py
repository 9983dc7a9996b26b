"""Request and response bodies (they make the OpenAPI document at /openapi.json).

Every string of a request has a maximum length: besides bounding it, that makes the string
checked as Unicode, so a lone surrogate (``"\ud800"``) is refused here with a 422.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..accounts import MAX_DISPLAY_NAME, MAX_EMAIL, MAX_PASSWORD, MIN_PASSWORD
from ..courses import MAX_POINTS, MAX_TITLE
from ..models import Course, CourseExercise, User

EXERCISE_ID = 100  # the column's size
REASONS = {400: "The body cannot be read: not UTF-8 text.",
           401: "Not logged in (or the token has ended).",
           403: "Not allowed: teachers only, or the course's teacher only.",
           404: "No such thing, or not yours to see.",
           409: "Already taken.",
           413: "The request body is larger than the server accepts.",
           422: "Malformed or refused input; the detail says why.",
           429: "Too many attempts; the detail says how long to wait (also Retry-After)."}


class Refusal(BaseModel):
    detail: str = Field(description="why, for a person to read")


class Unprocessable(BaseModel):
    detail: str | list[dict[str, Any]] = Field(
        description="why: a sentence, or (a malformed request) FastAPI's list of problems, "
                    "each with its loc and msg")


def refusals(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers an operation may give, for its OpenAPI description."""
    return {status: {"model": Unprocessable if status == 422 else Refusal,
                     "description": REASONS[status]} for status in statuses}


class Credentials(BaseModel):
    username: str = Field(max_length=100)
    password: str = Field(max_length=MAX_PASSWORD)


class Registration(Credentials):
    password: str = Field(min_length=MIN_PASSWORD, max_length=MAX_PASSWORD)
    display_name: str = Field("", max_length=MAX_DISPLAY_NAME)
    email: str = Field("", max_length=MAX_EMAIL)


class PasswordChange(BaseModel):
    old_password: str = Field(max_length=MAX_PASSWORD)
    new_password: str = Field(min_length=MIN_PASSWORD, max_length=MAX_PASSWORD)


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


class ExerciseSettings(BaseModel):
    deadline: datetime | None = Field(None, description="with a time zone")
    points: float = Field(1.0, ge=0, le=MAX_POINTS)


class ExerciseSpecIn(ExerciseSettings):
    id: str = Field(max_length=EXERCISE_ID)


class CourseIn(BaseModel):
    title: str = Field(max_length=MAX_TITLE)
    exercises: list[ExerciseSpecIn] = Field([], max_length=500)
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
    invite_code: str = Field(max_length=100)


class Pseudonym(BaseModel):
    pseudonym: str | None = Field(None, max_length=100,
                                  description="null: not listed on the leaderboard")


class SubmissionIn(BaseModel):
    exercise: str = Field(max_length=EXERCISE_ID)
    code: str = Field(max_length=1024 * 1024,
                      description="the file; the server's limit is in bytes (256 KiB unless "
                                  "configured otherwise)")


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
