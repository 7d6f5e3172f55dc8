"""Sign-in security: failed sign-in counters and lockouts; operator idempotency keys (issue 10).

Both tables are global (no tenant): sign-in happens before a tenant is known, and operator calls
act on the platform. The runtime role may read and write them; there is no row-level security.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import RUNTIME_ROLE
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("failures", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "last_failed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sign_in_failures")),
    )
    op.create_index("ix_sign_in_failures_last_failed", "sign_in_failures", ["last_failed_at"], unique=False)
    op.create_table(
        "operator_idempotency_keys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_headers", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("response_body", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator_idempotency_keys")),
    )
    op.create_index("uq_operator_idempotency_keys_key", "operator_idempotency_keys", ["key"], unique=True)
    op.create_index(
        "ix_operator_idempotency_keys_created", "operator_idempotency_keys", ["created_at"], unique=False
    )
    for table in ("sign_in_failures", "operator_idempotency_keys"):
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {RUNTIME_ROLE}")


def downgrade() -> None:
    op.drop_index("ix_operator_idempotency_keys_created", table_name="operator_idempotency_keys")
    op.drop_index("uq_operator_idempotency_keys_key", table_name="operator_idempotency_keys")
    op.drop_table("operator_idempotency_keys")
    op.drop_index("ix_sign_in_failures_last_failed", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
