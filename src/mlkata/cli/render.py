"""How verdicts, lists and hints look in a terminal (rich; plain text when piped)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from pathlib import Path

    from ..engine.catalog import Catalog
    from ..engine.exercise import Exercise
    from ..engine.verdict import CheckResult, Verdict
    from ..progress.store import ExerciseStatus
    from ..workspace import Recorded

MARKS = {"pass": ("✓", "green"), "fail": ("✗", "red"), "error": ("✗", "red"),
         "skip": ("·", "dim")}


def console(stderr: bool = False) -> Console:
    return Console(highlight=False, stderr=stderr, soft_wrap=False)


def verdict(out: Console, exercise: Exercise, result: Verdict, path: str | None = None) -> None:
    passed = sum(c.status == "pass" for c in result.checks)
    total = len(result.checks)
    title = Text.assemble((f"{exercise.id}", "bold"), f" · {exercise.title}")
    if result.status == "pass":
        out.print(Text.assemble(("✓ ", "bold green"), title,
                                (f"  all {total} checks pass", "green"),
                                (f"  ({result.duration_s:.2f} s)", "dim")))
        return
    out.print(Text.assemble(("✗ ", "bold red"), title,
                            (f"  {passed}/{total} checks pass" if total > 1 else "", "dim")))
    for check in result.checks:
        mark, style = MARKS[check.status]
        if check.status == "skip":
            continue
        out.print(Text.assemble("  ", (mark, style), " ", (check.name, "" if check.status ==
                                                          "pass" else "bold")))
    failure = result.first_failure
    if failure is not None:
        out.print(Padding(_failure(failure, path), (1, 0, 0, 4)))
    skipped = sum(c.status == "skip" for c in result.checks)
    if skipped:
        out.print(Text(f"    ({skipped} later checks wait until these pass)", style="dim"))


def _failure(failure: CheckResult, path: str | None) -> Group:
    parts: list[object] = []
    if failure.case:
        parts.append(Text("on this input:", style="dim"))
        parts.append(Syntax(failure.case, "python", theme="ansi_dark", word_wrap=True,
                            background_color="default"))
    if failure.note:
        parts.append(Text(f"({failure.note})", style="dim italic"))
    if failure.expected is not None:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="dim", no_wrap=True)
        table.add_column()
        table.add_row("expected", Text(failure.expected))
        table.add_row("got", Text(failure.got or "", style="red"))
        parts.append(table)
    message = failure.message
    if failure.max_abs_diff is not None and failure.max_abs_diff > 0:
        rel = failure.max_rel_diff
        rel_text = "" if rel is None or rel == float("inf") else f", relative {rel:.2g}"
        where = f" at {failure.where}" if failure.where else ""
        message += f"; largest difference {failure.max_abs_diff:.3g}{rel_text}{where}"
    parts.append(Text(message, style="red" if failure.status == "error" else ""))
    if failure.traceback:
        tb = Text()
        for frame in failure.traceback:
            name = path or frame["file"]
            tb.append(f"  {name}, line {frame['line']}", style="dim")
            if frame.get("function"):
                tb.append(f", in {frame['function']}", style="dim")
            tb.append(f"\n    {frame['code']}\n")
        parts.append(tb)
    if failure.diagnosis:
        parts.append(Text.assemble(("→ ", "bold yellow"), (failure.diagnosis["message"],
                                                           "yellow")))
    if failure.output:
        shown = failure.output if len(failure.output) < 600 else failure.output[:600] + " …"
        parts.append(Text("your code printed:", style="dim"))
        parts.append(Text(shown.rstrip(), style="dim"))
    return Group(*parts)  # type: ignore[arg-type]


def exercise_list(out: Console, catalog: Catalog, statuses: dict[str, ExerciseStatus],
                  current: str | None, due: set[str] | None = None) -> None:
    due = due or set()
    for track in catalog.tracks:
        table = Table(title=track.title, title_justify="left", title_style="bold",
                      show_header=False, box=None, padding=(0, 1), expand=True)
        table.add_column(width=2)
        table.add_column(min_width=24, no_wrap=True)
        table.add_column(style="dim", no_wrap=True, overflow="ellipsis", ratio=1)
        table.add_column(style="yellow", no_wrap=True)
        table.add_column(style="dim", justify="right", no_wrap=True)
        for ex in track.exercises:
            status = statuses.get(ex.id)
            if status and status.solved:
                mark = Text("✓", style="green")
            elif status:
                mark = Text("~", style="yellow")
            else:
                mark = Text("·", style="dim")
            name = Text(ex.id, style="bold" if ex.id == current else "")
            if ex.id == current:
                name.append("  ← current", style="cyan")
            if ex.id in due:
                name.append("  ↻ review due", style="bold cyan")
            attempts = f"{status.attempts} checks" if status else ""
            table.add_row(mark, name, ex.title, "●" * ex.difficulty, attempts)
        out.print(table)
        out.print()
    solved = sum(1 for s in statuses.values() if s.solved)
    out.print(Text(f"{solved} of {len(catalog.exercises)} solved   ✓ solved  ~ attempted  "
                   "· untouched" + (f"   ↻ {len(due)} due for review: mlkata review" if due
                                   else ""), style="dim"))


def hints(out: Console, exercise: Exercise, shown: int) -> None:
    body = Group(*[Text.assemble((f"{i + 1}. ", "bold"), h)
                   for i, h in enumerate(exercise.hints[:shown])])
    more = len(exercise.hints) - shown
    subtitle = (f"{more} more: mlkata hint {exercise.id}" if more
                else "that was the last hint — the theory page has the derivation")
    out.print(Panel(body, title=f"hints · {exercise.id}", title_align="left",
                    subtitle=subtitle, subtitle_align="left", border_style="cyan"))


def recorded_news(out: Console, exercise: Exercise, recorded: Recorded) -> None:
    """What a pass changed: a review completed and rescheduled, or the first review planned."""
    if recorded.review is not None:
        r = recorded.review
        out.print(Text.assemble(("↻ review done: ", "bold cyan"),
                                f"{r.outcome}, {r.active_minutes:.0f} min — rated {r.rating}; "
                                f"next review {r.next_due:%Y-%m-%d}"))
        if r.archived:
            out.print(Text(f"  compare with your previous solution: mlkata review "
                           f"{exercise.id} --compare", style="dim"))
    elif recorded.first_review_due is not None:
        out.print(Text(f"  solved — it comes back for a review from memory on "
                       f"{recorded.first_review_due:%Y-%m-%d}", style="dim"))


def compare_solutions(out: Console, before: Path, after: Path) -> None:
    import difflib
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines() if after.exists() else []
    diff = "\n".join(difflib.unified_diff(old, new, fromfile=f"before ({before.name})",
                                          tofile="now", lineterm=""))
    out.print(Syntax(diff or "(identical)", "diff", theme="ansi_dark",
                     background_color="default"))


OPEN_SANDBOX = ("note: the sandbox could not build its minimal root here (the OS refused a mount "
                "namespace), so your code runs with this machine's files in sight. Verdicts are "
                "the same; a course server refuses to grade like this.")


def sandbox_notice(out: Console, layers: list[str], state_dir: Path | None) -> None:
    """Say once (per workspace) that the walls fell back to fewer layers."""
    if "root" in layers:
        return
    marker = state_dir / "sandbox-fallback-noted" if state_dir is not None else None
    if marker is not None and marker.exists():
        return
    out.print(f"\n  [dim]{OPEN_SANDBOX}[/]")
    if marker is not None:
        with contextlib.suppress(OSError):
            marker.write_text(", ".join(layers) + "\n")
