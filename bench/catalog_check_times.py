"""How long checking each exercise's reference solution takes (median of a few runs).

    python bench/catalog_check_times.py [--runs 5]

Writes bench/results/catalog_check_times.json and prints the slowest first. Target (issue 3):
no check of a correct solution takes over 2 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from mlkata.engine.catalog import load_catalog
from mlkata.engine.runner import Checker

RESULTS = Path(__file__).parent / "results" / "catalog_check_times.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    checker = Checker()
    timings: dict[str, float] = {}
    for exercise in load_catalog().exercises:
        source = exercise.solution_path.read_text()
        checker.check(exercise, source, str(exercise.solution_path))  # prepare the cases once
        runs = []
        for _ in range(args.runs):
            started = time.perf_counter()
            verdict = checker.check(exercise, source, str(exercise.solution_path))
            runs.append(time.perf_counter() - started)
            assert verdict.passed, exercise.id
        timings[exercise.id] = round(statistics.median(runs), 4)
        print(f"{exercise.id:32s} {timings[exercise.id]:.3f} s", flush=True)
    checker.close()
    slowest = max(timings, key=timings.__getitem__)
    result = {"runs": args.runs, "median_s": timings, "slowest": slowest,
              "slowest_s": timings[slowest], "total_s": round(sum(timings.values()), 3)}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"slowest: {slowest} {timings[slowest]:.3f} s; all {len(timings)}: "
          f"{result['total_s']:.2f} s")


if __name__ == "__main__":
    main()
