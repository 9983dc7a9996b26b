"""A course as its teacher and its learners see it, joining one, and its leaderboard."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import courses, leaderboard
from ..api.deps import CourseId, State, client_address
from ..errors import ServiceError
from ..models import Course, Submission, User
from .progress import progress_of
from .rendering import FormUser, PageRoute, PageUser, redirect, render, sentence

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def exercise_activity(db: Session, course: Course) -> dict[str, tuple[int, int]]:
    """Per exercise: how many learners solved it, and how many attempts were sent."""
    rows = db.execute(
        select(Submission.exercise_id,
               func.count(func.distinct(Submission.user_id)).filter(Submission.status == "pass"),
               func.count())
        .where(Submission.course_id == course.id).group_by(Submission.exercise_id))
    return {exercise_id: (int(solved), int(sent)) for exercise_id, solved, sent in rows}


@router.get("/courses/{course_id}")
def course_page(course_id: CourseId, request: Request, state: State, user: PageUser
                ) -> Response:
    with state.sessions() as db:
        course = courses.visible_course(db, user, course_id)
        exercises = courses.exercises_of(db, course)
        teaching = course.teacher_id == user.id
        context: dict[str, Any] = {"user": user, "course": course, "exercises": exercises,
                                   "teaching": teaching, "library": state.library}
        teacher = db.get(User, course.teacher_id)
        context["teacher_name"] = teacher.display_name if teacher else None
        if teaching:
            context["learners"] = len(courses.learners_of(db, course))
            context["activity"] = exercise_activity(db, course)
            context["join_url"] = f"{str(request.base_url).rstrip('/')}/join?code=" \
                                  f"{course.invite_code}"
            context["catalog"] = state.library.catalog
        else:
            context["progress"] = progress_of(db, course, user, exercises)
            context["standing"] = leaderboard.leaderboard(db, course, user).get("me")
    return render(request, "course.html", context)


@router.get("/join")
def join_form(request: Request, user: PageUser, code: str = "") -> Response:
    return render(request, "join.html", {"user": user, "code": code.strip().upper()})


@router.post("/join")
def join(request: Request, state: State, user: FormUser,
         invite_code: Annotated[str, Form()]) -> Response:
    try:
        with state.sessions.begin() as db:
            course = courses.join(db, user, invite_code, state.joins, client_address(request))
            course_id, title = course.id, course.title
    except ServiceError as exc:
        return render(request, "join.html", {"user": user, "code": invite_code,
                                             "error": sentence(exc)},
                      status=exc.status)
    return redirect(f"/courses/{course_id}", f"You joined {title}.")


@router.get("/courses/{course_id}/leaderboard")
def leaderboard_page(course_id: CourseId, request: Request, state: State,
                     user: PageUser) -> Response:
    with state.sessions() as db:
        course = courses.visible_course(db, user, course_id)
        board = leaderboard.leaderboard(db, course, user)
        enrolled = courses.enrollment(db, course, user)
    return render(request, "leaderboard.html", {
        "user": user, "course": course, "board": board, "me": board.get("me"),
        "pseudonym": enrolled.pseudonym if enrolled else None,
        "teaching": course.teacher_id == user.id})


@router.post("/courses/{course_id}/pseudonym")
def set_pseudonym(course_id: CourseId, state: State, user: FormUser,
                  pseudonym: Annotated[str, Form()] = "",
                  listed: Annotated[str, Form()] = "yes") -> Response:
    chosen = pseudonym.strip() if listed == "yes" else None
    back = f"/courses/{course_id}/leaderboard"
    if listed == "yes" and not chosen:
        return redirect(back, "Not changed: choose a pseudonym to be listed under.")
    try:
        with state.sessions.begin() as db:
            course = courses.visible_course(db, user, course_id)
            courses.set_pseudonym(db, course, user, chosen or None)
    except ServiceError as exc:
        return redirect(back, f"Not changed: {exc}.")
    if chosen:
        return redirect(back, f"You are listed as “{chosen}”.")
    return redirect(back, "You are not listed; you still see your own standing.")
