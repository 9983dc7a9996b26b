"""The server-rendered pages: Jinja2 templates in ``templates/``, static files (CSS, KaTeX) in
``static/``, served at ``/static``. Pages call the same services as the JSON API
(:mod:`mlkata.server.courses`, ``submissions``, ``gradebook``, ``leaderboard``) and find the
logged-in user with ``MaybeUser``/``CurrentUser`` from :mod:`mlkata.server.api.deps`."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"


def attach(app: FastAPI) -> None:
    from .pages import router
    app.state.templates = Jinja2Templates(directory=str(TEMPLATES))
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(router)
