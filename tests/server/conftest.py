"""Course-server fixtures: the API on SQLite, and the same on PostgreSQL with the Redis queue.

PostgreSQL and Redis are found at MLKATA_TEST_POSTGRES (an admin URL; a fresh database is
created for the session) and MLKATA_TEST_REDIS; tests needing them are skipped, saying why, only
when they cannot be reached.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from mlkata.engine.catalog import SHIPPED  # noqa: E402
from mlkata.server import accounts  # noqa: E402
from mlkata.server.app import create_app  # noqa: E402
from mlkata.server.grading import Grader  # noqa: E402
from mlkata.server.library import ExerciseLibrary  # noqa: E402
from mlkata.server.models import Base  # noqa: E402
from mlkata.server.settings import Settings  # noqa: E402
from mlkata.server.state import ServerState  # noqa: E402
from mlkata.server.worker import GradingWorker  # noqa: E402

POSTGRES_ADMIN = os.environ.get("MLKATA_TEST_POSTGRES",
                                "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("MLKATA_TEST_REDIS", "redis://127.0.0.1:6379/0")
TEST_CATALOG = Path(__file__).parent / "catalog"
SOFTMAX = SHIPPED / "foundations" / "softmax"
SOLUTION = (SOFTMAX / "solution.py").read_text()
STARTER = (SOFTMAX / "starter.py").read_text()


@pytest.fixture(autouse=True, scope="session")
def _quick_password_hashing() -> Iterator[None]:
    """argon2 at its cheapest: the tests hash dozens of passwords, not guard them."""
    from argon2 import PasswordHasher

    from mlkata.server import security
    original = security._hasher
    security._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    security._hasher = original


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    import psycopg
    name = f"mlkata_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin = POSTGRES_ADMIN.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL is unreachable at {POSTGRES_ADMIN} ({exc}); start it or set "
                    "MLKATA_TEST_POSTGRES")
    yield admin.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def redis_url() -> str:
    import redis
    try:
        redis.Redis.from_url(REDIS, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis is unreachable at {REDIS} ({exc}); start it or set "
                    "MLKATA_TEST_REDIS")
    return REDIS


@pytest.fixture(params=["sqlite", "postgresql+redis"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Server settings on a fresh database and queue, on each backend."""
    base = dict(data_dir=tmp_path / "data", catalogs=(str(TEST_CATALOG),),
                queue_name=f"mlkata-test-{secrets.token_hex(4)}")
    if request.param == "sqlite":
        yield Settings(**base)  # type: ignore[arg-type]
        return
    database = request.getfixturevalue("postgres_url")
    queue = request.getfixturevalue("redis_url")
    _empty_tables(database)
    chosen = Settings(**base, db_url=database, queue_url=queue)  # type: ignore[arg-type]
    yield chosen
    from mlkata.server.queue import make_huey
    make_huey(queue, chosen.queue_name).flush()


def _empty_tables(url: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        tables = [t.name for t in Base.metadata.sorted_tables
                  if conn.dialect.has_table(conn, t.name)]
        if tables:
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(scope="session")
def grader() -> Iterator[Grader]:
    """One warm grader for the session, as a worker process keeps one."""
    library = ExerciseLibrary([TEST_CATALOG])
    made = Grader(library)
    yield made
    made.close()


@dataclass
class Server:
    """The app under test, a worker that grades in this process, and account helpers."""

    client: TestClient
    state: ServerState
    worker: GradingWorker | None
    teacher_password: str
    _tokens: dict[str, str] = field(default_factory=dict)

    @property
    def settings(self) -> Settings:
        return self.state.settings

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    @property
    def teacher(self) -> dict[str, str]:
        if "teacher" not in self._tokens:
            reply = self.client.post("/api/auth/token", json={
                "username": "teacher", "password": self.teacher_password})
            self._tokens["teacher"] = reply.json()["token"]
        return self.auth(self._tokens["teacher"])

    def learner(self, username: str) -> dict[str, str]:
        if username not in self._tokens:
            reply = self.client.post("/api/auth/register", json={
                "username": username, "password": f"{username}-password"})
            assert reply.status_code == 201, reply.text
            self._tokens[username] = reply.json()["token"]
        return self.auth(self._tokens[username])

    def course(self, exercises: list[dict[str, Any]] | None = None, **fields: Any
               ) -> dict[str, Any]:
        body = {"title": "Machine learning, from scratch",
                "exercises": exercises or [{"id": "softmax"}, {"id": "doubling"}], **fields}
        reply = self.client.post("/api/courses", json=body, headers=self.teacher)
        assert reply.status_code == 201, reply.text
        return dict(reply.json())

    def enrol(self, course: dict[str, Any], username: str) -> dict[str, str]:
        headers = self.learner(username)
        reply = self.client.post("/api/courses/join",
                                 json={"invite_code": course["invite_code"]}, headers=headers)
        assert reply.status_code == 200, reply.text
        return headers

    def submit(self, course: dict[str, Any], headers: dict[str, str], code: str,
               exercise: str = "softmax") -> dict[str, Any]:
        reply = self.client.post(f"/api/courses/{course['id']}/submissions",
                                 json={"exercise": exercise, "code": code}, headers=headers)
        assert reply.status_code == 202, reply.text
        return dict(reply.json())

    def grade(self) -> int:
        return self.state.queue.run_pending()

    def get(self, submission: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
        reply = self.client.get(f"/api/submissions/{submission['id']}", headers=headers)
        assert reply.status_code == 200, reply.text
        return dict(reply.json())


@pytest.fixture()
def server(settings: Settings, grader: Grader) -> Iterator[Server]:
    app = create_app(settings, reaper=False)
    state: ServerState = app.state.server
    with state.sessions.begin() as db:
        password = accounts.bootstrap_teacher(db)
    assert password is not None
    worker = GradingWorker(settings, state.engine, state.library, state.queue, grader=grader)
    state.queue.set_grader(worker.grade)
    with TestClient(app) as client:
        yield Server(client, state, worker, password)
    worker.close()
