"""Courses: created by a teacher from catalog exercises, joined by learners with the invite code."""

from __future__ import annotations

import math
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import text
from .errors import Conflict, Forbidden, Invalid, NotFound
from .library import ExerciseLibrary
from .models import TEACHER, Course, CourseExercise, Enrollment, User
from .security import new_invite_code
from .throttle import JoinThrottle

PSEUDONYM = re.compile(r"^[\w .'-]{2,40}$")
MAX_TITLE = 200  # the column's size
#: per exercise; large enough for any gradebook, small enough that no total overflows
MAX_POINTS = 10_000.0


@dataclass(frozen=True)
class ExerciseSpec:
    exercise_id: str
    deadline: datetime | None = None
    points: float = 1.0


def create_course(db: Session, teacher: User, title: str, exercises: Sequence[ExerciseSpec],
                  library: ExerciseLibrary, late_credit: float = 0.0) -> Course:
    if teacher.role != TEACHER:
        raise Forbidden("only teachers create courses")
    title = text.checked(title.strip(), "the title", MAX_TITLE)
    if not title:
        raise Invalid("a course needs a title")
    if not 0.0 <= late_credit <= 1.0:
        raise Invalid("late_credit is a share of the points, from 0 to 1")
    course = Course(title=title, teacher_id=teacher.id, invite_code=new_invite_code(),
                    hidden_seed=secrets.randbits(62), late_credit=late_credit)
    db.add(course)
    db.flush()
    for spec in exercises:
        put_exercise(db, course, spec, library)
    return course


def put_exercise(db: Session, course: Course, spec: ExerciseSpec,
                 library: ExerciseLibrary) -> CourseExercise:
    """Add an exercise to the course, or change its deadline and points."""
    exercise = library.find(spec.exercise_id)
    if exercise is None:
        raise Invalid(f"no exercise {spec.exercise_id!r} on this server (see /api/catalog)")
    if spec.deadline is not None and spec.deadline.tzinfo is None:
        raise Invalid("a deadline needs a time zone (e.g. 2026-12-01T23:59:00+01:00)")
    try:
        deadline = spec.deadline.astimezone(UTC) if spec.deadline else None
    except OverflowError:  # 9999-12-31T23:59-05:00 is in the year 10000 in UTC
        raise Invalid("the deadline is out of range") from None
    if not (math.isfinite(spec.points) and 0 <= spec.points <= MAX_POINTS):
        raise Invalid(f"points are a number from 0 to {MAX_POINTS:g}")
    row = db.scalar(select(CourseExercise).where(CourseExercise.course_id == course.id,
                                                 CourseExercise.exercise_id == exercise.id))
    if row is None:
        position = db.scalar(select(func.count()).select_from(CourseExercise)
                             .where(CourseExercise.course_id == course.id)) or 0
        row = CourseExercise(course_id=course.id, exercise_id=exercise.id, position=position,
                             title=exercise.title, difficulty=exercise.difficulty)
        db.add(row)
    row.deadline = deadline
    row.points = spec.points
    db.flush()
    return row


def remove_exercise(db: Session, course: Course, exercise_id: str) -> CourseExercise:
    """Take an exercise out of the course. Its attempts stay stored (and count again if it is
    added back), but leave the course page, the gradebook and the leaderboard."""
    row = course_exercise(db, course, exercise_id)
    db.delete(row)
    db.flush()
    for position, rest in enumerate(exercises_of(db, course)):
        rest.position = position
    db.flush()
    return row


def exercises_of(db: Session, course: Course) -> list[CourseExercise]:
    return list(db.scalars(select(CourseExercise).where(CourseExercise.course_id == course.id)
                           .order_by(CourseExercise.position)))


def find_course_exercise(db: Session, course: Course, exercise_id: str
                         ) -> CourseExercise | None:
    if not text.storable(exercise_id):
        return None
    return db.scalar(select(CourseExercise).where(CourseExercise.course_id == course.id,
                                                  CourseExercise.exercise_id == exercise_id))


def course_exercise(db: Session, course: Course, exercise_id: str) -> CourseExercise:
    row = find_course_exercise(db, course, exercise_id)
    if row is None:
        raise NotFound(f"the course has no exercise {exercise_id!r}")
    return row


def enrollment(db: Session, course: Course, user: User) -> Enrollment | None:
    return db.scalar(select(Enrollment).where(Enrollment.course_id == course.id,
                                              Enrollment.user_id == user.id))


def visible_course(db: Session, user: User, course_id: int) -> Course:
    """The course if ``user`` teaches it or is enrolled in it; NotFound otherwise."""
    course = db.get(Course, course_id)
    if course is None or not (course.teacher_id == user.id or enrollment(db, course, user)):
        raise NotFound("no such course")
    return course


def taught_course(db: Session, user: User, course_id: int) -> Course:
    course = visible_course(db, user, course_id)
    if course.teacher_id != user.id:
        raise Forbidden("only the course's teacher may do this")
    return course


def courses_of(db: Session, user: User) -> list[Course]:
    if user.role == TEACHER:
        query = select(Course).where(Course.teacher_id == user.id)
    else:
        query = select(Course).join(Enrollment, Enrollment.course_id == Course.id) \
            .where(Enrollment.user_id == user.id)
    return list(db.scalars(query.order_by(Course.id)))


def join(db: Session, user: User, invite_code: str, throttle: JoinThrottle,
         address: str | None) -> Course:
    """Enrol ``user`` in the course of ``invite_code``; refused outright (TooMany) after too
    many wrong codes from one address, or on the whole server."""
    if user.role == TEACHER:
        raise Forbidden("teachers do not join courses; create a learner account to try one")
    throttle.check(address)
    code = invite_code.strip().upper()
    course = db.scalar(select(Course).where(Course.invite_code == code)) \
        if text.storable(code) else None
    if course is None:
        throttle.failed(address)
        raise NotFound("no course has this invite code")
    if enrollment(db, course, user) is None:
        db.add(Enrollment(course_id=course.id, user_id=user.id))
        db.flush()
    return course


def learners_of(db: Session, course: Course) -> list[tuple[User, Enrollment]]:
    rows = db.execute(select(User, Enrollment).join(Enrollment, Enrollment.user_id == User.id)
                      .where(Enrollment.course_id == course.id).order_by(User.username))
    return [(user, enrolled) for user, enrolled in rows]


def set_pseudonym(db: Session, course: Course, user: User, pseudonym: str | None) -> Enrollment:
    """Opt in to the leaderboard under ``pseudonym``, or out of it with None."""
    enrolled = enrollment(db, course, user)
    if enrolled is None:
        raise NotFound("you are not enrolled in this course")
    if pseudonym is not None:
        pseudonym = " ".join(pseudonym.split())
        if not PSEUDONYM.match(pseudonym):
            raise Invalid("a pseudonym is 2–40 letters, digits, spaces or . ' - _")
        if pseudonym.lower() in {user.username, user.display_name.lower()}:
            raise Invalid("a pseudonym must not be your username or your name")
        taken = db.scalar(select(Enrollment.id).where(Enrollment.course_id == course.id,
                                                      Enrollment.pseudonym == pseudonym,
                                                      Enrollment.id != enrolled.id))
        if taken is not None:
            raise Conflict("this pseudonym is taken in this course")
    enrolled.pseudonym = pseudonym
    db.flush()
    return enrolled
