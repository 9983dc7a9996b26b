"""The learner against their own past: totals, streaks, the calendar, periods compared.

Everything here is a pure function of the store's rows, so it is tested over simulated years.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from .streaks import Streaks, streaks
from .time_on_task import Moment, active_seconds, seconds_by_day

HORIZON_HOURS = 10_000
COMPARE_OFFSETS = (30, 90, 365)


@dataclass
class Attempt:
    exercise: str
    at: datetime
    status: str
    diagnosis: str | None


@dataclass
class Solve:
    exercise: str
    at: datetime
    first_try: bool
    active_s: float


@dataclass
class PeriodStats:
    start: date
    end: date  # exclusive
    solved: int
    first_try_rate: float | None
    median_solve_minutes: float | None
    hours: float
    top_mistakes: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Report:
    today: date
    today_minutes: float
    streaks: Streaks
    total_hours: float
    solved_by_track: dict[str, tuple[int, int]]
    minutes_by_day: dict[date, float]
    periods: dict[str, PeriodStats]
    due_reviews: list[tuple[str, datetime]]

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "today_minutes": round(self.today_minutes, 1),
            "streak": {"current": self.streaks.current, "longest": self.streaks.longest,
                       "rest_days_left_this_week": self.streaks.rest_days_left_this_week},
            "total_hours": round(self.total_hours, 2),
            "horizon_hours": HORIZON_HOURS,
            "solved_by_track": {t: {"solved": s, "total": n}
                                for t, (s, n) in self.solved_by_track.items()},
            "minutes_by_day": {d.isoformat(): round(m, 1)
                               for d, m in sorted(self.minutes_by_day.items())},
            "periods": {name: {**asdict(p), "start": p.start.isoformat(),
                               "end": p.end.isoformat()} for name, p in self.periods.items()},
            "due_reviews": [{"exercise": e, "due": d.isoformat()} for e, d in self.due_reviews],
        }


def solves(attempts: list[Attempt], moments: list[Moment]) -> list[Solve]:
    """Each time an exercise went from not passing to passing: the first pass of an episode.

    An episode starts at the first attempt on an exercise and again at each review (a blank
    re-implementation); its first pass is a solve.
    """
    boundaries: dict[str, list[datetime]] = defaultdict(list)
    for exercise, at, kind in moments:
        if kind == "review":
            boundaries[exercise].append(at)
    found: list[Solve] = []
    by_exercise: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in sorted(attempts, key=lambda a: a.at):
        by_exercise[attempt.exercise].append(attempt)
    for exercise, items in by_exercise.items():
        starts = sorted(boundaries[exercise])
        episode_start: datetime | None = None
        episode_first: Attempt | None = None
        solved = False
        for attempt in items:
            opened = [s for s in starts if (episode_start is None or s > episode_start)
                      and s <= attempt.at]
            if episode_start is None or opened:
                episode_start = opened[-1] if opened else attempt.at
                episode_first, solved = attempt, False
            if attempt.status == "pass" and not solved:
                solved = True
                assert episode_first is not None
                found.append(Solve(exercise, attempt.at, episode_first is attempt,
                                   active_seconds(moments, episode_start, attempt.at
                                                  + timedelta(microseconds=1), exercise)))
    return sorted(found, key=lambda s: s.at)


def period_stats(attempts: list[Attempt], moments: list[Moment], all_solves: list[Solve],
                 start: date, end: date, tz: tzinfo | None) -> PeriodStats:
    def inside(at: datetime) -> bool:
        return start <= at.astimezone(tz).date() < end

    solved = [s for s in all_solves if inside(s.at)]
    minutes = [s.active_s / 60 for s in solved]
    rate = (sum(s.first_try for s in solved) / len(solved)) if solved else None
    hours = sum(sec for day, sec in seconds_by_day(moments, tz).items()
                if start <= day < end) / 3600
    mistakes = Counter(a.diagnosis for a in attempts
                       if a.diagnosis and a.status != "pass" and inside(a.at))
    return PeriodStats(start, end, len(solved), rate,
                       statistics.median(minutes) if minutes else None, hours,
                       mistakes.most_common(3))


def build_report(attempts: list[Attempt], moments: list[Moment], today: date,
                 tracks: dict[str, list[str]], due: list[tuple[str, datetime]],
                 rest_days: int = 1, period_days: int = 30, tz: tzinfo | None = None) -> Report:
    by_day = seconds_by_day(moments, tz)
    practised = {d for d, s in by_day.items() if s > 0} | {
        a.at.astimezone(tz).date() for a in attempts}
    all_solves = solves(attempts, moments)
    ever_solved = {s.exercise for s in all_solves}
    periods = {"now": period_stats(attempts, moments, all_solves,
                                   today - timedelta(days=period_days - 1),
                                   today + timedelta(days=1), tz)}
    for offset in COMPARE_OFFSETS:
        end = today + timedelta(days=1) - timedelta(days=offset)
        periods[f"{offset} days earlier"] = period_stats(
            attempts, moments, all_solves, end - timedelta(days=period_days), end, tz)
    return Report(
        today=today,
        today_minutes=by_day.get(today, 0.0) / 60,
        streaks=streaks(practised, today, rest_days),
        total_hours=sum(by_day.values()) / 3600,
        solved_by_track={t: (sum(e in ever_solved for e in ids), len(ids))
                         for t, ids in tracks.items()},
        minutes_by_day={d: s / 60 for d, s in by_day.items()},
        periods=periods,
        due_reviews=due,
    )


def from_store(store: Any, tracks: dict[str, list[str]], now: datetime, rest_days: int = 1,
               period_days: int = 30) -> tuple[Report, list[Solve]]:
    """The report for a workspace store at ``now`` (days in the machine's local time zone)."""
    from . import review
    attempts = [Attempt(r["exercise"], datetime.fromisoformat(r["at"]), r["status"],
                        r["diagnosis"]) for r in store.rows("attempts")]
    moments = store.activity()
    today = now.astimezone().date()
    report = build_report(attempts, moments, today, tracks, review.due(store, now),
                          rest_days=rest_days, period_days=period_days)
    return report, solves(attempts, moments)
