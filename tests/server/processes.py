"""Real server and worker processes for the tests, and making sure none is left behind."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from mlkata.server.settings import Settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def children_map() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        found.setdefault(parent, []).append(int(entry.name))
    return found


def descendants(pid: int) -> set[int]:
    tree, found, todo = children_map(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_for(condition: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


def wait_gone(pids: set[int], timeout: float = 20.0) -> None:
    wait_for(lambda: not [p for p in pids if alive(p)], timeout,
             f"processes {sorted(p for p in pids if alive(p))} to exit")


def start_worker(settings: Settings, log: IO[bytes]) -> subprocess.Popen[bytes]:
    """``python -m mlkata.server.worker`` as `mlkata serve` starts it, in its own group."""
    env = {**os.environ, "MLKATA_SERVER_SETTINGS": settings.to_json()}
    return subprocess.Popen([sys.executable, "-m", "mlkata.server.worker"], env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def mlkata_command(*args: str) -> list[str]:
    script = Path(sys.executable).parent / "mlkata"
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "from mlkata.cli.main import main; main()", *args]


def serve_with(settings: Settings) -> list[str]:
    """A real server process with settings the command line does not offer (short timings)."""
    code = ("import sys; from mlkata.server.logs import configure_logging; "
            "from mlkata.server.serve import serve; from mlkata.server.settings import Settings; "
            "configure_logging(); serve(Settings.from_json(sys.argv[1]))")
    return [sys.executable, "-c", code, settings.to_json()]


@contextlib.contextmanager
def running(command: list[str], log: IO[bytes], url: str, env: dict[str, str] | None = None,
            stop_with: int = signal.SIGINT) -> Iterator[subprocess.Popen[bytes]]:
    """A server process, up (health answers) on entry; stopped like Ctrl-C, with every
    process it started, on exit."""
    from mlkata.cli.client import CourseServer, ServerError
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, **(env or {})}, start_new_session=True)

    def healthy() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        with contextlib.suppress(ServerError):
            return bool(CourseServer(url).request("GET", "/api/health", timeout=1))
        return False

    try:
        wait_for(healthy, 60, "the server to answer")
        yield process
    finally:
        stop(process, stop_with)


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGINT) -> None:
    family = descendants(process.pid) | {process.pid}
    if process.poll() is None:
        process.send_signal(sig)
        try:
            assert process.wait(timeout=30) == 0, f"exit status {process.returncode}"
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise AssertionError("the process did not stop on "
                                 + signal.Signals(sig).name) from None
    wait_gone(family)
