"""Sandbox tenants and their test clocks (issue 11).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "tenants", sa.Column("sandbox", sa.Boolean(), server_default=sa.text("false"), nullable=False)
    )
    op.add_column(
        "tenants",
        sa.Column("clock_offset", sa.Interval(), server_default=sa.text("interval '0'"), nullable=False),
    )
    op.create_check_constraint(
        op.f("ck_tenants_clock_only_in_sandbox"), "tenants", "sandbox OR clock_offset = interval '0'"
    )
    op.create_check_constraint(op.f("ck_tenants_clock_not_behind"), "tenants", "clock_offset >= interval '0'")


def downgrade() -> None:
    op.drop_constraint(op.f("ck_tenants_clock_not_behind"), "tenants", type_="check")
    op.drop_constraint(op.f("ck_tenants_clock_only_in_sandbox"), "tenants", type_="check")
    op.drop_column("tenants", "clock_offset")
    op.drop_column("tenants", "sandbox")
