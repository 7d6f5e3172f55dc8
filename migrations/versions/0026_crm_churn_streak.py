"""The churn watch list as an index read (issue 19, P3): each account keeps its decline streak.

``crm_accounts`` gains ``last_revenue_month`` (the account's last month with revenue) and
``decline_streak`` (the consecutive declines ending there; equal months break it, a gap inside
the account's range counts as 0), kept by the revenue services in the same transaction as
every revenue write, and the generated columns ``watch_priority`` (tier A 3, B 2, C 1, none 0)
and ``trailing_cents`` (the trailing revenue in cents): the watch list's order as plain integer
columns, which the planner compares inside the index even under row-level security (enum and
numeric comparisons are not leakproof, so there they would be filters after the policy). The
partial index ``ix_crm_accounts_tenant_watch`` holds the accounts declining at least 2 months
(the smallest churn threshold) in that order, so the list is one index range read:
``(tenant_id, last_revenue_month = the tenant's latest month)``, then priority, cents and id.

The columns are filled here, tenant by tenant (row-level security is forced, so each tenant's
rows are visible only with its ``app.tenant_id``), with the same window query as the service's
full recompute (``revenue/services/streaks.py``). The watch-list rows (``crm_churn_risks``)
were kept by the earlier scan and already agree with the streaks.

Revision ID: 0026
Revises: 0025
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The watch list's sort key as generated columns (as the model spells them): tier A first (3,
#: then B 2, C 1, none 0), then the most revenue at stake, in cents.
WATCH_PRIORITY = (
    "CASE tier WHEN 'A'::crm_tier THEN 3 WHEN 'B'::crm_tier THEN 2 WHEN 'C'::crm_tier THEN 1 ELSE 0 END"
)
TRAILING_CENTS = "(trailing_revenue * (100)::numeric)::bigint"

#: Every account's streak of tenant ``t`` (a PL/pgSQL variable) from its revenue rows.
BACKFILL = """
    WITH steps AS (
        SELECT r.account_id, r.month,
               r.amount < lag(r.amount) OVER w
                   AND lag(r.month) OVER w = CAST(r.month - interval '1 month' AS date) AS declined
        FROM crm_monthly_revenue r
        WHERE r.tenant_id = t
        WINDOW w AS (PARTITION BY r.account_id ORDER BY r.month)
    ), ends AS (
        SELECT account_id, max(month) AS last_month,
               max(month) FILTER (WHERE declined IS NOT TRUE) AS last_break
        FROM steps GROUP BY account_id
    )
    UPDATE crm_accounts a
    SET last_revenue_month = e.last_month,
        decline_streak = CAST((extract(year FROM e.last_month) - extract(year FROM e.last_break)) * 12
                              + extract(month FROM e.last_month) - extract(month FROM e.last_break)
                              AS smallint)
    FROM ends e
    WHERE a.tenant_id = t AND a.id = e.account_id
"""

#: Each tenant in turn (its ``app.tenant_id`` set, transaction-local), then the setting cleared.
BACKFILL_EACH_TENANT = """
    DO $$
    DECLARE t uuid;
    BEGIN
        FOR t IN SELECT id FROM tenants LOOP
            PERFORM set_config('app.tenant_id', t::text, true);
            {backfill};
        END LOOP;
        PERFORM set_config('app.tenant_id', '', true);
    END $$
"""


def upgrade() -> None:
    op.add_column("crm_accounts", sa.Column("last_revenue_month", sa.Date(), nullable=True))
    op.add_column(
        "crm_accounts",
        sa.Column("decline_streak", sa.SmallInteger(), server_default=sa.text("0"), nullable=False),
    )
    op.add_column(
        "crm_accounts",
        sa.Column(
            "watch_priority", sa.SmallInteger(), sa.Computed(WATCH_PRIORITY, persisted=True), nullable=True
        ),
    )
    op.add_column(
        "crm_accounts",
        sa.Column(
            "trailing_cents", sa.BigInteger(), sa.Computed(TRAILING_CENTS, persisted=True), nullable=True
        ),
    )
    op.execute(BACKFILL_EACH_TENANT.format(backfill=BACKFILL))
    op.create_index(
        "ix_crm_accounts_tenant_watch",
        "crm_accounts",
        ["tenant_id", "last_revenue_month", "watch_priority", "trailing_cents", "id"],
        postgresql_include=["decline_streak", "trailing_revenue"],
        postgresql_where=sa.text("decline_streak >= 2"),
    )


def downgrade() -> None:
    op.drop_index("ix_crm_accounts_tenant_watch", table_name="crm_accounts")
    op.drop_column("crm_accounts", "trailing_cents")
    op.drop_column("crm_accounts", "watch_priority")
    op.drop_column("crm_accounts", "decline_streak")
    op.drop_column("crm_accounts", "last_revenue_month")
