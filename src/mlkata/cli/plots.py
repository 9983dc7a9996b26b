"""`mlkata progress --plot FILE.png`: the calendar, hours per week, time to solve over time."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..progress.report import Report, Solve


def plot(report: Report, solves: list[Solve], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig, axes = plt.subplots(3, 1, figsize=(12, 9), gridspec_kw={"height_ratios": [1.1, 1, 1]})
    fig.suptitle(f"mlkata practice up to {report.today.isoformat()} — "
                 f"{report.total_hours:.1f} h in all, streak {report.streaks.current} days",
                 fontsize=13)

    weeks = 53
    first = report.today - timedelta(days=report.today.weekday()) - timedelta(weeks=weeks - 1)
    grid = np.full((7, weeks), np.nan)
    for w in range(weeks):
        for d in range(7):
            day = first + timedelta(weeks=w, days=d)
            if day <= report.today:
                grid[d, w] = report.minutes_by_day.get(day, 0.0)
    ax = axes[0]
    image = ax.imshow(grid, aspect="auto", cmap="Greens", vmin=0, vmax=max(60.0, np.nanmax(grid)))
    ax.set_yticks(range(7), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    ticks = [w for w in range(weeks) if (first + timedelta(weeks=w)).day <= 7]
    ax.set_xticks(ticks, [(first + timedelta(weeks=w)).strftime("%b") for w in ticks])
    ax.set_title("Minutes practised per day")
    fig.colorbar(image, ax=ax, fraction=0.02, pad=0.01)

    per_week: dict[date, float] = defaultdict(float)
    for day, minutes in report.minutes_by_day.items():
        per_week[day - timedelta(days=day.weekday())] += minutes / 60
    axes[1].bar(sorted(per_week), [per_week[k] for k in sorted(per_week)], width=6,
                color="#2e7d32")
    axes[1].set_ylabel("hours")
    axes[1].set_title("Hours per week")

    ax = axes[2]
    if solves:
        ax.scatter([s.at for s in solves], [s.active_s / 60 for s in solves], s=14,
                   color="#1565c0", alpha=0.6, label="one solve")
        by_month: dict[date, list[float]] = defaultdict(list)
        for s in solves:
            by_month[s.at.date().replace(day=1)].append(s.active_s / 60)
        months = sorted(by_month)
        ax.plot(months, [float(np.median(by_month[m])) for m in months], color="#e65100",
                marker="o", label="monthly median")
        ax.legend(loc="upper right")
    ax.set_ylabel("minutes")
    ax.set_title("Time to solve an exercise")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
