"""Contracts: change orders (变更/洽商) with their approval state and the amount and end date
before and after (the contract's version history).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "contracts_change_orders"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("proposer", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("cost_impact", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("schedule_impact_days", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "status",
            sa.Enum("in_approval", "approved", "rejected", name="contracts_change_status"),
            server_default="in_approval",
            nullable=False,
        ),
        sa.Column("amount_before", sa.Numeric(precision=18, scale=2), nullable=True),
        sa.Column("amount_after", sa.Numeric(precision=18, scale=2), nullable=True),
        sa.Column("ends_on_before", sa.Date(), nullable=True),
        sa.Column("ends_on_after", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "contract_id"],
            ["contracts_contracts.tenant_id", "contracts_contracts.id"],
            name=op.f("fk_contracts_change_orders_tenant_id_contract_id_contracts_contracts"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_change_orders_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_change_orders")),
        sa.UniqueConstraint("tenant_id", "contract_id", "seq", name="uq_contracts_change_orders_seq"),
    )
    for statement in tenant_table_ddl(TABLE):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table(TABLE)
    op.execute("DROP TYPE IF EXISTS contracts_change_status")
