"""Claims on submissions: at most one worker holds a submission, and only it writes the verdict.

A worker claims with a conditional UPDATE (the row is queued, or running with an expired lease)
that sets a fresh token; it renews the lease while grading and writes the verdict with a second
conditional UPDATE that requires the token still be its own. A worker that dies stops renewing;
the reaper then puts the row back on the queue, and a late verdict from a worker presumed dead
matches no row. Grading is therefore idempotent per submission whatever the queue delivers.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, or_, update
from sqlalchemy.orm import Session, sessionmaker

from .db import utcnow
from .grading import Graded
from .models import DONE, QUEUED, RUNNING, Submission


@dataclass(frozen=True)
class Claim:
    submission_id: int
    token: str
    #: what to grade, read in the claiming statement itself
    course_id: int = 0
    exercise_id: str = ""
    code: str = ""


def claim(sessions: sessionmaker[Session], submission_id: int, lease_s: float,
          worker: str) -> Claim | None:
    now = utcnow()
    token = secrets.token_hex(16)
    claimable = or_(Submission.state == QUEUED,
                    and_(Submission.state == RUNNING, Submission.lease_expires_at < now))
    with sessions.begin() as db:
        result = db.execute(
            update(Submission)
            .where(Submission.id == submission_id, claimable)
            .values(state=RUNNING, lease_token=token,
                    lease_expires_at=now + timedelta(seconds=lease_s), claimed_by=worker,
                    claims=Submission.claims + 1)
            .returning(Submission.course_id, Submission.exercise_id, Submission.code)
            .execution_options(synchronize_session=False)).first()
    if result is None:
        return None
    course_id, exercise_id, code = result
    return Claim(submission_id, token, course_id, exercise_id, code)


def _held(held: Claim) -> object:
    return and_(Submission.id == held.submission_id, Submission.state == RUNNING,
                Submission.lease_token == held.token)


def renew(sessions: sessionmaker[Session], held: Claim, lease_s: float) -> bool:
    with sessions.begin() as db:
        result = db.execute(
            update(Submission).where(_held(held))  # type: ignore[arg-type]
            .values(lease_expires_at=utcnow() + timedelta(seconds=lease_s))
            .execution_options(synchronize_session=False))
    return result.rowcount == 1  # type: ignore[attr-defined]


def finish(sessions: sessionmaker[Session], held: Claim, graded: Graded) -> bool:
    """Write the verdict if the claim is still ours; False means someone else owns it now."""
    with sessions.begin() as db:
        result = db.execute(
            update(Submission).where(_held(held))  # type: ignore[arg-type]
            .values(state=DONE, lease_token=None, lease_expires_at=None,
                    status=graded.status, stage=graded.stage, feedback=graded.feedback,
                    checks_passed=graded.checks_passed, checks_total=graded.checks_total,
                    graded_at=utcnow(), grading_ms=graded.duration_ms,
                    gradings=Submission.gradings + 1)
            .execution_options(synchronize_session=False))
    return result.rowcount == 1  # type: ignore[attr-defined]


def release(sessions: sessionmaker[Session], held: Claim) -> bool:
    """Give a claim back without a verdict (the worker is stopping): queued again at once."""
    with sessions.begin() as db:
        result = db.execute(
            update(Submission).where(_held(held))  # type: ignore[arg-type]
            .values(state=QUEUED, lease_token=None, lease_expires_at=None, queued_at=utcnow())
            .execution_options(synchronize_session=False))
    return result.rowcount == 1  # type: ignore[attr-defined]
