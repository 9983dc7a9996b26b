"""`mlkata validate --mutants`: generating mutants, judging them, the command."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlkata.cli.main import cli
from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise
from mlkata.engine.mutants import (
    Mutant,
    case_outputs,
    classify,
    generate,
    mutation_test,
    same_as_reference,
    spread,
    totals,
)
from mlkata.engine.runner import Checker


def mutated(source: str) -> dict[str, list[str]]:
    """Each mutant's changed line(s), by family."""
    found: dict[str, list[str]] = {}
    for m in generate(source):
        found.setdefault(m.family, []).append(m.after)
    return found


def afters(source: str) -> set[str]:
    return {m.after for m in generate(source)}


# generation -----------------------------------------------------------------------------------

def test_arithmetic_operators_are_swapped():
    got = afters("def f(a, b):\n    return a + b, a - b, a * b, a / b, a // b, a ** 2\n")
    for want in ["return a - b, a - b, a * b, a / b, a // b, a ** 2",
                 "return a + b, a + b, a * b, a / b, a // b, a ** 2",
                 "return a + b, a - b, a / b, a / b, a // b, a ** 2",
                 "return a + b, a - b, a * b, a * b, a // b, a ** 2",
                 "return a + b, a - b, a * b, a / b, a / b, a ** 2",
                 "return a + b, a - b, a * b, a / b, a // b, a * 2"]:
        assert want in got


def test_a_term_is_dropped_and_precedence_kept():
    got = afters("def f(x, a, b, c):\n    return x - (a + b) * c\n")
    assert "return x - (a + b)" in got                 # `* c` dropped
    assert "return x - c" in got                       # `(a + b) *` dropped
    assert "return x - (a) * c" in got                 # `+ b` dropped inside the parentheses
    assert "return x" in got and "return -((a + b) * c)" in got
    assert "return x - a + b" not in got               # that would be another mutation
    for m in generate("def f(x, a, b, c):\n    return x - (a + b) * c\n"):
        ast.parse(m.source)


def test_comparisons_and_booleans():
    got = afters("def f(a, b):\n    return a < b, a <= b, a > b, a >= b, a == b, "
                 "a and b, True\n")
    assert "return a <= b, a <= b, a > b, a >= b, a == b, a and b, True" in got
    assert "return a < b, a < b, a > b, a >= b, a == b, a and b, True" in got
    assert "return a < b, a <= b, a >= b, a >= b, a == b, a and b, True" in got
    assert "return a < b, a <= b, a > b, a > b, a == b, a and b, True" in got
    assert "return a < b, a <= b, a > b, a >= b, a != b, a and b, True" in got
    assert "return a < b, a <= b, a > b, a >= b, a == b, a or b, True" in got
    assert "return a < b, a <= b, a > b, a >= b, a == b, a and b, False" in got


def test_max_min_argmax_mean_sum_are_swapped():
    source = ("import numpy as np\n\ndef f(x, n):\n"
              "    return np.max(x), x.min(), x.argmax(), np.argmin(x), x.mean(), np.sum(x), "
              "max(n, 1)\n")
    got = mutated(source)["swap-name"]
    body = "np.max(x), x.min(), x.argmax(), np.argmin(x), x.mean(), np.sum(x), max(n, 1)"
    for old, new in [("np.max", "np.min"), ("x.min", "x.max"), ("x.argmax", "x.argmin"),
                     ("np.argmin", "np.argmax"), ("x.mean", "x.sum"), ("np.sum", "np.mean"),
                     ("max(n", "min(n")]:
        assert "return " + body.replace(old, new, 1) in got


def test_a_name_the_module_binds_is_not_swapped():
    """`max` here is the learner's variable, not the builtin."""
    got = afters("def f(x):\n    max = x[0]\n    return max\n")
    assert not any("min" in line for line in got)


def test_axis_is_changed_or_dropped():
    got = mutated("def f(x):\n    return x.sum(axis=0) + x.mean(axis=-1)\n")["axis"]
    assert "return x.sum(axis=1) + x.mean(axis=-1)" in got
    assert "return x.sum() + x.mean(axis=-1)" in got
    assert "return x.sum(axis=0) + x.mean(axis=0)" in got
    assert "return x.sum(axis=0) + x.mean()" in got
    got = mutated("def f(x, a):\n    return x.sum(axis=a, keepdims=True)\n")["axis"]
    assert got == ["return x.sum(keepdims=True)"]


def test_range_bounds_and_slices_are_off_by_one():
    got = mutated("def f(n, x):\n    for i in range(1, n):\n        x = x[:-1]\n    return x\n")
    assert set(got["range"]) == {"for i in range(1, n + 1):", "for i in range(1, n - 1):",
                                 "for i in range(2, n):", "for i in range(0, n):"}
    assert set(got["slice"]) == {"x = x[:0]", "x = x[:-2]"}


def test_unary_augmented_and_negated_conditions():
    got = mutated("def f(x, ok):\n    x -= 1\n    if not ok:\n        x = -x\n    return x\n")
    assert got["augmented"] == ["x += 1"]
    assert set(got["unary"]) == {"if ok:", "x = x"}
    got = mutated("def f(x):\n    return 1 if x > 0 else 2\n")
    assert "return 1 if not x > 0 else 2" in got["negate"]


def test_ddof_and_annotations():
    got = afters("import numpy as np\n\ndef f(x: 'np.ndarray' = None) -> int:\n"
                 "    return np.std(x, ddof=1)\n")
    assert "return np.std(x, ddof=0)" in got and "return np.var(x, ddof=1)" in got


def test_messages_and_comments_are_left_alone():
    source = ("def f(x):\n    if x < 0:\n        raise ValueError(f'{x + 1} is negative')\n"
              "    return x + 1  # x - 1 would be wrong\n")
    mutants = generate(source)
    assert not any("raise" in m.after for m in mutants)
    plus = next(m for m in mutants if m.description == "+ → -")
    assert plus.before == "return x + 1" and plus.after == "return x - 1"
    assert "# x - 1 would be wrong" in plus.source        # the rest of the text is kept


def test_order_is_deterministic_and_each_mutant_is_one_change():
    source = (SHIPPED / "foundations" / "softmax" / "solution.py").read_text()
    first, again = generate(source), generate(source)
    assert [m.source for m in first] == [m.source for m in again]
    assert [m.index for m in first] == list(range(len(first)))
    assert len({m.source for m in first}) == len(first) > 5
    assert [m.line for m in first] == sorted(m.line for m in first)
    original = ast.dump(ast.parse(source))
    for m in first:
        assert ast.dump(ast.parse(m.source)) != original
        changed = [a != b for a, b in zip(source.splitlines(), m.source.splitlines(),
                                          strict=True)]
        assert sum(changed) == 1 and changed.index(True) + 1 == m.line


def test_spread_caps_evenly():
    mutants = [Mutant(i, "f", "", 1, "", "", "") for i in range(10)]
    assert [m.index for m in spread(mutants, 3)] == [0, 3, 6]
    assert spread(mutants, None) == mutants and spread(mutants, 20) == mutants


# classification on an exercise made here -----------------------------------------------------

SOLUTION = '''import numpy as np


def total(x):
    x = np.asarray(x, dtype=float)
    return float(np.sum(x, axis=0) + 1e-9 * x.max())
'''
CHECKS = '''import numpy as np

from mlkata.engine.kit import call, check


@check("fixed", "adds up the entries")
def adds(rng):
    yield call("total", np.array([1.0, 2.0, 4.0]))
    yield call("total", rng.uniform(1, 2, size=5))
'''


@pytest.fixture()
def tiny(tmp_path: Path) -> Exercise:
    folder = tmp_path / "course" / "tiny"
    folder.mkdir(parents=True)
    (folder / "exercise.toml").write_text(
        'id = "tiny_total"\ntitle = "Total"\ntrack = "t"\ndifficulty = 1\n'
        'entry = ["total"]\nhints = ["a", "b", "c"]\n')
    (folder / "solution.py").write_text(SOLUTION)
    (folder / "checks.py").write_text(CHECKS)
    (folder / "starter.py").write_text("def total(x):\n    raise NotImplementedError\n")
    (folder / "mistakes").mkdir()
    (folder / "mistakes" / "averages.py").write_text(
        SOLUTION.replace("np.sum(", "np.mean(") + 'MESSAGE = "Add up, do not average."\n')
    return Exercise.load(folder)


def by_description(tiny: Exercise) -> dict[str, Mutant]:
    return {m.description: m for m in generate(SOLUTION)}


def test_killed_survived_and_equivalent(tiny: Exercise, checker: Checker):
    mutants = by_description(tiny)
    killed = classify(tiny, checker, mutants[".sum → .mean"])
    assert killed.status == "killed" and killed.check == "adds up the entries"
    assert killed.named and killed.diagnosis == "averages"  # the known mistake, named
    unnamed = classify(tiny, checker, mutants["drop `np.sum(x, axis=0) +`"])
    assert unnamed.status == "killed" and not unnamed.named
    # 1e-9 × max is far below the checks' tolerance (1e-7), far above round-off
    survived = classify(tiny, checker, mutants[".max → .min"])
    assert survived.status == "survived" and survived.verdict == "pass"
    # on a 1-D array, sum(x, axis=0) is sum(x): the same numbers on every case
    equivalent = classify(tiny, checker, mutants["drop axis=0"])
    assert equivalent.status == "equivalent" and equivalent.verdict == "pass"
    assert not survived.named and not equivalent.named


def test_outputs_are_those_of_the_sandboxed_mutant(tiny: Exercise, checker: Checker):
    reference = case_outputs(tiny, checker, SOLUTION, "tiny_total.py")
    assert len(reference) == 2 and same_as_reference(tiny, checker, reference)
    shifted = SOLUTION.replace("1e-9 * x.max()", "1e-9")
    assert not same_as_reference(tiny, checker,
                                 case_outputs(tiny, checker, shifted, "tiny_total.py"))
    broken = SOLUTION.replace("return float(", "return (1 / 0) + float(")
    assert not same_as_reference(tiny, checker,
                                 case_outputs(tiny, checker, broken, "tiny_total.py"))


def test_mutation_test_reports_and_totals(tiny: Exercise):
    seen: list[int] = []
    reports = mutation_test([tiny], jobs=1, progress=lambda done, total, report, r:
                            seen.append(done))
    report = reports[0]
    assert report.error is None and report.mutants == len(generate(SOLUTION))
    assert seen == list(range(1, report.mutants + 1))
    summary = report.summary()
    assert summary["killed"] + summary["survived"] + summary["equivalent"] == report.mutants
    assert summary["survived"] >= 1 and summary["equivalent"] >= 1
    assert summary["kill_rate"] == round(summary["killed"] / (summary["killed"]
                                                              + summary["survived"]), 4)
    assert totals(reports)["mutants"] == report.mutants


def test_the_pool_gives_the_same_classification(tiny: Exercise):
    alone = mutation_test([tiny], jobs=1, max_mutants=4)[0]
    pooled = mutation_test([tiny], jobs=2, max_mutants=4)[0]
    assert [r.status for r in pooled.results] == [r.status for r in alone.results]
    assert [r.mutant.index for r in pooled.results] == [r.mutant.index for r in alone.results]


def test_a_failing_reference_is_reported_not_judged(tiny: Exercise, tmp_path: Path):
    (tiny.folder / "checks.py").write_text(CHECKS.replace(
        'yield call("total", np.array([1.0, 2.0, 4.0]))',
        'yield call("total", np.array([1.0, 2.0, 4.0])).judge(lambda g, e, c: "always wrong")'))
    report = mutation_test([Exercise.load(tiny.folder)], jobs=1, max_mutants=2)[0]
    assert report.error is not None and "reference does not pass" in report.error
    assert report.results == [] and totals([report])["errors"] == 1


def test_a_check_that_crashes_on_a_mutant_is_reported(tiny: Exercise):
    (tiny.folder / "checks.py").write_text(CHECKS + '''

def _small(got, expected, case):
    if got["total"] > 4:
        raise ValueError("this judge never expected a large total")
    return None


@check("fixed", "stays small")
def small(rng):
    yield call("total", np.array([1.0, 2.0])).without_reference().judge(_small)
''')
    exercise = Exercise.load(tiny.folder)
    report = mutation_test([exercise], jobs=1)[0]
    crashed = [r for r in report.results if r.status == "checker-error"]
    assert [r.mutant.description for r in crashed] == ["drop `1e-9 *`"]   # 5 instead of 3
    assert "never expected a large total" in crashed[0].detail
    assert report.summary()["checker_errors"] == 1
    code, out = invoke("validate", "--mutants", "--survivors", "--jobs", "1", str(tiny.folder))
    assert code == 1 and "checker error" in out and "never expected" in out


# the command ----------------------------------------------------------------------------------

def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_cli_json_on_a_shipped_exercise():
    code, out = invoke("validate", "--mutants", "--max-mutants", "3", "--jobs", "1", "--json",
                       str(SHIPPED / "foundations" / "softmax"))
    assert code == 0, out
    data = json.loads(out)
    (softmax,) = data["exercises"]
    assert softmax["exercise"] == "softmax" and softmax["mutants"] == 3
    assert softmax["killed"] == 3 and softmax["kill_rate"] == 1.0
    assert data["totals"]["mutants"] == 3 and data["totals"]["errors"] == 0
    assert {r["status"] for r in softmax["results"]} == {"killed"}
    assert all(r["check"] and r["before"] != r["after"] for r in softmax["results"])


def test_cli_table_lists_survivors(tiny: Exercise):
    code, out = invoke("validate", "--mutants", "--survivors", "--jobs", "1",
                       str(tiny.folder))
    flat = " ".join(out.split())
    assert code == 0, out
    assert "tiny_total" in flat and "kill rate" in flat
    assert "survived" in flat and "equivalent" in flat
    assert "- return float(np.sum(x, axis=0) + 1e-9 * x.max())" in flat
    assert "+ return float(np.sum(x, axis=0) + 1e-9 * x.min())" in flat
    code, _ = invoke("validate", "--mutants", "--jobs", "1", "--fail-under", "99",
                     str(tiny.folder))
    assert code == 1   # survivors put it under 99 %
