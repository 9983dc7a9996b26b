"""Run a learner's model and scikit-learn's on the same split, then a learning curve.

The learner's code runs in the sandbox, driven by the exercise's ``apply.py`` adapter (a
scenario of fit and predict steps); scikit-learn runs here. Every number is computed here from
the plain predictions that come back.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import numpy as np

from ..engine.exercise import Exercise
from ..engine.kit import Scenario
from ..sandbox import Limits, Run, Sandbox
from ..sandbox.wire import WireError, from_plain
from . import metrics
from .data import Dataset
from .verdict import CurveVerdict, judge_curve

KINDS = ("classification", "regression", "clustering", "transform")
CURVE_POINTS = 8
Progress = Callable[[str, float], None]


class ApplyError(Exception):
    """The learner's code failed on the data; the message is for them."""


@dataclass
class Side:
    name: str
    scores: dict[str, float]
    fit_s: float
    predict_s: float
    predictions: np.ndarray


@dataclass
class Curve:
    sizes: list[int]
    train_error: list[float]
    val_error: list[float]
    error_name: str


@dataclass
class ApplyResult:
    exercise: str
    kind: str
    dataset: str
    features: list[str]
    n_train: int
    n_val: int
    notes: list[str]
    learner: Side
    reference: Side
    agreement: float
    agreement_name: str
    curve: Curve | None
    verdict: CurveVerdict | None
    y_val: np.ndarray | None = field(repr=False, default=None)
    classes: list[str] | None = None

    def to_json(self) -> dict[str, Any]:
        def side(s: Side) -> dict[str, Any]:
            return {"name": s.name, "scores": s.scores, "fit_s": round(s.fit_s, 4),
                    "predict_s": round(s.predict_s, 4)}
        return {
            "exercise": self.exercise, "kind": self.kind, "dataset": self.dataset,
            "features": self.features, "n_train": self.n_train, "n_val": self.n_val,
            "notes": self.notes, "learner": side(self.learner),
            "scikit_learn": side(self.reference),
            "agreement": {"name": self.agreement_name, "value": self.agreement},
            "learning_curve": None if self.curve is None else {
                "sizes": self.curve.sizes, "train_error": self.curve.train_error,
                "val_error": self.curve.val_error, "error": self.curve.error_name},
            "verdict": None if self.verdict is None else {
                "id": self.verdict.id, "message": self.verdict.message},
        }


def adapter_for(exercise: Exercise) -> ModuleType | None:
    path = exercise.folder / "apply.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"mlkata_exercise.{exercise.id}.apply", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if getattr(module, "KIND", None) not in KINDS:
        raise ValueError(f"{path}: KIND must be one of {', '.join(KINDS)}")
    return module


def split(dataset: Dataset, kind: str, seed: int, val_share: float = 0.25
          ) -> tuple[np.ndarray, np.ndarray]:
    """Seeded train/validation indices, stratified by class for classification."""
    rng = np.random.default_rng(seed)
    m = dataset.X.shape[0]
    if kind == "classification" and dataset.y is not None:
        train: list[int] = []
        val: list[int] = []
        for label in np.unique(dataset.y):
            idx = rng.permutation(np.flatnonzero(dataset.y == label))
            cut = max(1, int(round(len(idx) * val_share))) if len(idx) > 1 else 0
            val.extend(idx[:cut])
            train.extend(idx[cut:])
        return rng.permutation(np.array(train)), np.sort(np.array(val))
    order = rng.permutation(m)
    cut = max(1, int(round(m * val_share)))
    return order[cut:], np.sort(order[:cut])


class Applier:
    def __init__(self, exercise: Exercise, adapter: ModuleType, sandbox: Sandbox,
                 source: str, filename: str, seed: int = 0, time_s: float = 300.0,
                 memory_mb: int = 4096) -> None:
        self.exercise = exercise
        self.adapter = adapter
        self.sandbox = sandbox
        self.source = source
        self.filename = filename
        self.seed = seed
        self.limits = Limits(time_s=time_s, memory_mb=memory_mb)

    @property
    def kind(self) -> str:
        return str(self.adapter.KIND)

    def _scenario(self, X_train: np.ndarray, y_train: np.ndarray | None,
                  evals: list[np.ndarray], k: int | None) -> list[dict[str, Any]]:
        """Steps that fit on the training rows and return, for each evaluation set, what the
        adapter's ``predict`` needs (predictions, or the learned parameters)."""
        s = Scenario()
        s.phase = "fit"
        refs = self.adapter.fit_predict(s, X_train, y_train, evals, seed=self.seed, k=k)
        s.phase = "predict"
        for i, ref in enumerate(refs):
            for j, part in enumerate(ref if isinstance(ref, list) else [ref]):
                s.out(part, f"eval{i}.{j}")
        return s.steps

    def _run(self, cases: list[list[dict[str, Any]]]) -> list[tuple[list[Any], float, float]]:
        fixtures = self.exercise.fixtures
        run = self.sandbox.run({"source": self.source, "filename": self.filename,
                                "cases": cases,
                                "fixtures_source": fixtures[1] if fixtures else None,
                                "fixtures_filename": fixtures[2] if fixtures else None},
                               self.limits)
        return [self._unpack(run, i, steps) for i, steps in enumerate(cases)]

    def _unpack(self, run: Run, index: int, steps: list[dict[str, Any]]
                ) -> tuple[list[Any], float, float]:
        for message in run.messages:
            if "import_error" in message:
                raise ApplyError(_error_line(message["import_error"], "your file does not run"))
        found = [m for m in run.messages if m.get("case") == index]
        if not found:
            if run.timed_out:
                raise ApplyError(f"your code did not finish within {self.limits.time_s:g} s on "
                                 "this data (raise it with --time-limit)")
            raise ApplyError("your code stopped before returning a result (a crash, or the "
                             f"memory limit of {self.limits.memory_mb} MiB?)")
        message = found[0]
        if isinstance(message.get("error"), dict):
            raise ApplyError(_error_line(message["error"], "your code raised"))
        try:
            grouped: dict[str, list[Any]] = {}
            for label, value in message["outputs"]:
                grouped.setdefault(str(label).split(".")[0], []).append(from_plain(value))
            outputs = [g[0] if len(g) == 1 else g for g in grouped.values()]
        except (WireError, KeyError, TypeError, ValueError):
            raise ApplyError("your code returned something that is not plain data") from None
        seconds = message.get("step_s") or []
        fit = sum(t for t, st in zip(seconds, steps, strict=False) if st.get("phase") == "fit")
        predict = sum(t for t, st in zip(seconds, steps, strict=False)
                      if st.get("phase") == "predict")
        return outputs, float(fit), float(predict)

    def run(self, dataset: Dataset, k: int | None = None,
            progress: Progress | None = None, curve: bool = True) -> ApplyResult:
        say = progress or (lambda _what, _share: None)
        kind = self.kind
        train, val = split(dataset, kind, self.seed)
        X, y = dataset.X, dataset.y
        X_train, X_val = X[train], X[val]
        y_train = y[train] if y is not None else None
        y_val = y[val] if y is not None else None
        if kind == "clustering" and k is None:
            k = len(np.unique(y)) if y is not None else 3

        say("your implementation: fit and predict", 0.05)
        (out_val, _), fit_s, predict_s = self._run(
            [self._scenario(X_train, y_train, [X_val, X_train], k)])[0]
        started = time.perf_counter()
        pred_val = self._predict(out_val, X_val, X_train)
        predict_s += time.perf_counter() - started
        learner_pred = _as_prediction(pred_val, kind)

        say("scikit-learn: fit and predict", 0.35)
        model = self.adapter.reference(seed=self.seed, k=k, X_train=X_train)
        started = time.perf_counter()
        if kind == "transform":
            model.fit(X_train)
            fitted = time.perf_counter()
            reference_pred = model.transform(X_val)
        else:
            model.fit(X_train, y_train) if kind != "clustering" else model.fit(X_train)
            fitted = time.perf_counter()
            reference_pred = model.predict(X_val)
        predicted = time.perf_counter()

        n_classes = len(dataset.classes or []) or None
        scores_l = metrics.scores(kind, y_val, learner_pred, X_val, _proba(pred_val), n_classes)
        ref_proba = model.predict_proba(X_val) if kind == "classification" and hasattr(
            model, "predict_proba") else None
        scores_r = metrics.scores(kind, y_val, np.asarray(reference_pred), X_val, ref_proba,
                                  n_classes)
        agreement, agreement_name = metrics.agreement(kind, learner_pred,
                                                      np.asarray(reference_pred), y_val)
        result = ApplyResult(
            exercise=self.exercise.id, kind=kind, dataset=dataset.name,
            features=dataset.features, n_train=len(train), n_val=len(val), notes=dataset.notes,
            learner=Side("yours", scores_l, fit_s, predict_s, learner_pred),
            reference=Side(self.adapter.REFERENCE_NAME, scores_r, fitted - started,
                           predicted - fitted, np.asarray(reference_pred)),
            agreement=agreement, agreement_name=agreement_name, curve=None, verdict=None,
            y_val=y_val, classes=dataset.classes)
        if curve and kind in ("classification", "regression") and y_train is not None \
                and y_val is not None:
            say("learning curve", 0.55)
            result.curve = self._curve(X_train, y_train, X_val, y_val, kind)
            result.verdict = judge_curve(result.curve, kind, y_train)
        say("done", 1.0)
        return result

    def _curve(self, X_train: np.ndarray, y_train: np.ndarray, X_val: np.ndarray,
               y_val: np.ndarray, kind: str) -> Curve:
        m = len(X_train)
        smallest = max(10, m // 10)
        if kind == "classification":
            smallest = max(smallest, 2 * len(np.unique(y_train)))
        sizes = sorted({int(round(v)) for v in np.linspace(min(smallest, m), m, CURVE_POINTS)})
        cases = []
        for n in sizes:
            cases.append(self._scenario(X_train[:n], y_train[:n], [X_train[:n], X_val], None))
        results = self._run(cases)
        train_err, val_err = [], []
        for n, ((on_train, on_val), _, _) in zip(sizes, results, strict=True):
            fitted_on = X_train[:n]
            train_err.append(metrics.error(kind, y_train[:n], _as_prediction(
                self._predict(on_train, fitted_on, fitted_on), kind)))
            val_err.append(metrics.error(kind, y_val, _as_prediction(
                self._predict(on_val, X_val, fitted_on), kind)))
        return Curve(sizes, train_err, val_err,
                     "error rate" if kind == "classification" else "mean squared error")


    def _predict(self, value: Any, X_eval: np.ndarray, X_fit: np.ndarray) -> Any:
        """Predictions from what the learner's code returned: as they are, or computed here
        from the parameters it learned (trusted arithmetic, no learner code)."""
        predict = getattr(self.adapter, "predict", None)
        if predict is None:
            return value
        try:
            return predict(value, X_eval, X_fit)
        except (ValueError, TypeError, IndexError, KeyError) as exc:
            raise ApplyError(f"your model's parameters do not fit the data: {exc}") from None


def _as_prediction(value: Any, kind: str) -> np.ndarray:
    if isinstance(value, tuple) and len(value) == 2:
        value = value[0]
    array = np.asarray(value)
    if kind in ("classification", "clustering"):
        if array.dtype.kind not in "iub":
            raise ApplyError(f"your model returned {array.dtype} labels; expected integers")
        return array.astype(np.int64).ravel()
    return array.astype(float) if kind == "transform" else array.astype(float).ravel()


def _proba(value: Any) -> np.ndarray | None:
    if isinstance(value, tuple) and len(value) == 2:
        return np.asarray(value[1], dtype=float)
    return None


def _error_line(error: dict[str, Any], lead: str) -> str:
    frames = error.get("frames") or []
    where = ""
    if frames and isinstance(frames[-1], list) and len(frames[-1]) >= 3:
        where = f" (line {frames[-1][1]}, in {frames[-1][2]}: {frames[-1][3]})"
    return f"{lead}: {error.get('type')}: {error.get('message')}{where}"

