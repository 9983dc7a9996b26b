"""An exercise is a folder; this module reads one.

    exercise.toml   id, title, track, difficulty, prerequisites, entry names, limits, hints
    theory.md       the derivation, stating every rule of the contract
    starter.py      signatures and docstrings, raising NotImplementedError
    solution.py     the reference solution
    checks.py       the checks, written with mlkata.engine.kit
    mistakes/*.py   known mistakes: each a buggy solution with the MESSAGE it must earn
    fixtures.py     optional: functions handed to the learner's code (an f to differentiate)
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

from ..sandbox.isolation import Limits
from .kit import Check

REQUIRED = ("id", "title", "track", "difficulty", "entry", "hints")


class ExerciseError(Exception):
    """An exercise folder that cannot be used, with the reason."""


@dataclass(frozen=True)
class Mistake:
    """A known mistake: a buggy solution and what the checker must say about it."""

    id: str
    message: str
    diagnosis: str  # the id the checker must name: this mistake's own, or a shared recogniser's
    path: Path
    namespace: dict[str, Any] = field(repr=False, compare=False)


def _load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ExerciseError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(name, None)
        raise ExerciseError(f"{path} fails to import: {type(exc).__name__}: {exc}") from exc
    return module


@dataclass
class Exercise:
    id: str
    title: str
    track: str
    difficulty: int
    entry: list[str]
    hints: list[str]
    folder: Path
    prerequisites: list[str] = field(default_factory=list)
    returns: dict[str, list[str]] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    summary: str = ""
    #: packages beyond numpy and the standard library that the learner's process may import
    #: (the sandbox's minimal root holds nothing else)
    packages: tuple[str, ...] = ()

    @classmethod
    def load(cls, folder: Path) -> Exercise:
        meta_path = folder / "exercise.toml"
        try:
            meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ExerciseError(f"{meta_path}: {exc}") from exc
        missing = [key for key in REQUIRED if key not in meta]
        if missing:
            raise ExerciseError(f"{meta_path}: missing {', '.join(missing)}")
        limits = meta.get("limits", {})
        difficulty = meta["difficulty"]
        if not isinstance(difficulty, int) or not 1 <= difficulty <= 5:
            raise ExerciseError(f"{meta_path}: difficulty must be an integer from 1 to 5")
        entry = meta["entry"]
        if not isinstance(entry, list) or not entry or not all(isinstance(e, str) for e in entry):
            raise ExerciseError(f"{meta_path}: entry must be a non-empty list of names")
        hints = meta["hints"]
        if not isinstance(hints, list) or not all(isinstance(h, str) for h in hints):
            raise ExerciseError(f"{meta_path}: hints must be a list of strings")
        return cls(
            id=str(meta["id"]), title=str(meta["title"]), track=str(meta["track"]),
            difficulty=difficulty, entry=entry, hints=hints, folder=folder,
            prerequisites=list(meta.get("prerequisites", [])),
            returns={str(k): list(v) for k, v in meta.get("returns", {}).items()},
            limits=Limits(time_s=float(limits.get("time_s", 10.0)),
                          memory_mb=int(limits.get("memory_mb", 1024))),
            summary=str(meta.get("summary", "")),
            packages=tuple(str(p) for p in meta.get("packages", [])),
        )

    def _module(self, stem: str) -> ModuleType:
        return _load_module(self.folder / f"{stem}.py", f"mlkata_exercise.{self.id}.{stem}")

    @property
    def theory_path(self) -> Path:
        return self.folder / "theory.md"

    @property
    def theory(self) -> str:
        return self.theory_path.read_text(encoding="utf-8")

    @property
    def starter(self) -> str:
        return (self.folder / "starter.py").read_text(encoding="utf-8")

    @property
    def solution_path(self) -> Path:
        return self.folder / "solution.py"

    @cached_property
    def reference(self) -> dict[str, Any]:
        return vars(self._module("solution"))

    @cached_property
    def checks(self) -> list[Check]:
        module = self._module("checks")
        found = [v for v in vars(module).values() if isinstance(v, Check)]
        if not found:
            raise ExerciseError(f"{self.folder / 'checks.py'} declares no checks")
        return found

    @cached_property
    def fixtures(self) -> tuple[dict[str, Any], str, str] | None:
        path = self.folder / "fixtures.py"
        if not path.exists():
            return None
        return vars(self._module("fixtures")), path.read_text(encoding="utf-8"), str(path)

    @cached_property
    def mistakes(self) -> list[Mistake]:
        folder = self.folder / "mistakes"
        found = []
        for path in sorted(folder.glob("*.py")) if folder.is_dir() else []:
            module = _load_module(path, f"mlkata_exercise.{self.id}.mistakes.{path.stem}")
            message = getattr(module, "MESSAGE", None)
            if not isinstance(message, str) or not message.strip():
                raise ExerciseError(f"{path}: a known mistake needs a MESSAGE string")
            found.append(Mistake(id=path.stem, message=message.strip(),
                                 diagnosis=str(getattr(module, "DIAGNOSIS", path.stem)),
                                 path=path, namespace=vars(module)))
        return found
