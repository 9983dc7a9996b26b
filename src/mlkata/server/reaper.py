"""The reaper: nothing stays stuck in "running", nothing queued is lost.

Every few seconds it

- puts back on the queue each submission whose lease expired (its worker died or hangs), or
  gives it up with an error verdict after too many claims (an input that kills graders);
- re-queues each submission that has waited too long, at once when the queue looks empty
  (its task was lost: a restart of an in-memory queue, a flushed Redis, a crash between
  storing and queueing), else after ``requeue_after_s``.

It only ever changes a row with a conditional UPDATE, so several reapers (one per web server)
and the workers never step on each other; a duplicate task finds the row claimed or done.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session, sessionmaker

from .db import utcnow
from .models import DONE, QUEUED, RUNNING, Submission
from .queue import GradingQueue
from .settings import Settings

log = logging.getLogger("mlkata.server.reaper")


@dataclass
class Reaped:
    expired: int = 0
    requeued: int = 0
    given_up: int = 0


def reap(sessions: sessionmaker[Session], queue: GradingQueue, settings: Settings) -> Reaped:
    now = utcnow()
    done = Reaped()
    to_queue: list[int] = []
    with sessions.begin() as db:
        expired = list(db.execute(select(Submission.id, Submission.claims,
                                         Submission.exercise_id).where(
            Submission.state == RUNNING, Submission.lease_expires_at < now)))
        for submission_id, claims, exercise_id in expired:
            still_expired = and_(Submission.id == submission_id, Submission.state == RUNNING,
                                 Submission.lease_expires_at < now)
            if claims >= settings.max_claims:
                changed = db.execute(update(Submission).where(still_expired).values(
                    state=DONE, status="error", stage="public", lease_token=None,
                    lease_expires_at=None, graded_at=now, gradings=Submission.gradings + 1,
                    feedback=_given_up(exercise_id, claims))
                    .execution_options(synchronize_session=False))
                done.given_up += changed.rowcount  # type: ignore[attr-defined]
                continue
            changed = db.execute(update(Submission).where(still_expired).values(
                state=QUEUED, lease_token=None, lease_expires_at=None, queued_at=now)
                .execution_options(synchronize_session=False))
            if changed.rowcount == 1:  # type: ignore[attr-defined]
                done.expired += 1
                to_queue.append(submission_id)
    patience = settings.requeue_idle_s if _queue_empty(queue) else settings.requeue_after_s
    cutoff = now - timedelta(seconds=patience)
    with sessions.begin() as db:
        waiting = list(db.scalars(select(Submission.id).where(
            Submission.state == QUEUED, Submission.queued_at < cutoff)
            .order_by(Submission.id)))
        for submission_id in waiting:
            changed = db.execute(update(Submission).where(
                Submission.id == submission_id, Submission.state == QUEUED,
                Submission.queued_at < cutoff).values(queued_at=now)
                .execution_options(synchronize_session=False))
            if changed.rowcount == 1:  # type: ignore[attr-defined]
                done.requeued += 1
                to_queue.append(submission_id)
    for submission_id in to_queue:
        queue.enqueue(submission_id)
    if done.expired or done.requeued or done.given_up:
        log.warning("reaper: %d expired leases re-queued, %d waiting submissions re-queued, "
                    "%d given up", done.expired, done.requeued, done.given_up)
    return done


def _queue_empty(queue: GradingQueue) -> bool:
    try:
        return queue.pending() == 0
    except Exception:
        log.exception("cannot read the queue length")
        return False


def _given_up(exercise_id: str, claims: int) -> dict[str, object]:
    return {"version": 1, "exercise": exercise_id, "status": "error", "stage": "public",
            "tests": [], "duration_s": 0.0,
            "message": (f"Not graded: grading was interrupted {claims} times (a worker died "
                        "each time). This is not about your code's correctness; your teacher "
                        "can re-grade it.")}


class Reaper(threading.Thread):
    """Runs :func:`reap` every ``settings.reap_every_s`` until stopped."""

    def __init__(self, sessions: sessionmaker[Session], queue: GradingQueue,
                 settings: Settings) -> None:
        super().__init__(name="mlkata-reaper", daemon=True)
        self.sessions, self.queue, self.settings = sessions, queue, settings
        self._stop_event = threading.Event()

    def run(self) -> None:
        while True:
            try:
                reap(self.sessions, self.queue, self.settings)
            except Exception:  # the database or the queue is away: try again next round
                log.exception("reaper round failed")
            if self._stop_event.wait(self.settings.reap_every_s):
                return

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=10)
