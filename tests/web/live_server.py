"""A real `mlkata serve` for the browser tests: its own data folder and free port, the embedded
defaults (SQLite database and queue) and its grading workers; stopped like Ctrl-C afterwards,
with nothing it started left running."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEACHER = ("teacher", "teacher-password")
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0
#: the server must not pick these up from whoever runs the tests
PRIVATE_ENVIRONMENT = ("MLKATA_CATALOG", "MLKATA_WORKSPACE", "MLKATA_NOW", "MLKATA_DB",
                       "MLKATA_QUEUE", "MLKATA_SERVER_DATA", "MLKATA_SERVER_SETTINGS")


@dataclass(frozen=True)
class LiveServer:
    url: str
    data_dir: Path
    log: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def mlkata(*args: str) -> list[str]:
    return [sys.executable, "-c", "from mlkata.cli.main import main; main()", *args]


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (the workers run in a session of their own)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/health", timeout=1) as reply:
            return bool(reply.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen[bytes]) -> list[int]:
    """Ctrl-C, then wait for the server and its workers; returns the pids that had to be
    killed (none, when all is well)."""
    family = descendants(process.pid)
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_TIMEOUT_S)
    family |= descendants(process.pid)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while time.monotonic() < deadline and any(alive(p) for p in family | {process.pid}):
        time.sleep(0.1)
    survivors = sorted(p for p in family | {process.pid} if alive(p))
    for pid in survivors:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    if process.poll() is None:
        process.wait()
    return survivors


@contextlib.contextmanager
def live_server(data_dir: Path, log: Path) -> Iterator[LiveServer]:
    env = {k: v for k, v in os.environ.items() if k not in PRIVATE_ENVIRONMENT}
    username, password = TEACHER
    subprocess.run(mlkata("server", "create-teacher", username, "--data", str(data_dir),
                          "--password-stdin"), input=f"{password}\n".encode(), env=env,
                   check=True, capture_output=True, timeout=60)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # --allow-unhidden only matters where the sandbox cannot hide folders (no user namespaces);
    # where it can, the workers hide them as in production
    with open(log, "wb") as out:
        process = subprocess.Popen(
            mlkata("serve", "--data", str(data_dir), "--port", str(port), "--workers", "1",
                   "--allow-unhidden"), stdout=out, stderr=subprocess.STDOUT, env=env,
            start_new_session=True)
    survivors: list[int] = []
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(url):
            if process.poll() is not None:
                raise AssertionError(f"mlkata serve exited ({process.returncode}):\n"
                                     f"{log.read_text(errors='replace')[-3000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"mlkata serve did not answer within {START_TIMEOUT_S} s")
            time.sleep(0.1)
        yield LiveServer(url, data_dir, log)
    finally:
        survivors = _stop(process)
    assert not survivors, f"processes still running after the server stopped: {survivors}"
