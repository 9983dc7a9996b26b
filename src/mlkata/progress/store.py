"""The workspace's progress store: every check attempt, hints shown, the current exercise."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import clock
from .migrations import MIGRATIONS


@dataclass(frozen=True)
class ExerciseStatus:
    exercise: str
    attempts: int
    solved: bool
    last_at: str | None


def code_hash(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


class Store:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction() as db:
                for statement in script.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")

    def record_attempt(self, exercise: str, status: str, duration_ms: float, source: str,
                       failed_check: str | None = None, diagnosis: str | None = None,
                       origin: str = "check") -> int:
        at = clock.now().isoformat()
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO attempts (exercise, at, status, duration_ms, code_sha256, "
                "failed_check, diagnosis, origin, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (exercise, at, status, duration_ms, code_hash(source),
                 failed_check, diagnosis, origin, uuid.uuid4().hex))
            db.execute("INSERT INTO activity (uid, exercise, at, kind) VALUES (?, ?, ?, ?)",
                       (uuid.uuid4().hex, exercise, at, "check"))
            return int(cursor.lastrowid or 0)

    def record_activity(self, exercise: str, kind: str) -> None:
        """A moment of practice (a save, a hint, the theory read): time on task is derived."""
        with self.transaction() as db:
            db.execute("INSERT INTO activity (uid, exercise, at, kind) VALUES (?, ?, ?, ?)",
                       (uuid.uuid4().hex, exercise, clock.now().isoformat(), kind))

    def activity(self) -> list[tuple[str, datetime, str]]:
        rows = self.db.execute("SELECT exercise, at, kind FROM activity ORDER BY at, id")
        return [(r[0], datetime.fromisoformat(r[1]), r[2]) for r in rows]

    def rows(self, table: str) -> list[dict[str, Any]]:
        if table not in ("attempts", "activity", "review_cards", "review_log",
                         "review_sessions", "exercise_state", "settings"):
            raise ValueError(table)
        cursor = self.db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def statuses(self) -> dict[str, ExerciseStatus]:
        rows = self.db.execute(
            "SELECT exercise, COUNT(*), MAX(status = 'pass'), MAX(at) FROM attempts "
            "GROUP BY exercise").fetchall()
        return {r[0]: ExerciseStatus(r[0], r[1], bool(r[2]), r[3]) for r in rows}

    def hints_shown(self, exercise: str) -> int:
        row = self.db.execute("SELECT hints_shown FROM exercise_state WHERE exercise = ?",
                              (exercise,)).fetchone()
        return int(row[0]) if row else 0

    def show_hint(self, exercise: str, total: int) -> int:
        """Reveal one more hint (up to ``total``); returns how many are now shown."""
        shown = min(self.hints_shown(exercise) + 1, total)
        with self.transaction() as db:
            db.execute("INSERT INTO exercise_state (exercise, hints_shown) VALUES (?, ?) "
                       "ON CONFLICT (exercise) DO UPDATE SET hints_shown = excluded.hints_shown",
                       (exercise, shown))
        return shown

    def get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                       "DO UPDATE SET value = excluded.value", (key, value))
