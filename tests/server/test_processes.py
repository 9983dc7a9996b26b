"""Real processes: a worker killed with SIGKILL mid-grading, a server restarted with queued
submissions. Nothing is graded twice, nothing is lost, no process is left behind."""

from __future__ import annotations

import os
import re
import signal
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from mlkata.cli.client import CourseServer
from mlkata.server import accounts
from mlkata.server.app import create_app
from mlkata.server.db import make_engine, make_sessions
from mlkata.server.models import Submission
from mlkata.server.queue import GradingQueue
from mlkata.server.settings import Settings

from .conftest import SOLUTION, STARTER, TEST_CATALOG, Server
from .processes import (
    descendants,
    free_port,
    mlkata_command,
    running,
    serve_with,
    start_worker,
    stop,
    wait_for,
    wait_gone,
)

#: long enough to be caught in the act: each of the two passes imports it once
SLOW_SOLUTION = "import time\ntime.sleep(1.5)\n" + SOLUTION


def rows(settings: Settings) -> list[Submission]:
    engine = make_engine(settings.db_url)
    try:
        with make_sessions(engine)() as db:
            return list(db.scalars(select(Submission).order_by(Submission.id)))
    finally:
        engine.dispose()


def test_a_worker_killed_mid_grading_leaves_it_graded_exactly_once(settings: Settings,
                                                                   tmp_path: Path):
    """On the embedded default, and scaled out (PostgreSQL, Redis queue)."""
    settings = replace(settings, workers=1, lease_s=2.0, reap_every_s=0.3)
    app = create_app(settings)  # with its reaper thread, as `mlkata serve` runs it
    with TestClient(app) as client, open(tmp_path / "workers.log", "wb") as log:
        with app.state.server.sessions.begin() as db:
            password = accounts.bootstrap_teacher(db)
        server = Server(client, app.state.server, None, password or "")
        course = server.course()
        submitted = server.submit(course, server.enrol(course, "ann"), SLOW_SOLUTION)

        doomed = start_worker(settings, log)
        wait_for(lambda: rows(settings)[0].state == "running", 60, "the worker to claim it")
        family = descendants(doomed.pid) | {doomed.pid}
        os.killpg(doomed.pid, signal.SIGKILL)  # kill -9 the worker: consumer and graders
        doomed.wait()
        assert rows(settings)[0].state == "running"  # stuck, until its lease runs out
        wait_for(lambda: rows(settings)[0].state == "queued", 15, "the reaper to re-queue it")

        successor = start_worker(settings, log)
        try:
            wait_for(lambda: rows(settings)[0].state == "done", 60, "the new worker to grade")
        finally:
            stop(successor)
        wait_gone(family)

    graded = rows(settings)[0]
    assert (graded.status, graded.gradings, graded.claims) == ("pass", 1, 2)
    assert graded.id == submitted["id"]


def call(server: CourseServer, method: str, path: str, body: Any = None) -> Any:
    return server.request(method, path, body)


def test_a_restarted_server_grades_what_was_queued(tmp_path: Path):
    data, port = tmp_path / "data", free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "server.log"
    with open(log_path, "wb") as log, running(
            mlkata_command("--catalog", str(TEST_CATALOG), "serve", "--data", str(data),
                           "--port", str(port), "--workers", "0"), log, url,
            stop_with=signal.SIGTERM):
        printed = log_path.read_text()
        password = re.search(r"password\s+(\S+)", printed)
        assert password and url in printed, printed
        teacher = CourseServer(url, call(CourseServer(url), "POST", "/api/auth/token", {
            "username": "teacher", "password": password.group(1)})["token"])
        course = call(teacher, "POST", "/api/courses",
                      {"title": "ML", "exercises": [{"id": "softmax"}]})
        ann = CourseServer(url, call(CourseServer(url), "POST", "/api/auth/register", {
            "username": "ann", "password": "ann-password"})["token"])
        call(ann, "POST", "/api/courses/join", {"invite_code": course["invite_code"]})
        for code in (STARTER, SOLUTION, SOLUTION):
            call(ann, "POST", f"/api/courses/{course['id']}/submissions",
                 {"exercise": "softmax", "code": code})

    settings = Settings(data_dir=data, catalogs=(str(TEST_CATALOG),), port=port, workers=1,
                        reap_every_s=0.3, requeue_idle_s=1.0)
    assert [r.state for r in rows(settings)] == ["queued"] * 3
    lost = GradingQueue(settings).huey.dequeue()  # a task gone missing
    assert lost is not None

    with open(log_path, "ab") as log, running(serve_with(settings), log, url):
        wait_for(lambda: all(r.state == "done" for r in rows(settings)), 60,
                 "every queued submission to be graded")
        assert "First start" not in log_path.read_text().split(url)[-1]
    assert [(r.status, r.gradings) for r in rows(settings)] == [
        ("fail", 1), ("pass", 1), ("pass", 1)]
