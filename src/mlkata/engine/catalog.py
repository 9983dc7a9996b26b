"""The catalog: every exercise folder mlkata knows, in the order a learner walks them.

The shipped catalog lives in ``mlkata/catalog``; teachers add folders of their own with
``--catalog DIR``, the ``MLKATA_CATALOG`` environment variable (paths separated by ``:``), or
``catalogs = [...]`` in a workspace's ``mlkata.toml``. A catalog root may hold a ``tracks.toml``
naming its tracks and their order; exercises found elsewhere below it are appended by track,
difficulty and id.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .exercise import Exercise, ExerciseError

SHIPPED = Path(__file__).resolve().parent.parent / "catalog"


@dataclass
class Track:
    id: str
    title: str
    exercises: list[Exercise] = field(default_factory=list)


class Catalog:
    def __init__(self, tracks: list[Track]) -> None:
        self.tracks = tracks
        self.exercises = [e for t in tracks for e in t.exercises]
        self._by_id = {e.id: e for e in self.exercises}

    def __contains__(self, exercise_id: str) -> bool:
        return exercise_id in self._by_id

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self._by_id[exercise_id]

    def ids(self) -> list[str]:
        return [e.id for e in self.exercises]

    def after(self, exercise_id: str) -> Exercise | None:
        ids = self.ids()
        i = ids.index(exercise_id)
        return self.exercises[i + 1] if i + 1 < len(ids) else None


def extra_roots(configured: Iterable[Path] = ()) -> list[Path]:
    roots = [Path(p) for p in os.environ.get("MLKATA_CATALOG", "").split(os.pathsep) if p]
    return roots + list(configured)


def load_catalog(extra: Iterable[Path] = (), include_shipped: bool = True) -> Catalog:
    roots = ([SHIPPED] if include_shipped else []) + extra_roots(extra)
    tracks: dict[str, Track] = {}
    seen: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            raise ExerciseError(f"catalog folder {root} does not exist")
        order = _track_order(root)
        for track_id, title, _ in order:
            tracks.setdefault(track_id, Track(track_id, title))
        found = [Exercise.load(p.parent) for p in sorted(root.rglob("exercise.toml"))]
        rank = {ex_id: i for _, _, ids in order for i, ex_id in enumerate(ids)}
        found.sort(key=lambda e: (rank.get(e.id, len(rank)), e.difficulty, e.id))
        for exercise in found:
            if exercise.id in seen:
                raise ExerciseError(f"exercise id {exercise.id!r} is defined twice: "
                                    f"{seen[exercise.id]} and {exercise.folder}")
            seen[exercise.id] = exercise.folder
            track = tracks.setdefault(exercise.track,
                                      Track(exercise.track, exercise.track.replace("-", " ")))
            track.exercises.append(exercise)
    return Catalog([t for t in tracks.values() if t.exercises])


def _track_order(root: Path) -> list[tuple[str, str, list[str]]]:
    path = root / "tracks.toml"
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(t["id"], t.get("title", t["id"]), list(t.get("exercises", [])))
            for t in data.get("track", [])]
