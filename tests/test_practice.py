"""Deliberate practice over simulated months: time on task, streaks, periods, reviews, history."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from practice_history import at, session, simulated_year

from mlkata.cli.main import cli
from mlkata.engine.catalog import SHIPPED, load_catalog
from mlkata.progress import review
from mlkata.progress.portable import export_history, import_history
from mlkata.progress.report import Attempt, build_report, from_store, solves
from mlkata.progress.store import Store
from mlkata.progress.streaks import streaks
from mlkata.progress.time_on_task import seconds_by_day, spans
from mlkata.workspace import Workspace

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
SOFTMAX = SHIPPED / "foundations" / "softmax"


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


@pytest.fixture()
def store(tmp_path: Path):
    s = Store(tmp_path / "p.sqlite")
    yield s
    s.close()


def test_time_between_moments_counts_and_idle_gaps_do_not():
    moments = [("a", T0, "theory"), ("a", T0 + timedelta(minutes=2), "check"),
               ("a", T0 + timedelta(minutes=6), "check"),     # 4 min: counts
               ("a", T0 + timedelta(minutes=11, seconds=1), "check"),  # 5 min 1 s: idle
               ("b", T0 + timedelta(minutes=12), "check")]
    assert [s for _, _, s in spans(moments)] == [120, 240, 59]
    assert seconds_by_day(moments) == {T0.date(): 419}


def test_a_gap_of_exactly_five_minutes_still_counts():
    moments = [("a", T0, "check"), ("a", T0 + timedelta(minutes=5), "check")]
    assert sum(s for *_, s in spans(moments)) == 300


def days(*offsets: int) -> set[date]:
    return {T0.date() + timedelta(days=o) for o in offsets}


def test_streaks_forgive_rest_days_up_to_the_allowance():
    monday = T0.date()
    # Mon–Sat practised, Sun off, next Mon–Wed practised: one rest day a week keeps it
    practised = days(0, 1, 2, 3, 4, 5, 7, 8, 9)
    assert streaks(practised, monday + timedelta(days=9), rest_days=1).current == 9
    assert streaks(practised, monday + timedelta(days=9), rest_days=0).current == 3
    # two days off in one week break it with one rest day allowed
    practised = days(0, 1, 2, 5, 6, 7)
    result = streaks(practised, monday + timedelta(days=7), rest_days=1)
    assert result.current == 3 and result.longest == 3
    assert streaks(practised, monday + timedelta(days=7), rest_days=2).current == 6


def test_today_unpractised_does_not_break_the_streak_yet():
    practised = days(0, 1, 2)
    assert streaks(practised, T0.date() + timedelta(days=3), rest_days=0).current == 3
    assert streaks(practised, T0.date() + timedelta(days=4), rest_days=0).current == 0


def test_streaks_over_a_simulated_year(store, monkeypatch):
    end = T0 + timedelta(days=364)
    simulated_year(store, ["softmax", "kmeans"], end, monkeypatch)
    report, _ = from_store(store, {"foundations": ["softmax", "kmeans"]}, end, rest_days=2)
    strict, _ = from_store(store, {"foundations": ["softmax", "kmeans"]}, end, rest_days=0)
    assert report.streaks.longest > strict.streaks.longest > 0
    assert report.total_hours > 0


def test_periods_compare_you_with_your_past(store, monkeypatch):
    now = T0 + timedelta(days=400)
    # a year ago: slow and error-prone; now: fast, first try
    for i in range(5):
        session(store, now - timedelta(days=365 + i, hours=1), f"ex{i}",
                ["fail", "fail", "pass"], 240, monkeypatch, diagnosis="sign-flip")
    for i in range(6):
        session(store, now - timedelta(days=i, hours=1), f"new{i}", ["pass"], 90, monkeypatch)
    report, _ = from_store(store, {"t": [f"ex{i}" for i in range(6)]}, now)
    current, year_ago = report.periods["now"], report.periods["365 days earlier"]
    assert current.solved == 6 and year_ago.solved == 5
    assert current.first_try_rate == 1.0 and year_ago.first_try_rate == 0.0
    assert current.median_solve_minutes == pytest.approx(1.5)
    assert year_ago.median_solve_minutes == pytest.approx(12.0)
    assert year_ago.top_mistakes == [("sign-flip", 10)]
    assert report.periods["30 days earlier"].solved == 0
    assert current.hours == pytest.approx(6 * 90 / 3600)


def test_a_review_is_a_new_episode():
    attempts = [Attempt("a", T0, "pass", None),
                Attempt("a", T0 + timedelta(days=3, minutes=4), "fail", "x"),
                Attempt("a", T0 + timedelta(days=3, minutes=8), "pass", None)]
    moments = [("a", T0, "check"), ("a", T0 + timedelta(days=3), "review"),
               ("a", T0 + timedelta(days=3, minutes=4), "check"),
               ("a", T0 + timedelta(days=3, minutes=8), "check")]
    found = solves(attempts, moments)
    assert [s.first_try for s in found] == [True, False]
    assert found[1].active_s == 480


def test_fsrs_intervals_grow_after_good_reviews_and_shrink_after_failures(store, monkeypatch):
    now = T0
    review.schedule_first(store, "kmeans", now)
    intervals = []
    for outcome in ["easy", "easy", "easy", "give up", "easy"]:
        due = dict(review.upcoming(store))["kmeans"]
        now = due + timedelta(hours=1)
        review.begin(store, "kmeans", now, None)
        at(now + timedelta(minutes=3), monkeypatch)
        if outcome == "easy":
            store.record_attempt("kmeans", "pass", 10, "x")
        result = review.finish(store, "kmeans", now + timedelta(minutes=3),
                               gave_up=outcome == "give up")
        intervals.append((result.next_due - (now + timedelta(minutes=3))).days)
    assert intervals[0] < intervals[1] < intervals[2]
    assert intervals[3] < intervals[2] / 10
    assert intervals[4] > intervals[3]


def test_rating_follows_the_outcome():
    from fsrs import Rating
    assert review.rate(1, timedelta(minutes=5), False) == Rating.Easy
    assert review.rate(3, timedelta(minutes=5), False) == Rating.Good
    assert review.rate(7, timedelta(minutes=5), False) == Rating.Hard
    assert review.rate(1, timedelta(minutes=45), False) == Rating.Good
    assert review.rate(1, timedelta(minutes=1), True) == Rating.Again


def test_export_import_round_trip_without_loss_or_duplicates(tmp_path, monkeypatch):
    source = Store(tmp_path / "a.sqlite")
    simulated_year(source, ["softmax", "kmeans"], T0 + timedelta(days=120), monkeypatch)
    review.schedule_first(source, "softmax", T0)
    source.show_hint("softmax", 3)
    export_history(source, tmp_path / "history.json")
    target = Store(tmp_path / "b.sqlite")
    import_history(target, tmp_path / "history.json")
    again = import_history(target, tmp_path / "history.json")
    assert again == {"attempts": 0, "activity": 0, "review_log": 0}
    export_history(target, tmp_path / "back.json")
    assert json.loads((tmp_path / "history.json").read_text()) == json.loads(
        (tmp_path / "back.json").read_text())
    assert len(target.rows("attempts")) == len(source.rows("attempts")) > 100


def test_import_rejects_what_is_not_a_history(tmp_path, store):
    from mlkata.progress.portable import ImportError_
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    with pytest.raises(ImportError_):
        import_history(store, bad)


def test_progress_command_with_a_simulated_year(tmp_path, monkeypatch):
    catalog = load_catalog()
    ws, _ = Workspace.create(tmp_path / "kata", catalog)
    end = T0 + timedelta(days=364)
    simulated_year(ws.store, catalog.ids()[:6], end, monkeypatch)
    review.schedule_first(ws.store, catalog.ids()[0], end - timedelta(days=20))
    at(end, monkeypatch)
    monkeypatch.chdir(ws.root)
    runner = CliRunner()
    result = runner.invoke(cli, ["progress", "--plot", str(tmp_path / "p.png")])
    assert result.exit_code == 0, result.output
    assert "streak" in result.output and "a year ago" in result.output
    assert "due for review" in result.output
    assert (tmp_path / "p.png").stat().st_size > 10_000
    data = json.loads(runner.invoke(cli, ["progress", "--json"]).output)
    assert data["streak"]["longest"] >= data["streak"]["current"] > 0
    assert set(data["periods"]) == {"now", "30 days earlier", "90 days earlier",
                                    "365 days earlier"}


def test_review_loop_through_the_cli(tmp_path, monkeypatch):
    catalog = load_catalog()
    ws, _ = Workspace.create(tmp_path / "kata", catalog)
    monkeypatch.chdir(ws.root)
    runner = CliRunner()
    mine = ws.root / "foundations" / "softmax.py"
    shutil.copy(SOFTMAX / "solution.py", mine)
    at(T0, monkeypatch)
    out = runner.invoke(cli, ["check"]).output
    assert "comes back for a review" in " ".join(out.split())
    assert "No review is due" in runner.invoke(cli, ["review"]).output
    at(T0 + timedelta(days=30), monkeypatch)
    rows = json.loads(runner.invoke(cli, ["list", "--json"]).output)["exercises"]
    assert [r["id"] for r in rows if r["review_due"]] == ["softmax"]
    out = runner.invoke(cli, ["review"]).output
    assert "Review: softmax" in out
    assert mine.read_text() == (SOFTMAX / "starter.py").read_text()
    at(T0 + timedelta(days=30, minutes=4), monkeypatch)
    shutil.copy(SOFTMAX / "solution.py", mine)
    out = " ".join(runner.invoke(cli, ["check", "softmax"]).output.split())
    assert "review done" in out and "rated Easy" in out
    out = runner.invoke(cli, ["review", "softmax", "--compare"]).output
    assert "identical" in out or "@@" in out


def test_a_killed_watch_loses_no_recorded_attempt(tmp_path):
    catalog = load_catalog()
    ws, _ = Workspace.create(tmp_path / "kata", catalog)
    script = Path(sys.executable).parent / "mlkata"
    proc = subprocess.Popen([str(script), "watch"], cwd=ws.root, stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mine = ws.root / "foundations" / "softmax.py"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _count(ws) < 1:
            time.sleep(0.1)
        for source in ["no_max_shift.py", "global_max_shift.py"]:
            before = _count(ws)
            shutil.copy(SOFTMAX / "mistakes" / source, mine)
            os.utime(mine)
            while time.monotonic() < deadline and _count(ws) <= before:
                time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    db = sqlite3.connect(ws.root / ".mlkata" / "progress.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    statuses = [r[0] for r in db.execute("SELECT status FROM attempts ORDER BY id")]
    assert statuses[:3] == ["fail", "fail", "fail"]


def _count(ws: Workspace) -> int:
    db = sqlite3.connect(ws.root / ".mlkata" / "progress.sqlite")
    try:
        return db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def test_build_report_counts_solved_per_track():
    attempts = [Attempt("a", T0, "pass", None), Attempt("b", T0, "fail", "x")]
    report = build_report(attempts, [("a", T0, "check")], T0.date(), {"t": ["a", "b", "c"]}, [])
    assert report.solved_by_track == {"t": (1, 3)}
