"""In a real browser (Debian's chromium, headless, driven by Playwright) against a live
`mlkata serve`: a teacher creates a course, a learner joins, submits a wrong then a right
solution and sees both verdicts, and the teacher reads the gradebook and exports it; a teacher
takes an exercise out of a course, a learner changes their password.

Set MLKATA_SHOTS to a folder to keep screenshots of the pages on the way.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"no {CHROMIUM}: install Debian's chromium (apt-get install chromium)",
                allow_module_level=True)
playwright_api = pytest.importorskip(
    "playwright.sync_api",
    reason="the playwright package is not installed (pip install playwright)")
pytest.importorskip("fastapi", reason="the server extra is not installed")

from mlkata.engine.catalog import SHIPPED  # noqa: E402

from .live_server import TEACHER, LiveServer, live_server  # noqa: E402

expect = playwright_api.expect
SOFTMAX = SHIPPED / "foundations" / "softmax"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VERDICT_TIMEOUT_MS = 30_000
SHOTS = os.environ.get("MLKATA_SHOTS")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp("live")
    with live_server(folder / "data", folder / "serve.log") as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_page(browser: Any, server: LiveServer) -> Any:
    context = browser.new_context(base_url=server.url, timezone_id="Europe/Paris",
                                  viewport={"width": 1280, "height": 900},
                                  accept_downloads=True)
    context.set_default_timeout(15_000)
    return context.new_page()


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def teacher_creates_a_course(page: Any) -> str:
    username, password = TEACHER
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your courses")).to_be_visible()

    page.get_by_role("link", name="New course").first.click()
    page.get_by_label("Title").fill("Machine learning, from scratch")
    page.get_by_role("checkbox", name="Numerically stable softmax").check()
    page.get_by_label("Deadline of Numerically stable softmax").fill("2031-06-01T23:59")
    page.get_by_role("checkbox", name="Standardise features (z-scores)").check()
    shot(page, "teacher-new-course")
    page.get_by_role("button", name="Create the course").click()

    expect(page.get_by_role("heading", name="Machine learning, from scratch")).to_be_visible()
    expect(page.get_by_role("link", name="Numerically stable softmax")).to_be_visible()
    shot(page, "teacher-course")
    return str(page.locator("#invite-code").inner_text()).strip()


def learner_joins(page: Any, invite_code: str) -> None:
    page.goto("/signup")
    page.get_by_label("Username").fill("ann")
    page.get_by_label("Your name").fill("Ann Lovelace")
    page.get_by_label("Email").fill("ann@example.org")
    page.get_by_label("Password").fill("ann-password")
    page.get_by_role("button", name="Create the account").click()
    page.get_by_label("Invite code").fill(invite_code)
    page.get_by_role("button", name="Join", exact=True).click()
    expect(page.get_by_text("You joined Machine learning, from scratch.")).to_be_visible()
    shot(page, "learner-course")


def learner_submits_a_wrong_then_a_right_solution(page: Any) -> None:
    page.get_by_role("link", name="Numerically stable softmax").click()
    expect(page.locator(".theory .katex").first).to_be_visible()  # the math is typeset
    shot(page, "learner-exercise")

    page.get_by_label("Upload your file").set_input_files(
        str(SOFTMAX / "mistakes" / "no_max_shift.py"))
    page.get_by_role("button", name="Submit for grading").click()
    wrong = page.locator("section.verdict.fail")
    expect(wrong).to_be_visible(timeout=VERDICT_TIMEOUT_MS)
    expect(wrong.get_by_role("heading", level=2)).to_have_text(re.compile(r"\d+ of \d+ checks"))
    expect(wrong.locator("li.fail")).to_contain_text("stays finite for logits of ±1000")
    failure = wrong.locator(".failure")
    expect(failure).to_contain_text("on this input")
    expect(failure).to_contain_text("expected")
    expect(failure.locator(".diagnosis")).to_contain_text("exp overflows")
    shot(page, "learner-wrong-verdict")

    page.get_by_role("link", name="Submit again").click()
    page.get_by_label("or edit it here").fill((SOFTMAX / "solution.py").read_text())
    page.get_by_role("button", name="Submit for grading").click()
    right = page.locator("section.verdict.pass")
    expect(right).to_be_visible(timeout=VERDICT_TIMEOUT_MS)
    expect(right).to_contain_text("Accepted: all")
    expect(right).to_contain_text("The public cases and the hidden cases pass.")
    shot(page, "learner-right-verdict")

    page.get_by_role("link", name="Numerically stable softmax").last.click()
    attempts = page.locator("#attempts tbody tr")
    expect(attempts).to_have_count(2)
    expect(attempts.nth(0)).to_contain_text("pass")
    expect(attempts.nth(1)).to_contain_text("fail")
    expect(page.locator(".facts")).to_contain_text("Solved")


def teacher_reads_and_exports_the_gradebook(page: Any, tmp_path: Path) -> None:
    page.get_by_role("link", name="Gradebook").click()
    row = page.locator("table.gradebook tbody tr", has_text="Ann Lovelace")
    expect(row).to_contain_text("passed")
    expect(row).to_contain_text("2 attempts")
    shot(page, "teacher-gradebook")

    with page.expect_download() as started:
        page.get_by_role("link", name="Export CSV (LMS)").click()
    saved = tmp_path / "gradebook.csv"
    started.value.save_as(str(saved))
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert [(r["Student"], r["Username"], r["Email"]) for r in rows] == [
        ("Ann Lovelace", "ann", "ann@example.org")]
    assert rows[0]["Numerically stable softmax [softmax]"] == "1"
    assert rows[0]["Standardise features (z-scores) [standardize]"] == "0"
    assert rows[0]["Total"] == "1"


def test_a_course_from_creation_to_the_exported_gradebook(server: LiveServer, browser: Any,
                                                          tmp_path: Path):
    teacher = new_page(browser, server)
    invite_code = teacher_creates_a_course(teacher)
    learner = new_page(browser, server)
    learner_joins(learner, invite_code)
    learner_submits_a_wrong_then_a_right_solution(learner)

    teacher.reload()
    teacher_reads_and_exports_the_gradebook(teacher, tmp_path)
    teacher.get_by_role("link", name="Machine learning, from scratch").click()
    expect(teacher.locator("table.exercises")).to_contain_text("1 / 1")



def test_a_teacher_removes_an_exercise_and_a_learner_changes_their_password(
        server: LiveServer, browser: Any):
    teacher = new_page(browser, server)
    teacher_creates_a_course(teacher)
    course_page = teacher.url
    teacher.get_by_role("link", name="Standardise features (z-scores)").click()
    teacher.once("dialog", lambda dialog: dialog.accept())  # "Take … out of the course?"
    teacher.get_by_role("button", name="Remove from the course").click()
    expect(teacher.get_by_text("is no longer part of the course")).to_be_visible()
    assert teacher.url == course_page
    expect(teacher.locator("table.exercises")).not_to_contain_text("Standardise")
    shot(teacher, "teacher-removed-an-exercise")

    learner = new_page(browser, server)
    learner.goto("/signup")
    learner.get_by_label("Username").fill("bea")
    learner.get_by_label("Password").fill("bea-password")
    learner.get_by_role("button", name="Create the account").click()
    learner.get_by_role("link", name="bea").click()  # the header links to the account page
    learner.get_by_label("Current password").fill("bea-password")
    learner.get_by_label("New password").fill("a-better-password")
    learner.get_by_role("button", name="Change the password").click()
    expect(learner.get_by_text("Your password is changed")).to_be_visible()
    shot(learner, "learner-account")
    learner.get_by_role("button", name="Log out").click()
    learner.goto("/login")
    learner.get_by_label("Username").fill("bea")
    learner.get_by_label("Password").fill("a-better-password")
    learner.get_by_role("button", name="Log in").click()
    expect(learner.get_by_role("heading", name="Your courses")).to_be_visible()
