"""The front door: what mlkata is (logged out), or your courses (logged in)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response

from .. import courses
from ..api.deps import State
from ..models import TEACHER, Course
from .progress import progress_of
from .rendering import MaybePageUser, PageRoute, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@dataclass(frozen=True)
class CourseCard:
    course: Course
    exercises: int
    learners: int
    solved: int  # by the viewer, a learner


@router.get("/")
def home(request: Request, state: State, user: MaybePageUser) -> Response:
    cards: list[CourseCard] = []
    if user is not None:
        with state.sessions() as db:
            for course in courses.courses_of(db, user):
                exercises = courses.exercises_of(db, course)
                learners = len(courses.learners_of(db, course)) if user.role == TEACHER else 0
                solved = 0 if user.role == TEACHER else sum(
                    p.status == "pass" for p in progress_of(db, course, user, exercises).values())
                cards.append(CourseCard(course, len(exercises), learners, solved))
    return render(request, "index.html", {"user": user, "cards": cards,
                                          "server_url": str(request.base_url).rstrip("/")})
