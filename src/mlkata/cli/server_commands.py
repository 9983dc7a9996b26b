"""`mlkata serve`, `mlkata worker`, `mlkata server …`: run a course server (needs the
``server`` extra). Everything heavy is imported inside the commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .main import EXIT_FAIL, Context, fail

if TYPE_CHECKING:
    from ..server.settings import Settings


def _need_server_extra() -> None:
    try:
        import fastapi  # noqa: F401
        import huey  # noqa: F401
        import sqlalchemy  # noqa: F401
    except ImportError:
        fail("the course server needs its extra: pip install 'mlkata[server]'")


def storage_options(fn: Any) -> Any:
    fn = click.option("--queue", "queue_url", envvar="MLKATA_QUEUE", metavar="URL",
                      help="The task queue: redis://HOST:PORT/DB (default: SQLite in DIR).")(fn)
    fn = click.option("--db", "db_url", envvar="MLKATA_DB", metavar="URL",
                      help="The database: postgresql://USER@HOST/DB (default: SQLite in DIR)."
                      )(fn)
    fn = click.option("--data", "data_dir", envvar="MLKATA_SERVER_DATA", metavar="DIR",
                      type=click.Path(path_type=Path, file_okay=False),
                      help="The server's data folder [default: ~/.local/share/mlkata/server]."
                      )(fn)
    return fn


def _settings(obj: Context, **given: Any) -> Settings:
    _need_server_extra()
    from ..server.settings import Settings
    chosen = {k: v for k, v in given.items() if v is not None}
    return Settings(catalogs=tuple(str(p) for p in obj.extra), **chosen)


def _workers_option(fn: Any) -> Any:
    fn = click.option("--allow-unhidden", is_flag=True,
                      help="Grade even where the sandbox cannot build its minimal root "
                      "(learner code could read the solutions and the data). Trusted "
                      "learners only.")(fn)
    return click.option("--workers", type=click.IntRange(0, 256), default=2, show_default=True,
                        help="Grading worker processes (0: web only).")(fn)


@click.command()
@storage_options
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--proxy-headers", is_flag=True,
              help="Behind a reverse proxy: take the client's address and scheme from "
              "X-Forwarded-For and X-Forwarded-Proto, when sent by an address in "
              "FORWARDED_ALLOW_IPS (default 127.0.0.1).")
@_workers_option
@click.pass_obj
def serve(obj: Context, data_dir: Path | None, db_url: str | None, queue_url: str | None,
          host: str, port: int, proxy_headers: bool, workers: int, allow_unhidden: bool
          ) -> None:
    """Run the course server: web pages, JSON API and grading workers.

    \b
    Embedded (one machine, nothing else to run):
      mlkata serve
    Scaled out:
      mlkata serve --db postgresql://… --queue redis://… --workers 0
      mlkata worker --db postgresql://… --queue redis://…    (on each grading machine)
    """
    settings = _settings(obj, data_dir=data_dir, db_url=db_url, queue_url=queue_url,
                         host=host, port=port, workers=workers, allow_unhidden=allow_unhidden,
                         proxy_headers=proxy_headers)
    from ..server.grading import UnsafeSandbox
    from ..server.logs import configure_logging
    from ..server.serve import serve as run
    configure_logging()
    try:
        run(settings, say=click.echo)
    except UnsafeSandbox as exc:
        fail(str(exc), EXIT_FAIL)


@click.command()
@storage_options
@_workers_option
@click.pass_obj
def worker(obj: Context, data_dir: Path | None, db_url: str | None, queue_url: str | None,
           workers: int, allow_unhidden: bool) -> None:
    """Run grading workers for a course server (same --db and --queue as the server)."""
    settings = _settings(obj, data_dir=data_dir, db_url=db_url, queue_url=queue_url,
                         workers=max(workers, 1), allow_unhidden=allow_unhidden)
    from ..server.grading import UnsafeSandbox
    from ..server.logs import configure_logging
    from ..server.worker import run_worker
    configure_logging()
    try:
        run_worker(settings)
    except UnsafeSandbox as exc:
        fail(str(exc), EXIT_FAIL)


@click.group(name="server")
def server_group() -> None:
    """Administer a course server's accounts."""


def _password(from_stdin: bool) -> tuple[str, bool]:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n"), False
    from ..server.security import new_password
    return new_password(), True


@server_group.command(name="create-teacher")
@click.argument("username")
@storage_options
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_obj
def create_teacher(obj: Context, username: str, data_dir: Path | None, db_url: str | None,
                   queue_url: str | None, password_stdin: bool) -> None:
    """Create a teacher account (a password is generated unless given on stdin)."""
    settings = _settings(obj, data_dir=data_dir, db_url=db_url, queue_url=queue_url)
    from ..server import accounts
    from ..server.db import make_engine, make_sessions, migrate
    from ..server.models import TEACHER
    password, generated = _password(password_stdin)
    if settings.embedded:
        settings.ensure_data_dir()
    engine = make_engine(settings.db_url)
    migrate(engine)
    try:
        with make_sessions(engine).begin() as db:
            accounts.create_user(db, username, password, role=TEACHER)
    except accounts.AccountError as exc:
        fail(str(exc), EXIT_FAIL)
    click.echo(f"teacher {username} created" + (f"; password: {password}" if generated else ""))


@server_group.command(name="set-password")
@click.argument("username")
@storage_options
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_obj
def set_password(obj: Context, username: str, data_dir: Path | None, db_url: str | None,
                 queue_url: str | None, password_stdin: bool) -> None:
    """Set an account's password (and end its sessions and tokens)."""
    settings = _settings(obj, data_dir=data_dir, db_url=db_url, queue_url=queue_url)
    from sqlalchemy import select

    from ..server import accounts
    from ..server.db import make_engine, make_sessions, migrate
    from ..server.models import User
    password, generated = _password(password_stdin)
    engine = make_engine(settings.db_url)
    migrate(engine)
    with make_sessions(engine).begin() as db:
        user = db.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            fail(f"no account {username!r}", EXIT_FAIL)
        try:
            accounts.set_password(db, user, password)
        except accounts.AccountError as exc:
            fail(str(exc), EXIT_FAIL)
    click.echo(f"password of {username} set" + (f": {password}" if generated else ""))
