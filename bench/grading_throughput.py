"""Grading throughput of the course server on its embedded default (SQLite database, huey's
SQLite queue, `mlkata serve --workers 2`), and submit-to-verdict latency under a burst.

    python bench/grading_throughput.py [--submissions 1000] [--workers 2]
    python bench/grading_throughput.py --db postgresql://… --queue redis://…   # scaled out

Starts a real server in a temporary folder, registers learners, enrols them, then submits the
burst as fast as 16 client threads can post it, in two scenarios: a realistic mix (half right
solutions, graded on the public then the hidden cases; half known mistakes, which stop after the
public cases) and only right solutions (two passes each, the worst case). Latency is each
submission's verdict time minus its arrival time, both stamped by the server. Then one learner
submits 40 files one at a time on a quiet server, as `mlkata submit` waits for each. Writes
bench/results/grading_throughput.json. Target (issue 6): at least 40 graded per second with two
workers on a 2-core machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import text

from mlkata.cli.client import CourseServer, ServerError
from mlkata.engine.catalog import load_catalog
from mlkata.server.db import as_utc, make_engine

RESULTS = Path(__file__).parent / "results" / "grading_throughput.json"
EXERCISES = ["softmax", "standardize", "pairwise_sq_dists", "numerical_gradient"]
LEARNERS = 100  # the server lets a learner have 10 ungraded submissions at a time
CLIENT_THREADS = 16


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """`mlkata serve` in a fresh data folder; the teacher's password read from its output."""

    def __init__(self, data: Path, workers: int, db: str | None, queue: str | None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data = data
        self.db_url = db or f"sqlite:///{data / 'mlkata.sqlite3'}"
        script = Path(sys.executable).parent / "mlkata"
        self.process = subprocess.Popen(
            [str(script), "serve", "--data", str(data), "--port", str(self.port),
             "--workers", str(workers), *(["--db", db] if db else []),
             *(["--queue", queue] if queue else [])],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True)
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.password = self._wait_ready()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    def _wait_ready(self) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server exited:\n" + "".join(self.output))
            found = re.search(r"password\s+(\S+)", "".join(self.output))
            try:
                if found and CourseServer(self.url).request("GET", "/api/health", timeout=1):
                    return found.group(1)
            except ServerError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the server did not start:\n" + "".join(self.output))

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def sources(right_share: float, count: int) -> list[tuple[str, str, bool]]:
    """(exercise, code, is right) in a fixed, interleaved order."""
    catalog = load_catalog()
    right, wrong = [], []
    for exercise_id in EXERCISES:
        exercise = catalog[exercise_id]
        right.append((exercise_id, exercise.solution_path.read_text(), True))
        wrong += [(exercise_id, p.read_text(), False)
                  for p in sorted((exercise.folder / "mistakes").glob("*.py"))]
    return [right[i % len(right)] if int((i + 1) * right_share) > int(i * right_share)
            else wrong[i % len(wrong)] for i in range(count)]


TICK = os.sysconf("SC_CLK_TCK")


def cpu_by_role(root: int) -> dict[str, float]:
    """CPU seconds used so far by the server's processes, by role; a sandbox child's time is
    counted in its zygote once reaped."""
    used = {"web": 0.0, "grading workers": 0.0, "sandbox": 0.0}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks = sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
        if "mlkata.sandbox.zygote" in command:
            used["sandbox"] += ticks / TICK
        elif "mlkata.server.worker" in command:
            used["grading workers"] += ticks / TICK - sum(int(v) for v in fields[13:15]) / TICK
        elif int(entry.name) == root:
            used["web"] += sum(int(v) for v in fields[11:13]) / TICK
    return used


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def scenario(name: str, right_share: float, count: int, workers: int, db: str | None,
             queue: str | None) -> dict[str, Any]:
    if db:
        _empty_database(db)
    with tempfile.TemporaryDirectory(prefix="mlkata-bench-") as folder:
        server = LiveServer(Path(folder) / "data", workers, db, queue)
        try:
            return _measure(server, name, right_share, count, workers)
        finally:
            server.stop()


def _measure(server: LiveServer, name: str, right_share: float, count: int,
             workers: int) -> dict[str, Any]:
    anonymous = CourseServer(server.url)
    teacher = CourseServer(server.url, anonymous.request("POST", "/api/auth/token", {
        "username": "teacher", "password": server.password})["token"])
    course = teacher.request("POST", "/api/courses", {
        "title": "bench", "exercises": [{"id": e} for e in EXERCISES]})

    def learner(i: int) -> CourseServer:
        token = anonymous.request("POST", "/api/auth/register", {
            "username": f"learner{i:04d}", "password": "bench-password"})["token"]
        client = CourseServer(server.url, token)
        client.request("POST", "/api/courses/join", {"invite_code": course["invite_code"]})
        return client

    with ThreadPoolExecutor(8) as pool:
        learners = list(pool.map(learner, range(LEARNERS)))
    work = sources(right_share, count)
    path = f"/api/courses/{course['id']}/submissions"

    def post(i: int) -> None:
        exercise_id, code, _ = work[i]
        learners[i % LEARNERS].request("POST", path, {"exercise": exercise_id, "code": code})

    cpu_before, client_before = cpu_by_role(server.process.pid), time.process_time()
    started = time.monotonic()
    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        list(pool.map(post, range(count)))
    posted_s = time.monotonic() - started
    while teacher.request("GET", "/api/queue")["submissions"]["done"] < count:
        time.sleep(0.2)
    cpu_after, client_after = cpu_by_role(server.process.pid), time.process_time()
    cpu_ms = {role: round((cpu_after[role] - cpu_before[role]) * 1000 / count, 1)
              for role in cpu_before}
    cpu_ms["benchmark client"] = round((client_after - client_before) * 1000 / count, 1)

    engine = make_engine(server.db_url)
    with engine.connect() as db:
        rows = db.execute(text("SELECT submitted_at, graded_at, grading_ms, status, gradings, "
                               "code_sha256 FROM submissions ORDER BY id")).fetchall()
    engine.dispose()
    arrived = [as_utc(r[0]) for r in rows]
    graded = [as_utc(r[1]) for r in rows]
    latency = [(g - a).total_seconds() for a, g in zip(arrived, graded, strict=True)]
    span = (max(graded) - min(arrived)).total_seconds()
    expected = {hashlib.sha256(code.encode()).hexdigest(): "pass" if right else "fail"
                for _, code, right in work}
    return {
        "scenario": name,
        "submissions": count,
        "workers": workers,
        "graded_per_s": round(count / span, 1),
        "burst_posted_per_s": round(count / posted_s, 1),
        "first_arrival_to_last_verdict_s": round(span, 2),
        "latency_s": {"median": round(statistics.median(latency), 3),
                      "p99": round(percentile(latency, 0.99), 3),
                      "max": round(max(latency), 3)},
        "grading_ms_median": round(statistics.median(r[2] for r in rows), 1),
        "verdicts_as_expected": all(r[3] == expected[r[5]] for r in rows),
        "graded_exactly_once": all(r[4] == 1 for r in rows),
        "cpu_ms_per_submission": cpu_ms,
    }


def one_at_a_time(count: int, workers: int, db: str | None, queue: str | None
                  ) -> dict[str, Any]:
    """What one learner waits on a quiet server: submit, then long-poll the verdict as
    `mlkata submit` does; timed by the client, from the upload to the answer."""
    if db:
        _empty_database(db)
    with tempfile.TemporaryDirectory(prefix="mlkata-bench-") as folder:
        server = LiveServer(Path(folder) / "data", workers, db, queue)
        try:
            anonymous = CourseServer(server.url)
            teacher = CourseServer(server.url, anonymous.request("POST", "/api/auth/token", {
                "username": "teacher", "password": server.password})["token"])
            course = teacher.request("POST", "/api/courses", {
                "title": "bench", "exercises": [{"id": e} for e in EXERCISES]})
            learner = CourseServer(server.url, anonymous.request("POST", "/api/auth/register", {
                "username": "learner", "password": "bench-password"})["token"])
            learner.request("POST", "/api/courses/join", {"invite_code": course["invite_code"]})
            waits = []
            for exercise_id, code, _ in sources(0.5, count):
                started = time.perf_counter()
                sent = learner.request("POST", f"/api/courses/{course['id']}/submissions",
                                       {"exercise": exercise_id, "code": code})
                shown = learner.request("GET", f"/api/submissions/{sent['id']}?wait=30")
                assert shown["state"] == "done", shown
                waits.append(time.perf_counter() - started)
        finally:
            server.stop()
    return {"submissions": count, "median_s": round(statistics.median(waits), 3),
            "p90_s": round(percentile(waits, 0.9), 3), "max_s": round(max(waits), 3)}


def _empty_database(url: str) -> None:
    """A scaled-out run starts on an empty database (the bench's own: it is emptied)."""
    from mlkata.server.db import migrate
    from mlkata.server.models import Base
    engine = make_engine(url)
    migrate(engine)
    with engine.begin() as db:
        names = ", ".join(t.name for t in Base.metadata.sorted_tables)
        db.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--exercises", nargs="+", default=EXERCISES,
                        help="the exercises submitted (default: the foundations track)")
    parser.add_argument("--db", help="a PostgreSQL URL (its tables are emptied first)")
    parser.add_argument("--queue", help="a Redis URL for huey")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    EXERCISES[:] = args.exercises
    load_before = os.getloadavg()[0]
    scenarios = [scenario("mixed: half right, half known mistakes", 0.5, args.submissions,
                          args.workers, args.db, args.queue),
                 scenario("right solutions only (public + hidden pass each)", 1.0,
                          args.submissions, args.workers, args.db, args.queue)]
    quiet = one_at_a_time(40, args.workers, args.db, args.queue)
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                   f"Python {platform.python_version()}",
        "exercises": EXERCISES,
        "database": "PostgreSQL" if args.db else "SQLite",
        "queue": "huey on Redis" if args.queue else "huey on SQLite",
        "load_average_before": round(load_before, 2),
        "target_graded_per_s": 40,
        "scenarios": scenarios,
        "one_learner_on_a_quiet_server": quiet,
    }
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
