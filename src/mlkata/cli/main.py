"""The `mlkata` command: a thin face on the engine. Heavy modules are imported inside commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from ..engine.catalog import Catalog
    from ..engine.exercise import Exercise
    from ..workspace import Workspace

EXIT_PASS, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class Context:
    def __init__(self, catalogs: tuple[Path, ...]) -> None:
        self.extra = list(catalogs)
        self._workspace: Workspace | None | bool = False
        self._catalog: Catalog | None = None

    @property
    def workspace(self) -> Workspace | None:
        if self._workspace is False:
            from ..workspace import Workspace, WorkspaceError
            try:
                self._workspace = Workspace.find()
            except WorkspaceError as exc:
                fail(str(exc))
        return self._workspace  # type: ignore[return-value]

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            from ..engine.catalog import load_catalog
            from ..engine.exercise import ExerciseError
            extra = self.extra + (self.workspace.extra_catalogs if self.workspace else [])
            try:
                self._catalog = load_catalog(extra)
            except ExerciseError as exc:
                fail(str(exc))
        return self._catalog

    def exercise(self, exercise_id: str) -> Exercise:
        if exercise_id not in self.catalog:
            import difflib
            close = difflib.get_close_matches(exercise_id, self.catalog.ids(), n=1)
            suggestion = f" Did you mean {close[0]!r}?" if close else " See `mlkata list`."
            fail(f"No exercise {exercise_id!r}.{suggestion}")
        return self.catalog[exercise_id]

    def need_workspace(self) -> Workspace:
        if self.workspace is None:
            fail("Not inside an mlkata workspace. Create one with `mlkata init DIR` and cd "
                 "into it (or pass --file to check a file anywhere).")
        assert self.workspace is not None
        return self.workspace


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"mlkata: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--catalog", "catalogs", multiple=True, type=click.Path(path_type=Path,
              file_okay=False), help="An extra folder of exercises (repeatable).")
@click.version_option(package_name="mlkata")
@click.pass_context
def cli(ctx: click.Context, catalogs: tuple[Path, ...]) -> None:
    """Implement machine learning from the theory, checked in an instant.

    \b
    Start:  mlkata init kata && cd kata && mlkata watch
    """
    ctx.obj = Context(catalogs)


@cli.command()
@click.argument("directory", default="kata", type=click.Path(path_type=Path, file_okay=False))
@click.pass_obj
def init(obj: Context, directory: Path) -> None:
    """Create a workspace: a starter file per exercise, and your progress store."""
    from ..workspace import Workspace
    from .render import console
    workspace, written = Workspace.create(directory, obj.catalog)
    first = workspace.current(obj.catalog)
    out = console()
    out.print(f"[green]✓[/] workspace ready in [bold]{workspace.root}[/] "
              f"({len(written)} starter files written)")
    out.print(f"\nFirst exercise: [bold]{first.id}[/] — {first.title}")
    out.print(f"  read the theory   mlkata theory {first.id}")
    out.print(f"  edit              {workspace.file_for(first).relative_to(workspace.root)}")
    out.print("  check as you save mlkata watch        (or once: mlkata check)")
    out.print(f"\n  cd {directory}")


@cli.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def list_(obj: Context, as_json: bool) -> None:
    """Tracks and exercises, with your status on each."""
    ws = obj.workspace
    statuses = ws.store.statuses() if ws else {}
    current = ws.current(obj.catalog).id if ws else None
    if as_json:
        rows = []
        for ex in obj.catalog.exercises:
            st = statuses.get(ex.id)
            rows.append({"id": ex.id, "title": ex.title, "track": ex.track,
                         "difficulty": ex.difficulty, "prerequisites": ex.prerequisites,
                         "status": "solved" if st and st.solved else
                         "attempted" if st else "untouched",
                         "attempts": st.attempts if st else 0, "current": ex.id == current})
        click.echo(json.dumps({"exercises": rows}, indent=2))
        return
    from .render import console, exercise_list
    exercise_list(console(), obj.catalog, statuses, current)


@cli.command()
@click.argument("exercise_id", required=False)
@click.pass_obj
def theory(obj: Context, exercise_id: str | None) -> None:
    """Read the theory of an exercise (the current one by default)."""
    from .render import console
    from .theory import render_theory
    exercise = obj.exercise(exercise_id) if exercise_id else obj.need_workspace().current(
        obj.catalog)
    out = console()
    render_theory(out, exercise)


def _resolve(obj: Context, exercise_id: str | None, file: Path | None
             ) -> tuple[Exercise, Path, Workspace | None]:
    ws = obj.workspace
    if exercise_id is None and file is not None and file.stem in obj.catalog:
        exercise_id = file.stem
    if exercise_id is None:
        if file is not None:
            fail(f"Which exercise is {file} for? Name it: mlkata check ID --file {file}")
        exercise = obj.need_workspace().current(obj.catalog)
    else:
        exercise = obj.exercise(exercise_id)
    if file is None:
        path = obj.need_workspace().file_for(exercise)
        if not path.exists():
            fail(f"{path} is missing: `mlkata reset {exercise.id}` writes a fresh starter.")
    else:
        path = file
        if not path.is_file():
            fail(f"No file {path}.")
    inside = ws is not None and path.resolve().is_relative_to(ws.root) and \
        path.resolve() == ws.file_for(exercise).resolve()
    return exercise, path, ws if inside else None


@cli.command()
@click.argument("exercise_id", required=False)
@click.option("--file", "file", type=click.Path(path_type=Path, dir_okay=False),
              help="Check this file instead of the workspace's.")
@click.option("--json", "as_json", is_flag=True, help="Print the result object as JSON.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for random cases.")
@click.pass_obj
def check(obj: Context, exercise_id: str | None, file: Path | None, as_json: bool,
          seed: int) -> None:
    """Check your implementation. Exit 0 pass, 1 fail, 2 usage error."""
    from ..sandbox import Sandbox
    sandbox = Sandbox().start()  # its numpy import overlaps with ours
    try:
        exercise, path, ws = _resolve(obj, exercise_id, file)
        from ..engine.runner import Checker
        checker = Checker(sandbox, seed=seed)
        source = path.read_text(encoding="utf-8", errors="replace")
        result = checker.check(exercise, source, str(path.resolve()))
    finally:
        sandbox.close()
    if ws is not None:
        _record(ws, exercise, result, source, origin="check")
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2))
    else:
        from .render import console, verdict
        out = console()
        verdict(out, exercise, result, path=str(path))
        _next_steps(out, obj, exercise, result, ws)
    sys.exit(EXIT_PASS if result.passed else EXIT_FAIL)


def _record(ws: Workspace, exercise: Exercise, result: Any, source: str, origin: str) -> None:
    failure = result.first_failure
    ws.store.record_attempt(exercise.id, result.status, result.duration_s * 1000, source,
                            failed_check=failure.name if failure else None,
                            diagnosis=result.diagnosis_id, origin=origin)


def _next_steps(out: Any, obj: Context, exercise: Exercise, result: Any,
                ws: Workspace | None) -> None:
    if result.passed:
        if ws is not None:
            following = ws.next_unsolved(obj.catalog, exercise)
            if following is not None:
                out.print(f"\n  next: [bold]{following.id}[/] — {following.title}   "
                          "(mlkata next)")
        return
    out.print(f"\n  [dim]hint: mlkata hint {exercise.id}   ·   theory: mlkata theory "
              f"{exercise.id}[/]")


@cli.command()
@click.argument("exercise_id", required=False)
@click.pass_obj
def hint(obj: Context, exercise_id: str | None) -> None:
    """Show the next hint for an exercise (the current one by default)."""
    from .render import console, hints
    ws = obj.workspace
    exercise = obj.exercise(exercise_id) if exercise_id else obj.need_workspace().current(
        obj.catalog)
    shown = ws.store.show_hint(exercise.id, len(exercise.hints)) if ws else len(exercise.hints)
    hints(console(), exercise, shown)


@cli.command(name="next")
@click.pass_obj
def next_(obj: Context) -> None:
    """Move on to the next unsolved exercise."""
    from .render import console
    ws = obj.need_workspace()
    current = ws.current(obj.catalog)
    following = ws.next_unsolved(obj.catalog, current)
    out = console()
    if following is None:
        out.print("[green]Every exercise is solved.[/] Time to re-implement one from memory.")
        return
    solved = ws.store.statuses().get(current.id)
    if not (solved and solved.solved):
        out.print(f"[dim]{current.id} is not solved yet; you can come back to it.[/]")
    ws.set_current(following)
    out.print(f"Now: [bold]{following.id}[/] — {following.title}")
    out.print(f"  theory  mlkata theory {following.id}")
    out.print(f"  edit    {ws.file_for(following).relative_to(ws.root)}")


@cli.command()
@click.argument("exercise_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def reset(obj: Context, exercise_id: str, yes: bool) -> None:
    """Replace your file for an exercise with a fresh starter (the old one is kept as .bak)."""
    ws = obj.need_workspace()
    exercise = obj.exercise(exercise_id)
    path = ws.file_for(exercise)
    if path.exists() and not yes and sys.stdin.isatty() and not click.confirm(
            f"Replace {path.relative_to(ws.root)} with the starter?"):
        return
    if path.exists():
        path.with_suffix(".py.bak").write_text(path.read_text(encoding="utf-8"),
                                               encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(exercise.starter, encoding="utf-8")
    click.echo(f"{path.relative_to(ws.root)} is a fresh starter"
               + (" (previous version: .py.bak)" if path.with_suffix(".py.bak").exists()
                  else ""))


@cli.command()
@click.argument("exercise_id", required=False)
@click.pass_obj
def watch(obj: Context, exercise_id: str | None) -> None:
    """Re-check on every save; move on when it passes. Keys: h hint, l list, n next, r reset, q quit."""
    from .watch import run_watch
    ws = obj.need_workspace()
    if exercise_id:
        ws.set_current(obj.exercise(exercise_id))
    run_watch(obj.catalog, ws)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def validate(obj: Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Validate exercise folders (default: the whole catalog). For authors and teachers."""
    from ..engine.catalog import load_catalog
    from ..engine.exercise import Exercise, ExerciseError
    from ..engine.runner import Checker
    from ..engine.validate import validate as run_validate
    from .render import console
    try:
        if paths:
            exercises = []
            for p in paths:
                if (p / "exercise.toml").exists():
                    exercises.append(Exercise.load(p))
                else:
                    exercises.extend(load_catalog([p], include_shipped=False).exercises)
        else:
            exercises = obj.catalog.exercises
    except ExerciseError as exc:
        fail(str(exc), EXIT_FAIL)
    out = console(stderr=as_json)
    checker = Checker()
    try:
        with out.status("validating…") as status:
            findings = run_validate(exercises, checker,
                                    lambda e: status.update(f"validating {e.id}…"))
    finally:
        checker.close()
    bad = [f for f in findings if not f.ok]
    if as_json:
        click.echo(json.dumps({"ok": not bad, "findings": [f.__dict__ for f in findings]},
                              indent=2))
    else:
        from rich.table import Table
        table = Table(show_lines=False, box=None, padding=(0, 1))
        table.add_column("exercise")
        table.add_column("")
        table.add_column("item")
        table.add_column("detail", style="dim", overflow="fold")
        for f in findings:
            table.add_row(f.exercise, "[green]✓[/]" if f.ok else "[red]✗[/]", f.item, f.detail)
        out.print(table)
        out.print(f"\n{len(exercises)} exercises, {len(findings) - len(bad)} items ok, "
                  f"{len(bad)} problems")
    sys.exit(EXIT_FAIL if bad else EXIT_PASS)


def main() -> None:
    cli(prog_name="mlkata")
