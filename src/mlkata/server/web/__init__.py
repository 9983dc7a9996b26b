"""The server-rendered pages: Jinja2 templates in ``templates/``, static files (CSS, the page
script, KaTeX) in ``static/``, served at ``/static``. Pages call the same services as the JSON
API (:mod:`mlkata.server.courses`, ``submissions``, ``gradebook``, ``leaderboard``) and find the
logged-in user from the session cookie the login page sets.

    pages           the front door: your courses
    account_pages   sign up, log in, log out
    teacher_pages   a new course, exercises and deadlines, gradebook, re-grading
    course_pages    a course, joining one, the leaderboard
    exercise_pages  an exercise (theory, upload), attempts, one attempt with its feedback
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ... import __version__
from .markdown import code_spans
from .times import deadline_note, moment, relative

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"


def static_url(path: str) -> str:
    """A file of ``static/``, by a path relative to the site (right behind any proxy)."""
    return f"/static/{path}?v={__version__}"


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.filters.update(moment=moment, relative=relative, deadline=deadline_note,
                       ticks=code_spans)
    env.globals.update(version=__version__, static=static_url,
                       difficulty_dots=lambda n: "●" * n + "○" * (5 - n))
    env.trim_blocks = env.lstrip_blocks = True
    return templates


def attach(app: FastAPI) -> None:
    from . import account_pages, course_pages, exercise_pages, pages, teacher_pages
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    # teacher_pages first: /courses/new before /courses/{course_id}
    for module in (pages, account_pages, teacher_pages, course_pages, exercise_pages):
        app.include_router(module.router)
