"""Submitting code and reading verdicts (a learner their own, a teacher their courses')."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from .. import courses, submissions
from ..models import DONE, User
from ..state import ServerState
from .deps import MAX_ID, CourseId, CurrentUser, State, SubmissionId
from .schemas import EXERCISE_ID, SubmissionIn, SubmissionOut, refusals

router = APIRouter(prefix="/api", tags=["submissions"])


@router.post("/courses/{course_id}/submissions", status_code=202,
             responses=refusals(400, 401, 403, 404, 413, 422, 429))
def submit(course_id: CourseId, body: SubmissionIn, state: State, user: CurrentUser
           ) -> SubmissionOut:
    """Submit a file for grading. Poll ``GET /api/submissions/{id}?wait=…`` for the verdict."""
    received = submissions.submit(state.sessions, state.queue, state.settings, user, course_id,
                                  body.exercise, body.code)
    return SubmissionOut(**received.to_json())


def _shown(state: ServerState, user: User, submission_id: int) -> dict[str, Any]:
    with state.sessions() as db:
        found = submissions.visible_submission(db, user, submission_id)
        owner = db.get(User, found.user_id)
        return submissions.to_json(found, submissions.deadline_of(db, found), with_code=True,
                                   ahead=submissions.queued_ahead(db, found),
                                   username=owner.username if owner else None)


@router.get("/submissions/{submission_id}", responses=refusals(401, 404, 422))
async def submission(submission_id: SubmissionId, state: State, user: CurrentUser,
                     wait: float = Query(0.0, ge=0, description="seconds to wait for the "
                                         "verdict (long-poll; at most 30)")) -> SubmissionOut:
    """One submission with its code and feedback; ``wait`` holds the answer until graded."""
    until = time.monotonic() + min(wait, state.settings.max_wait_s)
    pause = 0.05
    while True:
        shown = await run_in_threadpool(_shown, state, user, submission_id)
        if shown["state"] == DONE or time.monotonic() >= until:
            return SubmissionOut(**shown)
        await asyncio.sleep(min(pause, max(until - time.monotonic(), 0)))
        pause = min(pause * 1.5, 1.0)


@router.get("/courses/{course_id}/submissions", responses=refusals(401, 404, 422))
def course_submissions(course_id: CourseId, state: State, user: CurrentUser,
                       exercise: str | None = Query(None, max_length=EXERCISE_ID),
                       learner: int | None = Query(None, ge=1, le=MAX_ID,
                                                   description="teachers: a learner's id"),
                       limit: int = Query(100, ge=1, le=1000)) -> list[SubmissionOut]:
    """Newest first: yours, or (teachers) everyone's; without the code."""
    with state.sessions() as db:
        found = courses.visible_course(db, user, course_id)
        rows = submissions.listing(db, user, found, exercise, learner, limit)
        deadlines = {e.exercise_id: e.deadline for e in courses.exercises_of(db, found)}
        names = {u.id: u.username for u, _ in courses.learners_of(db, found)}
        return [SubmissionOut(**submissions.to_json(s, deadlines.get(s.exercise_id),
                                                    username=names.get(s.user_id)))
                for s in rows]
