"""One kernel numbering service: gap-free counters shared by every module (``core/numbering``).

``numbering_counters`` (tenant data, row-level security) holds one counter per tenant, series
and period: the last sequence taken and the sequences given back. The contracts' and the fee
billing's own counters move in (``contracts.contract`` and ``fees.statement``, the year as the
period, their current values kept) and their tables are dropped; the downgrade restores them
with the values the kernel counters have then.

The rows are copied tenant by tenant: row-level security is forced, so each tenant's rows are
visible only with its ``app.tenant_id`` (as in ``0026``).

Revision ID: 0034
Revises: 0033
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0034"
down_revision: str | None = "0033"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Run ``{copy}`` (statements using the PL/pgSQL variable ``t``) once per tenant with its
#: ``app.tenant_id`` set (transaction-local), then clear the setting.
EACH_TENANT = """
    DO $$
    DECLARE t uuid;
    BEGIN
        FOR t IN SELECT id FROM tenants LOOP
            PERFORM set_config('app.tenant_id', t::text, true);
            {copy}
        END LOOP;
        PERFORM set_config('app.tenant_id', '', true);
    END $$
"""

#: The old counters as the kernel's: ``contracts.contract`` and ``fees.statement``, the year as the period.
UP = """
    INSERT INTO numbering_counters (tenant_id, id, series, period, last_seq, freed)
    SELECT tenant_id, id, 'contracts.contract', year::text, last_seq, '[]'::jsonb
    FROM contracts_number_counters WHERE tenant_id = t;
    INSERT INTO numbering_counters (tenant_id, id, series, period, last_seq, freed)
    SELECT tenant_id, id, 'fees.statement', year::text, last_seq, freed
    FROM fees_number_counters WHERE tenant_id = t;
"""

#: Back to the old tables: their two series (whose periods are years); no other series exists yet.
DOWN = """
    INSERT INTO contracts_number_counters (tenant_id, id, year, last_seq)
    SELECT tenant_id, id, period::integer, last_seq
    FROM numbering_counters WHERE tenant_id = t AND series = 'contracts.contract';
    INSERT INTO fees_number_counters (tenant_id, id, year, last_seq, freed)
    SELECT tenant_id, id, period::integer, last_seq, freed
    FROM numbering_counters WHERE tenant_id = t AND series = 'fees.statement';
"""


def upgrade() -> None:
    op.create_table(
        "numbering_counters",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("series", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=32), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("freed", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_numbering_counters_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_numbering_counters")),
        sa.UniqueConstraint("tenant_id", "series", "period", name="uq_numbering_counters_series_period"),
    )
    for statement in tenant_table_ddl("numbering_counters"):
        op.execute(statement)
    op.execute(EACH_TENANT.format(copy=UP))
    op.drop_table("fees_number_counters")
    op.drop_table("contracts_number_counters")


def downgrade() -> None:
    op.create_table(
        "contracts_number_counters",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_number_counters_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_number_counters")),
        sa.UniqueConstraint("tenant_id", "year", name="uq_contracts_number_counters_year"),
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
    for table in ("contracts_number_counters", "fees_number_counters"):
        for statement in tenant_table_ddl(table):
            op.execute(statement)
    op.execute(EACH_TENANT.format(copy=DOWN))
    op.drop_table("numbering_counters")
