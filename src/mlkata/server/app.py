"""The web application: ``create_app(settings)`` (the JSON API under /api, pages at /)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .. import __version__
from .api import auth, courses, submissions, teaching
from .db import make_engine, make_sessions, migrate
from .errors import ServiceError
from .library import ExerciseLibrary
from .queue import GradingQueue
from .reaper import Reaper
from .settings import Settings
from .state import ServerState

log = logging.getLogger("mlkata.server")


def create_app(settings: Settings, *, reaper: bool = True) -> FastAPI:
    """The app, with its database migrated; ``reaper`` runs the reaper thread while it serves."""
    if settings.db_url.startswith("sqlite") or settings.queue_url.startswith("sqlite"):
        settings.ensure_data_dir()
    engine = make_engine(settings.db_url)
    migrate(engine)
    state = ServerState(settings, engine, make_sessions(engine), GradingQueue(settings),
                        ExerciseLibrary(settings.catalogs))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        thread = Reaper(state.sessions, state.queue, settings) if reaper else None
        if thread is not None:
            thread.start()
        try:
            yield
        finally:
            if thread is not None:
                thread.stop()
            engine.dispose()

    app = FastAPI(title="mlkata course server", version=__version__, lifespan=lifespan,
                  description="Courses of mlkata exercises, graded in the sandbox. "
                              "Authenticate with a bearer token (POST /api/auth/token) or the "
                              "web session cookie.")
    app.state.server = state

    @app.exception_handler(ServiceError)
    async def refused(_: Request, exc: ServiceError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.get("/api/health", tags=["server"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    for module in (auth, courses, submissions, teaching):
        app.include_router(module.router)
    from .web import attach
    attach(app)
    return app
