"""A warm process that forks one fresh, walled-in child per check.

Started by :class:`mlkata.sandbox.client.Sandbox` as ``python -I -m mlkata.sandbox.zygote``. It
imports numpy (and the modules learner code commonly uses) once, then serves requests on its
standard input: for each it forks a child that raises the walls of
:mod:`~mlkata.sandbox.isolation`, runs the learner's file, and streams plain data back through a
pipe of its own. The zygote relays that stream unread, with the child's exit status and its
(truncated) printed output, to the checker, which judges it.

It never loads a reference solution, checks or hidden data: nothing secret is in its memory.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import contextlib  # noqa: E402
import gc  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import selectors  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

import numpy  # noqa: E402,F401

# Modules learner code may import, loaded here once: a child running as another user may not be
# allowed to read the standard library's files, and every child saves the import time.
PRELOAD = (
    "__future__", "abc", "array", "bisect", "cmath", "collections", "collections.abc",
    "contextlib", "copy", "dataclasses", "decimal", "enum", "fractions", "functools", "heapq",
    "itertools", "math", "numbers", "operator", "queue", "random", "re", "socket",
    "statistics", "string", "time", "types", "typing", "warnings", "weakref",
    "numpy.fft", "numpy.linalg", "numpy.random", "numpy.ma", "numpy.polynomial",
    "numpy.lib.stride_tricks",
)
for _name in PRELOAD:
    with contextlib.suppress(ImportError):
        importlib.import_module(_name)

from . import child, isolation  # noqa: E402
from .framing import frame, read_frame  # noqa: E402

MAX_RESULT_BYTES = 64 * 1024 * 1024
NAMESPACES: list[str] = []  # the layers the zygote entered at start, around every child


def _limits(raw: dict[str, Any]) -> isolation.Limits:
    return isolation.Limits(
        time_s=float(raw.get("time_s", 10.0)),
        memory_mb=int(raw.get("memory_mb", 1024)),
        output_bytes=int(raw.get("output_bytes", 16_384)),
    )


def _child(request: dict[str, Any], limits: isolation.Limits, result_w: int,
           out_w: int, err_w: int, control: tuple[int, int]) -> None:
    """In the forked child: rewire, wall in, run. Never returns."""
    code = 0
    try:
        for fd in control:
            os.close(fd)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        # the learner's own print() goes to these pipes, line by line, for as long as it lives
        sys.stdout = open(1, "w", buffering=1, encoding="utf-8", errors="replace",  # noqa: SIM115
                          closefd=False)
        sys.stderr = open(2, "w", buffering=1, encoding="utf-8", errors="replace",  # noqa: SIM115
                          closefd=False)
        layers = NAMESPACES + isolation.isolate(
            limits, tuple(str(p) for p in request.get("hide", [])))
        with open(result_w, "wb", closefd=False) as out:
            child.run(request, out, layers)
    except BaseException:  # anything here is the harness failing, not a verdict
        code = 70
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _collect(pid: int, fds: dict[str, int], limits: isolation.Limits) -> dict[str, Any]:
    """Read the child's pipes until they close or time runs out; then reap it."""
    selector = selectors.DefaultSelector()
    buffers: dict[str, bytearray] = {name: bytearray() for name in fds}
    caps = {"result": MAX_RESULT_BYTES, "stdout": limits.output_bytes,
            "stderr": limits.output_bytes}
    overflow = {name: False for name in fds}
    for name, fd in fds.items():
        selector.register(fd, selectors.EVENT_READ, name)
    deadline = time.monotonic() + limits.time_s
    timed_out = False
    while selector.get_map() and not overflow["result"]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        for key, _ in selector.select(remaining):
            name = key.data
            chunk = os.read(key.fd, 65536)
            if not chunk:
                selector.unregister(key.fd)
                continue
            room = caps[name] - len(buffers[name])
            if len(chunk) > room:
                overflow[name] = True
                chunk = chunk[:max(room, 0)]
            buffers[name] += chunk
    selector.close()
    if timed_out or overflow["result"]:
        _kill(pid)
    status = _reap(pid, limits.time_s)
    for fd in fds.values():
        os.close(fd)
    return {
        "status": status,
        "timed_out": timed_out,
        "result_overflow": overflow["result"],
        "stdout": buffers["stdout"].decode("utf-8", "replace"),
        "stderr": buffers["stderr"].decode("utf-8", "replace"),
        "stdout_truncated": overflow["stdout"],
        "stderr_truncated": overflow["stderr"],
        "result": bytes(buffers["result"]),
    }


def _kill(pid: int) -> None:
    for target in (-pid, pid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(target, signal.SIGKILL)


def _reap(pid: int, grace: float) -> int:
    """Exit code, or minus the signal number; a child that will not die is killed."""
    deadline = time.monotonic() + max(grace, 1.0)
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            _kill(pid)
            deadline = time.monotonic() + 5
        time.sleep(0.0005)


def serve_one(request: dict[str, Any], control: tuple[int, int]) -> dict[str, Any]:
    limits = _limits(request.get("limits", {}))
    result_r, result_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        for fd in (result_r, out_r, err_r):
            os.close(fd)
        _child(request, limits, result_w, out_w, err_w, control)
    for fd in (result_w, out_w, err_w):
        os.close(fd)
    return _collect(pid, {"result": result_r, "stdout": out_r, "stderr": err_r}, limits)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def main() -> None:
    global NAMESPACES
    hide = tuple(sys.argv[sys.argv.index("--hide") + 1:]) if "--hide" in sys.argv else ()
    NAMESPACES = isolation.enter_namespaces(hide)
    control_in, control_out = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    reader = os.fdopen(control_in, "rb", buffering=0)
    gc.freeze()
    _write_all(control_out, frame(b'{"ready":true}'))
    while True:
        raw = read_frame(reader)
        if raw is None:
            return
        try:
            response = serve_one(json.loads(raw), (control_in, control_out))
        except Exception as exc:  # a bug here must not look like the learner's doing
            response = {"internal_error": f"{type(exc).__name__}: {exc}", "result": b""}
        result = response.pop("result")
        _write_all(control_out, frame(json.dumps(response).encode()) + frame(result))


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the checker decides when the zygote stops
    main()
