"""The embedded queue: huey on SQLite, in WAL mode without an fsync per task (the submissions
table is the record; the reaper queues again what a power cut would lose)."""

from __future__ import annotations

from pathlib import Path

from mlkata.server.queue import GradingQueue
from mlkata.server.settings import Settings


def test_the_embedded_queue_keeps_its_tasks_across_processes_without_fsync(tmp_path: Path):
    settings = Settings(data_dir=tmp_path / "data")
    settings.ensure_data_dir()
    sender = GradingQueue(settings)
    for submission_id in (3, 1, 2):
        sender.enqueue(submission_id)
    storage = sender.huey.storage
    with storage.db() as cursor:
        assert cursor.execute("pragma journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("pragma synchronous").fetchone()[0] == 1  # NORMAL
    graded: list[int] = []
    receiver = GradingQueue(settings, graded.append)  # another process would open it anew
    assert receiver.pending() == 3
    assert receiver.run_pending() == 3
    assert graded == [3, 1, 2]
