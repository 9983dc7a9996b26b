"""The checker's handle on the sandbox: start the zygote, send a check, get plain data back."""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from .framing import FRAME_HEADER, frame, split_frames
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
    internal_error: str | None = None
    stdout: str = ""
    stderr: str = ""
    stdout_truncated: bool = False

    @property
    def killed_by(self) -> int | None:
        return -self.status if self.status is not None and self.status < 0 else None


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

    def run(self, request: dict[str, Any], limits: Limits) -> Run:
        """Run one check's cases in a fresh child; never raises for anything the child did."""
        request = {**request, "limits": {"time_s": limits.time_s, "memory_mb": limits.memory_mb,
                                         "output_bytes": limits.output_bytes}}
        deadline = time.monotonic() + limits.time_s + GRACE_S + 10.0
        try:
            self.start()
            if not self._ready:
                self._read_frame(time.monotonic() + 30.0)
                self._ready = True
            assert self._proc is not None and self._proc.stdin is not None
            self._proc.stdin.write(frame(json.dumps(request).encode()))
            self._proc.stdin.flush()
            header = json.loads(self._read_frame(deadline))
            result = self._read_frame(deadline)
        except (SandboxLost, OSError, ValueError):
            self._replace()
            return Run(sandbox_lost=True)
        if "internal_error" in header:
            return Run(internal_error=str(header["internal_error"]))
        run = Run(
            status=header["status"], timed_out=header["timed_out"],
            result_overflow=header["result_overflow"], stdout=header["stdout"],
            stderr=header["stderr"], stdout_truncated=header["stdout_truncated"],
        )
        frames, complete = split_frames(result)
        for raw in frames:
            try:
                message = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                run.protocol_error = "a message from your process was not valid data"
                break
            if not isinstance(message, dict):
                run.protocol_error = "a message from your process was not valid data"
                break
            run.messages.append(message)
        if not complete and run.protocol_error is None and not run.result_overflow:
            run.protocol_error = "the result stream from your process was cut off"
        return run

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
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while len(self._buffer) < size:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    raise SandboxLost("the sandbox stopped answering")
                chunk = os.read(fd, max(65536, size - len(self._buffer)))
                if not chunk:
                    raise SandboxLost("the sandbox exited")
                self._buffer += chunk
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data
