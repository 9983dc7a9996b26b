"""The web pages through FastAPI's test client: one browser-like client per person, each with its
own cookies, logging in through the login form as a person would."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from fastapi.testclient import TestClient  # noqa: E402
from httpx import Response  # noqa: E402

from mlkata.engine.catalog import SHIPPED  # noqa: E402
from mlkata.server import accounts  # noqa: E402
from mlkata.server.app import create_app  # noqa: E402
from mlkata.server.settings import Settings  # noqa: E402
from mlkata.server.state import ServerState  # noqa: E402

SOFTMAX = SHIPPED / "foundations" / "softmax"
SOLUTION = (SOFTMAX / "solution.py").read_text()
NO_MAX_SHIFT = (SOFTMAX / "mistakes" / "no_max_shift.py").read_text()
CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')
TEACHER_PASSWORD = "teacher-password"


@pytest.fixture(autouse=True, scope="session")
def _quick_password_hashing() -> Iterator[None]:
    """argon2 at its cheapest: the tests hash passwords, they do not guard them."""
    from argon2 import PasswordHasher

    from mlkata.server import security
    original = security._hasher
    security._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    security._hasher = original


class Browser:
    """A person at a browser: cookies kept, redirects not followed (the tests look at them)."""

    def __init__(self, app: Any) -> None:
        self.client = TestClient(app, follow_redirects=False)

    def get(self, url: str, **kwargs: Any) -> Response:
        return self.client.get(url, **kwargs)

    def csrf(self, page: str = "/") -> str:
        found = CSRF.search(self.get(page).text)
        assert found, f"no form token on {page}"
        return found.group(1)

    def post(self, url: str, data: dict[str, Any] | None = None, *, csrf_from: str = "/",
             **kwargs: Any) -> Response:
        """Post a form as the page ``csrf_from`` would (its anti-forgery token included)."""
        fields = {"csrf": self.csrf(csrf_from), **(data or {})}
        return self.client.post(url, data=fields, **kwargs)

    def log_in(self, username: str, password: str) -> Response:
        reply = self.client.post("/login", data={"username": username, "password": password})
        assert reply.status_code == 303, reply.text
        return reply

    def sign_up(self, username: str) -> Response:
        reply = self.client.post("/signup", data={
            "username": username, "password": f"{username}-password",
            "display_name": username.title(), "email": f"{username}@example.org"})
        assert reply.status_code == 303, reply.text
        return reply


@dataclass
class Site:
    app: Any
    state: ServerState

    def browser(self) -> Browser:
        return Browser(self.app)

    def teacher(self) -> Browser:
        browser = self.browser()
        browser.log_in("teacher", TEACHER_PASSWORD)
        return browser

    def learner(self, username: str) -> Browser:
        browser = self.browser()
        browser.sign_up(username)
        return browser

    def course(self, teacher: Browser, **fields: str) -> tuple[int, str]:
        """A course made through the new-course form: (its id, its invite code)."""
        form = {"title": "Machine learning, from scratch", "exercise": ["softmax", "standardize"],
                "deadline-softmax": "2030-06-01T12:00", "tz": "Europe/Paris", **fields}
        reply = teacher.post("/courses/new", form, csrf_from="/courses/new")
        assert reply.status_code == 303, reply.text
        course_id = int(reply.headers["location"].rsplit("/", 1)[1])
        page = teacher.get(f"/courses/{course_id}").text
        code = re.search(r'id="invite-code">([A-Z0-9]+)<', page)
        assert code
        return course_id, code.group(1)

    def join(self, learner: Browser, code: str) -> None:
        reply = learner.post("/join", {"invite_code": code})
        assert reply.status_code == 303, reply.text

    def submit(self, learner: Browser, course_id: int, code: str,
               exercise: str = "softmax") -> int:
        page = f"/courses/{course_id}/exercises/{exercise}"
        reply = learner.post(f"{page}/submissions", {"code": code}, csrf_from=page)
        assert reply.status_code == 303, reply.text
        location = reply.headers["location"]
        assert location.startswith("/submissions/"), location
        return int(location.rsplit("/", 1)[1])


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[Site]:
    settings = Settings(data_dir=tmp_path / "data", workers=0)
    app = create_app(settings, reaper=False)
    state: ServerState = app.state.server
    with state.sessions.begin() as db:
        accounts.create_user(db, "teacher", TEACHER_PASSWORD, role="teacher",
                             display_name="Prof. Ada")
    yield Site(app, state)
    state.engine.dispose()
