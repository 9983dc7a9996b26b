"""Streaks: days in a row with practice, where a few rest days a week do not break the chain.

Within each calendar week (Monday to Sunday) up to ``rest_days`` days without practice are
forgiven; one more breaks the streak. A streak's length counts the days practised. Today does not
count against a streak before it is over.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Streaks:
    current: int
    longest: int
    rest_days_left_this_week: int


def streaks(practised: Iterable[date], today: date, rest_days: int = 1) -> Streaks:
    days = set(practised)
    if not days:
        return Streaks(0, 0, rest_days)
    run = longest = 0
    missed_this_week = 0
    day = min(days)
    while day <= today:
        if day.weekday() == 0:
            missed_this_week = 0
        if day in days:
            run += 1
        elif day != today:
            missed_this_week += 1
            if missed_this_week > rest_days:
                run = 0
        longest = max(longest, run)
        day += timedelta(days=1)
    left = max(rest_days - missed_this_week, 0) if run else rest_days
    return Streaks(run, longest, left)
