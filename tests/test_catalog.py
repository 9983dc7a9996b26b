"""The catalog battery (what `mlkata validate` runs) for every shipped exercise."""

from __future__ import annotations

import pytest

from mlkata.engine.catalog import load_catalog
from mlkata.engine.validate import validate_exercise

CATALOG = load_catalog()


@pytest.mark.parametrize("exercise_id", CATALOG.ids())
def test_exercise_passes_the_battery(exercise_id, checker):
    findings = list(validate_exercise(CATALOG[exercise_id], checker))
    problems = [f"{f.item}: {f.detail}" for f in findings if not f.ok]
    assert not problems, "\n".join(problems)
    items = {f.item for f in findings}
    assert "reference passes" in items and "starter fails" in items


@pytest.mark.parametrize("exercise_id", CATALOG.ids())
def test_every_check_has_cases_and_a_named_property(exercise_id, checker):
    exercise = CATALOG[exercise_id]
    for prepared in checker.prepare(exercise):
        assert prepared.cases, f"check {prepared.check.name!r} yields no case"
        assert len(prepared.check.name) > 8


@pytest.mark.parametrize("exercise_id", CATALOG.ids())
def test_starter_declares_every_entry_name(exercise_id):
    import ast
    exercise = CATALOG[exercise_id]
    tree = ast.parse(exercise.starter)
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)}
    assert set(exercise.entry) <= defined


def test_first_release_exercises_are_shipped():
    first = ["softmax", "linreg_gradient_descent", "logreg_cost_grad", "knn_predict", "kmeans",
             "autograd_value"]
    assert all(e in CATALOG for e in first)


@pytest.fixture(scope="module")
def seeded_checkers():
    from mlkata.engine.runner import Checker
    checkers = {seed: Checker(seed=seed, batch=True) for seed in (1, 2, 3)}
    yield checkers
    for c in checkers.values():
        c.close()


@pytest.mark.parametrize("exercise_id", CATALOG.ids())
def test_the_reference_passes_whatever_the_seed(exercise_id, seeded_checkers):
    """Hidden cases on a course server use other seeds: a correct solution must pass them all."""
    exercise = CATALOG[exercise_id]
    source = exercise.solution_path.read_text()
    for seed, checker in seeded_checkers.items():
        verdict = checker.check(exercise, source, str(exercise.solution_path))
        assert verdict.passed, (seed, verdict.first_failure)
