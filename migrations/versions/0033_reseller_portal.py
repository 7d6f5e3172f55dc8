"""Reseller portal: reseller users and their web sessions (platform tables).

A reseller user signs in to the portal under ``/reseller`` for one reseller; like ``users`` and
``web_sessions`` these are global (no tenant, no row-level security): the portal's code scopes
every query to the session's reseller, as the reseller API does.

Revision ID: 0033
Revises: 0032
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import RUNTIME_ROLE

revision: str = "0033"
down_revision: str | None = "0032"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GLOBAL_TABLES = ("reseller_users", "reseller_web_sessions")


def upgrade() -> None:
    op.create_table(
        "reseller_users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reseller_id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("locale", sa.String(length=10), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("password_token_hash", sa.String(length=64), nullable=True),
        sa.Column("password_token_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["reseller_id"], ["resellers.id"], name=op.f("fk_reseller_users_reseller_id_resellers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reseller_users")),
    )
    op.create_index(
        "uq_reseller_users_email_lower", "reseller_users", [sa.literal_column("lower(email)")], unique=True
    )
    op.create_index("ix_reseller_users_reseller", "reseller_users", ["reseller_id"], unique=False)
    op.create_index(
        "ix_reseller_users_password_token_hash", "reseller_users", ["password_token_hash"], unique=False
    )
    op.create_table(
        "reseller_web_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("reseller_user_id", sa.Uuid(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=True),
        sa.Column("user_agent", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["reseller_user_id"],
            ["reseller_users.id"],
            name=op.f("fk_reseller_web_sessions_reseller_user_id_reseller_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reseller_web_sessions")),
    )
    op.create_index(
        "ix_reseller_web_sessions_user", "reseller_web_sessions", ["reseller_user_id"], unique=False
    )
    for table in GLOBAL_TABLES:
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {RUNTIME_ROLE}")


def downgrade() -> None:
    op.drop_table("reseller_web_sessions")
    op.drop_table("reseller_users")
