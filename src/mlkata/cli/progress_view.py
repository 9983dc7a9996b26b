"""`mlkata progress` in the terminal: today, streaks, a year's calendar, you against your past."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

    from ..progress.report import PeriodStats, Report

LEVELS = [(0, "grey30", "·"), (1, "green4", "■"), (15, "green3", "■"), (30, "green1", "■"),
          (60, "bold bright_green", "■")]
WEEKDAYS = ["Mon", "", "Wed", "", "Fri", "", "Sun"]


def _level(minutes: float) -> tuple[str, str]:
    style, mark = LEVELS[0][1], LEVELS[0][2]
    for threshold, s, m in LEVELS:
        if minutes >= threshold and (threshold > 0 or minutes == 0):
            style, mark = s, m
    return style, mark


def calendar(report: Report, weeks: int = 53) -> Text:
    """A GitHub-style year: a column per week, a row per weekday, brighter for more minutes."""
    last_monday = report.today - timedelta(days=report.today.weekday())
    first = last_monday - timedelta(weeks=weeks - 1)
    text = Text()
    months = [" "] * weeks
    for w in range(weeks):
        monday = first + timedelta(weeks=w)
        if monday.day <= 7:
            label = monday.strftime("%b")
            for i, ch in enumerate(label):
                if w + i < weeks:
                    months[w + i] = ch
    text.append("     " + "".join(months) + "\n", style="dim")
    for row in range(7):
        text.append(f"{WEEKDAYS[row]:<5}", style="dim")
        for w in range(weeks):
            day = first + timedelta(weeks=w, days=row)
            if day > report.today:
                text.append(" ")
                continue
            style, mark = _level(report.minutes_by_day.get(day, 0.0))
            text.append(mark, style=style)
        text.append("\n")
    text.append("     less ", style="dim")
    for _, style, mark in LEVELS:
        text.append(mark, style=style)
    text.append(" more  (0, <15, <30, <60, 60+ minutes)", style="dim")
    return text


def _fmt(value: float | None, unit: str = "", digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}{unit}"


def periods_table(report: Report) -> Table:
    names = list(report.periods)
    now = report.periods["now"]
    length = (now.end - now.start).days
    table = Table(title=f"You against your own past (periods of {length} days)",
                  title_justify="left", title_style="bold", box=None, padding=(0, 2))
    table.add_column("")
    headers = {"now": "now", "30 days earlier": "30 days ago", "90 days earlier": "90 days ago",
               "365 days earlier": "a year ago"}
    for name in names:
        table.add_column(headers.get(name, name), justify="right",
                         style="bold" if name == "now" else "")

    def row(label: str, get: Callable[[PeriodStats], str]) -> None:
        table.add_row(label, *[get(report.periods[n]) for n in names])

    row("exercises solved", lambda p: str(p.solved))
    row("first-try pass rate", lambda p: _fmt(None if p.first_try_rate is None
                                             else 100 * p.first_try_rate, "%"))
    row("median time to solve", lambda p: _fmt(p.median_solve_minutes, " min"))
    row("hours practised", lambda p: _fmt(p.hours, " h", 1))
    row("most frequent mistake", lambda p: p.top_mistakes[0][0] if p.top_mistakes else "—")
    return table


def _delta(now: PeriodStats, then: PeriodStats) -> str:
    if then.hours == 0:
        return ""
    change = now.hours / then.hours
    return f"{change:.1f}× the hours of a year ago" if change >= 1 else \
        f"{100 * change:.0f}% of the hours of a year ago"


def render(out: Console, report: Report, now: datetime) -> None:
    s = report.streaks
    header = Text()
    header.append(f"Today {report.today_minutes:.0f} min", style="bold")
    header.append(f"   ·   streak {s.current} day{'s' if s.current != 1 else ''}")
    header.append(f" (longest {s.longest}; {s.rest_days_left_this_week} rest day"
                  f"{'s' if s.rest_days_left_this_week != 1 else ''} left this week)", style="dim")
    share = 100 * report.total_hours / 10_000
    header.append(f"   ·   {report.total_hours:.1f} h in all", style="bold")
    header.append(f" — {share:.2f}% of the way to 10,000 hours", style="dim")
    out.print(header)
    out.print()
    out.print(calendar(report))
    out.print()
    tracks = Table(title="Solved by track", title_justify="left", title_style="bold", box=None,
                   padding=(0, 1))
    tracks.add_column("")
    tracks.add_column("")
    tracks.add_column("", style="dim")
    for track, (solved, total) in report.solved_by_track.items():
        bar = "█" * solved + "░" * (total - solved)
        tracks.add_row(track, Text(bar, style="green"), f"{solved}/{total}")
    out.print(tracks)
    out.print()
    out.print(periods_table(report))
    mistakes = report.periods["now"].top_mistakes
    if mistakes:
        out.print(Text("  mistakes you made most this period: " +
                       ", ".join(f"{m} ×{n}" for m, n in mistakes), style="dim"))
    year_ago = report.periods.get("365 days earlier")
    if year_ago is not None and _delta(report.periods["now"], year_ago):
        out.print(Text(f"  {_delta(report.periods['now'], year_ago)}", style="dim"))
    out.print()
    if report.due_reviews:
        names = ", ".join(f"{e} ({_ago(d, now)})" for e, d in report.due_reviews[:6])
        out.print(Text.assemble(("↻ due for review: ", "bold cyan"), names,
                                ("   mlkata review", "dim")))
    else:
        out.print(Text("no review due", style="dim"))


def _ago(moment: datetime, now: datetime) -> str:
    days = (now - moment).days
    return "due today" if days <= 0 else f"{days} day{'s' if days != 1 else ''} overdue"

