"""Scores for each kind of task, computed in the trusted process from plain predictions."""

from __future__ import annotations

import numpy as np


def scores(kind: str, y: np.ndarray | None, pred: np.ndarray, X: np.ndarray,
           proba: np.ndarray | None = None, n_classes: int | None = None) -> dict[str, float]:
    from sklearn import metrics as m
    if kind == "classification":
        assert y is not None
        found = {"accuracy": float(m.accuracy_score(y, pred)),
                 "F1 (macro)": float(m.f1_score(y, pred, average="macro", zero_division=0))}
        if proba is not None and n_classes and proba.shape == (len(y), n_classes):
            clipped = np.clip(proba, 1e-15, 1.0)
            found["log-loss"] = float(m.log_loss(y, clipped / clipped.sum(axis=1, keepdims=True),
                                                 labels=list(range(n_classes))))
        return found
    if kind == "regression":
        assert y is not None
        return {"R²": float(m.r2_score(y, pred)),
                "RMSE": float(np.sqrt(m.mean_squared_error(y, pred)))}
    if kind == "clustering":
        found = {"inertia": inertia(X, pred)}
        if y is not None:
            found["adjusted Rand index"] = float(m.adjusted_rand_score(y, pred))
        return found
    centred = X - X.mean(axis=0)
    total = float((centred ** 2).sum())
    kept = float(((pred - pred.mean(axis=0)) ** 2).sum())
    return {"explained variance ratio": kept / total if total else 0.0,
            "components": float(pred.shape[1] if pred.ndim == 2 else 1)}


def inertia(X: np.ndarray, labels: np.ndarray) -> float:
    total = 0.0
    for label in np.unique(labels):
        members = X[labels == label]
        total += float(((members - members.mean(axis=0)) ** 2).sum())
    return total


def error(kind: str, y: np.ndarray, pred: np.ndarray) -> float:
    if kind == "classification":
        return float(np.mean(y != pred))
    return float(np.mean((y - pred) ** 2))


def agreement(kind: str, mine: np.ndarray, theirs: np.ndarray, y: np.ndarray | None
              ) -> tuple[float, str]:
    """How often the two models agree, in the measure that fits the task."""
    if kind == "classification":
        return float(np.mean(mine == theirs)), "same prediction"
    if kind == "clustering":
        from sklearn.metrics import adjusted_rand_score
        return float(adjusted_rand_score(theirs, mine)), "same clustering (adjusted Rand)"
    if kind == "regression":
        spread = float(np.std(y)) if y is not None and np.std(y) > 0 else 1.0
        return float(np.mean(np.abs(mine - theirs) <= 0.05 * spread)), \
            "predictions within 5% of the target's spread"
    k = min(mine.shape[1], theirs.shape[1]) if mine.ndim == 2 and theirs.ndim == 2 else 0
    if k == 0 or mine.shape[0] != theirs.shape[0]:
        return 0.0, "mean |correlation| of components"
    corr = [abs(float(np.corrcoef(mine[:, i], theirs[:, i])[0, 1])) for i in range(k)]
    return float(np.mean(corr)), "mean |correlation| of components"
