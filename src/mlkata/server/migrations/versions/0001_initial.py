"""Users, tokens, courses, enrollments, submissions.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from mlkata.server.db import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(40), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_tokens_user_id", "tokens", ["user_id"])
    op.create_table(
        "courses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("teacher_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("invite_code", sa.String(32), nullable=False, unique=True),
        sa.Column("hidden_seed", sa.BigInteger(), nullable=False),
        sa.Column("late_credit", sa.Float(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_courses_teacher_id", "courses", ["teacher_id"])
    op.create_table(
        "course_exercises",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("course_id", sa.Integer(), sa.ForeignKey("courses.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("exercise_id", sa.String(100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("difficulty", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("deadline", UTCDateTime(), nullable=True),
        sa.UniqueConstraint("course_id", "exercise_id"),
    )
    op.create_table(
        "enrollments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("course_id", sa.Integer(), sa.ForeignKey("courses.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("joined_at", UTCDateTime(), nullable=False),
        sa.Column("pseudonym", sa.String(40), nullable=True),
        sa.UniqueConstraint("course_id", "user_id"),
        sa.UniqueConstraint("course_id", "pseudonym"),
    )
    op.create_index("ix_enrollments_user_id", "enrollments", ["user_id"])
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("course_id", sa.Integer(), sa.ForeignKey("courses.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("exercise_id", sa.String(100), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("code_sha256", sa.String(64), nullable=False),
        sa.Column("submitted_at", UTCDateTime(), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("queued_at", UTCDateTime(), nullable=False),
        sa.Column("lease_token", sa.String(32), nullable=True),
        sa.Column("lease_expires_at", UTCDateTime(), nullable=True),
        sa.Column("claimed_by", sa.String(100), nullable=True),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("gradings", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(10), nullable=True),
        sa.Column("stage", sa.String(10), nullable=True),
        sa.Column("checks_passed", sa.Integer(), nullable=True),
        sa.Column("checks_total", sa.Integer(), nullable=True),
        sa.Column("feedback", sa.JSON(), nullable=True),
        sa.Column("graded_at", UTCDateTime(), nullable=True),
        sa.Column("grading_ms", sa.Float(), nullable=True),
        sa.UniqueConstraint("course_id", "user_id", "exercise_id", "attempt"),
    )
    op.create_index("submissions_by_state", "submissions", ["state", "queued_at"])
    op.create_index("submissions_by_course_exercise", "submissions",
                    ["course_id", "exercise_id"])
    op.create_index("submissions_by_learner", "submissions", ["course_id", "user_id"])


def downgrade() -> None:
    for table in ("submissions", "enrollments", "course_exercises", "courses", "tokens",
                  "users"):
        op.drop_table(table)
