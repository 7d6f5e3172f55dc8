"""The tenant-set horizon for revenue months (issue 10): how many months after the current one
revenue may be recorded for (0..12, default 0).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "crm_settings",
        sa.Column("revenue_future_months", sa.SmallInteger(), server_default=sa.text("0"), nullable=False),
    )
    op.create_check_constraint(
        op.f("ck_crm_settings_revenue_future_months_range"),
        "crm_settings",
        "revenue_future_months BETWEEN 0 AND 12",
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_crm_settings_revenue_future_months_range"), "crm_settings", type_="check")
    op.drop_column("crm_settings", "revenue_future_months")
