"""The web application: ``create_app(settings)`` (the JSON API under /api, pages at /)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from .. import __version__
from .api import auth, courses, submissions, teaching
from .body_limit import BodyLimit, BodyTooLarge
from .db import make_engine, make_sessions, migrate
from .errors import ServiceError, TooMany
from .library import ExerciseLibrary
from .queue import GradingQueue
from .reaper import Reaper
from .settings import Settings
from .state import ServerState
from .web import attach
from .web.rendering import error_page

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
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)

    @app.exception_handler(ServiceError)
    async def refused(_: Request, exc: ServiceError) -> JSONResponse:
        wait = exc.retry_after_s if isinstance(exc, TooMany) else None
        return JSONResponse({"detail": str(exc)}, status_code=exc.status,
                            headers={"Retry-After": str(wait)} if wait else None)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=413)
        return error_page(request, 413, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def malformed(_: Request, exc: RequestValidationError) -> JSONResponse:
        # where and why, without the input: sent back, a lone surrogate ("\ud800") or an
        # infinity in it would make the answer itself fail, and a megabyte would come back
        problems = [{k: v for k, v in error.items() if k != "input"} for error in exc.errors()]
        return JSONResponse({"detail": jsonable_encoder(problems)}, status_code=422)

    @app.get("/api/health", tags=["server"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    for module in (auth, courses, submissions, teaching):
        app.include_router(module.router)
    attach(app)
    return app
