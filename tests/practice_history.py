"""Simulated practice histories for the tests (and for looking at `mlkata progress`)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from mlkata.progress.store import Store


def at(moment: datetime, monkeypatch) -> None:
    monkeypatch.setenv("MLKATA_NOW", moment.isoformat())


def session(store: Store, start: datetime, exercise: str, checks: list[str], gap_s: float,
            monkeypatch, diagnosis: str | None = "missing-average",
            review: bool = False) -> datetime:
    """A sitting: the theory read (or a review begun), then checks ``gap_s`` apart."""
    at(start, monkeypatch)
    store.record_activity(exercise, "review" if review else "theory")
    moment = start
    for status in checks:
        moment = moment + timedelta(seconds=gap_s)
        at(moment, monkeypatch)
        store.record_attempt(exercise, status, 50.0, f"# {moment}",
                             failed_check=None if status == "pass" else "a check",
                             diagnosis=None if status == "pass" else diagnosis)
    return moment


def simulated_year(store: Store, exercises: list[str], end: datetime, monkeypatch,
                   seed: int = 7, days: int = 365) -> None:
    """A year of mostly-daily practice that gets faster and better over time."""
    rng = random.Random(seed)
    day = end - timedelta(days=days - 1)
    index = 0
    while day.date() <= end.date():
        if rng.random() < 0.8:
            progress = 1 - (end - day).days / days
            exercise = exercises[index % len(exercises)]
            fails = max(0, int(rng.gauss(3 * (1 - progress), 1)))
            gap = 240 - 150 * progress
            session(store, day.replace(hour=19, tzinfo=UTC), exercise,
                    ["fail"] * fails + ["pass"], gap, monkeypatch,
                    diagnosis=rng.choice(["missing-average", "sign-flip", "nan-or-inf"]),
                    review=index >= len(exercises))
            index += 1
        day += timedelta(days=1)
