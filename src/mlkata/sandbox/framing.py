"""Framing on every pipe of the sandbox: a 4-byte big-endian length, then the payload.

Kept free of numpy so that the checker can start the zygote before importing anything heavy.
"""

from __future__ import annotations

from typing import Any

FRAME_HEADER = 4
#: what the zygote sends the checker per check: RESULT frames (the child's own stream, relayed
#: as it comes), then one HEADER frame (the child's fate and printed output)
RESULT, HEADER = b"R", b"H"


def frame(payload: bytes) -> bytes:
    return len(payload).to_bytes(FRAME_HEADER, "big") + payload


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
