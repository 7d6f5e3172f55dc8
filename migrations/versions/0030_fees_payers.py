"""Fee billing round: payers, the statement number pattern and its gap-free counters.

``fees_payers`` records, per subsidiary (``(tenant_id, org_unit_id)`` unique, a composite
reference to ``org_units``), how it pays when it differs from the default wholly-owned payer:
not a payer (with the reason), or not wholly owned (billed only when included).
``fees_settings`` holds the tenant's statement number pattern (one row per tenant);
``fees_number_counters`` the last ``{seq}`` of each fee year and the sequences deleted drafts gave
back. ``fees_statements`` gains ``seq`` (its sequence when the pattern has ``{seq}``).

Revision ID: 0030
Revises: 0029
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0030"
down_revision: str | None = "0029"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ("fees_payers", "fees_settings", "fees_number_counters")


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "fees_payers",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("payer", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("excluded_reason", sa.String(length=500), nullable=True),
        sa.Column("wholly_owned", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("included", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        *_stamps(),
        sa.CheckConstraint(
            "payer OR excluded_reason IS NOT NULL", name=op.f("ck_fees_payers_excluded_reason")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_fees_payers_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_fees_payers_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_payers")),
        sa.UniqueConstraint("tenant_id", "org_unit_id", name="uq_fees_payers_org_unit"),
    )
    op.create_table(
        "fees_settings",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "statement_number_pattern",
            sa.String(length=100),
            server_default="FS-{year}Q{quarter}-{subsidiary}",
            nullable=False,
        ),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_settings_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_settings")),
        sa.UniqueConstraint("tenant_id", name="uq_fees_settings_tenant"),
    )
    op.create_table(
        "fees_number_counters",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("freed", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_number_counters_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_number_counters")),
        sa.UniqueConstraint("tenant_id", "year", name="uq_fees_number_counters_year"),
    )
    op.add_column("fees_statements", sa.Column("seq", sa.Integer(), nullable=True))
    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    op.drop_column("fees_statements", "seq")
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
