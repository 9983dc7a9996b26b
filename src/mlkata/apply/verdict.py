"""Read a learning curve the way a practitioner would: bias, variance, or fine.

The errors are put on the scale of a trivial baseline (always the majority class; always the
mean), so the same thresholds serve accuracy and squared error alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .runner import Curve

GAP = 0.10          # validation above training by this share of the baseline: variance
TRAIN_HIGH = 0.30   # training error above this share of the baseline: bias
STILL_FALLING = 0.02


@dataclass(frozen=True)
class CurveVerdict:
    id: str  # "high-bias", "high-variance", "fine"
    message: str


def baseline_error(kind: str, y_train: np.ndarray) -> float:
    if kind == "classification":
        _, counts = np.unique(y_train, return_counts=True)
        return float(1 - counts.max() / counts.sum())
    return float(np.var(y_train))


def judge_curve(curve: Curve, kind: str, y_train: np.ndarray) -> CurveVerdict:
    base = baseline_error(kind, y_train) or 1.0
    train = curve.train_error[-1] / base
    val = curve.val_error[-1] / base
    half = len(curve.val_error) // 2
    falling = (curve.val_error[half] - curve.val_error[-1]) / base > STILL_FALLING
    gap = val - train
    if (gap > GAP and falling) or gap > 2 * GAP:
        more = "it is still falling as data is added, so more data should help" if falling \
            else "more data or more regularisation should close the gap"
        return CurveVerdict("high-variance",
                            f"High variance: validation error is well above training error "
                            f"({_pct(val)} vs {_pct(train)} of the baseline's); {more}.")
    if train > TRAIN_HIGH:
        return CurveVerdict("high-bias",
                            f"High bias: even the training error is high ({_pct(train)} of the "
                            "baseline's) and validation sits close to it, so more data will not "
                            "help; try a richer model, more features or less regularisation.")
    return CurveVerdict("fine", f"Fine: training and validation errors are low and close "
                        f"({_pct(train)} and {_pct(val)} of the baseline's).")


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"
