"""`mlkata watch`: re-check on every save, move on when it passes.

One warm sandbox serves every re-check, so a save is judged in well under a second. Keys are read
without Enter when standard input is a terminal (h hint, l list, n next, r reset, c check again,
q quit); from a pipe, one character per key.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..engine.runner import Checker
from ..sandbox import Sandbox
from . import render

if TYPE_CHECKING:
    from rich.console import Console

    from ..engine.catalog import Catalog
    from ..workspace import Workspace

KEYS = r"\[h] hint  \[l] list  \[n] next  \[r] reset  \[c] check  \[q] quit"


@contextlib.contextmanager
def _cbreak() -> Iterator[None]:
    if not sys.stdin.isatty():
        yield
        return
    import termios
    import tty
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _key(timeout: float) -> str | None:
    """One key press, or None after ``timeout`` seconds; '' once standard input has closed."""
    try:
        ready, _, _ = select.select([sys.stdin], [], [], timeout)
    except (OSError, ValueError):
        time.sleep(timeout)
        return None
    if not ready:
        return None
    data = os.read(sys.stdin.fileno(), 1)
    return data.decode(errors="replace") if data else ""


def _mtime(path: os.PathLike[str]) -> float | None:
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None


class Watch:
    def __init__(self, catalog: Catalog, workspace: Workspace, out: Console) -> None:
        self.catalog = catalog
        self.ws = workspace
        self.out = out
        self.checker = Checker(Sandbox().start())
        self.exercise = workspace.current(catalog)
        self.stdin_open = True

    def intro(self) -> None:
        ex = self.exercise
        path = self.ws.file_for(ex).relative_to(self.ws.root)
        self.out.rule(f"[bold]{ex.id}[/] — {ex.title}", align="left")
        self.out.print(f"edit [bold]{path}[/] and save; theory: mlkata theory {ex.id}")

    def check(self) -> bool:
        ex = self.exercise
        path = self.ws.file_for(ex)
        if not path.exists():
            self.out.print(f"[red]{path} is missing[/] — press r to write a fresh starter")
            return False
        if self.out.is_terminal:
            self.out.clear()
        source = path.read_text(encoding="utf-8", errors="replace")
        with self.out.status(f"checking {ex.id}…"):
            result = self.checker.check(ex, source, str(path))
        recorded = self.ws.record_check(ex, result, source, origin="watch")
        render.verdict(self.out, ex, result, path=str(path.relative_to(self.ws.root)))
        render.recorded_news(self.out, ex, recorded)
        render.sandbox_notice(self.out, self.checker.sandbox.layers, self.ws.root / ".mlkata")
        return result.passed

    def advance(self, only_if_solved: bool = False) -> bool:
        following = self.ws.next_unsolved(self.catalog, self.exercise)
        if following is None:
            self.out.print("\n[bold green]Every exercise is solved.[/] Well done — come back "
                           "tomorrow to re-implement one from memory.")
            return False
        self.exercise = following
        self.ws.set_current(following)
        self.out.print()
        self.intro()
        return True

    def footer(self) -> None:
        self.out.print(f"\n[dim]{KEYS}[/]")

    def handle(self, key: str) -> bool:
        """Act on a key; False means quit."""
        key = key.lower()
        if key == "q":
            return False
        if key == "h":
            shown = self.ws.store.show_hint(self.exercise.id, len(self.exercise.hints))
            self.ws.store.record_activity(self.exercise.id, "hint")
            render.hints(self.out, self.exercise, shown)
        elif key == "l":
            from .. import clock
            from ..progress import review
            statuses = self.ws.store.statuses()
            due = {e for e, _ in review.due(self.ws.store, clock.now())}
            render.exercise_list(self.out, self.catalog, statuses, self.exercise.id, due)
        elif key == "n":
            self.advance()
        elif key == "r":
            path = self.ws.file_for(self.exercise)
            if path.exists():
                path.with_suffix(".py.bak").write_bytes(path.read_bytes())
            path.write_text(self.exercise.starter, encoding="utf-8")
            self.out.print(f"{path.relative_to(self.ws.root)} reset to the starter "
                           "(previous version in .py.bak)")
        elif key == "c":
            self.run_check()
        else:
            return True
        self.footer()
        return True

    def run_check(self) -> None:
        if self.check():
            self.advance()
        self.footer()

    def loop(self, poll: float = 0.1) -> None:
        self.ws.store.record_activity(self.exercise.id, "watch")
        self.intro()
        seen = _mtime(self.ws.file_for(self.exercise))
        self.run_check()
        while True:
            path = self.ws.file_for(self.exercise)
            current = _mtime(path)
            if current != seen:
                time.sleep(0.05)  # let the editor finish writing
                seen = _mtime(path)
                if seen is not None:
                    self.run_check()
                    seen = _mtime(self.ws.file_for(self.exercise))
                continue
            if self.stdin_open:
                key = _key(poll)
            else:
                time.sleep(poll)
                key = None
            if key == "":
                self.stdin_open = False
            elif key and not self.handle(key):
                return
            if key == "n" or key == "r":
                seen = _mtime(self.ws.file_for(self.exercise))

    def close(self) -> None:
        self.checker.close()


def run_watch(catalog: Catalog, workspace: Workspace) -> None:
    out = render.console()
    watch = Watch(catalog, workspace, out)
    try:
        with _cbreak():
            watch.loop()
    except KeyboardInterrupt:
        pass
    finally:
        watch.close()
        out.print("[dim]bye — progress saved[/]")
