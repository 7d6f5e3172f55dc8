"""Budgets (费用预算管理): settings, categories, forecast sales, plans and their lines, plan
versions, line history, expenses (requests, advances, reimbursements) and adjustments.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = (
    "budgets_settings",
    "budgets_categories",
    "budgets_forecasts",
    "budgets_plans",
    "budgets_lines",
    "budgets_plan_versions",
    "budgets_expenses",
    "budgets_adjustments",
    "budgets_line_changes",
)
ENUMS = (
    "budgets_control_mode",
    "budgets_check_scope",
    "budgets_granularity",
    "budgets_plan_status",
    "budgets_line_method",
    "budgets_expense_kind",
    "budgets_expense_status",
    "budgets_adjustment_kind",
    "budgets_adjustment_status",
)


def upgrade() -> None:
    op.create_table(
        "budgets_settings",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("submission_day", sa.SmallInteger(), server_default=sa.text("25"), nullable=False),
        sa.Column("reminder_days", sa.SmallInteger(), server_default=sa.text("3"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "reminder_days BETWEEN 0 AND 27", name=op.f("ck_budgets_settings_reminder_days_range")
        ),
        sa.CheckConstraint(
            "submission_day BETWEEN 1 AND 28", name=op.f("ck_budgets_settings_submission_day_range")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_budgets_settings_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_budgets_settings")),
        sa.UniqueConstraint("tenant_id", name="uq_budgets_settings_tenant"),
    )
    op.create_table(
        "budgets_categories",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("ratio", sa.Numeric(precision=9, scale=4), nullable=True),
        sa.Column(
            "control_mode",
            sa.Enum("hard", "soft", "warn", "off", name="budgets_control_mode"),
            server_default="hard",
            nullable=False,
        ),
        sa.Column(
            "check_scope",
            sa.Enum("period", "cumulative", "both", name="budgets_check_scope"),
            server_default="period",
            nullable=False,
        ),
        sa.Column("approval_category", sa.String(length=50), nullable=True),
        sa.Column("position", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "ratio IS NULL OR (ratio >= 0 AND ratio <= 100)", name=op.f("ck_budgets_categories_ratio_range")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "parent_id"],
            ["budgets_categories.tenant_id", "budgets_categories.id"],
            name=op.f("fk_budgets_categories_tenant_id_parent_id_budgets_categories"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_budgets_categories_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_budgets_categories")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_budgets_categories_code"),
    )
    op.create_index(
        "ix_budgets_categories_tenant_created",
        "budgets_categories",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "budgets_forecasts",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_budgets_forecasts_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_budgets_forecasts_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_budgets_forecasts_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_budgets_forecasts")),
        sa.UniqueConstraint("tenant_id", "org_unit_id", "period", name="uq_budgets_forecasts_period"),
    )
    op.create_table(
        "budgets_plans",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column(
            "granularity", sa.Enum("month", "quarter", "year", name="budgets_granularity"), nullable=False
        ),
        sa.Column(
            "status",
            sa.Enum("draft", "in_approval", "approved", name="budgets_plan_status"),
            server_default="draft",
            nullable=False,
        ),
        sa.Column("revision", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_budgets_plans_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_budgets_plans_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_budgets_plans")),
        sa.UniqueConstraint("tenant_id", "org_unit_id", "fiscal_year", name="uq_budgets_plans_unit_year"),
    )
    op.create_index(
        "ix_budgets_plans_tenant_created", "budgets_plans", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "budgets_lines",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("category_id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column(
            "method", sa.Enum("fixed", "incremental", "ratio", name="budgets_line_method"), nullable=False
        ),
        sa.Column("base", sa.Numeric(precision=18, scale=2), nullable=True),
        sa.Column("percent", sa.Numeric(precision=9, scale=4), nullable=True),
        sa.Column("compiled_amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("formula", sa.String(length=400), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("explained_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_budgets_lines_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "category_id"],
            ["budgets_categories.tenant_id", "budgets_categories.id"],
            name=op.f("fk_budgets_lines_tenant_id_category_id_budgets_categories"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "plan_id"],
            ["budgets_plans.tenant_id", "budgets_plans.id"],
            name=op.f("fk_budgets_lines_tenant_id_plan_id_budgets_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_budgets_lines_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_budgets_lines")),
        sa.UniqueConstraint("tenant_id", "plan_id", "category_id", "period", name="uq_budgets_lines_period"),
    )
    op.create_index("ix_budgets_lines_plan", "budgets_lines", ["tenant_id", "plan_id"], unique=False)
    op.create_table(
        "budgets_plan_versions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("total", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("lines", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "plan_id"],
            ["budgets_plans.tenant_id", "budgets_plans.id"],
            name=op.f("fk_budgets_plan_versions_tenant_id_plan_id_budgets_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_budgets_plan_versions_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_budgets_plan_versions")),
        sa.UniqueConstraint("tenant_id", "plan_id", "revision", name="uq_budgets_plan_versions_revision"),
    )
    op.create_table(
        "budgets_expenses",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("request", "advance", "reimbursement", name="budgets_expense_kind"),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum("in_approval", "approved", "paid", "settled", "returned", name="budgets_expense_status"),
            nullable=False,
        ),
        sa.Column("line_id", sa.Uuid(), nullable=False),
        sa.Column("advance_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("covered", sa.Numeric(precision=18, scale=2), server_default=sa.text("0"), nullable=False),
        sa.Column("pending", sa.Numeric(precision=18, scale=2), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "committed", sa.Numeric(precision=18, scale=2), server_default=sa.text("0"), nullable=False
        ),
        sa.Column("actual", sa.Numeric(precision=18, scale=2), server_default=sa.text("0"), nullable=False),
        sa.Column("over_budget", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("control", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("warning", sa.Text(), nullable=True),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind = 'reimbursement' OR advance_id IS NULL",
            name=op.f("ck_budgets_expenses_advance_only_on_reimbursement"),
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_budgets_expenses_amount_positive")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "advance_id"],
            ["budgets_expenses.tenant_id", "budgets_expenses.id"],
            name=op.f("fk_budgets_expenses_tenant_id_advance_id_budgets_expenses"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "line_id"],
            ["budgets_lines.tenant_id", "budgets_lines.id"],
            name=op.f("fk_budgets_expenses_tenant_id_line_id_budgets_lines"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_budgets_expenses_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_budgets_expenses")),
    )
    op.create_index("ix_budgets_expenses_line", "budgets_expenses", ["tenant_id", "line_id"], unique=False)
    op.create_index(
        "ix_budgets_expenses_tenant_created",
        "budgets_expenses",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "budgets_adjustments",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Enum("transfer", "increase", name="budgets_adjustment_kind"), nullable=False),
        sa.Column(
            "status",
            sa.Enum("in_approval", "applied", "returned", name="budgets_adjustment_status"),
            nullable=False,
        ),
        sa.Column("from_line_id", sa.Uuid(), nullable=True),
        sa.Column("to_line_id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "(kind = 'transfer' AND from_line_id IS NOT NULL) OR (kind = 'increase' AND from_line_id IS NULL)",
            name=op.f("ck_budgets_adjustments_source_matches_kind"),
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_budgets_adjustments_amount_positive")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "from_line_id"],
            ["budgets_lines.tenant_id", "budgets_lines.id"],
            name=op.f("fk_budgets_adjustments_tenant_id_from_line_id_budgets_lines"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "plan_id"],
            ["budgets_plans.tenant_id", "budgets_plans.id"],
            name=op.f("fk_budgets_adjustments_tenant_id_plan_id_budgets_plans"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "to_line_id"],
            ["budgets_lines.tenant_id", "budgets_lines.id"],
            name=op.f("fk_budgets_adjustments_tenant_id_to_line_id_budgets_lines"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_budgets_adjustments_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_budgets_adjustments")),
    )
    op.create_index(
        "ix_budgets_adjustments_tenant_created",
        "budgets_adjustments",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "budgets_line_changes",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("line_id", sa.Uuid(), nullable=False),
        sa.Column("adjustment_id", sa.Uuid(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("before", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("after", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "adjustment_id"],
            ["budgets_adjustments.tenant_id", "budgets_adjustments.id"],
            name=op.f("fk_budgets_line_changes_tenant_id_adjustment_id_budgets_adjustments"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "line_id"],
            ["budgets_lines.tenant_id", "budgets_lines.id"],
            name=op.f("fk_budgets_line_changes_tenant_id_line_id_budgets_lines"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_budgets_line_changes_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_budgets_line_changes")),
    )
    op.create_index(
        "ix_budgets_line_changes_line",
        "budgets_line_changes",
        ["tenant_id", "line_id", "created_at"],
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
