"""The grading queue (huey): SQLite storage in the data folder by default, Redis when scaled out.

A task carries a submission id only; the submissions table says what to grade and whether it
still needs grading. huey delivers at most once and forgets a task whose worker dies, which the
reaper (:mod:`.reaper`) makes up for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from huey import Huey, RedisHuey
from huey.consumer import Consumer
from huey.storage import SqliteStorage

from .settings import Settings

Grade = Callable[[int], None]


class QueueStorage(SqliteStorage):
    """huey's SQLite storage in WAL mode with synchronous=NORMAL: a power cut may lose the
    newest tasks but never corrupts the file, and commits skip the fsync. The submissions table
    (synchronous=FULL) is the record; the reaper queues again what the queue lost."""

    def _create_connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection = super()._create_connection()
        conn.execute("pragma synchronous=NORMAL")
        return conn


def make_huey(url: str, name: str) -> Huey:
    scheme = urlparse(url).scheme
    if scheme == "sqlite":
        path = url.removeprefix("sqlite:///")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return Huey(name, storage_class=QueueStorage, filename=path, results=False, timeout=30)
    if scheme in ("redis", "rediss", "unix"):
        return RedisHuey(name, url=url, results=False)
    raise ValueError(f"unsupported queue URL {url!r}: use sqlite:///PATH or redis://HOST:PORT/DB")


class GradingQueue:
    """Enqueue submissions for grading; in a worker, ``grade`` is what each task runs."""

    def __init__(self, settings: Settings, grade: Grade | None = None) -> None:
        self.huey = make_huey(settings.queue_url, settings.queue_name)
        self._grade = grade

        def grade_submission(submission_id: int) -> None:
            if self._grade is None:
                raise RuntimeError("this process enqueues grading tasks but does not grade")
            self._grade(submission_id)

        self._task = self.huey.task(name="grade_submission")(grade_submission)

    def set_grader(self, grade: Grade) -> None:
        self._grade = grade

    def enqueue(self, submission_id: int) -> None:
        self._task(submission_id)

    def pending(self) -> int:
        return int(self.huey.pending_count())

    def run_pending(self, limit: int | None = None) -> int:
        """Run queued tasks in this process until the queue is empty (tests, tools)."""
        done = 0
        # asking first: a dequeue from an empty Redis list blocks for a second
        while (limit is None or done < limit) and self.pending() > 0:
            task = self.huey.dequeue()
            if task is None:
                break
            self.huey.execute(task)
            done += 1
        return done

    def consumer(self, workers: int, **options: Any) -> Consumer:
        # SQLite storage is polled: poll often so that a verdict never waits on a sleeping
        # worker; Redis blocks on its list instead.
        return self.huey.create_consumer(
            workers=workers, worker_type="process", periodic=False, initial_delay=0.02,
            backoff=1.2, max_delay=0.25, check_worker_health=True, health_check_interval=1,
            **options)

    def flush(self) -> None:
        self.huey.flush()
