"""CRM: settings, zones, accounts, contacts, activities, pipeline, monthly revenue, imports, churn.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = (
    "crm_pipeline_stages",
    "crm_settings",
    "crm_revenue_imports",
    "crm_zones",
    "crm_accounts",
    "crm_churn_risks",
    "crm_contacts",
    "crm_monthly_revenue",
    "crm_opportunities",
    "crm_activities",
)
ENUMS = (
    "crm_account_kind",
    "crm_account_status",
    "crm_activity_kind",
    "crm_import_status",
    "crm_stage_kind",
    "crm_tier",
)


def upgrade() -> None:
    op.create_table(
        "crm_pipeline_stages",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("probability", sa.SmallInteger(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("open", "won", "lost", name="crm_stage_kind"),
            server_default="open",
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "probability BETWEEN 0 AND 100", name=op.f("ck_crm_pipeline_stages_probability_range")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_pipeline_stages_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_pipeline_stages")),
        sa.UniqueConstraint("tenant_id", "name", name="uq_crm_pipeline_stages_name"),
    )
    op.create_index(
        "ix_crm_pipeline_stages_tenant_position",
        "crm_pipeline_stages",
        ["tenant_id", "position", "id"],
        unique=False,
    )
    op.create_table(
        "crm_settings",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("churn_months", sa.SmallInteger(), server_default=sa.text("3"), nullable=False),
        sa.Column(
            "tier_a_share", sa.Numeric(precision=5, scale=4), server_default=sa.text("0.8"), nullable=False
        ),
        sa.Column(
            "tier_b_share", sa.Numeric(precision=5, scale=4), server_default=sa.text("0.95"), nullable=False
        ),
        sa.Column("route_by_zone", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "business_calendar",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("churn_months BETWEEN 2 AND 24", name=op.f("ck_crm_settings_churn_months_range")),
        sa.CheckConstraint(
            "tier_a_share > 0 AND tier_a_share < tier_b_share AND tier_b_share <= 1",
            name=op.f("ck_crm_settings_tier_shares"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_settings_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_settings")),
        sa.UniqueConstraint("tenant_id", name="uq_crm_settings_tenant"),
    )
    op.create_table(
        "crm_revenue_imports",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("file_id", sa.Uuid(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column(
            "status",
            sa.Enum("previewed", "rejected", "running", "completed", "failed", name="crm_import_status"),
            nullable=False,
        ),
        sa.Column("total_rows", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("processed_rows", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "errors",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("error_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "summary",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "file_id"],
            ["files.tenant_id", "files.id"],
            name=op.f("fk_crm_revenue_imports_tenant_id_file_id_files"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_revenue_imports_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_revenue_imports")),
    )
    op.create_index(
        "ix_crm_revenue_imports_tenant_created",
        "crm_revenue_imports",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "crm_zones",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=True),
        sa.Column("owner_user_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_user_id"], ["users.id"], name=op.f("fk_crm_zones_owner_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_crm_zones_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_crm_zones_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_zones")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_crm_zones_code"),
    )
    op.create_index(
        "ix_crm_zones_tenant_created", "crm_zones", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "crm_accounts",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind", sa.Enum("end_customer", "distributor", "partner", name="crm_account_kind"), nullable=False
        ),
        sa.Column(
            "status",
            sa.Enum("active", "archived", name="crm_account_status"),
            server_default="active",
            nullable=False,
        ),
        sa.Column("org_unit_id", sa.Uuid(), nullable=True),
        sa.Column("owner_user_id", sa.Uuid(), nullable=True),
        sa.Column("zone_id", sa.Uuid(), nullable=True),
        sa.Column("industry", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("tier", sa.Enum("A", "B", "C", name="crm_tier"), nullable=True),
        sa.Column(
            "trailing_revenue", sa.Numeric(precision=18, scale=2), server_default=sa.text("0"), nullable=False
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_user_id"], ["users.id"], name=op.f("fk_crm_accounts_owner_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_crm_accounts_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "zone_id"],
            ["crm_zones.tenant_id", "crm_zones.id"],
            name=op.f("fk_crm_accounts_tenant_id_zone_id_crm_zones"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_accounts_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_accounts")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_crm_accounts_code"),
    )
    op.create_index(
        "ix_crm_accounts_tenant_created", "crm_accounts", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_crm_accounts_tenant_owner",
        "crm_accounts",
        ["tenant_id", "owner_user_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_accounts_tenant_tier", "crm_accounts", ["tenant_id", "tier", "trailing_revenue"], unique=False
    )
    op.create_index(
        "ix_crm_accounts_tenant_zone",
        "crm_accounts",
        ["tenant_id", "zone_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_accounts_tenant_name",
        "crm_accounts",
        ["tenant_id", "name"],
        unique=False,
        postgresql_ops={"name": "text_pattern_ops"},
    )
    op.create_index(
        "ix_crm_accounts_tenant_code",
        "crm_accounts",
        ["tenant_id", "code"],
        unique=False,
        postgresql_ops={"code": "text_pattern_ops"},
    )
    op.create_table(
        "crm_churn_risks",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("streak_start", sa.Date(), nullable=False),
        sa.Column("last_month", sa.Date(), nullable=False),
        sa.Column("months_declining", sa.SmallInteger(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("revenue_at_stake", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("alerted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("detected_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "account_id"],
            ["crm_accounts.tenant_id", "crm_accounts.id"],
            name=op.f("fk_crm_churn_risks_tenant_id_account_id_crm_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_churn_risks_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_churn_risks")),
        sa.UniqueConstraint("tenant_id", "account_id", "streak_start", name="uq_crm_churn_risks_streak"),
    )
    op.create_index(
        "ix_crm_churn_risks_tenant_created",
        "crm_churn_risks",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "crm_contacts",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("is_primary", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "account_id"],
            ["crm_accounts.tenant_id", "crm_accounts.id"],
            name=op.f("fk_crm_contacts_tenant_id_account_id_crm_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_contacts_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_contacts")),
    )
    op.create_index(
        "ix_crm_contacts_tenant_account",
        "crm_contacts",
        ["tenant_id", "account_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_contacts_tenant_created", "crm_contacts", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "crm_monthly_revenue",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("extract(day from month) = 1", name=op.f("ck_crm_monthly_revenue_first_of_month")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "account_id"],
            ["crm_accounts.tenant_id", "crm_accounts.id"],
            name=op.f("fk_crm_monthly_revenue_tenant_id_account_id_crm_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_monthly_revenue_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_monthly_revenue")),
        sa.UniqueConstraint(
            "tenant_id",
            "account_id",
            "month",
            name="uq_crm_monthly_revenue_account_month",
            postgresql_include=["amount"],
        ),
    )
    op.create_index(
        "ix_crm_monthly_revenue_tenant_created",
        "crm_monthly_revenue",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_monthly_revenue_tenant_month", "crm_monthly_revenue", ["tenant_id", "month"], unique=False
    )
    op.create_index(
        "ix_crm_monthly_revenue_tenant_month_account",
        "crm_monthly_revenue",
        ["tenant_id", "month", "account_id"],
        unique=False,
        postgresql_include=["amount"],
    )
    op.create_table(
        "crm_opportunities",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("stage_id", sa.Uuid(), nullable=False),
        sa.Column("owner_user_id", sa.Uuid(), nullable=True),
        sa.Column("expected_close", sa.Date(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("close_reason", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_crm_opportunities_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["owner_user_id"], ["users.id"], name=op.f("fk_crm_opportunities_owner_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "account_id"],
            ["crm_accounts.tenant_id", "crm_accounts.id"],
            name=op.f("fk_crm_opportunities_tenant_id_account_id_crm_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "stage_id"],
            ["crm_pipeline_stages.tenant_id", "crm_pipeline_stages.id"],
            name=op.f("fk_crm_opportunities_tenant_id_stage_id_crm_pipeline_stages"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_opportunities_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_opportunities")),
    )
    op.create_index(
        "ix_crm_opportunities_tenant_account",
        "crm_opportunities",
        ["tenant_id", "account_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_opportunities_tenant_created",
        "crm_opportunities",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_opportunities_tenant_stage",
        "crm_opportunities",
        ["tenant_id", "stage_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_opportunities_tenant_owner",
        "crm_opportunities",
        ["tenant_id", "owner_user_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_opportunities_tenant_expected_close",
        "crm_opportunities",
        ["tenant_id", "expected_close"],
        unique=False,
    )
    op.create_table(
        "crm_activities",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.Enum("call", "visit", "note", name="crm_activity_kind"), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author_user_id", sa.Uuid(), nullable=True),
        sa.Column("author_label", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_user_id"], ["users.id"], name=op.f("fk_crm_activities_author_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "account_id"],
            ["crm_accounts.tenant_id", "crm_accounts.id"],
            name=op.f("fk_crm_activities_tenant_id_account_id_crm_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "contact_id"],
            ["crm_contacts.tenant_id", "crm_contacts.id"],
            name=op.f("fk_crm_activities_tenant_id_contact_id_crm_contacts"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_activities_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_activities")),
    )
    op.create_index(
        "ix_crm_activities_tenant_account",
        "crm_activities",
        ["tenant_id", "account_id", "occurred_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_activities_tenant_created", "crm_activities", ["tenant_id", "created_at", "id"], unique=False
    )
    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
    for name in ENUMS:
        op.execute(f"DROP TYPE IF EXISTS {name}")
