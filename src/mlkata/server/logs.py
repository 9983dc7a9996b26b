"""One log format for the server's processes; huey's per-task lines only when debugging."""

from __future__ import annotations

import logging
import os


def configure_logging() -> None:
    level = os.environ.get("MLKATA_LOG_LEVEL", "INFO").upper()
    logging.basicConfig(level=level, format="%(asctime)s %(process)d %(name)s: %(message)s")
    if level != "DEBUG":
        for chatty in ("huey", "alembic"):
            logging.getLogger(chatty).setLevel(logging.WARNING)
