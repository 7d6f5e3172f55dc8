"""Subscriptions, plans, entitlements and resellers (platform tables).

Plans, Stripe events and resellers are platform data (global, no tenant, no row-level security:
the operator's and resellers' code scope them). A tenant's subscription and invoices are tenant
data (RLS). ``tenants.entitlements`` is the snapshot the kernel checks on every request.

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import RUNTIME_ROLE, tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ("billing_subscriptions", "billing_invoices")
GLOBAL_TABLES = (
    "billing_plans",
    "billing_stripe_events",
    "resellers",
    "reseller_api_keys",
    "reseller_tenants",
)
ENUMS = (
    "billing_subscription_status",
    "billing_interval",
    "billing_provider",
    "billing_invoice_status",
    "reseller_status",
)


def _timestamps() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
    ]


def upgrade() -> None:
    op.add_column(
        "tenants", sa.Column("entitlements", postgresql.JSONB(astext_type=sa.Text()), nullable=True)
    )
    op.create_table(
        "billing_plans",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("modules", postgresql.ARRAY(sa.String(length=32)), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=True),
        sa.Column("max_accounts", sa.Integer(), nullable=True),
        sa.Column("max_storage_mb", sa.Integer(), nullable=True),
        sa.Column("max_api_calls_month", sa.Integer(), nullable=True),
        sa.Column("max_venues", sa.Integer(), nullable=True),
        sa.Column("price_month", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("price_year", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("wholesale_price_month", sa.Numeric(precision=18, scale=2), nullable=True),
        sa.Column("currency", sa.String(length=3), server_default="CNY", nullable=False),
        sa.Column("trial_days", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("superseded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("version >= 1", name=op.f("ck_billing_plans_version_positive")),
        sa.CheckConstraint(
            "price_month >= 0 AND price_year >= 0", name=op.f("ck_billing_plans_prices_not_negative")
        ),
        sa.CheckConstraint("trial_days >= 0", name=op.f("ck_billing_plans_trial_days_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_plans")),
        sa.UniqueConstraint("code", "version", name="uq_billing_plans_code_version"),
    )
    op.create_table(
        "billing_subscriptions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "trial", "active", "past_due", "suspended", "canceled", name="billing_subscription_status"
            ),
            nullable=False,
        ),
        sa.Column(
            "interval",
            sa.Enum("month", "year", name="billing_interval"),
            server_default="month",
            nullable=False,
        ),
        sa.Column(
            "provider",
            sa.Enum("offline", "stripe", name="billing_provider"),
            server_default="offline",
            nullable=False,
        ),
        sa.Column("seats", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("trial_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("current_period_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("current_period_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("past_due_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancel_at_period_end", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("canceled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stripe_customer_id", sa.String(length=255), nullable=True),
        sa.Column("stripe_subscription_id", sa.String(length=255), nullable=True),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=True),
        *_timestamps(),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("seats >= 1", name=op.f("ck_billing_subscriptions_seats_positive")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["billing_plans.id"], name=op.f("fk_billing_subscriptions_plan_id_billing_plans")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_billing_subscriptions_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_billing_subscriptions")),
        sa.UniqueConstraint("tenant_id", name="uq_billing_subscriptions_tenant"),
    )
    op.create_index(
        "ix_billing_subscriptions_stripe", "billing_subscriptions", ["stripe_subscription_id"], unique=False
    )
    op.create_table(
        "billing_invoices",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "open", "paid", "void", "uncollectible", name="billing_invoice_status"),
            nullable=False,
        ),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("period_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("period_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "lines", postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'"), nullable=False
        ),
        sa.Column("stripe_invoice_id", sa.String(length=255), nullable=True),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_billing_invoices_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_billing_invoices")),
        sa.UniqueConstraint("tenant_id", "number", name="uq_billing_invoices_number"),
        sa.UniqueConstraint("tenant_id", "stripe_invoice_id", name="uq_billing_invoices_stripe"),
    )
    op.create_index(
        "ix_billing_invoices_tenant_created",
        "billing_invoices",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "billing_stripe_events",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("event_type", sa.String(length=100), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_billing_stripe_events_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_stripe_events")),
    )
    op.create_table(
        "resellers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("slug", sa.String(length=63), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("max_tenants", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("active", "suspended", name="reseller_status"),
            server_default="active",
            nullable=False,
        ),
        *_timestamps(),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "max_tenants IS NULL OR max_tenants >= 0", name=op.f("ck_resellers_allowance_not_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resellers")),
        sa.UniqueConstraint("slug", name=op.f("uq_resellers_slug")),
    )
    op.create_table(
        "reseller_api_keys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reseller_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["reseller_id"], ["resellers.id"], name=op.f("fk_reseller_api_keys_reseller_id_resellers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reseller_api_keys")),
    )
    op.create_index("ix_reseller_api_keys_key_hash", "reseller_api_keys", ["key_hash"], unique=True)
    op.create_table(
        "reseller_tenants",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("reseller_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["reseller_id"], ["resellers.id"], name=op.f("fk_reseller_tenants_reseller_id_resellers")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_reseller_tenants_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_reseller_tenants")),
    )
    op.create_index(
        "ix_reseller_tenants_reseller", "reseller_tenants", ["reseller_id", "created_at"], unique=False
    )
    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)
    for table in GLOBAL_TABLES:
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {RUNTIME_ROLE}")


def downgrade() -> None:
    for table in ("reseller_tenants", "reseller_api_keys", "resellers", "billing_stripe_events"):
        op.drop_table(table)
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
    op.drop_table("billing_plans")
    op.drop_column("tenants", "entitlements")
    for name in ENUMS:
        op.execute(f"DROP TYPE IF EXISTS {name}")
