"""The teacher's pages: a new course from the catalog, adding, rescheduling or removing an
exercise, the gradebook (with its CSV export, served by the API), and re-grading an exercise."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from .. import courses, gradebook, submissions
from ..api.deps import CourseId, ExerciseId, State
from ..courses import ExerciseSpec
from ..errors import Invalid, ServiceError
from ..models import User
from ..state import ServerState
from .rendering import FormUser, PageRoute, PageUser, redirect, render, sentence, teacher_only
from .times import parse_local, time_zone

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@dataclass
class CourseDraft:
    """The new-course form as sent, so that a refused form comes back filled in."""

    title: str = ""
    late_credit_percent: str = "0"
    default_deadline: str = ""
    time_zone: str = "UTC"
    chosen: list[str] = field(default_factory=list)
    deadlines: dict[str, str] = field(default_factory=dict)
    points: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, form: FormData) -> CourseDraft:
        chosen = [str(v) for v in form.getlist("exercise")]
        return cls(title=str(form.get("title", "")),
                   late_credit_percent=str(form.get("late_credit_percent", "0")),
                   default_deadline=str(form.get("default_deadline", "")),
                   time_zone=str(form.get("tz", "UTC")), chosen=chosen,
                   deadlines={k.removeprefix("deadline-"): str(v) for k, v in form.items()
                              if k.startswith("deadline-")},
                   points={k.removeprefix("points-"): str(v) for k, v in form.items()
                           if k.startswith("points-")})

    def specs(self) -> list[ExerciseSpec]:
        zone = time_zone(self.time_zone)
        found = []
        for exercise_id in self.chosen:
            given = self.deadlines.get(exercise_id) or self.default_deadline
            try:
                deadline = parse_local(given, zone)
            except ValueError:
                raise Invalid(f"the deadline of {exercise_id} is not a date and time") from None
            found.append(ExerciseSpec(exercise_id, deadline,
                                      _number(self.points.get(exercise_id) or "1", "points")))
        return found

    def late_credit(self) -> float:
        return _number(self.late_credit_percent or "0", "the late credit") / 100.0


def _number(text: str, what: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise Invalid(f"{what} must be a number") from None


def _new_course_page(request: Request, state: ServerState, user: User, draft: CourseDraft,
                     error: str | None = None, status: int = 200) -> Response:
    return render(request, "course_new.html", {"user": user, "draft": draft, "error": error,
                                               "catalog": state.library.catalog},
                  status=status)


@router.get("/courses/new")
def new_course_form(request: Request, state: State, user: PageUser) -> Response:
    teacher_only(user)
    return _new_course_page(request, state, user, CourseDraft())


def _create(state: ServerState, teacher: User, draft: CourseDraft) -> tuple[int, str]:
    if not draft.chosen:
        raise Invalid("choose at least one exercise")
    with state.sessions.begin() as db:
        course = courses.create_course(db, teacher, draft.title, draft.specs(), state.library,
                                       draft.late_credit())
        return course.id, course.invite_code


@router.post("/courses/new")
async def create_course(request: Request, state: State, user: FormUser) -> Response:
    teacher_only(user)
    draft = CourseDraft.of(await request.form())
    try:
        course_id, code = await run_in_threadpool(_create, state, user, draft)
    except ServiceError as exc:
        return _new_course_page(request, state, user, draft, sentence(exc),
                                status=exc.status)
    return redirect(f"/courses/{course_id}",
                    f"Course created. Learners join with the invite code {code}.")


@router.post("/courses/{course_id}/exercises")
def put_exercise(course_id: CourseId, state: State, user: FormUser,
                 exercise: Annotated[str, Form()], deadline: Annotated[str, Form()] = "",
                 points: Annotated[str, Form()] = "1",
                 tz: Annotated[str, Form()] = "UTC") -> Response:
    back = f"/courses/{course_id}"
    try:
        with state.sessions.begin() as db:
            course = courses.taught_course(db, user, course_id)
            spec = ExerciseSpec(exercise, parse_local(deadline, time_zone(tz)),
                                _number(points or "1", "points"))
            row = courses.put_exercise(db, course, spec, state.library)
            title = row.title
    except (Invalid, ValueError) as exc:  # refusals of access become error pages
        return redirect(back, f"Not changed: {exc}.")
    return redirect(back, f"{title}: saved.")


@router.post("/courses/{course_id}/exercises/{exercise_id}/remove")
def remove_exercise(course_id: CourseId, exercise_id: ExerciseId, state: State,
                    user: FormUser) -> Response:
    with state.sessions.begin() as db:
        row = courses.remove_exercise(db, courses.taught_course(db, user, course_id),
                                      exercise_id)
        title = row.title
    return redirect(f"/courses/{course_id}",
                    f"{title} is no longer part of the course; its attempts are kept.")


@router.get("/courses/{course_id}/gradebook")
def gradebook_page(course_id: CourseId, request: Request, state: State,
                   user: PageUser) -> Response:
    with state.sessions() as db:
        course = courses.taught_course(db, user, course_id)
        exercises, rows = gradebook.gradebook(db, course)
    context: dict[str, Any] = {"user": user, "course": course, "exercises": exercises,
                               "rows": rows,
                               "csv": f"/api/courses/{course.id}/gradebook.csv"}
    return render(request, "gradebook.html", context)


@router.post("/courses/{course_id}/exercises/{exercise_id}/regrade")
def regrade(course_id: CourseId, exercise_id: ExerciseId, state: State, user: FormUser,
            back: Annotated[str, Form()] = "") -> Response:
    count = submissions.regrade(state.sessions, state.queue, user, course_id, exercise_id)
    target = back if back.startswith(f"/courses/{course_id}") else f"/courses/{course_id}"
    plural = "submission" if count == 1 else "submissions"
    return redirect(target, f"Re-grading {count} {plural} of {exercise_id}.")
