"""Contracts: settings, number counters, counterparties and qualifications, projects, contracts,
milestones, settlements (receipts and payments) and invoices.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = (
    "contracts_counterparties",
    "contracts_number_counters",
    "contracts_settings",
    "contracts_projects",
    "contracts_qualifications",
    "contracts_contracts",
    "contracts_invoices",
    "contracts_milestones",
    "contracts_settlements",
)
ENUMS = (
    "contracts_counterparty_kind",
    "contracts_direction",
    "contracts_invoice_kind",
    "contracts_settlement_kind",
    "contracts_settlement_status",
    "contracts_spend_rule",
    "contracts_status",
)


def upgrade() -> None:
    op.create_table(
        "contracts_counterparties",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind", sa.Enum("supplier", "subcontractor", name="contracts_counterparty_kind"), nullable=False
        ),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("rating", sa.SmallInteger(), nullable=True),
        sa.Column("contact", sa.String(length=200), nullable=True),
        sa.Column("blacklisted", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("blacklist_reason", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "NOT blacklisted OR blacklist_reason IS NOT NULL",
            name=op.f("ck_contracts_counterparties_blacklist_reason"),
        ),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_contracts_counterparties_rating_range")),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_counterparties_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_counterparties")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_contracts_counterparties_code"),
    )
    op.create_index(
        "ix_contracts_counterparties_tenant_created",
        "contracts_counterparties",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
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
        "contracts_settings",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "number_pattern", sa.String(length=100), server_default="HT-{year}-{seq:04d}", nullable=False
        ),
        sa.Column(
            "spend_rule",
            sa.Enum("hard", "soft", "off", name="contracts_spend_rule"),
            server_default="hard",
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_settings_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_settings")),
        sa.UniqueConstraint("tenant_id", name="uq_contracts_settings_tenant"),
    )
    op.create_table(
        "contracts_projects",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_contracts_projects_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_projects_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_projects")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_contracts_projects_code"),
    )
    op.create_index(
        "ix_contracts_projects_tenant_created",
        "contracts_projects",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "contracts_qualifications",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("counterparty_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=100), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "counterparty_id"],
            ["contracts_counterparties.tenant_id", "contracts_counterparties.id"],
            name=op.f("fk_contracts_qualifications_tenant_id_counterparty_id_contracts_counterparties"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_qualifications_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_qualifications")),
    )
    op.create_index(
        "ix_contracts_qualifications_counterparty",
        "contracts_qualifications",
        ["tenant_id", "counterparty_id"],
        unique=False,
    )
    op.create_table(
        "contracts_contracts",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("direction", sa.Enum("income", "expenditure", name="contracts_direction"), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "in_approval",
                "approved",
                "active",
                "completed",
                "terminated",
                "expired",
                name="contracts_status",
            ),
            server_default="draft",
            nullable=False,
        ),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("counterparty_id", sa.Uuid(), nullable=True),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("org_unit_id", sa.Uuid(), nullable=True),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), server_default="CNY", nullable=False),
        sa.Column(
            "exchange_rate", sa.Numeric(precision=18, scale=6), server_default=sa.text("1"), nullable=False
        ),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("our_signatory", sa.String(length=200), nullable=True),
        sa.Column("their_signatory", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "(direction = 'income' AND account_id IS NOT NULL AND counterparty_id IS NULL) OR (direction = 'expenditure' AND counterparty_id IS NOT NULL AND account_id IS NULL)",
            name=op.f("ck_contracts_contracts_party_matches_direction"),
        ),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_contracts_contracts_amount_not_negative")),
        sa.CheckConstraint("exchange_rate > 0", name=op.f("ck_contracts_contracts_exchange_rate_positive")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "account_id"],
            ["crm_accounts.tenant_id", "crm_accounts.id"],
            name=op.f("fk_contracts_contracts_tenant_id_account_id_crm_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "counterparty_id"],
            ["contracts_counterparties.tenant_id", "contracts_counterparties.id"],
            name=op.f("fk_contracts_contracts_tenant_id_counterparty_id_contracts_counterparties"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_contracts_contracts_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "project_id"],
            ["contracts_projects.tenant_id", "contracts_projects.id"],
            name=op.f("fk_contracts_contracts_tenant_id_project_id_contracts_projects"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_contracts_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_contracts")),
        sa.UniqueConstraint("tenant_id", "number", name="uq_contracts_contracts_number"),
    )
    op.create_index(
        "ix_contracts_contracts_tenant_created",
        "contracts_contracts",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_contracts_contracts_tenant_project",
        "contracts_contracts",
        ["tenant_id", "project_id"],
        unique=False,
    )
    op.create_table(
        "contracts_invoices",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Enum("issued", "received", name="contracts_invoice_kind"), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("tax_amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "amount >= 0 AND tax_amount >= 0", name=op.f("ck_contracts_invoices_amounts_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "contract_id"],
            ["contracts_contracts.tenant_id", "contracts_contracts.id"],
            name=op.f("fk_contracts_invoices_tenant_id_contract_id_contracts_contracts"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_invoices_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_invoices")),
        sa.UniqueConstraint("tenant_id", "kind", "number", name="uq_contracts_invoices_number"),
    )
    op.create_index(
        "ix_contracts_invoices_contract", "contracts_invoices", ["tenant_id", "contract_id"], unique=False
    )
    op.create_table(
        "contracts_milestones",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("percentage", sa.Numeric(precision=7, scale=4), nullable=True),
        sa.Column("condition", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_contracts_milestones_amount_not_negative")),
        sa.CheckConstraint(
            "percentage IS NULL OR (percentage > 0 AND percentage <= 100)",
            name=op.f("ck_contracts_milestones_percentage_range"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "contract_id"],
            ["contracts_contracts.tenant_id", "contracts_contracts.id"],
            name=op.f("fk_contracts_milestones_tenant_id_contract_id_contracts_contracts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_milestones_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_milestones")),
    )
    op.create_index(
        "ix_contracts_milestones_contract",
        "contracts_milestones",
        ["tenant_id", "contract_id", "due_on"],
        unique=False,
    )
    op.create_table(
        "contracts_settlements",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("milestone_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.Enum("receipt", "payment", name="contracts_settlement_kind"), nullable=False),
        sa.Column(
            "status",
            sa.Enum("recorded", "awaiting_approval", "rejected", name="contracts_settlement_status"),
            server_default="recorded",
            nullable=False,
        ),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("amount_base", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("spend_check", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_contracts_settlements_amount_positive")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "contract_id"],
            ["contracts_contracts.tenant_id", "contracts_contracts.id"],
            name=op.f("fk_contracts_settlements_tenant_id_contract_id_contracts_contracts"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "milestone_id"],
            ["contracts_milestones.tenant_id", "contracts_milestones.id"],
            name=op.f("fk_contracts_settlements_tenant_id_milestone_id_contracts_milestones"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_settlements_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_settlements")),
    )
    op.create_index(
        "ix_contracts_settlements_contract",
        "contracts_settlements",
        ["tenant_id", "contract_id", "settled_on"],
        unique=False,
    )
    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
    for name in ENUMS:
        op.execute(f"DROP TYPE IF EXISTS {name}")
