from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlkata.engine.catalog import Catalog, load_catalog
from mlkata.engine.runner import Checker


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def checker() -> Iterator[Checker]:
    c = Checker()
    yield c
    c.close()


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MLKATA_WORKSPACE", raising=False)
    monkeypatch.delenv("MLKATA_CATALOG", raising=False)
    monkeypatch.delenv("MLKATA_NOW", raising=False)
    os.chmod(tmp_path, 0o755)
