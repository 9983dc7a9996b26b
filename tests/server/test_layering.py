"""The core never depends on the course server or the command line; the server never on the
command line (it runs without a terminal, and the learner's CLI without the server extra)."""

from __future__ import annotations

import ast
from pathlib import Path

import mlkata

PACKAGE = Path(mlkata.__file__).parent
CORE = ["engine", "sandbox", "progress", "workspace.py", "clock.py"]


def imported_modules(path: Path) -> set[str]:
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if path.name == "__init__.py":
        package += ".__init__"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:-node.level]
                found.add(".".join(base + ([node.module] if node.module else [])))
            elif node.module:
                found.add(node.module)
    return found


def files(*parts: str) -> list[Path]:
    found: list[Path] = []
    for part in parts:
        path = PACKAGE / part
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def test_the_core_imports_neither_the_server_nor_the_cli():
    for path in files(*CORE):
        for module in imported_modules(path):
            assert not module.startswith(("mlkata.server", "mlkata.cli")), (path, module)


def test_the_server_does_not_import_the_cli():
    for path in files("server"):
        for module in imported_modules(path):
            assert not module.startswith("mlkata.cli"), (path, module)


def test_the_learners_commands_need_no_server_extra():
    for path in files("cli/remote.py", "cli/client.py", "cli/main.py"):
        for module in imported_modules(path):
            assert not module.startswith(("mlkata.server", "fastapi", "sqlalchemy", "huey")), \
                (path, module)
