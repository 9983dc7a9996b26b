"""Schema migrations for the workspace store, applied in order; ``PRAGMA user_version`` records
how many have run. Append new steps; never edit a shipped one."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: attempts and per-exercise state
    """
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        exercise TEXT NOT NULL,
        at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'error')),
        duration_ms REAL NOT NULL,
        code_sha256 TEXT NOT NULL,
        failed_check TEXT,
        diagnosis TEXT,
        origin TEXT NOT NULL DEFAULT 'check'
    );
    CREATE INDEX attempts_by_exercise ON attempts (exercise, at);
    CREATE TABLE exercise_state (
        exercise TEXT PRIMARY KEY,
        hints_shown INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
]
