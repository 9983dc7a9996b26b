"""Courses, their exercises, joining, the leaderboard."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from .. import courses, leaderboard
from ..courses import ExerciseSpec
from ..errors import NotFound
from .deps import CourseId, CurrentUser, ExerciseId, State, Teacher, client_address
from .schemas import (
    CourseExerciseOut,
    CourseIn,
    CourseOut,
    ExerciseDetail,
    ExerciseOut,
    ExerciseSettings,
    Join,
    Pseudonym,
    refusals,
)

router = APIRouter(prefix="/api", tags=["courses"])


@router.get("/catalog", responses=refusals(401))
def catalog(state: State, _: CurrentUser) -> list[ExerciseOut]:
    """Every exercise this server can grade (for building a course)."""
    return [ExerciseOut(id=e.id, title=e.title, track=e.track, difficulty=e.difficulty,
                        summary=e.summary) for e in state.library.catalog.exercises]


@router.post("/courses", status_code=201, responses=refusals(400, 401, 403, 413, 422))
def create_course(body: CourseIn, state: State, teacher: Teacher) -> CourseOut:
    specs = [ExerciseSpec(e.id, e.deadline, e.points) for e in body.exercises]
    with state.sessions.begin() as db:
        course = courses.create_course(db, teacher, body.title, specs, state.library,
                                       body.late_credit)
        return CourseOut.of(course, courses.exercises_of(db, course), teacher)


@router.get("/courses", responses=refusals(401))
def my_courses(state: State, user: CurrentUser) -> list[CourseOut]:
    """The courses you teach, or the ones you joined."""
    with state.sessions() as db:
        return [CourseOut.of(c, courses.exercises_of(db, c), user)
                for c in courses.courses_of(db, user)]


@router.get("/courses/{course_id}", responses=refusals(401, 404, 422))
def course(course_id: CourseId, state: State, user: CurrentUser) -> CourseOut:
    with state.sessions() as db:
        found = courses.visible_course(db, user, course_id)
        return CourseOut.of(found, courses.exercises_of(db, found), user)


@router.put("/courses/{course_id}/exercises/{exercise_id}",
            responses=refusals(400, 401, 403, 404, 413, 422))
def put_exercise(course_id: CourseId, exercise_id: ExerciseId, body: ExerciseSettings, state: State,
                 teacher: Teacher) -> CourseExerciseOut:
    """Add an exercise to the course, or change its deadline and points."""
    with state.sessions.begin() as db:
        found = courses.taught_course(db, teacher, course_id)
        row = courses.put_exercise(db, found, ExerciseSpec(exercise_id, body.deadline,
                                                           body.points), state.library)
        return CourseExerciseOut.of(row)


@router.delete("/courses/{course_id}/exercises/{exercise_id}", status_code=204,
               responses=refusals(401, 403, 404, 422))
def remove_exercise(course_id: CourseId, exercise_id: ExerciseId, state: State,
                    teacher: Teacher) -> None:
    """Take an exercise out of the course; its attempts stay stored (and count again if it is
    added back)."""
    with state.sessions.begin() as db:
        courses.remove_exercise(db, courses.taught_course(db, teacher, course_id), exercise_id)


@router.get("/courses/{course_id}/exercises/{exercise_id}",
            responses=refusals(401, 404, 422))
def exercise(course_id: CourseId, exercise_id: ExerciseId, state: State,
             user: CurrentUser) -> ExerciseDetail:
    """The exercise as the course shows it: theory (Markdown, $…$ math), starter, hints."""
    with state.sessions() as db:
        found = courses.visible_course(db, user, course_id)
        row = courses.course_exercise(db, found, exercise_id)
    loaded = state.library.find(exercise_id)
    if loaded is None:
        raise NotFound(f"this server no longer has the exercise {exercise_id!r}")
    return ExerciseDetail(**CourseExerciseOut.of(row).model_dump(), track=loaded.track,
                          summary=loaded.summary, theory=loaded.theory, starter=loaded.starter,
                          hints=loaded.hints)


@router.post("/courses/join", responses=refusals(400, 401, 403, 404, 413, 422, 429))
def join(body: Join, state: State, user: CurrentUser, request: Request) -> CourseOut:
    """Join a course with the invite code the teacher gave out. After 50 wrong codes from one
    address, or 500 on the server, in 15 minutes: 429."""
    with state.sessions.begin() as db:
        found = courses.join(db, user, body.invite_code, state.joins, client_address(request))
        return CourseOut.of(found, courses.exercises_of(db, found), user)


@router.put("/courses/{course_id}/pseudonym",
            responses=refusals(400, 401, 404, 409, 413, 422))
def set_pseudonym(course_id: CourseId, body: Pseudonym, state: State,
                  user: CurrentUser) -> Pseudonym:
    """Be listed on the leaderboard under a pseudonym (null: not listed, the default)."""
    with state.sessions.begin() as db:
        found = courses.visible_course(db, user, course_id)
        enrolled = courses.set_pseudonym(db, found, user, body.pseudonym)
        return Pseudonym(pseudonym=enrolled.pseudonym)


@router.get("/courses/{course_id}/leaderboard", responses=refusals(401, 404, 422))
def course_leaderboard(course_id: CourseId, state: State, user: CurrentUser) -> dict[str, Any]:
    """Listed learners under their pseudonyms, and your own standing (listed or not)."""
    with state.sessions() as db:
        found = courses.visible_course(db, user, course_id)
        return leaderboard.leaderboard(db, found, user)
