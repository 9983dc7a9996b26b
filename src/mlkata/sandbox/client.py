"""The checker's handle on the sandbox: start the zygote, run cases in a child, get plain data.

Each run makes four pipes and hands the child's ends to the zygote (``SCM_RIGHTS``); from then on
the checker and the child talk directly, and the zygote only supervises. The checker sends the
learner's file first and the cases one at a time after it (at most :data:`AHEAD` beyond the one
being answered), so a case is never in the child before the file has been imported, and the
child never holds more than the next case.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .framing import FRAME_HEADER, frame
from .isolation import Limits
from .messages import invalid

#: How long past a check's own time limit the checker waits for the zygote before replacing it.
GRACE_S = 5.0
#: cases sent beyond the one whose result is awaited: the child starts the next at once
AHEAD = 1
MAX_RESULT_BYTES = 64 * 1024 * 1024


@dataclass
class Run:
    """Everything that came back from one child: its messages (untrusted plain data) and fate."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    status: int | None = None
    timed_out: bool = False
    result_overflow: bool = False
    protocol_error: str | None = None
    sandbox_lost: bool = False
    stopped: bool = False  # by the checker, once it had seen enough
    internal_error: str | None = None
    stdout: str = ""
    stderr: str = ""
    stdout_truncated: bool = False

    @property
    def killed_by(self) -> int | None:
        return -self.status if self.status is not None and self.status < 0 else None


class _Stream:
    """Cuts the child's result stream into validated messages as it arrives."""

    def __init__(self, run: Run, until: Callable[[dict[str, Any]], bool] | None) -> None:
        self.run, self.until = run, until
        self.buffer = bytearray()
        self.received = 0
        self.done = False  # a stop was asked, or the stream is no longer readable
        self.enough = False  # ``until`` said so
        self.failure: Exception | None = None  # raised by ``until``
        self.answered = 0  # case results received, which let the next cases go out

    @property
    def pending(self) -> bool:
        return bool(self.buffer)

    def feed(self, chunk: bytes) -> bool:
        """Take a chunk; True when the child should be stopped now."""
        if self.done:
            return False
        self.received += len(chunk)
        if self.received > MAX_RESULT_BYTES:
            self.run.result_overflow = True
            return self._finish()
        self.buffer += chunk
        while len(self.buffer) >= FRAME_HEADER:
            size = int.from_bytes(self.buffer[:FRAME_HEADER], "big")
            if len(self.buffer) < FRAME_HEADER + size:
                break
            raw = bytes(self.buffer[FRAME_HEADER:FRAME_HEADER + size])
            del self.buffer[:FRAME_HEADER + size]
            try:
                message = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                message = None
            why = invalid(message)
            if why is not None:
                self.run.protocol_error = why
                return self._finish()
            self.run.messages.append(message)
            if "case" in message:
                self.answered += 1
            if self.until is not None:
                try:
                    enough = self.until(message)
                except Exception as exc:  # the checker's own bug: stop, stay in step, re-raise
                    self.failure = exc
                    return self._finish()
                if enough:
                    self.enough = True
                    return self._finish()
            if "import_error" in message:
                return self._finish()
        return False

    def _finish(self) -> bool:
        self.done = True
        self.buffer.clear()
        return True


class _Feeder:
    """The frames for the child's request pipe: the file first, then each case as the results
    of the earlier ones come in."""

    def __init__(self, fd: int, preamble: dict[str, Any], cases: list[Any]) -> None:
        self.fd = fd
        self.cases = cases
        self.sent = 0
        self.pending = bytearray(frame(json.dumps(preamble).encode()))
        self.closed = False
        os.set_blocking(fd, False)

    def release(self, answered: int) -> None:
        while not self.closed and self.sent < len(self.cases) and self.sent <= answered + AHEAD:
            message = {"case": self.sent, "steps": self.cases[self.sent]}
            self.pending += frame(json.dumps(message).encode())
            self.sent += 1

    @property
    def wants_write(self) -> bool:
        return not self.closed and bool(self.pending)

    def write(self) -> None:
        try:
            written = os.write(self.fd, self.pending)
        except BlockingIOError:
            return
        except OSError:  # the child is gone or closed its end: nothing more to say
            self.close()
            return
        del self.pending[:written]
        if not self.pending and self.sent == len(self.cases):
            self.close()  # end of cases: the child finishes and exits

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.pending.clear()
            os.close(self.fd)


class SandboxLost(Exception):
    """The zygote died or stopped answering."""


class Sandbox:
    """A warm zygote process; one fresh child per :meth:`run`.

    Start it early (:meth:`start` returns at once) so that its numpy import overlaps with the
    checker's own start-up.
    """

    def __init__(self, packages: tuple[str, ...] = ()) -> None:
        """``packages``: importable packages beyond the standard library and numpy that the
        learner's process may see (its minimal root holds nothing else)."""
        self.packages = tuple(packages)
        self._proc: subprocess.Popen[bytes] | None = None
        self._control: socket.socket | None = None
        self._ready = False
        self.layers: list[str] = []  # the zygote's walls, once it is ready

    def start(self) -> Sandbox:
        if self._proc is None or self._proc.poll() is not None:
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            try:
                self._proc = subprocess.Popen(
                    [sys.executable, "-I", "-m", "mlkata.sandbox.zygote",
                     "--control", str(theirs.fileno()),
                     *(["--packages", ",".join(self.packages)] if self.packages else [])],
                    env={**os.environ}, pass_fds=(theirs.fileno(),),
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL, start_new_session=True,
                )
            finally:
                theirs.close()
            self._control = ours
            self._ready = False
        return self

    def close(self) -> None:
        if self._proc is not None:
            if self._control is not None:
                self._control.close()
                self._control = None
            try:
                self._proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            self._proc = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ensure_ready(self, timeout: float = 30.0) -> list[str]:
        """Wait for the zygote's start (numpy imported, walls up); its layers."""
        self.start()
        if not self._ready:
            ready = self._receive(time.monotonic() + timeout)
            self.layers = [str(layer) for layer in ready.get("layers") or []]
            self._ready = True
        return self.layers

    def run(self, request: dict[str, Any], limits: Limits,
            until: Callable[[dict[str, Any]], bool] | None = None) -> Run:
        """Run one request's cases in a fresh child; never raises for anything the child did.

        ``until`` sees each message as it arrives; when it returns True the child is stopped
        (no further case is sent, and messages after that point are not read). What ``until``
        raises stops the child too, and is raised here once the zygote is ready for the next
        run.
        """
        cases = request.get("cases", [])
        preamble = {k: v for k, v in request.items() if k != "cases"}
        run = Run()
        stream = _Stream(run, until)
        try:
            self.ensure_ready()
            fate = self._run_child(preamble, cases, limits, stream)
        except (SandboxLost, OSError, ValueError):
            self._replace()
            return Run(sandbox_lost=True)
        if stream.failure is not None:
            raise stream.failure
        if "internal_error" in fate:
            return Run(internal_error=str(fate["internal_error"]))
        run.status, run.timed_out = int(fate["status"]), bool(fate["timed_out"])
        run.stopped = stream.enough
        if (stream.pending and run.protocol_error is None and not run.result_overflow
                and not run.stopped):
            run.protocol_error = "the result stream from your process was cut off"
        return run

    def _run_child(self, preamble: dict[str, Any], cases: list[Any], limits: Limits,
                   stream: _Stream) -> dict[str, Any]:
        assert self._control is not None
        deadline = time.monotonic() + limits.time_s + GRACE_S
        request_r, request_w = os.pipe()
        result_r, result_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        order = {"run": True, "limits": {"time_s": limits.time_s, "memory_mb": limits.memory_mb}}
        try:
            socket.send_fds(self._control, [json.dumps(order).encode()],
                            [request_r, result_w, out_w, err_w])
        finally:
            for fd in (request_r, result_w, out_w, err_w):
                os.close(fd)
        feeder = _Feeder(request_w, preamble, cases)
        feeder.release(0)
        printed = _Printed(limits.output_bytes)
        readers = {result_r: "result", out_r: "stdout", err_r: "stderr"}
        poll = select.poll()
        control_fd = self._control.fileno()
        poll.register(control_fd, select.POLLIN)
        for fd in readers:
            poll.register(fd, select.POLLIN)
        fate: dict[str, Any] | None = None
        stop_sent = False
        try:
            while fate is None:
                if feeder.wants_write:
                    poll.register(feeder.fd, select.POLLOUT)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise SandboxLost("the sandbox stopped answering")
                events = poll.poll(remaining * 1000)
                if not feeder.closed:
                    with contextlib.suppress(KeyError):
                        poll.unregister(feeder.fd)
                for fd, _ in events:
                    if fd == control_fd:
                        fate = self._receive(deadline)
                    elif fd == feeder.fd and not feeder.closed:
                        feeder.write()
                    elif fd in readers:
                        chunk = os.read(fd, 65536)
                        if not chunk:
                            poll.unregister(fd)
                            continue
                        if readers[fd] != "result":
                            printed.add(readers[fd], chunk)
                        elif stream.feed(chunk) and not stop_sent:
                            feeder.close()
                            stop_sent = True
                            self._control.send(b'{"stop": true}')
                if not stream.done:
                    feeder.release(stream.answered)
            # the child is dead: what it wrote before it died is all in the pipes now
            for fd, name in readers.items():
                os.set_blocking(fd, False)
                with contextlib.suppress(BlockingIOError):
                    while chunk := os.read(fd, 65536):
                        if name == "result":
                            stream.feed(chunk)
                        else:
                            printed.add(name, chunk)
        finally:
            feeder.close()
            for fd in readers:
                os.close(fd)
        stream.run.stdout, stream.run.stderr = printed.text("stdout"), printed.text("stderr")
        stream.run.stdout_truncated = printed.truncated["stdout"]
        return fate

    def _receive(self, deadline: float) -> dict[str, Any]:
        assert self._control is not None
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([self._control], [], [], max(remaining, 0))
        if not ready:
            raise SandboxLost("the sandbox stopped answering")
        raw = self._control.recv(65536)
        if not raw:
            raise SandboxLost("the sandbox exited")
        message = json.loads(raw)
        if not isinstance(message, dict):
            raise SandboxLost("the sandbox said something unexpected")
        return message

    def _replace(self) -> None:
        if self._proc is not None:
            with contextlib.suppress(OSError):
                self._proc.kill()
            self._proc.wait()
            self._proc = None
        if self._control is not None:
            self._control.close()
            self._control = None
        self.start()


class _Printed:
    """What the child printed, each stream kept up to ``cap`` bytes (the rest read and
    dropped, so a chatty child never blocks on a full pipe)."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.buffers = {"stdout": bytearray(), "stderr": bytearray()}
        self.truncated = {"stdout": False, "stderr": False}

    def add(self, name: str, chunk: bytes) -> None:
        buffer = self.buffers[name]
        room = self.cap - len(buffer)
        if len(chunk) > room:
            self.truncated[name] = True
        buffer += chunk[:max(room, 0)]

    def text(self, name: str) -> str:
        return self.buffers[name].decode("utf-8", "replace")
