"""The sandbox owns every process boundary: learner code runs only in its children."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import Run, Sandbox
    from .isolation import Limits

__all__ = ["Limits", "Run", "Sandbox"]


def __getattr__(name: str) -> Any:
    # lazily, so that the zygote (`python -m mlkata.sandbox.zygote`) does not import the client
    if name in ("Run", "Sandbox"):
        from . import client
        return getattr(client, name)
    if name == "Limits":
        from .isolation import Limits
        return Limits
    raise AttributeError(name)
