"""`mlkata apply` in the terminal: a progress bar while it runs, then the comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

    from ..apply.runner import ApplyResult

LOWER_IS_BETTER = {"log-loss", "RMSE", "inertia"}


def render(out: Console, result: ApplyResult) -> None:
    out.print(Text.assemble((f"{result.exercise}", "bold"), f" on {result.dataset}: ",
                            (f"{result.n_train} training / {result.n_val} validation rows, "
                             f"{len(result.features)} features", "dim")))
    for note in result.notes:
        out.print(Text(f"  · {note}", style="dim"))
    table = Table(box=None, padding=(0, 2))
    table.add_column("")
    table.add_column("yours", justify="right", style="bold")
    table.add_column(result.reference.name, justify="right")
    for name, mine in result.learner.scores.items():
        theirs = result.reference.scores.get(name)
        table.add_row(name, f"{mine:.4g}", "—" if theirs is None else f"{theirs:.4g}")
    table.add_row("fit time", f"{result.learner.fit_s:.3f} s", f"{result.reference.fit_s:.3f} s")
    table.add_row("predict time", f"{result.learner.predict_s:.3f} s",
                  f"{result.reference.predict_s:.3f} s")
    out.print(table)
    out.print(Text(f"  agreement: {100 * result.agreement:.1f}% ({result.agreement_name})"))
    if result.curve is not None:
        out.print()
        curve = Table(title=f"Learning curve of your model ({result.curve.error_name})",
                      title_justify="left", title_style="bold", box=None, padding=(0, 2))
        curve.add_column("training rows", justify="right")
        curve.add_column("training", justify="right")
        curve.add_column("validation", justify="right")
        for n, tr, va in zip(result.curve.sizes, result.curve.train_error,
                             result.curve.val_error, strict=True):
            curve.add_row(str(n), f"{tr:.4g}", f"{va:.4g}")
        out.print(curve)
    if result.verdict is not None:
        style = {"fine": "green", "high-bias": "yellow", "high-variance": "yellow"}
        out.print()
        out.print(Text.assemble(("→ ", "bold"), (result.verdict.message,
                                                 style.get(result.verdict.id, ""))))
