"""`mlkata login`, `join`, `submit`, `logout`: take part in a course on a course server."""

from __future__ import annotations

import contextlib
import getpass
import json
import sys
import time
from dataclasses import fields
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

import click

from .client import CourseServer, Login, Logins, ServerError, normalise
from .main import EXIT_FAIL, EXIT_PASS, Context, fail

if TYPE_CHECKING:
    from rich.console import Console

    from ..engine.exercise import Exercise
    from ..engine.verdict import Verdict

#: each long-poll asks the server to hold the answer this long
POLL_S = 20.0


def _logged_in(logins: Logins | None = None) -> tuple[Logins, Login]:
    logins = logins or Logins.load()
    login = logins.active()
    if login is None:
        fail("Not logged in to a course server: mlkata login URL")
    return logins, login


def _call(server: CourseServer, method: str, path: str, body: Any = None,
          timeout: float = 60.0) -> Any:
    try:
        return server.request(method, path, body, timeout)
    except ServerError as exc:
        if exc.status == 401 and server.token:
            fail(f"{server.url} no longer accepts your login: mlkata login {server.url}")
        fail(exc.detail, EXIT_FAIL)


@click.command()
@click.argument("url")
@click.option("--username", help="Your username on the server (asked if not given).")
@click.option("--register", is_flag=True, help="Create a learner account first.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def login(url: str, username: str | None, register: bool, password_stdin: bool) -> None:
    """Log in to a course server; the token is kept in ~/.config/mlkata/servers.json."""
    server = CourseServer(normalise(url))
    username = username or click.prompt("username", default=getpass.getuser())
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("password", hide_input=True, confirmation_prompt=register)
    body = {"username": username, "password": password}
    issued = _call(server, "POST", "/api/auth/register" if register else "/api/auth/token",
                   body)
    user = issued["user"]
    logins = Logins.load()
    previous = logins.servers.get(server.url)
    course = previous.course if previous and previous.username == user["username"] else None
    logins.servers[server.url] = Login(server.url, issued["token"], user["username"],
                                       user["role"], course)
    logins.current = server.url
    logins.save()
    click.echo(f"Logged in to {server.url} as {user['username']} ({user['role']}).")
    if user["role"] == "learner" and course is None:
        click.echo("Join your course with the code your teacher gave you: mlkata join CODE")


@click.command()
def logout() -> None:
    """Log out of the current course server (its token is revoked)."""
    logins, login = _logged_in()
    with contextlib.suppress(ServerError):  # gone or unreachable: forgetting it here matters
        CourseServer(login.url, login.token).request("DELETE", "/api/auth/token")
    del logins.servers[login.url]
    logins.current = next(iter(logins.servers), None)
    logins.save()
    click.echo(f"Logged out of {login.url}.")


@click.command()
@click.argument("invite_code")
def join(invite_code: str) -> None:
    """Join a course with its invite code; it becomes the course you submit to."""
    logins, login = _logged_in()
    course = _call(CourseServer(login.url, login.token), "POST", "/api/courses/join",
                   {"invite_code": invite_code})
    login.course = course["id"]
    logins.save()
    click.echo(f"Joined “{course['title']}” ({len(course['exercises'])} exercises). "
               "Submit from your workspace: mlkata submit [ID]")
    for exercise in course["exercises"]:
        due = f"   due {exercise['deadline']}" if exercise["deadline"] else ""
        click.echo(f"  {exercise['id']:<28} {exercise['title']}{due}")


def _course(server: CourseServer, login: Login, chosen: int | None) -> int:
    if chosen is not None:
        return chosen
    if login.course is not None:
        return login.course
    mine = _call(server, "GET", "/api/courses")
    if len(mine) == 1:
        return int(mine[0]["id"])
    if not mine:
        fail("You are in no course yet: mlkata join CODE")
    listed = ", ".join(f"{c['id']} ({c['title']})" for c in mine)
    fail(f"Which course? --course ID, one of: {listed}")


@click.command()
@click.argument("exercise_id", required=False)
@click.option("--file", "file", type=click.Path(path_type=Path, dir_okay=False),
              help="Submit this file instead of the workspace's.")
@click.option("--course", "course_id", type=int, help="The course (default: the one joined).")
@click.option("--json", "as_json", is_flag=True, help="Print the submission as JSON.")
@click.option("--no-wait", is_flag=True, help="Upload and return without waiting.")
@click.pass_obj
def submit(obj: Context, exercise_id: str | None, file: Path | None, course_id: int | None,
           as_json: bool, no_wait: bool) -> None:
    """Submit your solution to the course server and wait for its verdict.

    Exit 0 pass, 1 fail, 2 usage error. The server runs the public cases (as `mlkata check`
    does), then hidden ones whose inputs it never shows.
    """
    logins, login = _logged_in()
    exercise, path, in_workspace = _submitted_file(obj, exercise_id, file)
    server = CourseServer(login.url, login.token)
    course = _course(server, login, course_id)
    source = path.read_text(encoding="utf-8", errors="replace")
    received = _call(server, "POST", f"/api/courses/{course}/submissions",
                     {"exercise": exercise.id, "code": source})
    if no_wait:
        click.echo(json.dumps(received, indent=2) if as_json else
                   f"submitted {exercise.id}: attempt {received['attempt']} (id "
                   f"{received['id']})")
        return
    from .render import console
    out = console(stderr=as_json)
    shown = _await_verdict(server, received, out)
    if as_json:
        click.echo(json.dumps(shown, indent=2))
    else:
        _render(out, exercise, shown, str(path))
    if in_workspace and obj.workspace is not None and shown["feedback"]:
        obj.workspace.record_check(cast("Exercise", exercise), verdict_of(shown), source,
                                   origin="submit")
    sys.exit(EXIT_PASS if shown["status"] == "pass" else EXIT_FAIL)


def _submitted_file(obj: Context, exercise_id: str | None, file: Path | None
                    ) -> tuple[Any, Path, bool]:
    """The exercise and file, as `mlkata check` finds them; an id unknown here is fine with
    --file (the server may have exercises of its own)."""
    if file is not None and (exercise_id or file.stem) not in obj.catalog:
        if not file.is_file():
            fail(f"No file {file}.")
        return SimpleNamespace(id=exercise_id or file.stem, title=""), file, False
    from .main import _resolve
    exercise, path, ws = _resolve(obj, exercise_id, file)
    return exercise, path, ws is not None


def _await_verdict(server: CourseServer, received: dict[str, Any], out: Console
                   ) -> dict[str, Any]:
    shown = received
    started = time.monotonic()
    with out.status("") as status:
        while shown["state"] != "done":
            ahead = shown.get("queued_ahead")
            waiting = ("running the checks" if shown["state"] != "queued" else
                       "queued" if ahead is None else f"queued, {ahead} ahead")
            status.update(f"grading attempt {shown['attempt']} of {shown['exercise']} on "
                          f"{server.url}: {waiting} ({time.monotonic() - started:.0f} s)")
            shown = _call(server, "GET", f"/api/submissions/{shown['id']}?wait={POLL_S:g}",
                          timeout=POLL_S + 30)
    return shown


def verdict_of(shown: dict[str, Any]) -> Verdict:
    """The server's feedback as the Verdict the terminal renderer draws."""
    from ..engine.verdict import CheckResult, Verdict
    feedback = shown["feedback"] or {}
    known = {f.name for f in fields(CheckResult)}
    checks = [CheckResult(**{k: v for k, v in test.items() if k in known})
              for test in feedback.get("tests", [])]
    return Verdict(shown["exercise"], str(shown["status"]), checks,
                   message=feedback.get("message"),
                   duration_s=float(feedback.get("duration_s") or 0.0))


def _render(out: Console, exercise: Any, shown: dict[str, Any], path: str) -> None:
    from rich.text import Text

    from .render import verdict
    result = verdict_of(shown)
    if exercise.title == "":
        exercise = SimpleNamespace(id=exercise.id, title=shown["exercise"])
    verdict(out, exercise, result, path=path)
    if result.status == "error" and not result.checks and result.message:
        out.print(Text(f"    {result.message}", style="red"))
    late = "  · late (after the deadline)" if shown["late"] else ""
    if shown["status"] == "pass":
        out.print(Text(f"  accepted: public and hidden cases pass · attempt {shown['attempt']}"
                       f"{late}", style="green"))
    elif shown["stage"] == "hidden":
        out.print(Text(f"  the public cases pass, a hidden one does not (its input is not "
                       f"shown) · attempt {shown['attempt']}{late}", style="yellow"))
    else:
        out.print(Text(f"  attempt {shown['attempt']}{late}", style="dim"))
