"""The exercises a server grades: the shipped catalog, ``MLKATA_CATALOG`` and ``--catalog``.

Folders are re-read when their files change, so a teacher who fixes an exercise and asks for a
re-grade gets the fixed version without restarting the workers.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path

from ..engine.catalog import SHIPPED, Catalog, extra_roots, load_catalog
from ..engine.exercise import Exercise


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        stat = path.stat()
        digest.update(f"{path.relative_to(folder)}:{stat.st_mtime_ns}:{stat.st_size};".encode())
    return digest.hexdigest()


class ExerciseLibrary:
    def __init__(self, extra: Sequence[str | Path] = ()) -> None:
        self.extra = [Path(p) for p in extra]
        self._catalog: Catalog | None = None
        self._fresh: dict[str, tuple[Exercise, str]] = {}
        self._lock = threading.Lock()

    @property
    def roots(self) -> list[Path]:
        return [SHIPPED, *extra_roots(self.extra)]

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(self.extra)
        return self._catalog

    def find(self, exercise_id: str) -> Exercise | None:
        """The exercise, re-reading the catalog once if the id is new (a folder just added)."""
        with self._lock:
            if exercise_id not in self.catalog:
                self._catalog = load_catalog(self.extra)
                if exercise_id not in self.catalog:
                    return None
            return self.catalog[exercise_id]

    def current(self, exercise_id: str) -> tuple[Exercise, bool] | None:
        """The exercise as its folder is now, and whether that changed since the last call."""
        known = self.find(exercise_id)
        if known is None:
            return None
        stamp = fingerprint(known.folder)
        with self._lock:
            cached = self._fresh.get(exercise_id)
            if cached is not None and cached[1] == stamp:
                return cached[0], False
            exercise = known if cached is None else Exercise.load(known.folder)
            self._fresh[exercise_id] = (exercise, stamp)
            return exercise, cached is not None
