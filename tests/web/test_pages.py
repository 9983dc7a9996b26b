"""The HTML pages: status codes, forms, what each role sees, and what it must not."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from html import unescape
from typing import Any

from sqlalchemy import select

from mlkata.engine.conceal import HIDDEN_NOTE, conceal
from mlkata.engine.verdict import CheckResult, Verdict
from mlkata.server import leases
from mlkata.server.grading import Graded
from mlkata.server.models import CourseExercise, User
from mlkata.server.throttle import JoinThrottle, RegistrationThrottle

from .conftest import NO_MAX_SHIFT, SOLUTION, Site

PUBLIC_FAILURE = CheckResult(
    name="stays finite for logits of ±1000", layer="stability", status="fail",
    message="the result is nan at [0] where 0.731059 is expected",
    case="softmax(np.array([1000.0, 999.0, -1000.0]))", note="the logits are 2000 apart",
    expected="[0.73105858, 0.26894142, 0.]", got="[nan, nan, 0.]",
    diagnosis={"id": "no_max_shift", "message": "exp overflows: subtract the max along `axis`",
               "known": True})
PASSING = CheckResult(name="returns an array of z's shape", layer="contract", status="pass")
SKIPPED = CheckResult(name="a later check", layer="property", status="skip")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def record_verdict(site: Site, submission_id: int, verdict: Verdict, stage: str = "public",
                   concealed: bool = False) -> None:
    """Write a verdict the way a grading worker does (a claim, then the verdict)."""
    claim = leases.claim(site.state.sessions, submission_id, 30.0, "test")
    assert claim is not None
    feedback: dict[str, Any] = conceal(verdict) if concealed else verdict.to_json()
    graded = Graded(verdict.status, stage, {**feedback, "stage": stage},
                    sum(c.status == "pass" for c in verdict.checks), len(verdict.checks), 12.0)
    assert leases.finish(site.state.sessions, claim, graded)


def text_of(html: str) -> str:
    """The page's text, tags dropped: what a reader sees."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def code_of(html: str) -> str:
    """The page's text with tags dropped in place: highlighted code reads as written."""
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_pages_ask_for_a_login_and_come_back_after_it(site: Site):
    visitor = site.browser()
    home = visitor.get("/")
    assert home.status_code == 200 and "Log in" in home.text
    for page in ("/courses/1", "/courses/new", "/submissions/1", "/join?code=ABC"):
        reply = visitor.get(page)
        assert reply.status_code == 303, page
        assert reply.headers["location"].startswith("/login?next=")
    assert visitor.get("/login?next=/courses/1").status_code == 200
    reply = visitor.client.post("/login", data={"username": "teacher",
                                                "password": "teacher-password",
                                                "next": "/courses/new"})
    assert (reply.status_code, reply.headers["location"]) == (303, "/courses/new")
    assert visitor.get("/courses/new").status_code == 200


def test_log_in_refuses_a_wrong_password_and_sends_nobody_off_site(site: Site):
    visitor = site.browser()
    wrong = visitor.client.post("/login", data={"username": "teacher", "password": "nope"})
    assert wrong.status_code == 401 and "Wrong username or password" in wrong.text
    reply = visitor.client.post("/login", data={"username": "teacher",
                                                "password": "teacher-password",
                                                "next": "//evil.example/steal"})
    assert reply.headers["location"] == "/"


def test_sign_up_log_out_and_log_in_again(site: Site):
    ann = site.learner("ann")
    home = ann.get("/")
    assert "Ann" in home.text and "Join a course" in home.text
    taken = site.browser().client.post("/signup", data={"username": "ann",
                                                        "password": "long-enough"})
    assert taken.status_code == 422 and "is taken" in taken.text
    short = site.browser().client.post("/signup", data={"username": "bob", "password": "short"})
    assert short.status_code == 422 and "at least 8 characters" in short.text

    assert ann.client.post("/logout", data={}).status_code == 403  # no form token
    assert ann.post("/logout").status_code == 303
    assert "Log in" in ann.get("/").text
    assert ann.get("/courses/new").status_code == 303
    ann.log_in("ann", "ann-password")
    assert "Ann" in ann.get("/").text


def test_a_password_is_changed_on_the_account_page(site: Site):
    ann = site.learner("ann")
    page = ann.get("/account")
    assert page.status_code == 200 and "Change your password" in page.text
    assert 'href="/account"' in ann.get("/").text
    other = site.browser()
    other.log_in("ann", "ann-password")
    wrong = ann.post("/account/password", {"old_password": "not-it-at-all",
                                           "new_password": "a-better-password"},
                     csrf_from="/account")
    assert wrong.status_code == 401 and "current password is not that" in wrong.text
    short = ann.post("/account/password", {"old_password": "ann-password",
                                           "new_password": "short"}, csrf_from="/account")
    assert short.status_code == 422 and "at least 8 characters" in short.text
    assert ann.client.post("/account/password", data={
        "old_password": "ann-password", "new_password": "a-better-password"}).status_code == 403
    done = ann.post("/account/password", {"old_password": "ann-password",
                                          "new_password": "a-better-password"},
                    csrf_from="/account")
    assert (done.status_code, done.headers["location"]) == (303, "/account")
    assert "Your password is changed" in ann.get("/account").text  # still logged in here
    assert other.get("/account").status_code == 303  # the other session has ended
    site.browser().log_in("ann", "a-better-password")


def test_log_in_is_refused_after_repeated_failures(site: Site):
    site.learner("ann")
    visitor = site.browser()
    for _ in range(5):
        assert visitor.client.post("/login", data={"username": "ann",
                                                   "password": "guess-guess"}).status_code == 401
    refused = visitor.client.post("/login", data={"username": "ann", "password": "ann-password"})
    assert refused.status_code == 429
    assert "Too many failed logins for this account; try again in 15 minutes" in refused.text


def test_guessing_invite_codes_on_the_join_page_is_refused(site: Site):
    clock = Clock()
    site.state.joins = JoinThrottle(per_address=2, clock=clock)
    _, code = site.course(site.teacher())
    ann = site.learner("ann")
    for guess in ("AAAAAAAA", "BBBBBBBB"):
        assert ann.post("/join", {"invite_code": guess}).status_code == 404
    refused = ann.post("/join", {"invite_code": code})
    assert refused.status_code == 429
    assert "Too many wrong invite codes from your address; try again in 15 minutes" in \
        text_of(refused.text)
    clock.now += 15 * 60
    site.join(ann, code)


def test_signing_up_account_after_account_is_refused(site: Site):
    clock = Clock()
    site.state.registrations = RegistrationThrottle(per_address=2, clock=clock)
    site.learner("ann")
    site.learner("bob")
    refused = site.browser().client.post("/signup", data={
        "username": "cleo", "password": "cleo-password"})
    assert refused.status_code == 429
    assert "Too many accounts registered from your address; try again in 60 minutes" in \
        text_of(refused.text)
    assert 'value="cleo"' in refused.text  # the form comes back filled in
    clock.now += 3600
    site.learner("cleo")


def test_a_teacher_creates_a_course_with_deadlines_in_their_time_zone(site: Site):
    teacher = site.teacher()
    form = teacher.get("/courses/new")
    assert form.status_code == 200
    assert 'value="softmax"' in form.text and "Numerically stable softmax" in form.text
    course_id, code = site.course(teacher, late_credit_percent="50",
                                  default_deadline="2030-07-01T09:30")
    with site.state.sessions() as db:
        rows = {r.exercise_id: r for r in db.scalars(select(CourseExercise))}
    # 12:00 in Paris in June is 10:00 UTC; the default deadline covers the other exercise
    assert rows["softmax"].deadline == datetime(2030, 6, 1, 10, 0, tzinfo=UTC)
    assert rows["standardize"].deadline == datetime(2030, 7, 1, 7, 30, tzinfo=UTC)
    page = teacher.get(f"/courses/{course_id}")
    assert code in page.text and f"/join?code={code}" in page.text
    assert "Re-grade" in page.text and "50% of the points" in text_of(page.text)

    empty = teacher.post("/courses/new", {"title": "Nothing in it"}, csrf_from="/courses/new")
    assert empty.status_code == 422 and "choose at least one exercise" in empty.text.lower()
    assert 'value="Nothing in it"' in empty.text  # the form comes back filled in


def test_a_teacher_adds_an_exercise_and_moves_a_deadline(site: Site):
    teacher = site.teacher()
    course_id, _ = site.course(teacher)
    page = f"/courses/{course_id}"
    reply = teacher.post(f"{page}/exercises", {"exercise": "kmeans", "deadline":
                                               "2031-01-15T18:00", "points": "2", "tz": "UTC"},
                         csrf_from=page)
    assert reply.status_code == 303
    shown = text_of(teacher.get(page).text)
    assert "k-means" in shown and "15 Jan 2031, 18:00 UTC" in shown
    unknown = teacher.post(f"{page}/exercises", {"exercise": "no-such-thing"}, csrf_from=page)
    assert unknown.status_code == 303
    assert "Not changed: no exercise 'no-such-thing'" in text_of(teacher.get(page).text)


def test_a_teacher_removes_an_exercise_and_its_attempts_stay_their_learners(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher)
    ann = site.learner("ann")
    site.join(ann, code)
    sent = site.submit(ann, course_id, NO_MAX_SHIFT, exercise="standardize")
    page = f"/courses/{course_id}/exercises/standardize"
    assert "Remove from the course" in teacher.get(page).text
    assert "Remove from the course" not in ann.get(page).text
    assert ann.post(f"{page}/remove", csrf_from=page).status_code == 403
    reply = teacher.post(f"{page}/remove", csrf_from=page)
    assert (reply.status_code, reply.headers["location"]) == (303, f"/courses/{course_id}")
    shown = text_of(teacher.get(f"/courses/{course_id}").text)
    assert "no longer part of the course; its attempts are kept" in shown
    assert "Standardize" not in text_of(teacher.get(f"/courses/{course_id}/gradebook").text)
    assert ann.get(page).status_code == 404
    kept = ann.get(f"/submissions/{sent}")
    assert kept.status_code == 200 and "no longer part of the course" in text_of(kept.text)
    assert "Submit again" not in kept.text
    again = teacher.post(f"/courses/{course_id}/exercises", {"exercise": "standardize"},
                         csrf_from=f"/courses/{course_id}")
    assert again.status_code == 303
    assert ann.get(f"/courses/{course_id}/submissions?exercise=standardize").text.count(
        f"/submissions/{sent}") == 1


def test_a_learner_joins_reads_the_theory_and_submits(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher)
    ann = site.learner("ann")
    assert ann.get(f"/join?code={code.lower()}").status_code == 200
    wrong_code = ann.post("/join", {"invite_code": "NOTACODE"})
    assert wrong_code.status_code == 404 and "No course has this invite code" in wrong_code.text
    site.join(ann, code)

    course = ann.get(f"/courses/{course_id}")
    assert course.status_code == 200
    assert "Numerically stable softmax" in course.text and "Not started" in course.text
    assert code not in course.text  # the invite code is the teacher's to give

    exercise = ann.get(f"/courses/{course_id}/exercises/softmax")
    assert exercise.status_code == 200
    assert "katex.min.js" in exercise.text and "auto-render.min.js" in exercise.text
    # math is handed to KaTeX untouched: its underscores are not read as emphasis
    assert r'<span class="math inline">\(z_k \in \mathbb{R}\)</span>' in exercise.text
    assert 'class="math display"' in exercise.text
    assert "Hint 1" in exercise.text and "raise NotImplementedError" in exercise.text

    submitted = site.submit(ann, course_id, NO_MAX_SHIFT)
    pending = ann.get(f"/submissions/{submitted}")
    assert pending.status_code == 200
    assert "Waiting for a grader" in pending.text
    assert f'data-await-submission="{submitted}"' in pending.text
    assert "e = np.exp(z)" in code_of(pending.text)

    page = f"/courses/{course_id}/exercises/softmax"
    upload = ann.client.post(f"{page}/submissions", data={"csrf": ann.csrf(page)},
                             files={"file": ("softmax.py", SOLUTION.encode(), "text/x-python")})
    assert upload.status_code == 303
    second = int(upload.headers["location"].rsplit("/", 1)[1])
    assert "z.max(axis=axis, keepdims=True)" in code_of(ann.get(f"/submissions/{second}").text)
    listing = text_of(ann.get(f"/courses/{course_id}/submissions").text)
    assert listing.count("Code and feedback of attempt") == 2

    empty = ann.post(f"{page}/submissions", {"code": "  "}, csrf_from=page)
    assert empty.status_code == 303 and empty.headers["location"].endswith("#submit")


def test_a_failure_shows_the_check_list_case_values_and_diagnosis(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher)
    ann = site.learner("ann")
    site.join(ann, code)
    submitted = site.submit(ann, course_id, NO_MAX_SHIFT)
    record_verdict(site, submitted, Verdict("softmax", "fail",
                                            [PASSING, PUBLIC_FAILURE, SKIPPED]))
    page = ann.get(f"/submissions/{submitted}")
    shown = text_of(page.text)
    assert "1 of 3 checks pass" in shown
    assert "✓ passed: returns an array of z's shape" in shown
    assert "✗ failed: stays finite for logits of ±1000" in shown
    assert "(1 later check waits until these pass)" in shown
    assert "softmax(np.array([1000.0, 999.0, -1000.0]))" in shown
    assert "expected [0.73105858, 0.26894142, 0.] got [nan, nan, 0.]" in shown
    assert "(the logits are 2000 apart)" in shown
    assert "A known mistake exp overflows: subtract the max along axis" in shown
    assert "<code>axis</code>" in page.text
    assert "data-await-submission" not in page.text


def test_a_hidden_case_failure_shows_only_what_the_grader_let_through(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher)
    ann = site.learner("ann")
    site.join(ann, code)
    submitted = site.submit(ann, course_id, SOLUTION)
    secret = CheckResult(
        name="agrees with the reference on random logits", layer="random", status="fail",
        message="entry [3] is 0.123456 where 0.654321 is expected",
        case="softmax(np.array([31.5, -2.25, 7.75, 4.125]))", expected="[0.99, 0.01]",
        got="[0.5, 0.5]", max_abs_diff=0.49, where=[3], output="SECRET PRINTED 31.5",
        diagnosis={"id": "transposed", "message": "the result looks transposed (4 by 2)",
                   "known": False})
    record_verdict(site, submitted, Verdict("softmax", "fail", [PASSING, secret]),
                   stage="hidden", concealed=True)
    for viewer in (ann, teacher):
        page = viewer.get(f"/submissions/{submitted}")
        shown = text_of(page.text)
        assert "The public cases pass; a hidden case does not" in shown
        assert "agrees with the reference on random logits" in shown
        assert HIDDEN_NOTE in shown
        assert "the result looks transposed (… by …)" in shown
        for hidden in ("31.5", "2.25", "0.123456", "0.654321", "[0.99, 0.01]", "[0.5, 0.5]",
                       "SECRET", "largest difference"):
            assert hidden not in shown, hidden


def test_a_learner_sees_only_their_own_code_and_results(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher)
    ann, bob = site.learner("ann"), site.learner("bob")
    site.join(ann, code)
    site.join(bob, code)
    anns = site.submit(ann, course_id, "ANN_SECRET = 42\n" + SOLUTION)
    bobs = site.submit(bob, course_id, SOLUTION)

    assert ann.get(f"/submissions/{anns}").status_code == 200
    refused = bob.get(f"/submissions/{anns}")
    assert refused.status_code == 404 and "ANN_SECRET" not in refused.text
    with site.state.sessions() as db:
        ann_id = db.scalar(select(User.id).where(User.username == "ann"))
    listing = bob.get(f"/courses/{course_id}/submissions?learner={ann_id}")
    assert listing.status_code == 200
    assert f"/submissions/{anns}" not in listing.text and f"/submissions/{bobs}" in listing.text
    exercise = bob.get(f"/courses/{course_id}/exercises/softmax")
    assert f"/submissions/{anns}" not in exercise.text

    teachers_view = teacher.get(f"/submissions/{anns}")
    assert teachers_view.status_code == 200 and "ANN_SECRET = 42" in code_of(teachers_view.text)
    assert "Ann" in teachers_view.text


def test_a_learner_cannot_open_or_use_the_teachers_pages(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher)
    ann = site.learner("ann")
    site.join(ann, code)
    site.submit(ann, course_id, SOLUTION)
    assert ann.get("/courses/new").status_code == 403
    assert ann.get(f"/courses/{course_id}/gradebook").status_code == 403
    assert ann.get(f"/api/courses/{course_id}/gradebook.csv").status_code == 403
    page = f"/courses/{course_id}"
    assert ann.post(f"{page}/exercises/softmax/regrade", csrf_from=page).status_code == 403
    assert ann.post(f"{page}/exercises", {"exercise": "kmeans"}, csrf_from=page).status_code \
        == 403
    assert ann.post("/courses/new", {"title": "Mine", "exercise": "softmax"}).status_code == 403

    outsider = site.learner("eve")
    for page in (f"/courses/{course_id}", f"/courses/{course_id}/exercises/softmax",
                 f"/courses/{course_id}/leaderboard", f"/courses/{course_id}/gradebook",
                 f"/courses/{course_id}/submissions"):
        reply = outsider.get(page)
        assert reply.status_code == 404, page
        assert "Machine learning, from scratch" not in reply.text


def test_the_gradebook_its_export_and_a_regrade(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher)
    ann, bob = site.learner("ann"), site.learner("bob")
    for learner in (ann, bob):
        site.join(learner, code)
    wrong = site.submit(ann, course_id, NO_MAX_SHIFT)
    record_verdict(site, wrong, Verdict("softmax", "fail", [PASSING, PUBLIC_FAILURE]))
    right = site.submit(ann, course_id, SOLUTION)
    record_verdict(site, right, Verdict("softmax", "pass", [PASSING]))
    site.submit(bob, course_id, SOLUTION)

    page = teacher.get(f"/courses/{course_id}/gradebook")
    assert page.status_code == 200
    shown = text_of(page.text)
    assert "Ann ann · ann@example.org ✓ passed 2 attempts" in shown
    assert "Bob bob · bob@example.org ⋯ grading 1 attempt" in shown
    assert f'href="/api/courses/{course_id}/gradebook.csv"' in page.text

    exported = teacher.get(f"/api/courses/{course_id}/gradebook.csv")
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [r["Username"] for r in rows] == ["ann", "bob"]
    assert rows[0]["Numerically stable softmax [softmax]"] == "1"
    assert rows[0]["Total"] == "1" and rows[1]["Total"] == "0"

    course_page = f"/courses/{course_id}"
    reply = teacher.post(f"{course_page}/exercises/softmax/regrade", csrf_from=course_page)
    assert reply.status_code == 303
    assert "Re-grading 3 submissions of softmax" in teacher.get(course_page).text
    assert "⋯ grading" in text_of(teacher.get(f"/courses/{course_id}/gradebook").text)


def test_the_leaderboard_lists_only_pseudonyms_and_shows_everyone_their_standing(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher)
    ann, bob = site.learner("ann"), site.learner("bob")
    for learner in (ann, bob):
        site.join(learner, code)
    solved = site.submit(ann, course_id, SOLUTION)
    record_verdict(site, solved, Verdict("softmax", "pass", [PASSING]))

    board = f"/courses/{course_id}/leaderboard"
    unlisted = text_of(ann.get(board).text)
    assert "#1 of 2" in unlisted and "not listed: only you see this" in unlisted
    assert "Nobody is listed yet" in unlisted

    listed = ann.post(f"/courses/{course_id}/pseudonym",
                      {"pseudonym": "Gradient Gremlin", "listed": "yes"}, csrf_from=board)
    assert listed.status_code == 303
    assert "Gradient Gremlin" in text_of(bob.get(board).text)
    bobs_view = text_of(bob.get(board).text)
    assert "#2 of 2" in bobs_view and "Ann" not in bobs_view and "ann" not in bobs_view

    ann.post(f"/courses/{course_id}/pseudonym", {"listed": "no"}, csrf_from=board)
    assert "Gradient Gremlin" not in bob.get(board).text
    assert "#1 of 2" in text_of(ann.get(board).text)
    assert "Gradient Gremlin" not in text_of(teacher.get(board).text)


def test_forms_without_their_token_are_refused(site: Site):
    teacher = site.teacher()
    _, code = site.course(teacher)
    ann = site.learner("ann")
    forged = ann.client.post("/join", data={"invite_code": code, "csrf": "0" * 64})
    assert forged.status_code == 403
    assert ann.get("/").text.count("Join a course") >= 1
    assert "Machine learning, from scratch" not in ann.get("/").text


def test_unknown_pages_and_static_files(site: Site):
    teacher = site.teacher()
    assert teacher.get("/courses/999").status_code == 404
    assert "Not found" in teacher.get("/courses/999").text
    assert teacher.get("/submissions/999").status_code == 404
    for path in ("style.css", "mlkata.js", "katex/katex.min.js", "katex/auto-render.min.js",
                 "katex/katex.min.css"):
        assert teacher.get(f"/static/{path}").status_code == 200, path


def test_what_people_type_is_shown_as_text_never_as_markup(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher, title="<script>alert('course')</script>")
    mallory = site.browser()
    reply = mallory.client.post("/signup", data={
        "username": "mallory", "password": "mallory-password",
        "display_name": '<img src=x onerror="alert(1)">'})
    assert reply.status_code == 303
    site.join(mallory, code)
    submitted = site.submit(mallory, course_id, "</code></pre><script>alert(2)</script>\n")
    for page in (f"/courses/{course_id}", f"/courses/{course_id}/gradebook",
                 f"/submissions/{submitted}", "/"):
        html = teacher.get(page).text
        assert "<script>alert" not in html and "<img src=x" not in html, page
    assert "&lt;script&gt;alert(&#39;course&#39;)&lt;/script&gt;" in teacher.get("/").text


def test_a_file_that_does_not_run_says_why(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher)
    ann = site.learner("ann")
    site.join(ann, code)
    submitted = site.submit(ann, course_id, "def softmax(z:\n")
    record_verdict(site, submitted, Verdict("softmax", "error", [],
                                            message="SyntaxError: '(' was never closed"))
    shown = text_of(ann.get(f"/submissions/{submitted}").text)
    assert "Not checked" in shown and "SyntaxError: '(' was never closed" in shown
    course = text_of(ann.get(f"/courses/{course_id}").text)
    assert "✗ Not yet" in course and "1 attempt" in course


def test_malformed_addresses_and_forms_get_pages_not_json(site: Site):
    teacher = site.teacher()
    reply = teacher.get("/courses/not-a-number")
    assert reply.status_code == 404 and reply.headers["content-type"].startswith("text/html")
    incomplete = teacher.post("/join", {})
    assert incomplete.status_code == 422 and "The form was incomplete" in incomplete.text


def test_forms_with_what_no_database_stores_are_refused_with_a_page(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher)
    nul = site.browser().client.post("/signup", data={
        "username": "nul", "password": "nul-password", "display_name": "N\x00L"})
    assert nul.status_code == 422 and "NUL" in text_of(nul.text)
    for fields in ({"points-softmax": "nan"}, {"points-softmax": "inf"},
                   {"points-softmax": "1e300"}, {"late_credit_percent": "nan"},
                   {"deadline-softmax": "9999-12-31T23:59", "tz": "America/New_York"}):
        reply = teacher.post("/courses/new", {"title": "T", "exercise": ["softmax"], **fields},
                             csrf_from="/courses/new")
        assert reply.status_code == 422, fields
        assert reply.headers["content-type"].startswith("text/html")
    for points, deadline in (("inf", ""), ("1", "9999-12-31T23:59")):
        reply = teacher.post(f"/courses/{course_id}/exercises", {
            "exercise": "softmax", "points": points, "deadline": deadline,
            "tz": "America/New_York"}, csrf_from=f"/courses/{course_id}")
        assert reply.status_code == 303
        assert "Not changed" in text_of(teacher.get(f"/courses/{course_id}").text)
    ann = site.learner("ann")
    site.join(ann, code)
    page = f"/courses/{course_id}/exercises/softmax"
    huge = ann.post(f"{page}/submissions", {}, csrf_from=page,
                    files={"file": ("softmax.py", b"#" * (2 * 1024 * 1024))})
    assert huge.status_code == 413 and huge.headers["content-type"].startswith("text/html")
    assert "larger than the 1024 KiB this server accepts" in text_of(huge.text)
    big = 2**70
    assert teacher.post(f"/courses/{big}/exercises", {"exercise": "softmax"},
                        csrf_from=f"/courses/{course_id}").status_code == 404
    assert teacher.get(f"/courses/{course_id}/submissions?learner={big}").status_code == 404


def test_a_pass_after_the_deadline_is_marked_late(site: Site):
    teacher = site.teacher()
    course_id, code = site.course(teacher, **{"deadline-softmax": "2020-01-01T00:00"})
    ann = site.learner("ann")
    site.join(ann, code)
    solved = site.submit(ann, course_id, SOLUTION)
    record_verdict(site, solved, Verdict("softmax", "pass", [PASSING]))
    course = text_of(ann.get(f"/courses/{course_id}").text)
    assert "(closed" in course and "✓ Solved late" in course
    assert "after the deadline" in text_of(ann.get(f"/submissions/{solved}").text)
    assert "✓ passed 1 attempt" in text_of(teacher.get(f"/courses/{course_id}/gradebook").text)
    gradebook = teacher.get(f"/courses/{course_id}/gradebook").text
    assert gradebook.count('<span class="badge late">late</span>') == 2  # legend and the cell
    late = '<span class="badge late">late</span>'

    def attempts_table(html: str) -> str:
        return html[html.index('<table class="attempts">'):]

    for who in (ann, teacher):  # the attempts on the exercise page, and the course's listing
        for page in (f"/courses/{course_id}/exercises/softmax",
                     f"/courses/{course_id}/submissions"):
            assert attempts_table(who.get(page).text).count(late) == 1, page
    assert 'href="?learner=' in teacher.get(f"/courses/{course_id}/submissions").text
