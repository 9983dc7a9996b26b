"""The learner's commands against a live server: login, join, submit (wrong, right, hidden)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlkata.cli.client import CourseServer, Logins
from mlkata.cli.main import cli
from mlkata.server.serve import bootstrap
from mlkata.server.settings import Settings

from .conftest import SOLUTION, TEST_CATALOG
from .processes import free_port, running, serve_with
from .test_api import hard_coded


def mlkata(*args: str, cwd: Path, stdin: str | None = None) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def test_login_join_and_submit_from_the_workspace(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MLKATA_CONFIG_DIR", str(tmp_path / "config"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    settings = Settings(data_dir=tmp_path / "data", catalogs=(str(TEST_CATALOG),), port=port,
                        workers=1)
    password = bootstrap(settings)
    assert password is not None
    with open(tmp_path / "server.log", "wb") as log, running(serve_with(settings), log, url):
        teacher = CourseServer(url, CourseServer(url).request("POST", "/api/auth/token", {
            "username": "teacher", "password": password})["token"])
        course = teacher.request("POST", "/api/courses", {
            "title": "ML", "exercises": [{"id": "softmax"}, {"id": "doubling"}]})

        code, out = mlkata("login", url, "--register", "--username", "ann", "--password-stdin",
                           cwd=tmp_path, stdin="ann-password\n")
        assert code == 0 and "Logged in" in out and "mlkata join" in out, out
        assert oct((tmp_path / "config" / "servers.json").stat().st_mode)[-3:] == "600"
        code, out = mlkata("join", course["invite_code"], cwd=tmp_path)
        assert code == 0 and "softmax" in out and "doubling" in out, out

        mlkata("init", "kata", cwd=tmp_path)
        kata = tmp_path / "kata"
        code, out = mlkata("submit", "softmax", cwd=kata)  # the starter: not written yet
        assert code == 1 and "✗ softmax" in out and "attempt 1" in out, out

        (kata / "foundations" / "softmax.py").write_text(SOLUTION)
        code, out = mlkata("submit", "softmax", cwd=kata)
        assert code == 0 and "accepted" in out and "attempt 2" in out, out
        listed = json.loads(mlkata("list", "--json", cwd=kata)[1])["exercises"]
        assert next(e for e in listed if e["id"] == "softmax")["status"] == "solved"

        hard = tmp_path / "doubling.py"  # an exercise of the server's own catalog
        hard.write_text(hard_coded("return -1"))
        code, out = mlkata("submit", "--file", str(hard), "--json", cwd=tmp_path)
        shown = json.loads(out)
        assert code == 1 and (shown["status"], shown["stage"]) == ("fail", "hidden")
        code, out = mlkata("submit", "--file", str(hard), cwd=tmp_path)
        assert code == 1 and "a hidden one does not" in out, out

        token = Logins.load().active().token  # type: ignore[union-attr]
        code, out = mlkata("logout", cwd=tmp_path)
        assert code == 0 and Logins.load().active() is None
        with pytest.raises(Exception, match="log in"):
            CourseServer(url, token).request("GET", "/api/auth/me")
        code, out = mlkata("submit", "softmax", cwd=kata)
        assert code == 2 and "mlkata login" in out
