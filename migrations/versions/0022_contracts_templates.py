"""Contracts: templates, clause library, generated documents, claims.

Templates (合同模板) with placeholders and control indicators, the clause library and each
template's clauses; on contracts the template, the placeholders' values, the clauses and the
generated document; payment-plan changes on change orders; claims and delays (索赔/延期); alert
and risk settings.

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(precision=18, scale=2)
TENANT_TABLES = ("contracts_clauses", "contracts_templates", "contracts_template_clauses", "contracts_claims")


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
    ]


def _tenant(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f(f"fk_{table}_tenant_id_tenants"))


def upgrade() -> None:
    op.create_table(
        "contracts_clauses",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        *_stamps(),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        _tenant("contracts_clauses"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_clauses")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_contracts_clauses_code"),
    )
    op.create_index(
        "ix_contracts_clauses_tenant_created", "contracts_clauses", ["tenant_id", "created_at", "id"]
    )
    op.create_table(
        "contracts_templates",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "direction",
            postgresql.ENUM("income", "expenditure", name="contracts_direction", create_type=False),
            nullable=True,
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "placeholders",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("max_amount", MONEY, nullable=True),
        sa.Column(
            "allowed_currencies",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column(
            "required_attachments",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        *_stamps(),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "max_amount IS NULL OR max_amount >= 0",
            name=op.f("ck_contracts_templates_max_amount_not_negative"),
        ),
        _tenant("contracts_templates"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_templates")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_contracts_templates_code"),
    )
    op.create_index(
        "ix_contracts_templates_tenant_created", "contracts_templates", ["tenant_id", "created_at", "id"]
    )
    op.create_table(
        "contracts_template_clauses",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("clause_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("required", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "template_id"],
            ["contracts_templates.tenant_id", "contracts_templates.id"],
            name=op.f("fk_contracts_template_clauses_tenant_id_template_id_contracts_templates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "clause_id"],
            ["contracts_clauses.tenant_id", "contracts_clauses.id"],
            name=op.f("fk_contracts_template_clauses_tenant_id_clause_id_contracts_clauses"),
        ),
        _tenant("contracts_template_clauses"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_template_clauses")),
        sa.UniqueConstraint("tenant_id", "template_id", "clause_id", name="uq_contracts_template_clauses"),
    )
    claim_kind = postgresql.ENUM("claim", "delay", name="contracts_claim_kind")
    claim_status = postgresql.ENUM("open", "accepted", "rejected", "withdrawn", name="contracts_claim_status")
    op.create_table(
        "contracts_claims",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("kind", claim_kind, nullable=False),
        sa.Column("raised_by", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("status", claim_status, server_default="open", nullable=False),
        sa.Column("amount", MONEY, nullable=True),
        sa.Column("agreed_amount", MONEY, nullable=True),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("agreed_days", sa.Integer(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        *_stamps(),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "agreed_amount IS NULL OR agreed_amount >= 0",
            name=op.f("ck_contracts_claims_agreed_not_negative"),
        ),
        sa.CheckConstraint(
            "amount IS NULL OR amount >= 0", name=op.f("ck_contracts_claims_amount_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "contract_id"],
            ["contracts_contracts.tenant_id", "contracts_contracts.id"],
            name=op.f("fk_contracts_claims_tenant_id_contract_id_contracts_contracts"),
        ),
        _tenant("contracts_claims"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contracts_claims")),
    )
    op.create_index(
        "ix_contracts_claims_contract", "contracts_claims", ["tenant_id", "contract_id", "raised_on"]
    )
    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)

    op.add_column("contracts_contracts", sa.Column("template_id", sa.Uuid(), nullable=True))
    op.add_column(
        "contracts_contracts",
        sa.Column("template_values", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )
    op.add_column(
        "contracts_contracts",
        sa.Column("clause_codes", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )
    op.add_column("contracts_contracts", sa.Column("document_file_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(
        op.f("fk_contracts_contracts_tenant_id_template_id_contracts_templates"),
        "contracts_contracts",
        "contracts_templates",
        ["tenant_id", "template_id"],
        ["tenant_id", "id"],
    )

    op.add_column(
        "contracts_change_orders",
        sa.Column("plan_changes", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )
    op.add_column(
        "contracts_settings",
        sa.Column(
            "expiry_alert_days",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[30, 60, 90]'::jsonb"),
            nullable=False,
        ),
    )
    op.add_column(
        "contracts_settings",
        sa.Column("milestone_alert_days", sa.Integer(), server_default=sa.text("7"), nullable=False),
    )
    op.add_column(
        "contracts_settings",
        sa.Column("qualification_alert_days", sa.Integer(), server_default=sa.text("30"), nullable=False),
    )
    op.add_column(
        "contracts_settings",
        sa.Column(
            "risk_weights",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
    )


def downgrade() -> None:
    for column in ("risk_weights", "qualification_alert_days", "milestone_alert_days", "expiry_alert_days"):
        op.drop_column("contracts_settings", column)
    op.drop_column("contracts_change_orders", "plan_changes")
    op.drop_constraint(
        op.f("fk_contracts_contracts_tenant_id_template_id_contracts_templates"),
        "contracts_contracts",
        type_="foreignkey",
    )
    for column in ("document_file_id", "clause_codes", "template_values", "template_id"):
        op.drop_column("contracts_contracts", column)
    op.drop_table("contracts_claims")
    op.drop_table("contracts_template_clauses")
    op.drop_table("contracts_templates")
    op.drop_table("contracts_clauses")
    op.execute("DROP TYPE IF EXISTS contracts_claim_status")
    op.execute("DROP TYPE IF EXISTS contracts_claim_kind")
