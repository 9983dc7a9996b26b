"""Claims, leases and the reaper, straight on the database (SQLite, and PostgreSQL)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from mlkata.server import leases
from mlkata.server.db import make_engine, migrate
from mlkata.server.grading import Graded
from mlkata.server.models import Base, Submission
from mlkata.server.reaper import reap

from .conftest import SOLUTION, Server


def graded() -> Graded:
    return Graded("pass", "hidden", {"tests": []}, 1, 1, 1.0)


def row(sessions: sessionmaker[Session], submission_id: int) -> Submission:
    with sessions() as db:
        found = db.get(Submission, submission_id)
        assert found is not None
        return found


def queued_submission(server: Server) -> int:
    course = server.course()
    ann = server.enrol(course, "ann")
    submitted = server.submit(course, ann, SOLUTION)
    server.state.queue.flush()  # these tests play the worker themselves
    return int(submitted["id"])


def test_the_schema_is_what_the_models_say(server: Server):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    engine = make_engine(server.settings.db_url)
    migrate(engine)  # a second time: nothing to do
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()


def test_one_claim_at_a_time_and_only_it_writes(server: Server):
    sessions = server.state.sessions
    submission_id = queued_submission(server)
    first = leases.claim(sessions, submission_id, 60, "a")
    assert first is not None
    assert leases.claim(sessions, submission_id, 60, "b") is None
    assert leases.finish(sessions, leases.Claim(submission_id, "forged"), graded()) is False
    assert leases.finish(sessions, first, graded()) is True
    assert leases.finish(sessions, first, graded()) is False  # idempotent: once only
    assert leases.claim(sessions, submission_id, 60, "b") is None  # done is done
    done = row(sessions, submission_id)
    assert (done.state, done.status, done.gradings, done.claims) == ("done", "pass", 1, 1)


def test_an_expired_claim_is_taken_over_and_the_late_verdict_discarded(server: Server):
    sessions = server.state.sessions
    submission_id = queued_submission(server)
    slow = leases.claim(sessions, submission_id, 0.2, "slow")
    assert slow is not None and leases.claim(sessions, submission_id, 60, "b") is None
    time.sleep(0.3)
    takeover = leases.claim(sessions, submission_id, 60, "b")
    assert takeover is not None
    assert leases.renew(sessions, slow, 60) is False
    assert leases.finish(sessions, slow, graded()) is False
    assert leases.finish(sessions, takeover, graded()) is True
    assert (row(sessions, submission_id).gradings, row(sessions, submission_id).claims) == (1, 2)


def test_renewing_keeps_a_claim_alive(server: Server):
    sessions = server.state.sessions
    submission_id = queued_submission(server)
    held = leases.claim(sessions, submission_id, 0.3, "a")
    assert held is not None
    for _ in range(3):
        time.sleep(0.15)
        assert leases.renew(sessions, held, 0.3)
    assert leases.claim(sessions, submission_id, 60, "b") is None


def test_the_reaper_requeues_expired_leases(server: Server):
    sessions, queue = server.state.sessions, server.state.queue
    submission_id = queued_submission(server)
    assert leases.claim(sessions, submission_id, 0.1, "dead") is not None
    time.sleep(0.2)
    assert queue.pending() == 0
    done = reap(sessions, queue, server.settings)
    assert (done.expired, done.requeued) == (1, 0)
    assert row(sessions, submission_id).state == "queued" and queue.pending() == 1
    assert server.grade() == 1
    assert row(sessions, submission_id).status == "pass"


def test_the_reaper_gives_up_after_too_many_claims(server: Server):
    sessions, queue = server.state.sessions, server.state.queue
    submission_id = queued_submission(server)
    for _ in range(server.settings.max_claims):
        assert leases.claim(sessions, submission_id, 0.01, "dies") is not None
        time.sleep(0.02)
    assert reap(sessions, queue, server.settings).given_up == 1
    given_up = row(sessions, submission_id)
    assert (given_up.state, given_up.status) == ("done", "error")
    assert "interrupted" in given_up.feedback["message"]


def test_the_reaper_requeues_lost_tasks_only_after_a_while(server: Server):
    sessions, queue = server.state.sessions, server.state.queue
    submission_id = queued_submission(server)
    assert reap(sessions, queue, server.settings).requeued == 0  # just queued: patience
    with sessions.begin() as db:
        db.execute(update(Submission).values(
            queued_at=datetime.now(UTC) - timedelta(seconds=server.settings.requeue_idle_s + 1)))
    queue.enqueue(submission_id)  # the queue is not empty: it may still be on its way
    assert reap(sessions, queue, server.settings).requeued == 0
    queue.flush()
    assert reap(sessions, queue, server.settings).requeued == 1
    assert reap(sessions, queue, server.settings).requeued == 0  # queued_at moved on
    assert server.grade() == 1
    with sessions() as db:
        assert db.scalar(select(Submission.status)) == "pass"


def test_release_hands_a_claim_back(server: Server):
    sessions = server.state.sessions
    submission_id = queued_submission(server)
    held = leases.claim(sessions, submission_id, 60, "stopping")
    assert held is not None and leases.release(sessions, held)
    assert row(sessions, submission_id).state == "queued"
    assert leases.claim(sessions, submission_id, 60, "next") is not None
