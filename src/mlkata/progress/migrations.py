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
    # 2: practice time, spaced review, portable history (every row gets a uid)
    """
    ALTER TABLE attempts ADD COLUMN uid TEXT;
    UPDATE attempts SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX attempts_uid ON attempts (uid);
    CREATE TABLE activity (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        exercise TEXT NOT NULL,
        at TEXT NOT NULL,
        kind TEXT NOT NULL
    );
    CREATE INDEX activity_by_time ON activity (at);
    CREATE TABLE review_cards (
        exercise TEXT PRIMARY KEY,
        card TEXT NOT NULL,
        due TEXT NOT NULL
    );
    CREATE TABLE review_log (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        exercise TEXT NOT NULL,
        at TEXT NOT NULL,
        rating INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        checks INTEGER NOT NULL,
        active_s REAL NOT NULL,
        archived TEXT
    );
    CREATE TABLE review_sessions (
        exercise TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        archived TEXT
    );
    """,
]
