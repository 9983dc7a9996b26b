"""An exercise of a course (theory, hints, starter, upload), its attempts, and one attempt with
its code and feedback. A learner sees only their own attempts; the teacher sees everyone's."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy.orm import Session

from .. import courses, submissions
from ..api.deps import MAX_ID, CourseId, ExerciseId, State, SubmissionId
from ..errors import Forbidden, Invalid, NotFound, TooMany
from ..models import Course, CourseExercise, Submission, User
from .code import python_listing
from .markdown import render_inline, render_markdown, without_title
from .progress import is_late, progress_of
from .rendering import FormUser, PageRoute, PageUser, redirect, render
from .verdicts import traceback_lines, verdict_view

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def learner_names(db: Session, course: Course) -> dict[int, str]:
    return {user.id: user.username for user, _ in courses.learners_of(db, course)}


@router.get("/courses/{course_id}/exercises/{exercise_id}")
def exercise_page(course_id: CourseId, exercise_id: ExerciseId, request: Request,
                  state: State, user: PageUser) -> Response:
    with state.sessions() as db:
        course = courses.visible_course(db, user, course_id)
        row = courses.course_exercise(db, course, exercise_id)
        teaching = course.teacher_id == user.id
        attempts = submissions.listing(db, user, course, exercise_id, limit=200)
        names = learner_names(db, course) if teaching else {}
        progress = None if teaching else progress_of(db, course, user, [row])[exercise_id]
    exercise = state.library.find(exercise_id)
    if exercise is None:
        raise NotFound(f"this server no longer has the exercise {exercise_id!r}")
    draft = attempts[0].code if attempts and not teaching else exercise.starter
    return render(request, "exercise.html", {
        "user": user, "course": course, "row": row, "exercise": exercise,
        "teaching": teaching, "attempts": attempts, "names": names, "progress": progress,
        "late": {s.id: is_late(s.submitted_at, row.deadline) for s in attempts},
        "theory": render_markdown(without_title(exercise.theory)),
        "hints": [render_inline(hint) for hint in exercise.hints],
        "starter": python_listing(exercise.starter), "draft": draft})


def _uploaded_code(file: UploadFile | None, pasted: str) -> str:
    if file is not None and file.filename:
        raw = file.file.read()
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Invalid(f"{file.filename} is not a UTF-8 text file") from None
    return pasted.replace("\r\n", "\n")


@router.post("/courses/{course_id}/exercises/{exercise_id}/submissions")
def submit(course_id: CourseId, exercise_id: ExerciseId, state: State, user: FormUser,
           code: Annotated[str, Form()] = "",
           file: Annotated[UploadFile | None, File()] = None) -> Response:
    back = f"/courses/{course_id}/exercises/{exercise_id}"
    try:
        source = _uploaded_code(file, code)
        if not source.strip():
            raise Invalid("the file is empty: choose a file or paste your code")
        received = submissions.submit(state.sessions, state.queue, state.settings, user,
                                      course_id, exercise_id, source)
    except (Invalid, Forbidden, TooMany) as exc:  # a course not found is an error page
        return redirect(f"{back}#submit", f"Not sent: {exc}.")
    return redirect(f"/submissions/{received.id}",
                    f"Attempt {received.attempt} sent for grading.")


@router.get("/submissions/{submission_id}")
def submission_page(submission_id: SubmissionId, request: Request, state: State,
                    user: PageUser) -> Response:
    with state.sessions() as db:
        found = submissions.visible_submission(db, user, submission_id)
        course = courses.visible_course(db, user, found.course_id)
        row = courses.find_course_exercise(db, course, found.exercise_id)
        owner = db.get(User, found.user_id)
        ahead = submissions.queued_ahead(db, found)
    removed = row is None
    if row is None:  # taken out of the course since: the attempt is still its learner's
        known = state.library.find(found.exercise_id)
        row = CourseExercise(exercise_id=found.exercise_id, deadline=None,
                             title=known.title if known else found.exercise_id)
    view = verdict_view(found, is_late(found.submitted_at, row.deadline))
    return render(request, "submission.html", {
        "user": user, "course": course, "row": row, "removed": removed, "submission": found,
        "verdict": view,
        "owner": owner, "teaching": course.teacher_id == user.id, "ahead": ahead,
        "listing": python_listing(found.code, traceback_lines(view))})


@router.get("/courses/{course_id}/submissions")
def submissions_page(course_id: CourseId, request: Request, state: State, user: PageUser,
                     exercise: str | None = None,
                     learner: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None) -> Response:
    with state.sessions() as db:
        course = courses.visible_course(db, user, course_id)
        teaching = course.teacher_id == user.id
        rows: list[Submission] = submissions.listing(
            db, user, course, exercise or None, learner if teaching else None, limit=500)
        exercises = courses.exercises_of(db, course)
        names = learner_names(db, course) if teaching else {user.id: user.username}
    deadlines = {e.exercise_id: e.deadline for e in exercises}
    late = {s.id: is_late(s.submitted_at, deadlines.get(s.exercise_id)) for s in rows}
    titles = {e.exercise_id: e.title for e in exercises}
    context: dict[str, Any] = {
        "user": user, "course": course, "teaching": teaching, "rows": rows, "late": late,
        "names": names, "titles": titles, "exercises": exercises,
        "chosen_exercise": exercise or "", "chosen_learner": learner if teaching else None}
    return render(request, "submissions.html", context)
