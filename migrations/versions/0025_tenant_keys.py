"""Tenant keys Citus can keep: no ON DELETE SET NULL on a foreign key holding tenant_id.

``tests/isolation/test_tenant_keys_catalogue.py`` found two composite foreign keys declared
``ON DELETE SET NULL (x_id)``. PostgreSQL clears only ``x_id``, but Citus refuses SET NULL and
SET DEFAULT delete actions on any foreign key that holds the distribution column, column list or
not. Both become plain (NO ACTION) keys; the ORM clears the reference before it deletes the
parent (``before_delete`` events in ``core/jobs/models.py`` and ``core/alerts/models.py``), so
a deleted schedule's jobs and a deleted alert's messages stay, as before.

Revision ID: 0025
Revises: 0024
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, column, parent table) of each foreign key changed here.
KEYS = (
    ("background_jobs", "schedule_id", "job_schedules"),
    ("outbox_messages", "alert_id", "alerts"),
)


def _recreate(table: str, column: str, parent: str, ondelete: str | None) -> None:
    name = op.f(f"fk_{table}_tenant_id_{column}_{parent}")
    op.drop_constraint(name, table, type_="foreignkey")
    op.create_foreign_key(name, table, parent, ["tenant_id", column], ["tenant_id", "id"], ondelete=ondelete)


def upgrade() -> None:
    for table, column, parent in KEYS:
        _recreate(table, column, parent, None)


def downgrade() -> None:
    for table, column, parent in KEYS:
        _recreate(table, column, parent, f"SET NULL ({column})")
