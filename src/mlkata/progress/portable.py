"""Move a learner's whole history between machines: export to JSON, import without duplicates.

Rows that are events (attempts, activity, reviews) carry a uid and are imported once; per-exercise
state (cards, hints) keeps whichever side is further along.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from .store import Store

FORMAT = "mlkata-history"
VERSION = 1
EVENT_TABLES = {
    "attempts": ["uid", "exercise", "at", "status", "duration_ms", "code_sha256",
                 "failed_check", "diagnosis", "origin"],
    "activity": ["uid", "exercise", "at", "kind"],
    "review_log": ["uid", "exercise", "at", "rating", "outcome", "checks", "active_s",
                   "archived"],
}


def export_history(store: Store, path: Path) -> dict[str, int]:
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    counts = {}
    for table, columns in EVENT_TABLES.items():
        rows = [{c: r[c] for c in columns} for r in store.rows(table)]
        data[table] = sorted(rows, key=lambda r: (r["at"], r["uid"]))
        counts[table] = len(rows)
    data["review_cards"] = [{"exercise": r["exercise"], "card": json.loads(r["card"]),
                             "due": r["due"]} for r in store.rows("review_cards")]
    data["exercise_state"] = store.rows("exercise_state")
    path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    return counts


class ImportError_(ValueError):
    pass


def import_history(store: Store, path: Path) -> dict[str, int]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ImportError_(f"{path}: not a readable history file ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportError_(f"{path}: not an mlkata history export")
    added = {}
    with store.transaction() as db:
        for table, columns in EVENT_TABLES.items():
            before = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            placeholders = ", ".join("?" for _ in columns)
            db.executemany(
                f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
                [tuple(row.get(c) for c in columns) for row in data.get(table, [])])
            added[table] = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] - before
        for card in data.get("review_cards", []):
            mine = db.execute("SELECT card FROM review_cards WHERE exercise = ?",
                              (card["exercise"],)).fetchone()
            if mine is None or _last_review(json.loads(mine[0])) < _last_review(card["card"]):
                db.execute("INSERT OR REPLACE INTO review_cards (exercise, card, due) "
                           "VALUES (?, ?, ?)",
                           (card["exercise"], json.dumps(card["card"]), card["due"]))
        for state in data.get("exercise_state", []):
            db.execute("INSERT INTO exercise_state (exercise, hints_shown) VALUES (?, ?) "
                       "ON CONFLICT (exercise) DO UPDATE SET hints_shown = "
                       "MAX(hints_shown, excluded.hints_shown)",
                       (state["exercise"], state["hints_shown"]))
    return added


def _last_review(card: dict[str, Any]) -> datetime:
    stamp = card.get("last_review")
    return datetime.fromisoformat(stamp) if stamp else datetime.min.replace(
        tzinfo=datetime.fromisoformat("2000-01-01T00:00:00+00:00").tzinfo)
