"""Mutation testing of the catalog's checks: how many planted bugs the checks catch.

    python bench/mutation_report.py [--jobs N] [--max-mutants N] [EXERCISE_FOLDER ...]

Every mutant of every reference solution (see mlkata.engine.mutants) is checked like a
learner's file; writes bench/results/mutants.json (the JSON of `mlkata validate --mutants`) and
prints the totals. Target (issue "Feedback that is never wrong"): at least 95% of the
non-equivalent mutants killed across the catalog.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from mlkata.engine.catalog import load_catalog
from mlkata.engine.exercise import Exercise
from mlkata.engine.mutants import default_jobs, mutation_test, report_json

RESULTS = Path(__file__).parent / "results" / "mutants.json"
TARGET = 0.95


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="*", type=Path,
                        help="exercise folders (default: the whole shipped catalog)")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--max-mutants", type=int, default=None)
    args = parser.parse_args()
    exercises = ([Exercise.load(f) for f in args.folders] if args.folders
                 else load_catalog().exercises)
    started = time.perf_counter()
    reports = mutation_test(exercises, jobs=args.jobs, max_mutants=args.max_mutants,
                            progress=lambda done, total, report, _: print(
                                f"\r{done}/{total} {report.exercise:32s}", end="", flush=True))
    seconds = time.perf_counter() - started
    result = report_json(reports, seconds, args.jobs, args.max_mutants)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print()
    for report in reports:
        row = report.summary()
        print(f"{report.exercise:32s} {row['mutants']:4d} killed {row['killed']:4d} "
              f"survived {row['survived']:3d} equivalent {row['equivalent']:3d}"
              + (f"  ERROR {report.error}" if report.error else ""))
    t = result["totals"]
    print(f"{t['mutants']} mutants in {seconds:.0f} s ({args.jobs} jobs): killed {t['killed']}, "
          f"survived {t['survived']}, equivalent {t['equivalent']}; kill rate "
          f"{t['kill_rate']:.2%} (target {TARGET:.0%}), named {t['named_share']:.2%}")


if __name__ == "__main__":
    main()
