"""Framing on every pipe of the sandbox: a 4-byte big-endian length, then the payload.

Kept free of numpy so that the checker can start the zygote before importing anything heavy.
"""

from __future__ import annotations

from typing import Any

FRAME_HEADER = 4


def frame(payload: bytes) -> bytes:
    return len(payload).to_bytes(FRAME_HEADER, "big") + payload


def split_frames(data: bytes) -> tuple[list[bytes], bool]:
    """Cut a byte string into frames; the flag is False when a frame is cut off or overlong."""
    frames: list[bytes] = []
    pos = 0
    while pos < len(data):
        if pos + FRAME_HEADER > len(data):
            return frames, False
        size = int.from_bytes(data[pos:pos + FRAME_HEADER], "big")
        pos += FRAME_HEADER
        if pos + size > len(data):
            return frames, False
        frames.append(data[pos:pos + size])
        pos += size
    return frames, True


def read_exactly(stream: Any, size: int) -> bytes | None:
    """Read ``size`` bytes from a binary stream; None at a clean or unclean end of stream."""
    chunks, remaining = [], size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: Any) -> bytes | None:
    header = read_exactly(stream, FRAME_HEADER)
    if header is None:
        return None
    return read_exactly(stream, int.from_bytes(header, "big"))
