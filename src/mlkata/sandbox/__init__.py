"""The sandbox owns every process boundary: learner code runs only in its children."""

from .client import Run, Sandbox
from .isolation import Limits

__all__ = ["Limits", "Run", "Sandbox"]
