"""The one clock every part of mlkata reads; tests and simulations set ``MLKATA_NOW``."""

from __future__ import annotations

import os
from datetime import UTC, datetime


def now() -> datetime:
    """The current time (UTC), or the ISO timestamp in ``MLKATA_NOW`` when it is set."""
    fixed = os.environ.get("MLKATA_NOW")
    if fixed:
        moment = datetime.fromisoformat(fixed)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.now(UTC)
