"""A learner's workspace: one starter file per exercise in track folders, and the store.

    kata/
      mlkata.toml                 marks the workspace; settings (extra catalogs, rest days)
      .mlkata/progress.sqlite     every attempt, hints shown, the current exercise
      foundations/softmax.py      the learner's files
"""

from __future__ import annotations

import os
import shutil
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import clock
from .engine.catalog import Catalog
from .engine.exercise import Exercise
from .progress import review
from .progress.store import Store

if TYPE_CHECKING:
    from .engine.verdict import Verdict

MARKER = "mlkata.toml"
DEFAULT_CONFIG = """\
# mlkata workspace settings
[workspace]
version = 1
# Extra exercise folders of your own (see "Writing an exercise" in the mlkata docs):
catalogs = []

[practice]
# Days a week without practice that do not break your streak:
rest_days_per_week = 1
"""


class WorkspaceError(Exception):
    pass


@dataclass(frozen=True)
class Recorded:
    """What recording a check changed beyond the attempt itself."""

    review: review.ReviewOutcome | None = None
    first_review_due: datetime | None = None


@dataclass
class Workspace:
    root: Path
    config: dict[str, object] = field(default_factory=dict)
    _store: Store | None = None

    @classmethod
    def find(cls, start: Path | None = None) -> Workspace | None:
        env = os.environ.get("MLKATA_WORKSPACE")
        here = Path(env) if env else (start or Path.cwd())
        for folder in [here, *here.resolve().parents]:
            if (folder / MARKER).is_file():
                return cls.open(folder)
        return None

    @classmethod
    def open(cls, root: Path) -> Workspace:
        try:
            config = tomllib.loads((root / MARKER).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise WorkspaceError(f"{root / MARKER}: {exc}") from exc
        return cls(root.resolve(), {**config.get("workspace", {}),
                                    **config.get("practice", {})})

    @property
    def rest_days_per_week(self) -> int:
        value = self.config.get("rest_days_per_week", 1)
        return int(value) if isinstance(value, int) and 0 <= value <= 6 else 1

    @classmethod
    def create(cls, root: Path, catalog: Catalog) -> tuple[Workspace, list[Path]]:
        """Create (or complete) a workspace; existing learner files are never overwritten."""
        root.mkdir(parents=True, exist_ok=True)
        marker = root / MARKER
        if not marker.exists():
            marker.write_text(DEFAULT_CONFIG, encoding="utf-8")
        workspace = cls.open(root)
        written = []
        for exercise in catalog.exercises:
            path = workspace.file_for(exercise)
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(exercise.starter, encoding="utf-8")
                written.append(path)
        workspace.store  # noqa: B018  (creates the store now, not at the first check)
        return workspace, written

    @property
    def extra_catalogs(self) -> list[Path]:
        entries = self.config.get("catalogs", [])
        if not isinstance(entries, list):
            return []
        return [(self.root / str(p)).resolve() for p in entries]

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.root / ".mlkata" / "progress.sqlite")
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def file_for(self, exercise: Exercise) -> Path:
        return self.root / exercise.track / f"{exercise.id}.py"

    def current(self, catalog: Catalog) -> Exercise:
        """The exercise the learner is on: the stored pointer, else the first unsolved one."""
        pointer = self.store.get("current")
        if pointer and pointer in catalog:
            return catalog[pointer]
        solved = {k for k, s in self.store.statuses().items() if s.solved}
        for exercise in catalog.exercises:
            if exercise.id not in solved:
                return exercise
        return catalog.exercises[-1]

    def set_current(self, exercise: Exercise) -> None:
        self.store.set("current", exercise.id)

    def next_unsolved(self, catalog: Catalog, after: Exercise) -> Exercise | None:
        solved = {k for k, s in self.store.statuses().items() if s.solved}
        ids = catalog.ids()
        start = ids.index(after.id) + 1
        for exercise in catalog.exercises[start:] + catalog.exercises[:start]:
            if exercise.id not in solved and exercise.id != after.id:
                return exercise
        return None

    def record_check(self, exercise: Exercise, result: Verdict, source: str,
                     origin: str = "check") -> Recorded:
        """Record an attempt; a pass closes an open review or schedules the first one."""
        failure = result.first_failure
        self.store.record_attempt(exercise.id, result.status, result.duration_s * 1000, source,
                                  failed_check=failure.name if failure else None,
                                  diagnosis=result.diagnosis_id, origin=origin)
        if not result.passed:
            return Recorded()
        now = clock.now()
        outcome = review.finish(self.store, exercise.id, now)
        if outcome is not None:
            return Recorded(review=outcome)
        return Recorded(first_review_due=review.schedule_first(self.store, exercise.id, now))

    def archive_dir(self, exercise: Exercise) -> Path:
        return self.root / ".mlkata" / "archive" / exercise.id

    def start_review(self, exercise: Exercise) -> Path | None:
        """Archive the learner's solution and give them a blank starter; returns the archive."""
        path = self.file_for(exercise)
        archived = None
        if path.exists():
            stamp = clock.now().strftime("%Y%m%dT%H%M%S")
            archived = self.archive_dir(exercise) / f"{stamp}.py"
            archived.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, archived)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(exercise.starter, encoding="utf-8")
        review.begin(self.store, exercise.id, clock.now(),
                     str(archived.relative_to(self.root)) if archived else None)
        self.set_current(exercise)
        return archived

    def latest_archive(self, exercise: Exercise) -> Path | None:
        folder = self.archive_dir(exercise)
        found = sorted(folder.glob("*.py")) if folder.is_dir() else []
        return found[-1] if found else None
