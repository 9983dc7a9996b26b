"""`mlkata apply`: bundled datasets, messy CSVs, and a fair comparison with scikit-learn."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from mlkata.apply.data import DataError, load, prepare
from mlkata.apply.runner import Applier, adapter_for
from mlkata.cli.main import cli
from mlkata.engine.catalog import load_catalog
from mlkata.sandbox import Sandbox

CATALOG = load_catalog()
APPLICABLE = [e.id for e in CATALOG.exercises if (e.folder / "apply.py").exists()]
DATA_FOR = {"classification": "iris", "regression": "diabetes", "clustering": "iris",
            "transform": "wine"}
# how close the learner-side metric of the reference must be to scikit-learn's
TOLERANCE = {"linreg_gradient_descent": 0.02, "logreg_cost_grad": 0.08, "random_forest": 0.1,
             "two_layer_net": 0.1, "decision_tree": 0.1, "gradient_boosting": 0.05}


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox() as s:
        yield s


def test_the_models_of_the_issue_can_be_applied():
    wanted = {"linreg_gradient_descent", "ridge_closed_form", "logreg_cost_grad", "knn_predict",
              "gaussian_nb", "multinomial_nb", "decision_tree", "random_forest",
              "gradient_boosting", "two_layer_net", "kmeans", "pca"}
    assert wanted <= set(APPLICABLE)


@pytest.mark.parametrize("exercise_id", APPLICABLE)
def test_the_reference_scores_like_scikit_learn(exercise_id, sandbox):
    exercise = CATALOG[exercise_id]
    adapter = adapter_for(exercise)
    source = "digits" if exercise_id == "multinomial_nb" else DATA_FOR[adapter.KIND]
    dataset = prepare(load(source), None, adapter.KIND)
    applier = Applier(exercise, adapter, sandbox, exercise.solution_path.read_text(),
                      str(exercise.solution_path))
    result = applier.run(dataset, curve=adapter.KIND in ("classification", "regression")
                         and exercise_id in ("knn_predict", "ridge_closed_form"))
    main = next(iter(result.learner.scores))
    mine, theirs = result.learner.scores[main], result.reference.scores[main]
    if main == "inertia":
        assert mine == pytest.approx(theirs, rel=0.02)
    else:
        assert abs(mine - theirs) <= TOLERANCE.get(exercise_id, 0.01), (main, mine, theirs)
    assert result.agreement > 0.8


def test_learning_curve_and_verdict(sandbox):
    exercise = CATALOG["ridge_closed_form"]
    dataset = prepare(load("diabetes"), None, "regression")
    result = Applier(exercise, adapter_for(exercise), sandbox,
                     exercise.solution_path.read_text(), "ridge.py").run(dataset)
    assert result.curve is not None and len(result.curve.sizes) >= 5
    assert result.curve.sizes[-1] == result.n_train
    assert result.verdict.id == "high-bias"  # a linear model on diabetes: R² ≈ 0.4


def write(tmp_path: Path, text: str, name: str = "data.csv") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


MESSY = {
    "missing values": ("a,b,y\n1,2,0\n,3,1\n" + "4,5,0\n5,6,1\n" * 6, "--drop-na"),
    "a text column": ("a,city,y\n" + "1,Paris,0\n2,Lyon,1\n" * 6, "--one-hot"),
    "a single class": ("a,b,y\n" + "1,2,0\n3,4,0\n" * 6, "single class"),
    "an unknown column": ("a,b,y\n" + "1,2,0\n3,4,1\n" * 6, "no column 'label'"),
    "ragged rows": ("a,b,y\n1,2,0\n3,4\n" + "1,2,0\n" * 6, "line 3 has 2 fields"),
    "a header only": ("a,b,y\n", "no rows"),
}


@pytest.mark.parametrize("problem", sorted(MESSY))
def test_messy_data_gets_one_line_naming_the_fix(problem, tmp_path):
    text, expected = MESSY[problem]
    target = "label" if problem == "an unknown column" else "y"
    result = CliRunner().invoke(cli, ["apply", "knn_predict", "--data",
                                      write(tmp_path, text), "--target", target, "--file",
                                      str(CATALOG["knn_predict"].solution_path)])
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_empty_file_and_unknown_source(tmp_path):
    with pytest.raises(DataError, match="is empty"):
        load(write(tmp_path, ""))
    with pytest.raises(DataError, match="bundled"):
        load(str(tmp_path / "nope.csv"))


def test_a_file_too_large_is_refused_with_the_option(tmp_path, monkeypatch):
    import mlkata.apply.data as data
    monkeypatch.setattr(data, "_available_memory", lambda: 1000)
    path = write(tmp_path, "a,b,y\n" + "1,2,0\n" * 100)
    with pytest.raises(DataError, match="--max-rows"):
        load(path)
    assert load(path, max_rows=20).rows == 20


def test_documented_handlings_are_applied(tmp_path):
    text = "a,city,const,y\n" + "".join(f"{i},{'AB'[i % 2]},7,{'yn'[i % 3 == 0]}\n"
                                        for i in range(30)) + ",A,7,y\n"
    dataset = prepare(load(write(tmp_path, text)), "y", "classification", drop_na=True,
                      one_hot=True, standardize=True)
    assert dataset.features == ["a", "city=A", "city=B"]
    assert dataset.X.shape == (30, 3) and np.allclose(dataset.X.mean(axis=0), 0)
    assert dataset.classes == ["n", "y"]
    assert any("constant" in n for n in dataset.notes)


def test_apply_json_and_report(tmp_path):
    result = CliRunner().invoke(cli, ["apply", "gaussian_nb", "--data", "wine", "--file",
                                      str(CATALOG["gaussian_nb"].solution_path), "--json",
                                      "--report", str(tmp_path / "report")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["learner"]["scores"]["accuracy"] > 0.8
    assert data["verdict"]["id"] in ("fine", "high-bias", "high-variance")
    page = (tmp_path / "report" / "index.html").read_text()
    assert page.count("data:image/png;base64,") >= 3


def test_a_broken_implementation_is_reported_in_one_line(tmp_path):
    broken = tmp_path / "knn.py"
    broken.write_text("def knn_predict(X_train, y_train, X_test, k):\n    return 1 / 0\n")
    result = CliRunner().invoke(cli, ["apply", "knn_predict", "--data", "iris", "--file",
                                      str(broken)])
    assert result.exit_code == 1
    assert "ZeroDivisionError" in result.output and "line 2" in result.output


def test_a_non_model_exercise_is_refused():
    result = CliRunner().invoke(cli, ["apply", "softmax", "--data", "iris"])
    assert result.exit_code == 2 and "not a model" in result.output


def test_parquet_is_read_like_csv(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa
    rows = 40
    table = pa.table({"a": [float(i) for i in range(rows)],
                      "b": [float(i % 7) for i in range(rows)],
                      "label": ["yes" if i % 3 else "no" for i in range(rows)]})
    pq.write_table(table, tmp_path / "data.parquet")
    dataset = prepare(load(str(tmp_path / "data.parquet")), "label", "classification")
    assert dataset.X.shape == (rows, 2) and dataset.classes == ["no", "yes"]
