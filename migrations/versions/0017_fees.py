"""Fees (管理费收取): schedules and components, customs records, profit figures, other income,
reconciliations, statements with their lines, payments; issued statements and their lines are
immutable (a trigger refuses changing or deleting them, for the app role and everyone else).

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = (
    "fees_schedules",
    "fees_components",
    "fees_customs_records",
    "fees_income_entries",
    "fees_profit_figures",
    "fees_reconciliations",
    "fees_statements",
    "fees_payments",
    "fees_statement_lines",
)
ENUMS = (
    "fees_component_kind",
    "fees_customs_direction",
    "fees_income_kind",
    "fees_line_kind",
    "fees_reconciliation_status",
    "fees_statement_status",
)

#: Issued statements and their lines never change: corrections are adjustment lines on a later one.
IMMUTABLE_DDL = (
    "CREATE FUNCTION fees_statement_issued_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF OLD.status = 'issued' THEN "
    "RAISE EXCEPTION 'fee statement % is issued and cannot be changed', OLD.number "
    "USING ERRCODE = 'check_violation'; END IF; "
    "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER fees_statements_issued_immutable BEFORE UPDATE OR DELETE ON fees_statements "
    "FOR EACH ROW EXECUTE FUNCTION fees_statement_issued_immutable()",
    "CREATE FUNCTION fees_statement_line_issued_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE parent_status text; "
    "BEGIN "
    "SELECT s.status::text INTO parent_status FROM fees_statements s "
    "WHERE s.tenant_id = COALESCE(NEW.tenant_id, OLD.tenant_id) "
    "AND s.id = COALESCE(NEW.statement_id, OLD.statement_id); "
    "IF parent_status = 'issued' THEN "
    "RAISE EXCEPTION 'the lines of an issued fee statement cannot be changed' "
    "USING ERRCODE = 'check_violation'; END IF; "
    "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER fees_statement_lines_issued_immutable BEFORE INSERT OR UPDATE OR DELETE "
    "ON fees_statement_lines FOR EACH ROW EXECUTE FUNCTION fees_statement_line_issued_immutable()",
)


def upgrade() -> None:
    op.create_table(
        "fees_schedules",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), server_default="CNY", nullable=False),
        sa.Column("cutoff_month", sa.SmallInteger(), server_default="12", nullable=False),
        sa.Column("cutoff_day", sa.SmallInteger(), server_default="20", nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "cutoff_month BETWEEN 1 AND 12 AND cutoff_day BETWEEN 1 AND 31",
            name=op.f("ck_fees_schedules_cutoff_range"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_schedules_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_schedules")),
        sa.UniqueConstraint("tenant_id", "effective_from", name="uq_fees_schedules_effective_from"),
    )
    op.create_index(
        "ix_fees_schedules_tenant_created", "fees_schedules", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "fees_components",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("schedule_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "volume_rate", "band_settlement", "profit_share", "income_share", name="fees_component_kind"
            ),
            nullable=False,
        ),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("rate", sa.Numeric(precision=12, scale=6), nullable=True),
        sa.Column("per", sa.Numeric(precision=18, scale=2), server_default="100", nullable=False),
        sa.Column("band_low", sa.Numeric(precision=12, scale=6), nullable=True),
        sa.Column("band_high", sa.Numeric(precision=12, scale=6), nullable=True),
        sa.Column("quarters", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("metric_currency", sa.String(length=3), server_default="USD", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "schedule_id"],
            ["fees_schedules.tenant_id", "fees_schedules.id"],
            name=op.f("fk_fees_components_tenant_id_schedule_id_fees_schedules"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_components_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_components")),
        sa.UniqueConstraint("tenant_id", "schedule_id", "position", name="uq_fees_components_position"),
    )
    op.create_table(
        "fees_customs_records",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("declared_on", sa.Date(), nullable=False),
        sa.Column("direction", sa.Enum("import", "export", name="fees_customs_direction"), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), server_default="USD", nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_fees_customs_records_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_fees_customs_records_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_customs_records_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_customs_records")),
    )
    op.create_index(
        "ix_fees_customs_records_tenant_created",
        "fees_customs_records",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_fees_customs_records_unit_date",
        "fees_customs_records",
        ["tenant_id", "org_unit_id", "declared_on"],
        unique=False,
    )
    op.create_table(
        "fees_income_entries",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "kind", sa.Enum("rent", "labour_services", "other", name="fees_income_kind"), nullable=False
        ),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_fees_income_entries_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_income_entries_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_income_entries")),
    )
    op.create_index(
        "ix_fees_income_entries_unit_year",
        "fees_income_entries",
        ["tenant_id", "org_unit_id", "year"],
        unique=False,
    )
    op.create_table(
        "fees_profit_figures",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("reported", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("audited", sa.Numeric(precision=18, scale=2), nullable=True),
        sa.Column("audited_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_fees_profit_figures_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_profit_figures_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_profit_figures")),
        sa.UniqueConstraint("tenant_id", "org_unit_id", "year", name="uq_fees_profit_figures_year"),
    )
    op.create_table(
        "fees_reconciliations",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.SmallInteger(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "disputed", "confirmed", name="fees_reconciliation_status"),
            server_default="open",
            nullable=False,
        ),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("figures", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("hq_confirmed_by", sa.Uuid(), nullable=True),
        sa.Column("hq_confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("subsidiary_confirmed_by", sa.Uuid(), nullable=True),
        sa.Column("subsidiary_confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("history", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("quarter BETWEEN 1 AND 4", name=op.f("ck_fees_reconciliations_quarter_range")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_fees_reconciliations_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_reconciliations_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_reconciliations")),
        sa.UniqueConstraint(
            "tenant_id", "org_unit_id", "year", "quarter", name="uq_fees_reconciliations_period"
        ),
    )
    op.create_index(
        "ix_fees_reconciliations_tenant_created",
        "fees_reconciliations",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "fees_statements",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("schedule_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.SmallInteger(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "in_approval", "approved", "issued", name="fees_statement_status"),
            server_default="draft",
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), server_default="CNY", nullable=False),
        sa.Column("total", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("settlement_rate", sa.Numeric(precision=12, scale=6), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("quarter BETWEEN 1 AND 4", name=op.f("ck_fees_statements_quarter_range")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_fees_statements_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "schedule_id"],
            ["fees_schedules.tenant_id", "fees_schedules.id"],
            name=op.f("fk_fees_statements_tenant_id_schedule_id_fees_schedules"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_statements_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_statements")),
        sa.UniqueConstraint("tenant_id", "number", name="uq_fees_statements_number"),
        sa.UniqueConstraint("tenant_id", "org_unit_id", "year", "quarter", name="uq_fees_statements_period"),
    )
    op.create_index(
        "ix_fees_statements_tenant_created",
        "fees_statements",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "fees_payments",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("statement_id", sa.Uuid(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_fees_payments_amount_positive")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "statement_id"],
            ["fees_statements.tenant_id", "fees_statements.id"],
            name=op.f("fk_fees_payments_tenant_id_statement_id_fees_statements"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_payments_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_payments")),
    )
    op.create_index(
        "ix_fees_payments_statement", "fees_payments", ["tenant_id", "statement_id", "paid_on"], unique=False
    )
    op.create_table(
        "fees_statement_lines",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("statement_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("kind", sa.Enum("fee", "true_up", "adjustment", name="fees_line_kind"), nullable=False),
        sa.Column("component", postgresql.ENUM(name="fees_component_kind", create_type=False), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("formula", sa.Text(), nullable=False),
        sa.Column("inputs", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("rate", sa.Numeric(precision=12, scale=6), nullable=True),
        sa.Column("sources", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("adjusts_line_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "adjusts_line_id"],
            ["fees_statement_lines.tenant_id", "fees_statement_lines.id"],
            name=op.f("fk_fees_statement_lines_tenant_id_adjusts_line_id_fees_statement_lines"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "statement_id"],
            ["fees_statements.tenant_id", "fees_statements.id"],
            name=op.f("fk_fees_statement_lines_tenant_id_statement_id_fees_statements"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_fees_statement_lines_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_fees_statement_lines")),
        sa.UniqueConstraint("tenant_id", "statement_id", "position", name="uq_fees_statement_lines_position"),
    )
    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)
    for statement in IMMUTABLE_DDL:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER fees_statement_lines_issued_immutable ON fees_statement_lines")
    op.execute("DROP TRIGGER fees_statements_issued_immutable ON fees_statements")
    op.execute("DROP FUNCTION fees_statement_line_issued_immutable()")
    op.execute("DROP FUNCTION fees_statement_issued_immutable()")
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
    for name in ENUMS:
        op.execute(f"DROP TYPE IF EXISTS {name}")
