"""The checker's handle on the sandbox: start the zygote, send a check, get plain data back."""

from __future__ import annotations

import contextlib
import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .framing import FRAME_HEADER, RESULT, frame
from .isolation import Limits

#: How long past a check's own time limit the checker waits for the zygote before replacing it.
GRACE_S = 5.0


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
    """Cuts the child's relayed result stream into messages as it arrives."""

    def __init__(self, run: Run, until: Callable[[dict[str, Any]], bool] | None) -> None:
        self.run, self.until = run, until
        self.buffer = bytearray()
        self.done = False  # a stop was asked, or the stream is no longer readable
        self.failure: Exception | None = None  # raised by ``until``

    @property
    def pending(self) -> bool:
        return bool(self.buffer)

    def feed(self, chunk: bytes) -> bool:
        """Take a chunk; True when the child should be stopped now."""
        if self.done:
            return False
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
            if not isinstance(message, dict):
                self.run.protocol_error = "a message from your process was not valid data"
                return self._finish()
            self.run.messages.append(message)
            if self.until is not None:
                try:
                    enough = self.until(message)
                except Exception as exc:  # the checker's own bug: stop, stay in step, re-raise
                    self.failure = exc
                    return self._finish()
                if enough:
                    return self._finish()
        return False

    def _finish(self) -> bool:
        self.done = True
        self.buffer.clear()
        return True


class SandboxLost(Exception):
    """The zygote died or stopped answering."""


class Sandbox:
    """A warm zygote process; one fresh child per :meth:`run`.

    Start it early (:meth:`start` returns at once) so that its numpy import overlaps with the
    checker's own start-up.
    """

    def __init__(self, hide: tuple[str, ...] = ()) -> None:
        """``hide``: folders the learner's processes must not see (covered in their mount
        namespace), such as a catalog's reference solutions or a server's data."""
        self.hide = tuple(str(p) for p in hide)
        self._proc: subprocess.Popen[bytes] | None = None
        self._ready = False
        self._buffer = bytearray()
        self._poll: select.poll | None = None

    def start(self) -> Sandbox:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(
                [sys.executable, "-I", "-m", "mlkata.sandbox.zygote",
                 *(["--hide", *self.hide] if self.hide else [])],
                env={**os.environ},
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            self._ready = False
            self._buffer = bytearray()
            self._poll = None
        return self

    def close(self) -> None:
        if self._proc is not None:
            try:
                if self._proc.stdin:
                    self._proc.stdin.close()
                self._proc.wait(timeout=2)
            except (subprocess.TimeoutExpired, OSError):
                self._proc.kill()
                self._proc.wait()
            finally:
                if self._proc.stdout:
                    self._proc.stdout.close()
            self._proc = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, request: dict[str, Any], limits: Limits,
            until: Callable[[dict[str, Any]], bool] | None = None) -> Run:
        """Run one check's cases in a fresh child; never raises for anything the child did.

        ``until`` sees each message as it arrives; when it returns True the child is stopped
        (the messages after that point, if any, are not read). What ``until`` raises stops the
        child too, and is raised here once the zygote is ready for the next run.
        """
        request = {**request, "limits": {"time_s": limits.time_s, "memory_mb": limits.memory_mb,
                                         "output_bytes": limits.output_bytes}}
        deadline = time.monotonic() + limits.time_s + GRACE_S + 10.0
        run = Run()
        stream = _Stream(run, until)
        try:
            self.start()
            if not self._ready:
                self._read_frame(time.monotonic() + 30.0)
                self._ready = True
            self._send(request)
            while True:
                raw = self._read_frame(deadline)
                if raw[:1] == RESULT:
                    if stream.feed(raw[1:]):
                        self._send({"stop": True})
                    continue
                header = json.loads(raw[1:])
                break
        except (SandboxLost, OSError, ValueError):
            self._replace()
            return Run(sandbox_lost=True)
        if stream.failure is not None:
            raise stream.failure
        if "internal_error" in header:
            return Run(internal_error=str(header["internal_error"]))
        run.status, run.timed_out = header["status"], header["timed_out"]
        run.stopped, run.result_overflow = header["stopped"], header["result_overflow"]
        run.stdout, run.stderr = header["stdout"], header["stderr"]
        run.stdout_truncated = header["stdout_truncated"]
        if (stream.pending and run.protocol_error is None and not run.result_overflow
                and not run.stopped):
            run.protocol_error = "the result stream from your process was cut off"
        return run

    def _send(self, message: dict[str, Any]) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        self._proc.stdin.write(frame(json.dumps(message).encode()))
        self._proc.stdin.flush()

    def _replace(self) -> None:
        if self._proc is not None:
            with contextlib.suppress(OSError):
                self._proc.kill()
            self._proc.wait()
            if self._proc.stdout:
                self._proc.stdout.close()
            if self._proc.stdin:
                with contextlib.suppress(OSError):
                    self._proc.stdin.close()
            self._proc = None
        self.start()

    def _read_frame(self, deadline: float) -> bytes:
        header = self._read(FRAME_HEADER, deadline)
        return self._read(int.from_bytes(header, "big"), deadline)

    def _read(self, size: int, deadline: float) -> bytes:
        assert self._proc is not None and self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        while len(self._buffer) < size:
            if self._poll is None:
                self._poll = select.poll()
                self._poll.register(fd, select.POLLIN)
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._poll.poll(remaining * 1000):
                raise SandboxLost("the sandbox stopped answering")
            chunk = os.read(fd, max(65536, size - len(self._buffer)))
            if not chunk:
                raise SandboxLost("the sandbox exited")
            self._buffer += chunk
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data
