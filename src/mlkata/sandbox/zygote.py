"""A warm process that forks one fresh, walled-in child per check.

Started by :class:`mlkata.sandbox.client.Sandbox` as ``python -I -m mlkata.sandbox.zygote``. It
imports numpy (and the modules learner code commonly uses) once, then serves requests on its
standard input: for each it forks a child that raises the walls of
:mod:`~mlkata.sandbox.isolation`, runs the learner's file, and streams plain data back through a
pipe of its own. The zygote relays that stream unread as it comes, then the child's exit status
and its (truncated) printed output, to the checker, which judges it. The checker may stop a child
early, once what it has seen settles the verdict.

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
from .framing import HEADER, RESULT, frame, read_frame  # noqa: E402

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


def _collect(pid: int, fds: dict[str, int], limits: isolation.Limits,
             control: tuple[Any, int]) -> dict[str, Any]:
    """Relay the child's result stream to the checker as it comes, keep its printed output,
    until its pipes close, time runs out or the checker asks to stop; then reap it."""
    reader, control_out = control
    selector = selectors.DefaultSelector()
    buffers: dict[str, bytearray] = {"stdout": bytearray(), "stderr": bytearray()}
    caps = {"result": MAX_RESULT_BYTES, "stdout": limits.output_bytes,
            "stderr": limits.output_bytes}
    sent = 0
    overflow = {name: False for name in fds}
    for name, fd in fds.items():
        selector.register(fd, selectors.EVENT_READ, name)
    selector.register(reader.fileno(), selectors.EVENT_READ, "control")
    deadline = time.monotonic() + limits.time_s
    timed_out = stopped = False
    while len(selector.get_map()) > 1 and not overflow["result"] and not stopped:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        for key, _ in selector.select(remaining):
            name = key.data
            if name == "control":
                raw = read_frame(reader)
                if raw is None:  # the checker is gone: so is the check
                    _kill(pid)
                    raise SystemExit(0)
                stopped = stopped or bool(json.loads(raw).get("stop"))
                continue
            chunk = os.read(key.fd, 65536)
            if not chunk:
                selector.unregister(key.fd)
                continue
            room = caps[name] - (sent if name == "result" else len(buffers[name]))
            if len(chunk) > room:
                overflow[name] = True
                chunk = chunk[:max(room, 0)]
            if name == "result":
                sent += len(chunk)
                if chunk:
                    _write_all(control_out, frame(RESULT + chunk))
            else:
                buffers[name] += chunk
    still_open = {key.data for key in selector.get_map().values()}
    selector.close()
    if timed_out or overflow["result"] or stopped:
        _kill(pid)
    status = _reap(pid, limits.time_s)
    for name in ("stdout", "stderr"):  # what it printed before it was stopped
        if name in still_open:
            overflow[name] |= _drain(fds[name], buffers[name], caps[name])
    for fd in fds.values():
        os.close(fd)
    return {
        "status": status,
        "timed_out": timed_out,
        "stopped": stopped,
        "result_overflow": overflow["result"],
        "stdout": buffers["stdout"].decode("utf-8", "replace"),
        "stderr": buffers["stderr"].decode("utf-8", "replace"),
        "stdout_truncated": overflow["stdout"],
        "stderr_truncated": overflow["stderr"],
    }


def _drain(fd: int, buffer: bytearray, cap: int) -> bool:
    """Read what a dead child left in a pipe, up to ``cap`` in all; True if more was left."""
    os.set_blocking(fd, False)
    with contextlib.suppress(BlockingIOError):
        while chunk := os.read(fd, 65536):
            room = cap - len(buffer)
            buffer += chunk[:max(room, 0)]
            if len(chunk) > room:
                return True
    return False


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


def serve_one(request: dict[str, Any], control: tuple[Any, int]) -> dict[str, Any]:
    limits = _limits(request.get("limits", {}))
    result_r, result_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        for fd in (result_r, out_r, err_r):
            os.close(fd)
        _child(request, limits, result_w, out_w, err_w, (control[0].fileno(), control[1]))
    for fd in (result_w, out_w, err_w):
        os.close(fd)
    return _collect(pid, {"result": result_r, "stdout": out_r, "stderr": err_r}, limits,
                    control)


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
        request = json.loads(raw)
        if "stop" in request:  # came after its check had ended by itself
            continue
        try:
            response = serve_one(request, (reader, control_out))
        except Exception as exc:  # a bug here must not look like the learner's doing
            response = {"internal_error": f"{type(exc).__name__}: {exc}"}
        _write_all(control_out, frame(HEADER + json.dumps(response).encode()))

if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the checker decides when the zygote stops
    main()
