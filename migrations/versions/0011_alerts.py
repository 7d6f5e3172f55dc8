"""Alerts that lead somewhere: titles and bodies rendered in each reader's language (issue 12).

An alert keeps the text it was raised with (``title``/``body``, in the tenant's language: emails,
SMS, webhooks) and now also the msgids and parameters to render it in the reader's language when
shown. The CRM alerts raised before this revision get theirs from their stored data, so they too
read in the reader's language; other alerts keep showing their stored text.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The msgids as the CRM raises them from this revision on (a migration keeps its own copy).
CHURN_TITLE = "Churn risk: %(account)s's revenue declined %(months)s months in a row"
CHURN_BODY = "Account %(code)s; declining since %(since)s; revenue at stake (12 months) %(at_stake)s"
BREACH_TITLE = "%(number)s %(milestone)s: SLA breached"
BREACH_SUFFIX = ": SLA breached"


def upgrade() -> None:
    op.add_column("alerts", sa.Column("title_msgid", sa.String(length=200), nullable=True))
    op.add_column("alerts", sa.Column("body_msgid", sa.Text(), nullable=True))
    op.add_column(
        "alerts",
        sa.Column(
            "message_params",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
    )
    # Churn alerts: everything the title and body show is in their data.
    op.execute(
        sa.text(
            """
            UPDATE alerts SET
              title_msgid = :title,
              body_msgid = :body,
              message_params = jsonb_build_object(
                'account', data->>'name',
                'months', data->>'months_declining',
                'code', data->>'code',
                'since', data->>'streak_start',
                'at_stake', to_char((data->>'revenue_at_stake')::numeric, 'FM999,999,999,999,990.00'))
            WHERE type = 'crm.churn_risk' AND data ? 'name' AND data ? 'months_declining'
            """
        ).bindparams(title=CHURN_TITLE, body=CHURN_BODY)
    )
    # SLA breaches: "<number> <milestone name>: SLA breached" (the body is the ticket's title).
    op.execute(
        sa.text(
            """
            UPDATE alerts SET
              title_msgid = :title,
              message_params = jsonb_build_object(
                'number', data->>'number',
                'milestone', substr(title, length(data->>'number') + 2,
                                    length(title) - length(data->>'number') - 1 - length(:suffix)))
            WHERE type = 'crm.ticket.sla_breached' AND data ? 'number'
              AND title LIKE (data->>'number') || ' %' AND right(title, length(:suffix)) = :suffix
            """
        ).bindparams(title=BREACH_TITLE, suffix=BREACH_SUFFIX)
    )


def downgrade() -> None:
    op.drop_column("alerts", "message_params")
    op.drop_column("alerts", "body_msgid")
    op.drop_column("alerts", "title_msgid")
