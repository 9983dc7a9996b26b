"""How long a learner waits: cold `mlkata check`, a watch-mode re-check, and bare numpy import.

    python bench/check_latency.py [--runs 15]

Writes bench/results/check_latency.json and prints the medians. Targets (issue 2): the cold
check within 4× a bare `python -c "import numpy"`, the watch re-check under 0.2 s.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from mlkata.engine.catalog import load_catalog
from mlkata.engine.runner import Checker

RESULTS = Path(__file__).parent / "results" / "check_latency.json"


def wall(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--exercise", default="softmax")
    args = parser.parse_args()
    exercise = load_catalog()[args.exercise]
    solution = str(exercise.solution_path)
    script = str(Path(sys.executable).parent / "mlkata")

    wall([sys.executable, "-c", "import numpy"])  # warm the page cache
    bare = [wall([sys.executable, "-c", "import numpy"]) for _ in range(args.runs)]
    cold = [wall([script, "check", args.exercise, "--file", solution])
            for _ in range(args.runs)]

    checker = Checker()
    source = Path(solution).read_text()
    checker.check(exercise, source, solution)  # watch has checked once before the first save
    recheck = []
    for _ in range(args.runs):
        started = time.perf_counter()
        verdict = checker.check(exercise, source, solution)
        recheck.append(time.perf_counter() - started)
        assert verdict.passed
    checker.close()

    result = {
        "exercise": args.exercise,
        "runs": args.runs,
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, "
                   f"Python {platform.python_version()}",
        "median_s": {
            "bare_numpy_import": round(statistics.median(bare), 4),
            "cold_check": round(statistics.median(cold), 4),
            "watch_recheck": round(statistics.median(recheck), 4),
        },
    }
    result["cold_over_bare"] = round(result["median_s"]["cold_check"]
                                     / result["median_s"]["bare_numpy_import"], 2)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
