"""Alembic environment: migrations run programmatically (see mlkata.server.db.migrate) on a
connection the caller opened and locked."""

from __future__ import annotations

from alembic import context

from mlkata.server.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with mlkata.server.db.migrate(engine)")
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
