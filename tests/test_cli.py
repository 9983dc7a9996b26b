"""The learner's loop through the real command line."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlkata.cli.main import cli
from mlkata.engine.catalog import SHIPPED

SOFTMAX = SHIPPED / "foundations" / "softmax"


def run(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    runner = CliRunner()
    import os
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        result = runner.invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    if args and args[-1] == "--json" or "--json" in args:
        return result.exit_code, result.output
    return result.exit_code, " ".join(result.output.split())  # rich wraps at 80 columns


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    code, out = run("init", str(tmp_path / "kata"))
    assert code == 0, out
    return tmp_path / "kata"


def test_init_writes_starters_and_the_store(workspace: Path):
    assert (workspace / "mlkata.toml").exists()
    assert (workspace / ".mlkata" / "progress.sqlite").exists()
    assert (workspace / "foundations" / "softmax.py").read_text() == \
        (SOFTMAX / "starter.py").read_text()


def test_init_never_overwrites_learner_files(workspace: Path):
    mine = workspace / "foundations" / "softmax.py"
    mine.write_text("# my work\n")
    run("init", str(workspace))
    assert mine.read_text() == "# my work\n"


def test_check_exit_codes_and_progress(workspace: Path):
    code, out = run("check", cwd=workspace)
    assert code == 1 and "Not written yet" in out
    shutil.copy(SOFTMAX / "solution.py", workspace / "foundations" / "softmax.py")
    code, out = run("check", "softmax", cwd=workspace)
    assert code == 0 and "all" in out and "checks pass" in out
    code, out = run("list", "--json", cwd=workspace)
    rows = {r["id"]: r for r in json.loads(out)["exercises"]}
    assert rows["softmax"]["status"] == "solved" and rows["softmax"]["attempts"] == 2


def test_usage_errors_exit_2(workspace: Path, tmp_path: Path):
    assert run("check", "sofmax", cwd=workspace)[0] == 2
    assert "Did you mean 'softmax'" in run("check", "sofmax", cwd=workspace)[1]
    assert run("check", "softmax", "--file", str(tmp_path / "nope.py"), cwd=workspace)[0] == 2
    assert run("check", cwd=tmp_path)[0] == 2


def test_check_any_file_outside_a_workspace(tmp_path: Path):
    target = tmp_path / "elsewhere.py"
    shutil.copy(SOFTMAX / "mistakes" / "no_max_shift.py", target)
    code, out = run("check", "softmax", "--file", str(target), cwd=tmp_path)
    assert code == 1 and "Subtract the max" in out
    named = tmp_path / "softmax.py"
    shutil.copy(SOFTMAX / "solution.py", named)
    assert run("check", "--file", str(named), cwd=tmp_path)[0] == 0


def test_json_result_object(tmp_path: Path):
    target = tmp_path / "softmax.py"
    shutil.copy(SOFTMAX / "mistakes" / "global_max_shift.py", target)
    code, out = run("check", "--file", str(target), "--json", cwd=tmp_path)
    result = json.loads(out)
    assert code == 1
    assert result["version"] == 1 and result["status"] == "fail"
    failing = [t for t in result["tests"] if t["status"] == "fail"][0]
    assert set(failing) >= {"name", "status", "message", "expected", "got", "diagnosis", "case"}
    assert failing["diagnosis"]["id"] == "global_max_shift" and failing["diagnosis"]["known"]
    assert "nan" in failing["got"]


def test_syntax_error_is_an_error_with_the_line(tmp_path: Path):
    target = tmp_path / "softmax.py"
    target.write_text("def softmax(z, axis=-1)\n    return z\n")
    code, out = run("check", "--file", str(target), "--json", cwd=tmp_path)
    result = json.loads(out)
    assert code == 1 and result["status"] == "error" and "line 1" in result["message"]


def test_learner_traceback_is_trimmed_to_their_file(tmp_path: Path):
    target = tmp_path / "softmax.py"
    target.write_text("import numpy as np\n\ndef helper(z):\n    return z[99]\n\n"
                      "def softmax(z, axis=-1):\n    return helper(z)\n")
    code, out = run("check", "--file", str(target), "--json", cwd=tmp_path)
    failing = [t for t in json.loads(out)["tests"] if t["status"] == "error"][0]
    frames = failing["traceback"]
    assert [f["function"] for f in frames] == ["softmax", "helper"]
    assert all(f["file"].endswith("softmax.py") for f in frames)
    assert "mlkata" not in json.dumps(frames)


def test_hints_are_revealed_one_at_a_time(workspace: Path):
    _, first = run("hint", "softmax", cwd=workspace)
    _, second = run("hint", "softmax", cwd=workspace)
    assert "1." in first and "2." not in first
    assert "2." in second and "3." not in second
    for _ in range(3):
        _, last = run("hint", "softmax", cwd=workspace)
    assert "3." in last and "last hint" in last


def test_next_and_reset(workspace: Path):
    code, out = run("next", cwd=workspace)
    assert code == 0 and "Now:" in out
    mine = workspace / "foundations" / "softmax.py"
    mine.write_text("# half done\n")
    code, out = run("reset", "softmax", "--yes", cwd=workspace)
    assert code == 0
    assert mine.read_text() == (SOFTMAX / "starter.py").read_text()
    assert (workspace / "foundations" / "softmax.py.bak").read_text() == "# half done\n"


def test_theory_renders_math_as_text():
    code, out = run("theory", "softmax")
    assert code == 0
    assert "$" not in out and "\\frac" not in out
    assert "Σ" in out and "The contract" in out


def test_a_teachers_own_catalog_works_everywhere(tmp_path: Path):
    own = tmp_path / "course" / "basics" / "my_softmax"
    shutil.copytree(SOFTMAX, own)
    meta = own / "exercise.toml"
    meta.write_text(meta.read_text().replace('id = "softmax"', 'id = "my_softmax"')
                    .replace('track = "foundations"', 'track = "my-course"'))
    for path in [own / "checks.py", own / "solution.py", own / "starter.py",
                 *own.glob("mistakes/*.py")]:
        path.write_text(path.read_text().replace('"softmax"', '"my_softmax"')
                        .replace("def softmax(", "def my_softmax("))
    catalog = str(tmp_path / "course")
    code, out = run("--catalog", catalog, "list", "--json")
    assert "my_softmax" in [r["id"] for r in json.loads(out)["exercises"]]
    code, out = run("--catalog", catalog, "validate", str(tmp_path / "course"))
    assert code == 0, out
    code, _ = run("--catalog", catalog, "check", "my_softmax", "--file", str(own / "solution.py"))
    assert code == 0


def test_validate_fails_on_a_mistake_that_is_not_recognised(tmp_path: Path):
    broken = tmp_path / "softmax"
    shutil.copytree(SOFTMAX, broken)
    (broken / "mistakes" / "harmless.py").write_text(
        (SOFTMAX / "solution.py").read_text() + '\nMESSAGE = "not really a mistake"\n')
    code, out = run("validate", str(broken))
    assert code == 1 and "harmless" in out


def test_validate_wants_cases_that_change_with_the_seed(tmp_path: Path):
    """Otherwise a course server's hidden cases would be the public ones again."""
    fixed = tmp_path / "softmax"
    shutil.copytree(SOFTMAX, fixed)
    checks = fixed / "checks.py"
    # every check draws from a generator of its own, seeded 0, instead of the one it is given
    checks.write_text(re.sub(r"(def \w+\(rng\):\n)", r"\1    rng = np.random.default_rng(0)\n",
                             checks.read_text()))
    code, out = run("validate", str(fixed), "--json")
    problems = [f for f in json.loads(out)["findings"] if not f["ok"]]
    assert code == 1 and [f["item"] for f in problems] == ["some cases change with the seed"]
    code, out = run("validate", str(SOFTMAX), "--json")
    seeded = [f for f in json.loads(out)["findings"]
              if f["item"] == "some cases change with the seed"]
    assert code == 0 and seeded[0]["ok"] and seeded[0]["detail"].endswith("cases")


def test_the_console_script_runs(tmp_path: Path):
    target = tmp_path / "softmax.py"
    shutil.copy(SOFTMAX / "solution.py", target)
    script = Path(sys.executable).parent / "mlkata"
    done = subprocess.run([str(script), "check", "--file", str(target)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout  # plain text when not a terminal


def test_watch_rechecks_on_save_and_quits_on_q(workspace: Path):
    script = Path(sys.executable).parent / "mlkata"
    proc = subprocess.Popen([str(script), "watch"], cwd=workspace, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for_attempts(workspace, 1)
        shutil.copy(SOFTMAX / "solution.py", workspace / "foundations" / "softmax.py")
        _wait_for_attempts(workspace, 2)
        assert proc.stdin is not None
        proc.stdin.write("q")
        proc.stdin.flush()
        out, _ = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert "Not written yet" in out
    assert "checks pass" in out
    assert "progress saved" in out


def _wait_for_attempts(workspace: Path, count: int, timeout: float = 60.0) -> None:
    import sqlite3
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            db = sqlite3.connect(workspace / ".mlkata" / "progress.sqlite")
            try:
                if db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] >= count:
                    return
            finally:
                db.close()
        except sqlite3.OperationalError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"watch recorded fewer than {count} attempts in {timeout} s")
