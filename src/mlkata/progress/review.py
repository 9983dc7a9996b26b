"""Spaced review by re-implementation, scheduled by FSRS.

The first solve of an exercise makes it a card. When the card is due, a review archives the
learner's solution, gives them a blank starter, and waits: the pass that ends the review rates it
(first check: Easy; two or three checks: Good; more: Hard; given up: Again; a slow pass, over 30
minutes of active time, one step lower), and FSRS schedules the next one.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .time_on_task import active_seconds

if TYPE_CHECKING:
    from fsrs import Card, Rating, Scheduler

    from .store import Store

SLOW = timedelta(minutes=30)


def _scheduler() -> Scheduler:
    from fsrs import Scheduler
    # Re-implementing an algorithm is not a flashcard: no same-day learning steps, and no
    # random fuzz, so that the schedule is reproducible.
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


@dataclass(frozen=True)
class ReviewOutcome:
    exercise: str
    rating: str
    outcome: str
    checks: int
    active_minutes: float
    next_due: datetime
    archived: str | None


def _card(store: Store, exercise: str) -> Card | None:
    from fsrs import Card
    row = store.db.execute("SELECT card FROM review_cards WHERE exercise = ?",
                           (exercise,)).fetchone()
    return Card.from_dict(json.loads(row[0])) if row else None


def _save(store: Store, exercise: str, card: Card) -> None:
    with store.transaction() as db:
        db.execute("INSERT INTO review_cards (exercise, card, due) VALUES (?, ?, ?) "
                   "ON CONFLICT (exercise) DO UPDATE SET card = excluded.card, "
                   "due = excluded.due",
                   (exercise, json.dumps(card.to_dict()), card.due.isoformat()))


def schedule_first(store: Store, exercise: str, now: datetime) -> datetime | None:
    """Make a newly solved exercise a card; None if it already is one."""
    from fsrs import Card, Rating
    if _card(store, exercise) is not None:
        return None
    card, _ = _scheduler().review_card(Card(), Rating.Good, review_datetime=now)
    _save(store, exercise, card)
    return card.due


def due(store: Store, now: datetime) -> list[tuple[str, datetime]]:
    rows = store.db.execute("SELECT exercise, due FROM review_cards ORDER BY due").fetchall()
    return [(e, datetime.fromisoformat(d)) for e, d in rows if datetime.fromisoformat(d) <= now]


def upcoming(store: Store) -> list[tuple[str, datetime]]:
    rows = store.db.execute("SELECT exercise, due FROM review_cards ORDER BY due").fetchall()
    return [(e, datetime.fromisoformat(d)) for e, d in rows]


def open_session(store: Store, exercise: str) -> tuple[datetime, str | None] | None:
    row = store.db.execute("SELECT started_at, archived FROM review_sessions WHERE exercise = ?",
                           (exercise,)).fetchone()
    return (datetime.fromisoformat(row[0]), row[1]) if row else None


def begin(store: Store, exercise: str, now: datetime, archived: str | None) -> None:
    with store.transaction() as db:
        db.execute("INSERT OR REPLACE INTO review_sessions (exercise, started_at, archived) "
                   "VALUES (?, ?, ?)", (exercise, now.isoformat(), archived))
        db.execute("INSERT INTO activity (uid, exercise, at, kind) VALUES (?, ?, ?, 'review')",
                   (uuid.uuid4().hex, exercise, now.isoformat()))


def rate(checks: int, active: timedelta, gave_up: bool) -> Rating:
    from fsrs import Rating
    if gave_up:
        return Rating.Again
    steps = [Rating.Easy, Rating.Good, Rating.Hard]
    index = 0 if checks <= 1 else 1 if checks <= 3 else 2
    if active > SLOW:
        index = min(index + 1, 2)
    return steps[index]


def finish(store: Store, exercise: str, now: datetime, gave_up: bool = False
           ) -> ReviewOutcome | None:
    """Close the open review of ``exercise`` (after its passing check, or giving up)."""
    from fsrs import Card
    session = open_session(store, exercise)
    if session is None:
        return None
    started, archived = session
    checks = store.db.execute("SELECT COUNT(*) FROM attempts WHERE exercise = ? AND at >= ?",
                              (exercise, started.isoformat())).fetchone()[0]
    active = timedelta(seconds=active_seconds(store.activity(), started,
                                              now + timedelta(microseconds=1), exercise))
    rating = rate(checks, active, gave_up)
    card = _card(store, exercise) or Card()
    card, _ = _scheduler().review_card(card, rating, review_datetime=now)
    outcome = ("gave up" if gave_up else "passed on the first check" if checks <= 1
               else f"passed after {checks} checks")
    _save(store, exercise, card)
    with store.transaction() as db:
        db.execute("INSERT INTO review_log (uid, exercise, at, rating, outcome, checks, "
                   "active_s, archived) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (uuid.uuid4().hex, exercise, now.isoformat(), int(rating), outcome, checks,
                    active.total_seconds(), archived))
        db.execute("DELETE FROM review_sessions WHERE exercise = ?", (exercise,))
    return ReviewOutcome(exercise, rating.name, outcome, checks, active.total_seconds() / 60,
                         card.due, archived)
