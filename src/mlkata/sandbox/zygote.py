"""A warm process that forks one fresh, walled-in child per check, and does nothing else.

Started by :class:`mlkata.sandbox.client.Sandbox` as ``python -I -m mlkata.sandbox.zygote``. It
imports numpy (and the modules learner code commonly uses) once, enters the namespaces and the
minimal root of :mod:`~mlkata.sandbox.isolation`, then serves a control socket: for each run the
checker hands it, with ``SCM_RIGHTS``, the four pipe ends a child needs (the checker's requests,
the child's results, its printed output and errors); the zygote forks a child that inherits them,
closes its own copies, and supervises: it kills the child at its wall-clock deadline or when the
checker asks, reaps it, and reports its fate.

It never reads a request, a case, a result or a byte the learner printed: no learner's code or
data is ever in its memory, so no child, a fork of it, can find another's.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import contextlib  # noqa: E402
import fcntl  # noqa: E402
import gc  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import selectors  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

import numpy  # noqa: E402,F401

# Modules learner code commonly imports, loaded once here so that no child pays for them; any
# other module of the standard library imports from the read-only root.
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

#: the fds a child finds its pipes on: requests in, results out (0–2 are the usual three)
CHILD_REQUESTS, CHILD_RESULTS = 3, 4
HIGH_FD = 10
NAMESPACES: list[str] = []  # the layers the zygote entered at start, around every child


def _limits(raw: dict[str, Any]) -> isolation.Limits:
    return isolation.Limits(
        time_s=float(raw.get("time_s", 10.0)),
        memory_mb=int(raw.get("memory_mb", 1024)),
    )


def _child(limits: isolation.Limits, fds: list[int], control: int) -> None:
    """In the forked child: rewire the handed pipes onto fixed numbers, wall in, run. Never
    returns."""
    code = 0
    try:
        os.close(control)
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, HIGH_FD) for fd in fds]
        requests, results, out, err = high
        devnull = os.open(os.devnull, os.O_RDONLY)
        for source, target in ((devnull, 0), (out, 1), (err, 2), (requests, CHILD_REQUESTS),
                               (results, CHILD_RESULTS)):
            os.dup2(source, target)
        os.closerange(CHILD_RESULTS + 1, _max_fd())
        # the learner's own print() goes to these pipes, line by line, for as long as it lives
        sys.stdout = open(1, "w", buffering=1, encoding="utf-8", errors="replace",  # noqa: SIM115
                          closefd=False)
        sys.stderr = open(2, "w", buffering=1, encoding="utf-8", errors="replace",  # noqa: SIM115
                          closefd=False)
        layers = NAMESPACES + isolation.isolate(limits)
        child.run(CHILD_REQUESTS, CHILD_RESULTS, layers)
    except BaseException:  # anything here is the harness failing, not a verdict
        code = 70
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _max_fd() -> int:
    try:
        return int(os.sysconf("SC_OPEN_MAX"))
    except (ValueError, OSError):
        return 1024


def _kill(pid: int) -> None:
    for target in (-pid, pid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(target, signal.SIGKILL)


def _supervise(pid: int, limits: isolation.Limits, control: socket.socket) -> dict[str, Any]:
    """Wait for the child to end, for its wall-clock deadline (then kill it, whatever it does
    with its pipes) or for the checker's "stop"; reap it and say how it ended."""
    deadline = time.monotonic() + limits.time_s
    timed_out = False
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ, "control")
    pidfd = None
    with contextlib.suppress(OSError, AttributeError):
        pidfd = os.pidfd_open(pid)
        selector.register(pidfd, selectors.EVENT_READ, "exit")
    try:
        while True:
            if pidfd is None:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    return _fate(status, timed_out)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                _kill(pid)
                break
            events = selector.select(remaining if pidfd is not None else min(remaining, 0.001))
            if any(key.data == "exit" for key, _ in events):
                break
            if any(key.data == "control" for key, _ in events):
                raw = control.recv(4096)
                if not raw:  # the checker is gone: so is the check
                    _kill(pid)
                    raise SystemExit(0)
                if json.loads(raw).get("stop"):
                    _kill(pid)
                    break
    finally:
        selector.close()
        if pidfd is not None:
            os.close(pidfd)
    return _fate(_reap(pid), timed_out)


def _reap(pid: int) -> int:
    """The wait status of a child that has ended or been sent SIGKILL."""
    while True:
        try:
            return os.waitpid(pid, 0)[1]
        except InterruptedError:
            continue


def _fate(status: int, timed_out: bool) -> dict[str, Any]:
    return {"status": os.waitstatus_to_exitcode(status), "timed_out": timed_out}


def serve_one(request: dict[str, Any], fds: list[int], control: socket.socket
              ) -> dict[str, Any]:
    limits = _limits(request.get("limits", {}))
    if len(fds) != 4:
        for fd in fds:
            os.close(fd)
        return {"internal_error": f"a run needs 4 pipe ends, {len(fds)} came"}
    pid = os.fork()
    if pid == 0:
        _child(limits, fds, control.fileno())
    for fd in fds:
        os.close(fd)
    try:
        return _supervise(pid, limits, control)
    finally:
        if "root" in NAMESPACES:
            isolation.empty_tmp()


def main() -> None:
    global NAMESPACES
    args = sys.argv[1:]
    control_fd = int(args[args.index("--control") + 1])
    packages = tuple(args[args.index("--packages") + 1].split(",")) \
        if "--packages" in args else ()
    NAMESPACES = isolation.enter_namespaces(isolation.Allowlist(tuple(p for p in packages if p)))
    control = socket.socket(fileno=control_fd)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    gc.freeze()
    control.send(json.dumps({"ready": True, "layers": NAMESPACES}).encode())
    while True:
        try:
            raw, fds, _, _ = socket.recv_fds(control, 4096, 8)
        except OSError:
            return
        if not raw:
            return
        request = json.loads(raw)
        if not request.get("run"):  # a "stop" that came after its child had ended by itself
            for fd in fds:
                os.close(fd)
            continue
        try:
            response = serve_one(request, fds, control)
        except Exception as exc:  # a bug here must not look like the learner's doing
            response = {"internal_error": f"{type(exc).__name__}: {exc}"}
        control.send(json.dumps(response).encode())


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the checker decides when the zygote stops
    main()
