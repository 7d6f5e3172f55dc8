"""Billing: usage metering (API calls and storage per month) and add-ons.

``billing_addons`` is operator data (global, like plans). A subscription's add-ons and the
monthly usage rows are tenant data (row-level security). Usage rows are written by the meter's
periodic flush, never by a request (``core/billing/metering.py``).

Revision ID: 0031
Revises: 0030
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import RUNTIME_ROLE, tenant_table_ddl

revision: str = "0031"
down_revision: str | None = "0030"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ("billing_subscription_addons", "billing_usage")


def upgrade() -> None:
    op.create_table(
        "billing_addons",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "seats",
                "storage_mb",
                "api_calls_month",
                "accounts",
                "venues",
                "module",
                name="billing_addon_kind",
            ),
            nullable=False,
        ),
        sa.Column("amount", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("module", sa.String(length=32), nullable=True),
        sa.Column("price_month", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("price_year", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), server_default="CNY", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("amount >= 1", name=op.f("ck_billing_addons_amount_positive")),
        sa.CheckConstraint(
            "price_month >= 0 AND price_year >= 0", name=op.f("ck_billing_addons_prices_not_negative")
        ),
        sa.CheckConstraint(
            "(kind = 'module') = (module IS NOT NULL)", name=op.f("ck_billing_addons_module_for_module_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_addons")),
        sa.UniqueConstraint("code", name="uq_billing_addons_code"),
    )
    op.create_table(
        "billing_subscription_addons",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("addon_id", sa.Uuid(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("stripe_item_id", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("quantity >= 1", name=op.f("ck_billing_subscription_addons_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["addon_id"],
            ["billing_addons.id"],
            name=op.f("fk_billing_subscription_addons_addon_id_billing_addons"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_billing_subscription_addons_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_billing_subscription_addons")),
        sa.UniqueConstraint("tenant_id", "addon_id", name="uq_billing_subscription_addons_addon"),
    )
    op.create_table(
        "billing_usage",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("api_calls", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("storage_bytes", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_billing_usage_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_billing_usage")),
        sa.UniqueConstraint("tenant_id", "month", name="uq_billing_usage_month"),
    )
    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON billing_addons TO {RUNTIME_ROLE}")


def downgrade() -> None:
    op.drop_table("billing_usage")
    op.drop_table("billing_subscription_addons")
    op.drop_table("billing_addons")
    op.execute("DROP TYPE IF EXISTS billing_addon_kind")
