"""Saved list views and trigram search indexes (issue 12).

``saved_views``: a user's named list views (filters, sort, columns, group as a query string),
private or shared with the tenant. Search anywhere in accounts' names, codes and phones and
contacts' names and phones: ``pg_trgm`` GIN indexes on one lower-cased text per row, so
``ILIKE '%明辉%'``-style searches use an index (see docs/lists.md for what was measured).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The searched text of a row, exactly as the models' indexes and the list queries spell it.
ACCOUNT_SEARCH = "lower(code || ' ' || name || ' ' || coalesce(phone, ''))"
CONTACT_SEARCH = "lower(name || ' ' || coalesce(phone, ''))"


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_table(
        "saved_views",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_user_id", sa.Uuid(), nullable=False),
        sa.Column("list_key", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("shared", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("query", sa.String(length=2000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_saved_views_tenant_id_tenants")),
        sa.ForeignKeyConstraint(
            ["owner_user_id"], ["users.id"], name=op.f("fk_saved_views_owner_user_id_users")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_saved_views")),
        sa.UniqueConstraint("tenant_id", "owner_user_id", "list_key", "name", name="uq_saved_views_name"),
    )
    op.create_index("ix_saved_views_tenant_list", "saved_views", ["tenant_id", "list_key", "name", "id"])
    for statement in tenant_table_ddl("saved_views"):
        op.execute(statement)
    op.execute(
        "CREATE INDEX ix_crm_accounts_search_trgm ON crm_accounts "
        f"USING gin (({ACCOUNT_SEARCH}) gin_trgm_ops)"
    )
    op.execute(
        "CREATE INDEX ix_crm_contacts_search_trgm ON crm_contacts "
        f"USING gin (({CONTACT_SEARCH}) gin_trgm_ops)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_crm_contacts_search_trgm")
    op.execute("DROP INDEX IF EXISTS ix_crm_accounts_search_trgm")
    op.drop_table("saved_views")
