"""`mlkata apply --report DIR`: one self-contained HTML page with the plots."""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .runner import ApplyResult


def _png(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def write_report(result: ApplyResult, folder: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    images: list[tuple[str, str]] = []
    if result.curve is not None:
        fig, ax = plt.subplots(figsize=(6.4, 4))
        ax.plot(result.curve.sizes, result.curve.train_error, "o-", label="training")
        ax.plot(result.curve.sizes, result.curve.val_error, "o-", label="validation")
        ax.set_xlabel("training examples")
        ax.set_ylabel(result.curve.error_name)
        ax.set_title("Learning curve of your model")
        ax.legend()
        images.append(("Learning curve", _png(fig)))
        plt.close(fig)
    if result.kind == "classification" and result.y_val is not None:
        labels = result.classes or [str(i) for i in range(int(result.y_val.max()) + 1)]
        k = len(labels)
        fig, axes = plt.subplots(1, 2, figsize=(10, 4.2))
        for ax, side in zip(axes, (result.learner, result.reference), strict=True):
            matrix = np.zeros((k, k), dtype=int)
            for t, p in zip(result.y_val, side.predictions, strict=True):
                if 0 <= p < k:
                    matrix[t, p] += 1
            ax.imshow(matrix, cmap="Blues")
            for (i, j), v in np.ndenumerate(matrix):
                ax.text(j, i, str(v), ha="center", va="center", fontsize=8)
            ax.set_xticks(range(k), labels, rotation=45, ha="right", fontsize=7)
            ax.set_yticks(range(k), labels, fontsize=7)
            ax.set_xlabel("predicted")
            ax.set_ylabel("true")
            ax.set_title(f"Confusion matrix: {side.name}")
        images.append(("Confusion matrices", _png(fig)))
        plt.close(fig)
    if result.kind == "regression" and result.y_val is not None:
        fig, ax = plt.subplots(figsize=(6.4, 4))
        for side in (result.learner, result.reference):
            ax.scatter(result.y_val, side.predictions - result.y_val, s=10, alpha=0.6,
                       label=side.name)
        ax.axhline(0, color="grey", lw=1)
        ax.set_xlabel("true value")
        ax.set_ylabel("prediction − true")
        ax.set_title("Residuals")
        ax.legend()
        images.append(("Residuals", _png(fig)))
        plt.close(fig)
    names = list(result.learner.scores)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    x = np.arange(len(names))
    ax.bar(x - 0.2, [result.learner.scores[n] for n in names], 0.4, label="yours")
    ax.bar(x + 0.2, [result.reference.scores.get(n, np.nan) for n in names], 0.4,
           label=result.reference.name)
    ax.set_xticks(x, names)
    ax.set_title("Scores on the validation set")
    ax.legend()
    images.append(("Scores", _png(fig)))
    plt.close(fig)

    rows = "".join(
        f"<tr><td>{html.escape(n)}</td><td>{result.learner.scores[n]:.4g}</td>"
        f"<td>{result.reference.scores.get(n, float('nan')):.4g}</td></tr>" for n in names)
    verdict = (f"<p class='verdict'>{html.escape(result.verdict.message)}</p>"
               if result.verdict else "")
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in result.notes)
    figures = "".join(f"<figure><img alt='{html.escape(t)}' src='data:image/png;base64,{b}'>"
                      f"<figcaption>{html.escape(t)}</figcaption></figure>" for t, b in images)
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>mlkata apply: {html.escape(result.exercise)} on {html.escape(result.dataset)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
        color: #222; }}
table {{ border-collapse: collapse; }}
td, th {{ padding: .3rem .8rem; border-bottom: 1px solid #ddd; text-align: right; }}
td:first-child, th:first-child {{ text-align: left; }}
.verdict {{ background: #f3f7ee; border-left: 4px solid #4a8a2a; padding: .6rem 1rem; }}
figure {{ display: inline-block; margin: 1rem 1rem 0 0; }} img {{ max-width: 100%; }}
</style></head><body>
<h1>{html.escape(result.exercise)} on {html.escape(result.dataset)}</h1>
<p>{result.n_train} training and {result.n_val} validation rows, {len(result.features)} features.
Agreement with {html.escape(result.reference.name)}: {100 * result.agreement:.1f}%
({html.escape(result.agreement_name)}).</p>
{verdict}
<table><tr><th>score</th><th>yours</th><th>{html.escape(result.reference.name)}</th></tr>
{rows}
<tr><td>fit time</td><td>{result.learner.fit_s:.3f} s</td>
<td>{result.reference.fit_s:.3f} s</td></tr>
<tr><td>predict time</td><td>{result.learner.predict_s:.3f} s</td>
<td>{result.reference.predict_s:.3f} s</td></tr></table>
<ul>{notes}</ul>
{figures}
</body></html>
"""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
