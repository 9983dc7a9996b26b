"""Requests made to hurt: bodies far over the size limit, ids no database column holds, text no
database stores, a forged X-Forwarded-For. Each gets a 4xx saying why, never a 500."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from mlkata.server.app import create_app
from mlkata.server.settings import Settings

from .conftest import SOLUTION, Server
from .processes import free_port, mlkata_command, running

CHUNK = 64 * 1024


def asgi_post(app: Any, path: str, chunks: Iterator[bytes],
              headers: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    """POST a body as a server hands it to the app, chunk by chunk as the app asks for it:
    (the status of the answer, the bytes the app pulled)."""
    pulled, status = 0, 0
    finished = False

    async def receive() -> dict[str, Any]:
        nonlocal pulled, finished
        chunk = None if finished else next(chunks, None)
        if chunk is None:
            if finished:
                return {"type": "http.disconnect"}
            finished = True
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": path, "raw_path": path.encode(),
             "root_path": "", "query_string": b"", "client": ("10.0.0.7", 50000),
             "server": ("testserver", 80),
             "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                         *headers]}
    asyncio.run(app(scope, receive, send))
    return status, pulled


def endless_json() -> Iterator[bytes]:
    """A registration whose display name never ends (32 MiB of it here)."""
    yield b'{"username": "mallory", "password": "mallory-password", "display_name": "'
    for _ in range(32 * 1024 * 1024 // CHUNK):
        yield b"x" * CHUNK


@pytest.fixture()
def app(tmp_path: Path) -> Any:
    made = create_app(Settings(data_dir=tmp_path / "data", workers=0), reaper=False)
    yield made
    made.state.server.engine.dispose()


def test_a_chunked_body_over_the_limit_is_refused_as_it_streams_in(app: Any):
    limit = app.state.server.settings.max_body_bytes
    status, pulled = asgi_post(app, "/api/auth/register", endless_json(),
                               [(b"transfer-encoding", b"chunked")])
    assert status == 413
    assert pulled <= limit + CHUNK  # the rest was never read, let alone kept


def test_a_declared_length_over_the_limit_is_refused_before_reading(app: Any):
    limit = app.state.server.settings.max_body_bytes
    status, pulled = asgi_post(app, "/api/auth/register", endless_json(),
                               [(b"content-length", str(32 * limit).encode())])
    assert (status, pulled) == (413, 0)


def test_a_body_over_the_limit_is_told_the_limit(server: Server):
    reply = server.client.post("/api/auth/register", content=b"x" * (2 * 1024 * 1024),
                               headers={"content-type": "application/json"})
    assert reply.status_code == 413
    assert reply.json()["detail"] == ("the request is larger than the 1024 KiB this server "
                                      "accepts")


def test_a_body_under_the_limit_still_goes_through(app: Any):
    body = json.dumps({"username": "ann", "password": "ann-password",
                       "display_name": "a" * 90}).encode()
    status, _ = asgi_post(app, "/api/auth/register", iter([body]),
                          [(b"content-length", str(len(body)).encode())])
    assert status == 201


OUT_OF_RANGE = [2**70, -1, 0, 99999999999999999999, 2**63, 2**31]


@pytest.mark.parametrize("number", OUT_OF_RANGE)
def test_ids_no_column_holds_are_refused_in_paths_and_queries(server: Server, number: int):
    course = server.course()
    ann = server.enrol(course, "ann")
    paths = [f"/api/courses/{number}", f"/api/submissions/{number}",
             f"/api/courses/{number}/leaderboard", f"/api/courses/{number}/submissions",
             f"/api/courses/{course['id']}/submissions?learner={number}"]
    for path in paths:
        for who in (ann, server.teacher):
            reply = server.client.get(path, headers=who)
            assert reply.status_code in (404, 422), (path, reply.text)
            assert reply.json()["detail"]
    for page in (f"/courses/{number}", f"/submissions/{number}",
                 f"/courses/{course['id']}/submissions?learner={number}"):
        reply = server.client.get(page, headers=server.teacher)
        assert reply.status_code in (404, 422), page
        assert "text/html" in reply.headers["content-type"]
    reply = server.client.post(f"/api/courses/{number}/submissions", headers=ann,
                               json={"exercise": "softmax", "code": SOLUTION})
    assert reply.status_code in (404, 422)


def raw_json(text: str, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """A body as a hostile client writes it, escapes and all (``\\ud800``, ``\\u0000``)."""
    return {"content": text.encode(),
            "headers": {**(headers or {}), "content-type": "application/json"}}


LONE_SURROGATE, NUL = "\\ud800", "\\u0000"


@pytest.mark.parametrize("bad", [LONE_SURROGATE, NUL], ids=["lone surrogate", "NUL"])
def test_text_no_database_stores_is_refused(server: Server, bad: str):
    course = server.course()
    ann = server.enrol(course, "ann")
    cid = course["id"]
    attempts: list[tuple[str, str, dict[str, str], str]] = [
        ("POST", f"/api/courses/{cid}/submissions", ann,
         f'{{"exercise": "softmax", "code": "def softmax(z):{bad}\\n    return z\\n"}}'),
        ("POST", f"/api/courses/{cid}/submissions", ann,
         f'{{"exercise": "soft{bad}", "code": "x"}}'),
        ("POST", "/api/auth/register", {},
         f'{{"username": "bob{bad}", "password": "bob-password"}}'),
        ("POST", "/api/auth/register", {},
         f'{{"username": "bob", "password": "bob-password{bad}"}}'),
        ("POST", "/api/auth/register", {},
         f'{{"username": "cleo", "password": "cleo-password", "display_name": "C{bad}"}}'),
        ("POST", "/api/auth/register", {},
         f'{{"username": "dan", "password": "dan-password", "email": "d{bad}@x.org"}}'),
        ("POST", "/api/auth/token", {}, f'{{"username": "ann{bad}", "password": "ann-password"}}'),
        ("POST", "/api/auth/token", {}, f'{{"username": "ann", "password": "ann-pass{bad}"}}'),
        ("POST", "/api/auth/password", ann,
         f'{{"old_password": "ann-password", "new_password": "new-pass{bad}word"}}'),
        ("POST", "/api/courses/join", ann, f'{{"invite_code": "AB{bad}"}}'),
        ("POST", "/api/courses", server.teacher, f'{{"title": "ML{bad}"}}'),
        ("POST", "/api/courses", server.teacher,
         f'{{"title": "ML", "exercises": [{{"id": "soft{bad}"}}]}}'),
        ("PUT", f"/api/courses/{cid}/pseudonym", ann, f'{{"pseudonym": "Gremlin{bad}"}}'),
        ("POST", "/api/courses/join", ann, f'{{"invite_code": ["{bad}"]}}'),  # echoed back
    ]
    for method, path, who, body in attempts:
        reply = server.client.request(method, path, **raw_json(body, who))
        assert 400 <= reply.status_code < 500, (path, body, reply.text)
        assert reply.json()["detail"]
    nul = "%00"
    for path in (f"/api/courses/{cid}/exercises/{nul}",
                 f"/api/courses/{cid}/submissions?exercise={nul}",
                 f"/courses/{cid}/exercises/{nul}", f"/courses/{cid}/submissions?exercise={nul}"):
        reply = server.client.get(path, headers=server.teacher)
        assert reply.status_code in (404, 422), (path, reply.text)
    for method in ("DELETE", "POST"):
        path = f"/api/courses/{cid}/exercises/{nul}" + ("/regrade" if method == "POST" else "")
        reply = server.client.request(method, path, headers=server.teacher)
        assert reply.status_code in (404, 422), (path, reply.text)
    assert server.client.get("/api/auth/me", headers=ann).status_code == 200  # nothing changed


def test_numbers_and_moments_out_of_range_are_refused(server: Server):
    course = server.course()
    path = f"/api/courses/{course['id']}/exercises/softmax"
    for body in ('{"points": 1e309}', '{"points": Infinity}', '{"points": NaN}',
                 '{"points": 1e300}', '{"deadline": "9999-12-31T23:59:59-23:59"}',
                 '{"deadline": "0001-01-01T00:00:00+23:59"}'):
        reply = server.client.put(path, **raw_json(body, server.teacher))
        assert reply.status_code == 422, (body, reply.text)
    reply = server.client.post("/api/courses", headers=server.teacher,
                               json={"title": "T" * 10_000})
    assert reply.status_code == 422
    reply = server.client.post("/api/auth/register", json={
        "username": "eve", "password": "eve-password", "display_name": "E" * 10_000})
    assert reply.status_code == 422
    shown = server.client.get(f"/api/courses/{course['id']}", headers=server.teacher).json()
    assert [e["points"] for e in shown["exercises"]] == [1.0, 1.0]


def failed_logins(url: str, forwarded: list[str]) -> list[int]:
    """Wrong passwords for one account, each claiming another address in X-Forwarded-For."""
    with httpx.Client(base_url=url, timeout=30) as client:
        return [client.post("/api/auth/token", json={"username": "teacher", "password": "guess"},
                            headers={"X-Forwarded-For": address}).status_code
                for address in forwarded]


FORGED = [f"203.0.113.{i}" for i in range(1, 8)]


def test_a_forged_forwarded_address_does_not_dodge_the_login_throttle(tmp_path: Path):
    port = free_port()
    command = mlkata_command("serve", "--data", str(tmp_path / "data"), "--port", str(port),
                             "--workers", "0")
    with open(tmp_path / "serve.log", "wb") as log, \
            running(command, log, f"http://127.0.0.1:{port}"):
        statuses = failed_logins(f"http://127.0.0.1:{port}", FORGED)
    assert statuses == [401] * 5 + [429] * 2  # one address, whatever the header says


def test_forwarded_addresses_are_trusted_when_asked_for(tmp_path: Path):
    port = free_port()
    command = mlkata_command("serve", "--data", str(tmp_path / "data"), "--port", str(port),
                             "--workers", "0", "--proxy-headers")
    with open(tmp_path / "serve.log", "wb") as log, \
            running(command, log, f"http://127.0.0.1:{port}"):
        statuses = failed_logins(f"http://127.0.0.1:{port}", FORGED)
    assert statuses == [401] * 7  # behind a proxy: each is another address
