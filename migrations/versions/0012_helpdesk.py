"""Helpdesk parity: ticket reassignment and priority history (issue 12).

A ticket's history now records who reassigned it or changed its priority (and the SLA policy that
priority re-matched), with the old and the new value: two new event kinds and two columns on
``crm_ticket_events``. The table keeps its tenant key, row-level security and grants.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_KINDS = ("reassigned", "priority_changed", "policy_changed")


def upgrade() -> None:
    # ADD VALUE may run inside the migration's transaction (PostgreSQL 12+): the values are not
    # used before it commits.
    for kind in NEW_KINDS:
        op.execute(sa.text(f"ALTER TYPE crm_ticket_event_kind ADD VALUE IF NOT EXISTS '{kind}'"))
    op.add_column("crm_ticket_events", sa.Column("from_value", sa.String(length=200), nullable=True))
    op.add_column("crm_ticket_events", sa.Column("to_value", sa.String(length=200), nullable=True))


def downgrade() -> None:
    op.drop_column("crm_ticket_events", "to_value")
    op.drop_column("crm_ticket_events", "from_value")
    # PostgreSQL cannot drop an enum value: rebuild the type without the new kinds.
    op.execute(
        sa.text(
            "DELETE FROM crm_ticket_events WHERE kind IN ('reassigned', 'priority_changed', 'policy_changed')"
        )
    )
    op.execute(sa.text("ALTER TYPE crm_ticket_event_kind RENAME TO crm_ticket_event_kind_old"))
    op.execute(
        sa.text(
            "CREATE TYPE crm_ticket_event_kind AS ENUM "
            "('created', 'status_changed', 'milestone_met', 'sla_breached', 'closed')"
        )
    )
    op.execute(
        sa.text(
            "ALTER TABLE crm_ticket_events ALTER COLUMN kind TYPE crm_ticket_event_kind "
            "USING kind::text::crm_ticket_event_kind"
        )
    )
    op.execute(sa.text("DROP TYPE crm_ticket_event_kind_old"))
