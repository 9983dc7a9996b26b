"""The JSON API through FastAPI's test client, on SQLite and on PostgreSQL with Redis."""

from __future__ import annotations

import csv
import io
import re
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from mlkata.engine.conceal import HIDDEN_NOTE
from mlkata.engine.exercise import Exercise
from mlkata.engine.runner import check_seed
from mlkata.server.models import Submission

from .conftest import SOLUTION, STARTER, TEST_CATALOG, Server

DOUBLING = TEST_CATALOG / "testing" / "doubling"


def public_inputs(folder: Path) -> list[int]:
    """The inputs of the public cases (seed 0): what a learner can see and hard-code."""
    exercise = Exercise.load(folder)
    return [case.steps[0]["args"][0] for chk in exercise.checks
            for case in chk.cases(check_seed(0, chk))]


def hard_coded(body_for_unknown: str) -> str:
    """A learner file right on the public inputs only."""
    return (f"PUBLIC = {set(public_inputs(DOUBLING))!r}\n\n"
            "def double(x):\n"
            "    if x in PUBLIC:\n"
            "        return 2 * x\n"
            f"    {body_for_unknown}\n")


def test_openapi_is_published(server: Server):
    spec = server.client.get("/openapi.json").json()
    assert "/api/courses/{course_id}/submissions" in spec["paths"]
    assert "/api/courses/{course_id}/gradebook.csv" in spec["paths"]
    assert {"HTTPBearer", "APIKeyCookie"} <= set(spec["components"]["securitySchemes"])
    assert server.client.get("/api/health").json()["status"] == "ok"


def test_accounts_tokens_and_sessions(server: Server):
    client = server.client
    ann = server.learner("ann")
    assert client.get("/api/auth/me", headers=ann).json()["role"] == "learner"
    assert client.post("/api/auth/register", json={"username": "ann", "password":
                                                   "another-one"}).status_code == 422
    assert client.post("/api/auth/register", json={"username": "bob", "password":
                                                   "short"}).status_code == 422
    assert client.post("/api/auth/token", json={"username": "ann", "password":
                                                "wrong-password"}).status_code == 401
    assert client.get("/api/auth/me").status_code == 401
    assert client.get("/api/auth/me", headers=server.auth("forged")).status_code == 401

    assert client.delete("/api/auth/token", headers=ann).status_code == 204
    assert client.get("/api/auth/me", headers=ann).status_code == 401

    reply = client.post("/api/auth/session", json={"username": "ann",
                                                   "password": "ann-password"})
    assert reply.status_code == 200
    cookie = reply.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert client.get("/api/auth/me").json()["username"] == "ann"
    assert client.delete("/api/auth/session").status_code == 204
    client.cookies.clear()
    assert client.get("/api/auth/me").status_code == 401


def test_password_change_ends_other_logins(server: Server):
    ann = server.learner("ann")
    reply = server.client.post("/api/auth/password", headers=ann, json={
        "old_password": "ann-password", "new_password": "a-better-password"})
    assert reply.status_code == 204
    assert server.client.get("/api/auth/me", headers=ann).status_code == 401
    assert server.client.post("/api/auth/token", json={
        "username": "ann", "password": "a-better-password"}).status_code == 200


def test_courses_are_created_by_teachers_from_the_catalog(server: Server):
    client = server.client
    catalog = client.get("/api/catalog", headers=server.teacher).json()
    assert {"softmax", "doubling"} <= {e["id"] for e in catalog}
    body = {"title": "ML", "exercises": [{"id": "softmax"}]}
    assert client.post("/api/courses", json=body,
                       headers=server.learner("ann")).status_code == 403
    reply = client.post("/api/courses", json={"title": "ML", "exercises": [{"id": "nope"}]},
                        headers=server.teacher)
    assert reply.status_code == 422 and "nope" in reply.json()["detail"]
    course = server.course()
    assert [e["id"] for e in course["exercises"]] == ["softmax", "doubling"]
    assert len(course["invite_code"]) == 8
    due = "2031-01-31T23:59:00+01:00"
    reply = client.put(f"/api/courses/{course['id']}/exercises/softmax", headers=server.teacher,
                       json={"deadline": due, "points": 2})
    assert reply.json()["deadline"].startswith("2031-01-31T22:59:00")


def test_an_exercise_taken_out_of_a_course_keeps_its_attempts(server: Server):
    course = server.course()
    ann = server.enrol(course, "ann")
    sent = server.submit(course, ann, SOLUTION)
    server.grade()
    path = f"/api/courses/{course['id']}/exercises/softmax"
    assert server.client.delete(path, headers=ann).status_code == 403
    assert server.client.delete(path, headers=server.teacher).status_code == 204
    assert server.client.delete(path, headers=server.teacher).status_code == 404
    shown = server.client.get(f"/api/courses/{course['id']}", headers=ann).json()
    assert [e["id"] for e in shown["exercises"]] == ["doubling"]
    book = server.client.get(f"/api/courses/{course['id']}/gradebook",
                             headers=server.teacher).json()
    assert [e["id"] for e in book["exercises"]] == ["doubling"]
    board = server.client.get(f"/api/courses/{course['id']}/leaderboard", headers=ann).json()
    assert (board["me"]["score"], board["me"]["solved"]) == (0, 0)
    refused = server.client.post(f"/api/courses/{course['id']}/submissions", headers=ann,
                                 json={"exercise": "softmax", "code": SOLUTION})
    assert refused.status_code == 404
    assert server.get(sent, ann)["status"] == "pass"  # the attempt is still there, theirs
    assert server.client.put(path, headers=server.teacher, json={}).status_code == 200
    book = server.client.get(f"/api/courses/{course['id']}/gradebook",
                             headers=server.teacher).json()
    assert [e["id"] for e in book["exercises"]] == ["doubling", "softmax"]  # back, at the end
    assert book["learners"][0]["exercises"][1]["status"] == "pass"  # and it counts again


def test_learners_join_with_the_invite_code(server: Server):
    course = server.course()
    ann = server.learner("ann")
    reply = server.client.post("/api/courses/join", json={"invite_code": "WRONG123"},
                               headers=ann)
    assert reply.status_code == 404
    assert server.client.get(f"/api/courses/{course['id']}", headers=ann).status_code == 404
    reply = server.client.post("/api/courses/join", headers=ann,
                               json={"invite_code": course["invite_code"].lower()})
    assert reply.status_code == 200 and reply.json()["invite_code"] is None
    listed = server.client.get("/api/courses", headers=ann).json()
    assert [c["id"] for c in listed] == [course["id"]]
    detail = server.client.get(f"/api/courses/{course['id']}/exercises/softmax",
                               headers=ann).json()
    assert "softmax" in detail["starter"] and detail["hints"] and "$" in detail["theory"]


def test_a_wrong_then_a_right_solution(server: Server):
    course = server.course()
    ann = server.enrol(course, "ann")
    wrong = server.submit(course, ann, STARTER)
    right = server.submit(course, ann, SOLUTION)
    assert (wrong["state"], wrong["attempt"], right["attempt"]) == ("queued", 1, 2)
    assert server.grade() == 2

    failed = server.get(wrong, ann)
    assert (failed["state"], failed["status"], failed["stage"]) == ("done", "fail", "public")
    first = next(t for t in failed["feedback"]["tests"] if t["status"] != "pass")
    assert first["case"].startswith("softmax(")  # public cases: the full story
    assert "NotImplementedError" in first["message"]

    passed = server.get(right, ann)
    assert (passed["status"], passed["stage"]) == ("pass", "hidden")
    assert passed["checks_passed"] == passed["checks_total"] > 0
    assert passed["code"] == SOLUTION


def test_hidden_failures_name_the_check_but_never_the_case(server: Server):
    course = server.course()
    ann = server.enrol(course, "ann")
    printed = server.submit(course, ann, hard_coded("print('LEAK', x); return -1"),
                            exercise="doubling")
    raised = server.submit(course, ann, hard_coded("raise ValueError(f'LEAK {x}')"),
                           exercise="doubling")
    server.grade()

    for submission in (printed, raised):
        shown = server.get(submission, ann)
        assert (shown["status"], shown["stage"]) == ("fail", "hidden")
        feedback = shown["feedback"]
        assert feedback["concealed"] is True
        failure = next(t for t in feedback["tests"] if t["status"] != "pass")
        assert failure["name"] == "doubles random integers" and failure["note"] == HIDDEN_NOTE
        for key in ("case", "expected", "got", "output", "where", "max_abs_diff"):
            assert failure[key] is None, key
        said = str(feedback["tests"])
        assert "LEAK" not in said  # neither what it printed nor its exception's text
        assert not re.search(r"\d{4}", said)  # nor a hidden value
    shown = server.get(raised, ann)
    failure = next(t for t in shown["feedback"]["tests"] if t["status"] != "pass")
    # not even the exception's type or traceback: the learner's code chose both
    assert failure["message"] == "your code raised an exception"
    assert failure["traceback"] is None


def test_learners_see_only_their_own_code_and_results(server: Server):
    course = server.course()
    ann, bob = server.enrol(course, "ann"), server.enrol(course, "bob")
    mine = server.submit(course, ann, SOLUTION)
    server.submit(course, bob, STARTER)
    server.grade()
    client = server.client
    assert client.get(f"/api/submissions/{mine['id']}", headers=bob).status_code == 404
    listed = client.get(f"/api/courses/{course['id']}/submissions", headers=bob).json()
    assert [s["learner"] for s in listed] == ["bob"] and "code" not in listed[0] or \
        listed[0]["code"] is None
    assert client.get(f"/api/courses/{course['id']}/gradebook", headers=bob).status_code == 403
    everyone = client.get(f"/api/courses/{course['id']}/submissions",
                          headers=server.teacher).json()
    assert sorted(s["learner"] for s in everyone) == ["ann", "bob"]
    assert client.get(f"/api/submissions/{mine['id']}",
                      headers=server.teacher).json()["code"] == SOLUTION
    eve = server.learner("eve")  # in no course
    assert client.get(f"/api/courses/{course['id']}/leaderboard", headers=eve).status_code == 404
    reply = client.post(f"/api/courses/{course['id']}/submissions", headers=eve,
                        json={"exercise": "softmax", "code": SOLUTION})
    assert reply.status_code == 404


def test_gradebook_deadlines_and_csv(server: Server):
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    course = server.course([{"id": "softmax", "deadline": past, "points": 2},
                            {"id": "doubling"}], late_credit=0.5)
    ann, bob = server.enrol(course, "ann"), server.enrol(course, "bob")
    server.submit(course, ann, STARTER)
    server.submit(course, ann, SOLUTION)
    server.submit(course, bob, "def double(x):\n    return x + x\n", exercise="doubling")
    server.submit(course, bob, STARTER)
    server.grade()

    book = server.client.get(f"/api/courses/{course['id']}/gradebook",
                             headers=server.teacher).json()
    cells = {(row["learner"]["username"], cell["exercise"]): cell
             for row in book["learners"] for cell in row["exercises"]}
    assert cells[("ann", "softmax")] | {"first_pass_at": None} == {
        "exercise": "softmax", "attempts": 2, "status": "pass", "first_pass_at": None,
        "late": True, "best_share": 1.0, "points": 1.0}
    assert cells[("ann", "doubling")]["status"] == "none"
    assert cells[("bob", "doubling")]["points"] == 1.0
    assert cells[("bob", "softmax")]["status"] == "fail"
    assert cells[("bob", "softmax")]["best_share"] == 0.0

    reply = server.client.get(f"/api/courses/{course['id']}/gradebook.csv",
                              headers=server.teacher)
    assert reply.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(reply.text)))
    assert rows[0] == ["Student", "Username", "Email", "Numerically stable softmax [softmax]",
                       "Double a number [doubling]", "Total"]
    assert rows[1:] == [["ann", "ann", "", "1", "0", "1"], ["bob", "bob", "", "0", "1", "1"]]
    long = server.client.get(f"/api/courses/{course['id']}/gradebook.csv?format=long",
                             headers=server.teacher).text
    records = list(csv.DictReader(io.StringIO(long)))
    assert len(records) == 4 and records[0]["late"] == "yes"


def test_regrade_queues_every_attempt_again(server: Server):
    course = server.course()
    ann, bob = server.enrol(course, "ann"), server.enrol(course, "bob")
    server.submit(course, ann, SOLUTION)
    server.submit(course, bob, STARTER)
    server.grade()
    reply = server.client.post(f"/api/courses/{course['id']}/exercises/softmax/regrade",
                               headers=server.teacher)
    assert reply.json() == {"requeued": 2}
    assert server.grade() == 2
    with server.state.sessions() as db:
        rows = db.scalars(select(Submission)).all()
        assert [(r.state, r.gradings) for r in rows] == [("done", 2), ("done", 2)]
        assert [r.status for r in rows] == ["pass", "fail"]
        assert [r.claims for r in rows] == [1, 1]  # counted afresh: the reaper's limit holds


def test_leaderboard_lists_only_pseudonyms(server: Server):
    course = server.course()
    ann, bob, cleo = (server.enrol(course, n) for n in ("ann", "bob", "cleo"))
    server.submit(course, ann, SOLUTION)  # difficulty 1
    server.submit(course, bob, "def double(x):\n    return 2 * x\n", exercise="doubling")  # 3
    server.grade()
    url = f"/api/courses/{course['id']}"
    reply = server.client.put(f"{url}/pseudonym", json={"pseudonym": "ann"}, headers=ann)
    assert reply.status_code == 422  # a pseudonym must not give the name away
    assert server.client.put(f"{url}/pseudonym", json={"pseudonym": "Gradient Gremlin"},
                             headers=ann).status_code == 200
    assert server.client.put(f"{url}/pseudonym", json={"pseudonym": "Gradient Gremlin"},
                             headers=cleo).status_code == 409

    board = server.client.get(f"{url}/leaderboard", headers=bob).json()
    assert board["entries"] == [{"rank": 2, "name": "Gradient Gremlin", "score": 1,
                                 "solved": 1}]
    assert board["me"] == {"rank": 1, "name": None, "score": 3, "solved": 1, "listed": False}
    assert board["learners"] == 3
    assert server.client.get(f"{url}/leaderboard", headers=cleo).json()["me"]["rank"] == 3
    assert "me" not in server.client.get(f"{url}/leaderboard", headers=server.teacher).json()


def test_too_many_waiting_submissions_are_refused(server: Server):
    course = server.course()
    ann = server.enrol(course, "ann")
    for _ in range(server.settings.max_pending_per_learner):
        server.submit(course, ann, SOLUTION)
    reply = server.client.post(f"/api/courses/{course['id']}/submissions", headers=ann,
                               json={"exercise": "softmax", "code": SOLUTION})
    assert reply.status_code == 429
    server.grade()
    server.submit(course, ann, SOLUTION)


def test_a_submission_is_stored_even_when_the_queue_is_down(server: Server, monkeypatch):
    from mlkata.server.reaper import reap
    course = server.course()
    ann = server.enrol(course, "ann")

    def broken(_: int) -> None:
        raise ConnectionError("the queue is down")

    monkeypatch.setattr(server.state.queue, "enqueue", broken)
    submitted = server.submit(course, ann, SOLUTION)
    assert server.grade() == 0
    monkeypatch.undo()
    with server.state.sessions.begin() as db:  # waited a while
        db.execute(update(Submission).values(queued_at=datetime.now(UTC) - timedelta(minutes=1)))
    assert reap(server.state.sessions, server.state.queue, server.settings).requeued == 1
    assert server.grade() == 1
    assert server.get(submitted, ann)["status"] == "pass"


def test_the_verdict_can_be_awaited(server: Server):
    course = server.course()
    ann = server.enrol(course, "ann")
    submitted = server.submit(course, ann, SOLUTION)
    started = time.monotonic()
    shown = server.client.get(f"/api/submissions/{submitted['id']}?wait=0.3", headers=ann).json()
    assert shown["state"] == "queued" and shown["queued_ahead"] == 0
    assert time.monotonic() - started >= 0.3
    grading = threading.Timer(0.3, server.grade)
    grading.start()
    shown = server.client.get(f"/api/submissions/{submitted['id']}?wait=20", headers=ann).json()
    grading.join()
    assert shown["status"] == "pass" and time.monotonic() - started < 15
