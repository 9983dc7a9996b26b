"""Framing on every pipe of the sandbox: a 4-byte big-endian length, then the payload.

Kept free of numpy so that the checker can start the zygote before importing anything heavy.
"""

from __future__ import annotations

import os

FRAME_HEADER = 4


def frame(payload: bytes) -> bytes:
    return len(payload).to_bytes(FRAME_HEADER, "big") + payload


def read_exactly(fd: int, size: int) -> bytes | None:
    """Exactly ``size`` bytes from a pipe, unbuffered: nothing beyond the frame asked for is
    ever read into the process; None at the end of the stream."""
    chunks, remaining = [], size
    while remaining:
        chunk = os.read(fd, remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(fd: int) -> bytes | None:
    header = read_exactly(fd, FRAME_HEADER)
    if header is None:
        return None
    return read_exactly(fd, int.from_bytes(header, "big"))
