"""Helpers for an exercise's ``apply.py`` adapter.

An adapter declares ``KIND`` ("classification", "regression", "clustering" or "transform"),
``REFERENCE_NAME``, ``fit_predict(s, X_train, y_train, evals, seed, k)`` building the scenario
steps that fit the learner's model (a list with, per evaluation set, a ref or a list of refs),
``reference(seed, k, X_train)`` returning the scikit-learn counterpart, and optionally
``predict(value, X_eval, X_fit)`` computing predictions here from learned parameters.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..engine.kit import Ref, Scenario


def scaler(X_fit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and scale of the training rows (scale 1 for a constant column)."""
    mean = X_fit.mean(axis=0)
    scale = X_fit.std(axis=0)
    return mean, np.where(scale > 0, scale, 1.0)


def standardized(X: np.ndarray, X_fit: np.ndarray) -> np.ndarray:
    mean, scale = scaler(X_fit)
    return (X - mean) / scale


def descend(s: Scenario, fn: str, w: Ref, b: Ref, data: list[Any], lr: float, iterations: int,
            grads: tuple[int, int] = (1, 2)) -> tuple[Ref, Ref]:
    """Gradient descent driven by the learner's own ``fn(w, b, *data) -> (..., dw, db)``."""
    for _ in range(iterations):
        result = s.call(fn, w, b, *data)
        w = w - lr * s.item(result, grads[0])
        b = b - lr * s.item(result, grads[1])
    return w, b


def softmax_rows(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def as_params(value: Any) -> dict[str, np.ndarray]:
    if not isinstance(value, dict):
        raise ValueError("expected the learned parameters as a dict")
    return {str(k): np.asarray(v, dtype=float) for k, v in value.items()}
