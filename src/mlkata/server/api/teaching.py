"""The teacher's view: gradebook, CSV export, re-grading, the queue."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from .. import courses, gradebook, submissions
from .deps import CourseId, ExerciseId, State, Teacher
from .schemas import CourseExerciseOut, Regraded, refusals

router = APIRouter(prefix="/api", tags=["teaching"])


@router.get("/courses/{course_id}/gradebook", responses=refusals(401, 403, 404, 422))
def course_gradebook(course_id: CourseId, state: State, teacher: Teacher) -> dict[str, Any]:
    """Learner × exercise: status, attempts, first pass, late or not, best share, points."""
    with state.sessions() as db:
        found = courses.taught_course(db, teacher, course_id)
        exercises, rows = gradebook.gradebook(db, found)
        return {"course": found.id, "late_credit": found.late_credit,
                "exercises": [CourseExerciseOut.of(e).model_dump(mode="json")
                              for e in exercises],
                "learners": [r.to_json() for r in rows]}


@router.get("/courses/{course_id}/gradebook.csv", response_class=Response,
            responses={200: {"content": {"text/csv": {}}}, **refusals(401, 403, 404, 422)})
def course_gradebook_csv(course_id: CourseId, state: State, teacher: Teacher,
                         shape: Literal["lms", "long"] = Query(
                             "lms", alias="format",
                             description="lms: one row per learner; long: one per cell")
                         ) -> Response:
    """The gradebook as CSV for an LMS import (columns: docs/server.md)."""
    with state.sessions() as db:
        found = courses.taught_course(db, teacher, course_id)
        text = gradebook.to_csv(*gradebook.gradebook(db, found), shape=shape)
    filename = f"mlkata-course-{found.id}-{shape}.csv"
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.post("/courses/{course_id}/exercises/{exercise_id}/regrade",
             responses=refusals(401, 403, 404, 422))
def regrade(course_id: CourseId, exercise_id: ExerciseId, state: State, teacher: Teacher
            ) -> Regraded:
    """Grade every submission of the exercise again (after fixing the exercise folder)."""
    return Regraded(requeued=submissions.regrade(state.sessions, state.queue, teacher,
                                                 course_id, exercise_id))


@router.get("/queue", responses=refusals(401, 403))
def queue(state: State, _: Teacher) -> dict[str, Any]:
    """Submissions by state, and the tasks waiting in the queue."""
    with state.sessions() as db:
        counts = submissions.counts_by_state(db)
    return {"submissions": counts, "queue_pending": state.queue.pending()}
