"""Grading in the sandbox: what the learner's process can reach, and when the server refuses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mlkata.server import grading
from mlkata.server.grading import UnsafeSandbox, open_sandbox
from mlkata.server.library import ExerciseLibrary
from mlkata.server.worker import GradingWorker

from .conftest import TEST_CATALOG, Server

DOUBLING = TEST_CATALOG / "testing" / "doubling"


def prying(paths: list[str]) -> str:
    """A right answer, unless the learner's process could read any of ``paths``."""
    return (f"import os\nREAD = []\nfor path in {paths!r}:\n"
            "    try:\n"
            "        if os.path.isdir(path):\n"
            "            if os.listdir(path):\n"
            "                READ.append(path)\n"
            "        else:\n"
            "            open(path, 'rb').read(1)\n"
            "            READ.append(path)\n"
            "    except OSError:\n"
            "        pass\n\n"
            "def double(x):\n"
            "    assert not READ, READ\n"
            "    return 2 * x\n")


@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)
def test_learner_code_cannot_read_solutions_data_or_other_processes(server: Server):
    database = server.settings.db_url.removeprefix("sqlite:///")
    assert os.path.exists(database)
    secrets = [str(DOUBLING / "solution.py"), str(DOUBLING), database,
               str(server.settings.data_dir), "/proc/1/cmdline", f"/proc/{os.getpid()}/environ"]
    course = server.course([{"id": "doubling"}])
    ann = server.enrol(course, "ann")
    submitted = server.submit(course, ann, prying(secrets), exercise="doubling")
    control = server.submit(course, ann, prying([os.__file__]), exercise="doubling")
    worker = GradingWorker(server.settings, server.state.engine, server.state.library,
                           server.state.queue)  # its own grader, hiding what production hides
    server.state.queue.set_grader(worker.grade)
    try:
        server.grade()
        assert "root" in worker.grader.layers
    finally:
        worker.close()
    assert server.get(submitted, ann)["status"] == "pass"
    assert server.get(control, ann)["status"] == "fail"  # the probe does see what is not hidden


class FakeSandbox:
    """A sandbox whose children report the layers a test gives."""

    layers: list[str] = []

    def __init__(self, packages: tuple[str, ...] = ()) -> None:
        self.packages = packages

    def start(self) -> FakeSandbox:
        return self

    def close(self) -> None:
        pass


def test_refuses_to_grade_where_the_minimal_root_cannot_be_built(
        monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(grading, "Sandbox", FakeSandbox)
    monkeypatch.setattr(grading, "child_layers", lambda sandbox: ["net", "session", "rlimits"])
    with pytest.raises(UnsafeSandbox, match="--allow-unhidden"):
        open_sandbox(allow_unhidden=False)
    _, layers = open_sandbox(allow_unhidden=True)
    assert layers == ["net", "session", "rlimits"]
    monkeypatch.setattr(grading, "child_layers", lambda sandbox: ["net", "pid", "root"])
    assert open_sandbox(allow_unhidden=False)[1] == ["net", "pid", "root"]


def test_an_edited_exercise_is_read_again(tmp_path: Path):
    import shutil
    root = tmp_path / "catalog"
    shutil.copytree(TEST_CATALOG, root)
    library = ExerciseLibrary([root])
    first, changed = library.current("doubling")  # type: ignore[misc]
    assert not changed and library.current("doubling") == (first, False)
    solution = root / "testing" / "doubling" / "solution.py"
    solution.write_text("def double(x):\n    return x + x  # fixed\n")
    os.utime(solution, ns=(1, 1))
    again, changed = library.current("doubling")  # type: ignore[misc]
    assert changed and again is not first
    assert library.current("missing") is None
