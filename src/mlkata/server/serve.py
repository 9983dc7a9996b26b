"""``mlkata serve``: the web server and its grading workers, from one command."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable

from . import accounts
from .db import make_engine, make_sessions, migrate
from .grading import open_sandbox
from .settings import Settings

log = logging.getLogger("mlkata.server")
STOP_GRACE_S = 15.0


def bootstrap(settings: Settings) -> str | None:
    """Migrate; on a fresh database create the teacher account. Returns its password once."""
    if settings.embedded:
        settings.ensure_data_dir()
    engine = make_engine(settings.db_url)
    try:
        migrate(engine)
        with make_sessions(engine).begin() as db:
            return accounts.bootstrap_teacher(db)
    finally:
        engine.dispose()


def check_sandbox(settings: Settings) -> list[str]:
    """Refuse to start (UnsafeSandbox) where learner code could read solutions or data."""
    sandbox, layers = open_sandbox(settings.allow_unhidden)
    sandbox.close()
    return layers


class Workers:
    """The grading workers as a child process, restarted if it ever exits on its own."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._watch = threading.Thread(target=self._watchdog, name="mlkata-workers",
                                       daemon=True)

    def start(self) -> Workers:
        self._spawn()
        self._watch.start()
        return self

    def _spawn(self) -> None:
        env = {**os.environ, "MLKATA_SERVER_SETTINGS": self.settings.to_json()}
        # its own session: Ctrl-C reaches `serve` only, which then stops the workers gracefully
        self.process = subprocess.Popen([sys.executable, "-m", "mlkata.server.worker"],
                                        env=env, start_new_session=True)

    def _watchdog(self) -> None:
        while not self._stopping.is_set():
            assert self.process is not None
            code = self.process.poll()
            if code is not None and not self._stopping.is_set():
                log.error("the grading workers exited (code %s); restarting them", code)
                self._stopping.wait(2.0)
                if not self._stopping.is_set():
                    self._spawn()
            self._stopping.wait(0.5)

    def stop(self) -> None:
        """SIGINT lets running checks finish; what does not finish in time is handed back."""
        self._stopping.set()
        process = self.process
        if process is None or process.poll() is not None:
            return
        for sig, wait in ((signal.SIGINT, STOP_GRACE_S), (signal.SIGTERM, 5.0),
                          (signal.SIGKILL, 5.0)):
            try:
                process.send_signal(sig)
                process.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue
            except ProcessLookupError:
                return


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(settings: Settings, say: Callable[[str], None] = print) -> None:
    import uvicorn

    from .app import create_app

    password = bootstrap(settings)
    if settings.workers > 0:
        check_sandbox(settings)
    if password is not None:
        say("First start: created the teacher account\n"
            f"  username  teacher\n  password  {password}\n"
            "  (shown only now: change it on the web at /account, or with "
            "`mlkata server set-password teacher`)")
    workers = Workers(settings).start() if settings.workers > 0 else None
    app = create_app(settings)
    plural = "s" if settings.workers > 1 else ""
    grading = (f"{settings.workers} grading worker{plural}" if workers else
               "no grading workers here (start `mlkata worker` elsewhere)")
    say(f"mlkata course server: {settings.url}   ({grading}; data {settings.data_dir})")
    say(f"  learners: mlkata login {settings.url}   ·   API: {settings.url}/docs")
    # uvicorn shuts down gracefully on SIGINT and SIGTERM, then raises the signal again:
    # both end here as KeyboardInterrupt, so the workers are always stopped
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        # uvicorn would trust X-Forwarded-For from 127.0.0.1 by default: anyone reaching the
        # port from this machine could then claim any address and dodge the throttles
        uvicorn.Server(uvicorn.Config(app, host=settings.host, port=settings.port,
                                      log_level="warning", access_log=False,
                                      proxy_headers=settings.proxy_headers)).run()
    except KeyboardInterrupt:
        pass
    finally:
        if workers is not None:
            started = time.monotonic()
            workers.stop()
            log.info("grading workers stopped in %.1f s", time.monotonic() - started)
