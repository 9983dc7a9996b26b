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


def _import_in_background(*modules: str) -> None:
    """Import the renderer while the checks wait on the sandbox, not after them."""
    import importlib
    import threading

    def load() -> None:
        for module in modules:
            importlib.import_module(module)

    threading.Thread(target=load, daemon=True).start()


def _shown(path: Path) -> str:
    """A path as the learner would type it: relative to where they stand, when it is below."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"mlkata: {message}", err=True)
    sys.exit(code)


class LazyGroup(click.Group):
    """Commands of the course server are imported only when used (or listed in --help), so
    `mlkata check` does not pay for them at start-up."""

    LAZY = {"login": "remote:login", "join": "remote:join", "submit": "remote:submit",
            "logout": "remote:logout", "serve": "server_commands:serve",
            "worker": "server_commands:worker", "server": "server_commands:server_group"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.LAZY:
            import importlib
            module, attribute = self.LAZY[name].split(":")
            command = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
            return command if isinstance(command, click.Command) else None
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
    from .. import clock
    from ..progress import review
    ws = obj.workspace
    statuses = ws.store.statuses() if ws else {}
    current = ws.current(obj.catalog).id if ws else None
    due = {e for e, _ in review.due(ws.store, clock.now())} if ws else set()
    if as_json:
        rows = []
        for ex in obj.catalog.exercises:
            st = statuses.get(ex.id)
            rows.append({"id": ex.id, "title": ex.title, "track": ex.track,
                         "difficulty": ex.difficulty, "prerequisites": ex.prerequisites,
                         "status": "solved" if st and st.solved else
                         "attempted" if st else "untouched",
                         "attempts": st.attempts if st else 0, "current": ex.id == current,
                         "review_due": ex.id in due})
        click.echo(json.dumps({"exercises": rows}, indent=2))
        return
    from .render import console, exercise_list
    exercise_list(console(), obj.catalog, statuses, current, due)


@cli.command()
@click.argument("exercise_id", required=False)
@click.pass_obj
def theory(obj: Context, exercise_id: str | None) -> None:
    """Read the theory of an exercise (the current one by default)."""
    from .render import console
    from .theory import render_theory
    exercise = obj.exercise(exercise_id) if exercise_id else obj.need_workspace().current(
        obj.catalog)
    if obj.workspace is not None:
        obj.workspace.store.record_activity(exercise.id, "theory")
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
    if not as_json:
        _import_in_background("rich.console", "rich.syntax", "rich.table")
    try:
        exercise, path, ws = _resolve(obj, exercise_id, file)
        from ..engine.runner import Checker
        if exercise.packages:  # the rare exercise whose learners may import more than numpy
            sandbox.close()
            sandbox = Sandbox(packages=exercise.packages).start()
        checker = Checker(sandbox, seed=seed)
        source = path.read_text(encoding="utf-8", errors="replace")
        result = checker.check(exercise, source, str(path.resolve()))
    finally:
        sandbox.close()
    recorded = ws.record_check(exercise, result, source, origin="check") if ws else None
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2))
    else:
        from .render import console, recorded_news, sandbox_notice, verdict
        out = console()
        verdict(out, exercise, result, path=_shown(path))
        if recorded is not None:
            recorded_news(out, exercise, recorded)
        _next_steps(out, obj, exercise, result, ws)
        sandbox_notice(out, sandbox.layers, ws.root / ".mlkata" if ws else None)
    sys.exit(EXIT_PASS if result.passed else EXIT_FAIL)


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
    if ws is not None:
        ws.store.record_activity(exercise.id, "hint")
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
    """Re-check on every save, move on when it passes.

    Keys: h hint, l list, n next, r reset, c check, q quit.
    """
    from .watch import run_watch
    ws = obj.need_workspace()
    if exercise_id:
        ws.set_current(obj.exercise(exercise_id))
    run_watch(obj.catalog, ws)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--mutants", is_flag=True,
              help="Mutation-test the checks instead: plant one bug at a time in each reference "
                   "solution and see whether the checks catch it.")
@click.option("--max-mutants", type=click.IntRange(1), default=None,
              help="With --mutants: at most N mutants per exercise, spread over the file.")
@click.option("--survivors", "show_survivors", is_flag=True,
              help="With --mutants: list every mutant the checks let through, as a diff line.")
@click.option("--jobs", type=click.IntRange(1), default=None,
              help="With --mutants: processes judging mutants (default: one per core).")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="With --mutants: exit 1 when under this percentage of the non-equivalent "
                   "mutants are killed.")
@click.pass_obj
def validate(obj: Context, paths: tuple[Path, ...], as_json: bool, mutants: bool,
             max_mutants: int | None, show_survivors: bool, jobs: int | None,
             fail_under: float | None) -> None:
    """Validate exercise folders (default: the whole catalog). For authors and teachers.

    With --mutants, measure the checks instead: every mutant of a reference solution (a swapped
    operator, a wrong axis, an off-by-one bound, a dropped term) is checked like a learner's
    file, and counted as killed, survived, or equivalent (the reference's outputs on every
    case).
    """
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
    if mutants:
        _validate_mutants(out, exercises, as_json, max_mutants, show_survivors, jobs,
                          fail_under)
        return
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


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{100 * rate:.0f}%"


def _validate_mutants(out: Any, exercises: list[Exercise], as_json: bool,
                      max_mutants: int | None, show_survivors: bool, jobs: int | None,
                      fail_under: float | None) -> None:
    """`mlkata validate --mutants`: the table (or JSON) of killed, survived and equivalent."""
    import time

    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from ..engine.mutants import default_jobs, mutation_test, report_json, survivors, totals
    jobs = jobs or default_jobs()
    started = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=out, transient=True) as bar:
        task = bar.add_task("generating mutants", total=None)
        reports = mutation_test(exercises, jobs=jobs, max_mutants=max_mutants,
                                progress=lambda done, total, report, _: bar.update(
                                    task, completed=done, total=total,
                                    description=f"mutants of {report.exercise}"))
    seconds = time.perf_counter() - started
    summary = totals(reports)
    failed = summary["errors"] > 0 or summary["checker_errors"] > 0 or (
        fail_under is not None and (summary["kill_rate"] or 0.0) * 100 < fail_under)
    if as_json:
        click.echo(json.dumps(report_json(reports, seconds, jobs, max_mutants), indent=2))
        sys.exit(EXIT_FAIL if failed else EXIT_PASS)
    table = Table(box=None, padding=(0, 1))
    for name, justify in [("exercise", "left"), ("mutants", "right"), ("killed", "right"),
                          ("survived", "right"), ("equivalent", "right"),
                          ("kill rate", "right"), ("named", "right")]:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for report in reports:
        if report.error is not None:
            table.add_row(report.exercise, f"[red]{escape(report.error)}[/]", "", "", "", "", "")
            continue
        row = report.summary()
        rate = row["kill_rate"]
        style = "green" if rate is None or rate == 1 else "yellow" if rate >= 0.95 else "red"
        table.add_row(report.exercise, str(row["mutants"]), str(row["killed"]),
                      str(row["survived"]), str(row["equivalent"]),
                      f"[{style}]{_percent(rate)}[/]", _percent(row["named_share"]))
    table.add_section()
    table.add_row("all", str(summary["mutants"]), str(summary["killed"]),
                  str(summary["survived"]), str(summary["equivalent"]),
                  _percent(summary["kill_rate"]), _percent(summary["named_share"]),
                  style="bold")
    out.print(table)
    if show_survivors:
        for report in reports:
            listed = list(survivors(report))
            if not listed:
                continue
            out.print(f"\n[bold]{report.exercise}[/] [dim]{escape(report.folder)}/solution.py[/]")
            for result in listed:
                m = result.mutant
                tag = {"survived": "[yellow]survived[/]", "equivalent": "[dim]equivalent[/]"
                       }.get(result.status, "[red]checker error[/]")
                out.print(f"  {tag} #{m.index} line {m.line} [dim]({m.family}: "
                          f"{escape(m.description)})[/]")
                if result.detail:
                    out.print(f"    [red]{escape(result.detail)}[/]")
                out.print(f"    [red]- {escape(m.before)}[/]")
                out.print(f"    [green]+ {escape(m.after)}[/]")
    if summary["checker_errors"]:
        out.print(f"\n[red]{summary['checker_errors']} mutants made the checker itself fail[/] "
                  "(a judge that cannot take what they return): see --survivors")
    out.print(f"\n{len(reports)} exercises, {summary['mutants']} mutants in {seconds:.0f} s "
              f"({jobs} jobs): {_percent(summary['kill_rate'])} of the non-equivalent ones "
              f"killed, {_percent(summary['named_share'])} of those named")
    sys.exit(EXIT_FAIL if failed else EXIT_PASS)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--plot", type=click.Path(path_type=Path, dir_okay=False),
              help="Also draw the calendar, hours per week and time to solve to a PNG.")
@click.option("--export", "export_to", type=click.Path(path_type=Path, dir_okay=False),
              help="Write your whole history to a JSON file.")
@click.option("--import", "import_from", type=click.Path(path_type=Path, dir_okay=False,
              exists=True), help="Merge a history exported elsewhere (no duplicates).")
@click.option("--period", type=click.IntRange(1, 365), default=30, show_default=True,
              help="Days in the period compared with your past.")
@click.option("--rest-days", type=click.IntRange(0, 6), default=None,
              help="Rest days a week that keep a streak (default: the workspace setting).")
@click.pass_obj
def progress(obj: Context, as_json: bool, plot: Path | None, export_to: Path | None,
             import_from: Path | None, period: int, rest_days: int | None) -> None:
    """Your practice: today, streaks, a year's calendar, you against your own past."""
    from .. import clock
    from ..progress import portable
    from ..progress.report import from_store
    ws = obj.need_workspace()
    if export_to is not None:
        counts = portable.export_history(ws.store, export_to)
        click.echo(f"exported {counts['attempts']} attempts, {counts['activity']} moments of "
                   f"practice and {counts['review_log']} reviews to {export_to}")
        return
    if import_from is not None:
        try:
            added = portable.import_history(ws.store, import_from)
        except portable.ImportError_ as exc:
            fail(str(exc), EXIT_FAIL)
        click.echo(f"imported {added['attempts']} new attempts, {added['activity']} moments and "
                   f"{added['review_log']} reviews (already present ones skipped)")
        return
    tracks = {t.id: [e.id for e in t.exercises] for t in obj.catalog.tracks}
    now = clock.now()
    report, solves = from_store(ws.store, tracks, now,
                                rest_days if rest_days is not None else ws.rest_days_per_week,
                                period)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    else:
        from .progress_view import render
        from .render import console
        render(console(), report, now)
    if plot is not None:
        from .plots import plot as draw
        draw(report, solves, plot)
        click.echo(f"plots written to {plot}", err=as_json)


@cli.command()
@click.argument("exercise_id", required=False)
@click.option("--give-up", is_flag=True, help="End the open review of EXERCISE_ID as failed.")
@click.option("--compare", is_flag=True,
              help="Show your new solution of EXERCISE_ID beside the archived one.")
@click.pass_obj
def review(obj: Context, exercise_id: str | None, give_up: bool, compare: bool) -> None:
    """Re-implement a solved exercise from a blank starter when its review is due (FSRS)."""
    from .. import clock
    from ..progress import review as reviews
    from .render import console
    ws = obj.need_workspace()
    out = console()
    now = clock.now()
    if compare or give_up:
        if exercise_id is None:
            fail("Name the exercise: mlkata review ID --compare (or --give-up).")
        exercise = obj.exercise(exercise_id)
        if give_up:
            outcome = reviews.finish(ws.store, exercise.id, now, gave_up=True)
            if outcome is None:
                fail(f"No review of {exercise.id} is open.")
            out.print(f"Review of {exercise.id} rated Again; it comes back "
                      f"{outcome.next_due:%Y-%m-%d}. Your previous solution: "
                      f"{outcome.archived or 'not archived'}")
            return
        from .render import compare_solutions
        archived = ws.latest_archive(exercise)
        if archived is None:
            fail(f"No archived solution of {exercise.id} yet.")
        compare_solutions(out, archived, ws.file_for(exercise))
        return
    if exercise_id is None:
        due = reviews.due(ws.store, now)
        if not due:
            upcoming = reviews.upcoming(ws.store)
            nxt = f" The next: {upcoming[0][0]} on {upcoming[0][1]:%Y-%m-%d}." if upcoming else ""
            out.print(f"No review is due.{nxt}")
            return
        exercise_id = due[0][0]
    exercise = obj.exercise(exercise_id)
    archived = ws.start_review(exercise)
    path = ws.file_for(exercise).relative_to(ws.root)
    out.print(f"[bold]Review: {exercise.id}[/] — {exercise.title}")
    out.print(f"{path} is a blank starter again"
              + (f"; your previous solution is in {archived.relative_to(ws.root)}" if archived
                 else "") + ".")
    out.print("Implement it from memory (the theory is there if you need it: "
              f"mlkata theory {exercise.id}), then mlkata check or mlkata watch.")


@cli.command(name="apply")
@click.argument("exercise_id")
@click.option("--data", "source", required=True,
              help="A CSV or Parquet file, or iris, wine, breast_cancer, digits, diabetes.")
@click.option("--target", help="The column to predict (bundled datasets: 'target').")
@click.option("--file", "file", type=click.Path(path_type=Path, dir_okay=False),
              help="Your implementation, if not the workspace's.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--report", type=click.Path(path_type=Path, file_okay=False),
              help="Write an HTML page with the plots to this folder.")
@click.option("--drop-na", is_flag=True, help="Drop rows with missing values.")
@click.option("--one-hot", is_flag=True, help="One-hot encode non-numeric feature columns.")
@click.option("--standardize", is_flag=True, help="Standardise every feature.")
@click.option("--k", type=click.IntRange(1, 1000), help="Clusters or components.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.option("--max-rows", type=click.IntRange(10), help="Read only the first N rows.")
@click.option("--time-limit", type=float, default=300.0, show_default=True,
              help="Seconds your code may take on this data.")
@click.pass_obj
def apply_(obj: Context, exercise_id: str, source: str, target: str | None, file: Path | None,
           as_json: bool, report: Path | None, drop_na: bool, one_hot: bool,
           standardize: bool, k: int | None, seed: int, max_rows: int | None,
           time_limit: float) -> None:
    """Run your implementation on your own data, beside scikit-learn's."""
    from ..sandbox import Sandbox
    sandbox = Sandbox().start()
    try:
        _apply(obj, exercise_id, source, target, file, as_json, report, drop_na, one_hot,
               standardize, k, seed, max_rows, time_limit, sandbox)
    finally:
        sandbox.close()


def _apply(obj: Context, exercise_id: str, source: str, target: str | None, file: Path | None,
           as_json: bool, report: Path | None, drop_na: bool, one_hot: bool, standardize: bool,
           k: int | None, seed: int, max_rows: int | None, time_limit: float,
           sandbox: Any) -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        fail("mlkata apply compares with scikit-learn: pip install 'mlkata[apply]'")
    from ..apply.data import DataError, load, prepare
    from ..apply.runner import Applier, ApplyError, adapter_for
    exercise = obj.exercise(exercise_id)
    adapter = adapter_for(exercise)
    if adapter is None:
        usable = [e.id for e in obj.catalog.exercises if (e.folder / "apply.py").exists()]
        fail(f"{exercise.id} is not a model or a transform to apply to data; these are: "
             f"{', '.join(usable)}")
    _, path, _ = _resolve(obj, exercise.id, file)
    try:
        dataset = prepare(load(source, max_rows), target, adapter.KIND, drop_na, one_hot,
                          standardize)
    except DataError as exc:
        fail(str(exc))
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from .render import console
    out = console(stderr=as_json)
    applier = Applier(exercise, adapter, sandbox, path.read_text(encoding="utf-8",
                      errors="replace"), str(path.resolve()), seed=seed, time_s=time_limit)
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                      console=out, transient=True) as bar:
            task = bar.add_task("starting", total=1.0)
            result = applier.run(dataset, k=k, progress=lambda what, share: bar.update(
                task, description=what, completed=share))
    except DataError as exc:
        fail(str(exc))
    except ApplyError as exc:
        fail(str(exc), EXIT_FAIL)
    except ValueError as exc:  # scikit-learn refusing the data, said in one line
        fail(f"scikit-learn cannot use this data: {exc}".splitlines()[0], EXIT_FAIL)
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2))
    else:
        from .apply_view import render
        render(out, result)
    if report is not None:
        from ..apply.report import write_report
        page = write_report(result, report)
        click.echo(f"report: {page}", err=as_json)


def main() -> None:
    cli(prog_name="mlkata")
