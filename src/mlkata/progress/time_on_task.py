"""Active practice time, derived from moments of activity (checks, saves, hints, theory).

The time between two consecutive moments counts when the gap is at most five minutes; a longer
gap is a pause and counts nothing. A span is credited to the exercise and the (local) day of the
moment that ends it. Nothing is stored but the moments, so nothing can drift or half-write.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo

IDLE_CUTOFF = timedelta(minutes=5)

Moment = tuple[str, datetime, str]  # exercise, when, kind


def spans(moments: Iterable[Moment], cutoff: timedelta = IDLE_CUTOFF
          ) -> list[tuple[str, datetime, float]]:
    """(exercise, end, seconds) for every active span between consecutive moments."""
    ordered = sorted(moments, key=lambda m: m[1])
    found = []
    for (_, before, _), (exercise, after, _) in zip(ordered, ordered[1:], strict=False):
        gap = after - before
        if timedelta(0) < gap <= cutoff:
            found.append((exercise, after, gap.total_seconds()))
    return found


def seconds_by_day(moments: Iterable[Moment], tz: tzinfo | None = None) -> dict[date, float]:
    totals: dict[date, float] = defaultdict(float)
    for _, end, seconds in spans(moments):
        totals[end.astimezone(tz).date()] += seconds
    return dict(totals)


def seconds_by_exercise(moments: Iterable[Moment]) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for exercise, _, seconds in spans(moments):
        totals[exercise] += seconds
    return dict(totals)


def active_seconds(moments: Iterable[Moment], start: datetime, end: datetime,
                   exercise: str | None = None) -> float:
    return sum(s for ex, at, s in spans(moments)
               if start <= at < end and (exercise is None or ex == exercise))
