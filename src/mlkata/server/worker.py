"""Grading workers: ``mlkata worker`` (and the workers ``mlkata serve`` starts) run a huey
consumer whose worker processes each keep one warm :class:`~.grading.Grader`."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import socket
import sys
import threading

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from . import leases
from .db import make_engine, make_sessions, migrate
from .grading import Grader, open_sandbox
from .library import ExerciseLibrary
from .models import Course
from .queue import GradingQueue
from .settings import Settings

log = logging.getLogger("mlkata.server.worker")

#: read into the settings at start, then removed: learner code inherits the environment
SECRET_ENVIRONMENT = ("MLKATA_DB", "MLKATA_QUEUE", "MLKATA_SERVER_SETTINGS")
PR_SET_PDEATHSIG = 1


def scrub_environment() -> None:
    for name in SECRET_ENVIRONMENT:
        os.environ.pop(name, None)


def die_with_parent(sig: int) -> None:
    """Linux: get ``sig`` when the parent dies, so no worker outlives its supervisor."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0)


class Heartbeat(threading.Thread):
    """Renews the lease of the claim being graded, so a long check is not taken as dead."""

    def __init__(self, sessions: sessionmaker[Session], lease_s: float) -> None:
        super().__init__(name="mlkata-lease-heartbeat", daemon=True)
        self.sessions, self.lease_s = sessions, lease_s
        self._claim: leases.Claim | None = None
        self._stop_event = threading.Event()

    def watch(self, claim: leases.Claim | None) -> None:
        self._claim = claim

    def stop(self) -> None:
        self._stop_event.set()

    def run(self) -> None:
        while not self._stop_event.wait(self.lease_s / 4):
            held = self._claim
            if held is not None:
                try:
                    leases.renew(self.sessions, held, self.lease_s)
                except Exception:  # the lease may lapse; the verdict is then someone else's
                    log.exception("could not renew the lease of submission %s",
                                  held.submission_id)


class GradingWorker:
    """What a worker process does with a task: claim, grade, write the verdict if still ours."""

    def __init__(self, settings: Settings, engine: Engine, library: ExerciseLibrary,
                 queue: GradingQueue, grader: Grader | None = None) -> None:
        self.settings, self.engine, self.library, self.queue = settings, engine, library, queue
        self.sessions = make_sessions(engine)
        self._grader = grader
        self._owns_grader = grader is None
        self._heartbeat: Heartbeat | None = None
        self._seeds: dict[int, int] = {}

    @property
    def identity(self) -> str:
        return f"{socket.gethostname()}:{os.getpid()}"

    @property
    def grader(self) -> Grader:
        if self._grader is None:
            self._grader = Grader(self.library, self.settings.allow_unhidden)
        return self._grader

    @property
    def heartbeat(self) -> Heartbeat:
        if self._heartbeat is None:
            self._heartbeat = Heartbeat(self.sessions, self.settings.lease_s)
            self._heartbeat.start()
        return self._heartbeat

    def start_in_process(self) -> None:
        """In a freshly forked worker process: own connections, die with the consumer, warm up."""
        die_with_parent(signal.SIGKILL)
        self.engine.dispose(close=False)  # connections opened before the fork belong to the parent
        self.grader  # noqa: B018  (the sandbox imports numpy now, not at the first task)
        self.heartbeat  # noqa: B018

    def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.stop()
            self._heartbeat = None
        if self._grader is not None and self._owns_grader:
            self._grader.close()
            self._grader = None

    def _hidden_seed(self, course_id: int) -> int:
        if course_id not in self._seeds:  # a course's seed never changes
            with self.sessions() as db:
                seed = db.scalar(select(Course.hidden_seed).where(Course.id == course_id))
            if seed is None:
                raise LookupError(f"course {course_id} is gone")
            self._seeds[course_id] = seed
        return self._seeds[course_id]

    def grade(self, submission_id: int) -> None:
        held = leases.claim(self.sessions, submission_id, self.settings.lease_s, self.identity)
        if held is None:  # graded already, or another worker holds a live claim
            return
        self.heartbeat.watch(held)
        try:
            graded = self.grader.grade(held.exercise_id, held.code,
                                       self._hidden_seed(held.course_id))
        except KeyboardInterrupt:  # the consumer is stopping: hand the submission back now
            self.heartbeat.watch(None)
            if leases.release(self.sessions, held):
                with contextlib.suppress(Exception):
                    self.queue.enqueue(submission_id)
            raise
        except Exception:  # a failing grader counts as a dead one: the lease runs out
            self.heartbeat.watch(None)
            log.exception("grading submission %s failed", submission_id)
            return
        self.heartbeat.watch(None)
        if not leases.finish(self.sessions, held, graded):
            log.warning("submission %s: the claim was lost while grading (lease expired or "
                        "re-grade requested); this verdict is discarded", submission_id)


def run_worker(settings: Settings) -> None:
    """Run grading workers until interrupted (SIGINT: finish the current checks first)."""
    scrub_environment()
    if settings.embedded:
        settings.ensure_data_dir()
    engine = make_engine(settings.db_url)
    migrate(engine)
    library = ExerciseLibrary(settings.catalogs)
    _refuse_unsafe_sandbox(settings, library)
    queue = GradingQueue(settings)
    worker = GradingWorker(settings, engine, library, queue)
    queue.set_grader(worker.grade)
    queue.huey.on_startup()(worker.start_in_process)
    queue.huey.on_shutdown()(worker.close)
    log.info("grading with %d workers on %s (queue %s)", settings.workers,
             engine.url.render_as_string(hide_password=True), _safe_url(settings.queue_url))
    queue.consumer(settings.workers).run()


def _refuse_unsafe_sandbox(settings: Settings, library: ExerciseLibrary) -> None:
    """Fail at start, with the reason, rather than in every worker process."""
    sandbox, layers = open_sandbox(settings.allow_unhidden)
    sandbox.close()
    log.info("sandbox layers: %s", ", ".join(layers))


def _safe_url(url: str) -> str:
    from sqlalchemy import make_url
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1]


def main() -> None:
    """``python -m mlkata.server.worker``: settings come as JSON in MLKATA_SERVER_SETTINGS."""
    from .logs import configure_logging
    configure_logging()
    settings = Settings.from_json(os.environ["MLKATA_SERVER_SETTINGS"])
    die_with_parent(signal.SIGTERM)
    run_worker(settings)


if __name__ == "__main__":
    main()
