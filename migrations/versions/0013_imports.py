"""The kernel import component (issue 12): one ``imports`` table for every importer; the revenue
imports move into it (``kind = 'crm.revenue'``) and their own table goes.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = ("previewed", "rejected", "running", "completed", "failed")
COPIED = (
    "tenant_id, id, file_id, filename, status, total_rows, processed_rows, errors, error_count, summary,"
    " created_by, finished_at, created_at, updated_at"
)


def upgrade() -> None:
    op.create_table(
        "imports",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=100), nullable=False),
        sa.Column("file_id", sa.Uuid(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("status", sa.Enum(*STATUSES, name="import_status"), nullable=False),
        sa.Column(
            "headers",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column(
            "mapping",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
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
            name=op.f("fk_imports_tenant_id_file_id_files"),
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_imports_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_imports")),
    )
    op.create_index("ix_imports_tenant_created", "imports", ["tenant_id", "created_at", "id"], unique=False)
    op.create_index(
        "ix_imports_tenant_kind_created", "imports", ["tenant_id", "kind", "created_at", "id"], unique=False
    )
    for statement in tenant_table_ddl("imports"):
        op.execute(statement)
    # The revenue imports move in, with their files (migrations run as the owner: no RLS in the way).
    columns = COPIED.replace("status,", "status::text::import_status,")
    # Their headers were not kept: none are shown, and an empty mapping is matched automatically.
    defaults = "'[]'::jsonb, '{}'::jsonb"
    copy = (
        f"INSERT INTO imports ({COPIED}, kind, headers, mapping) SELECT {columns}, 'crm.revenue', {defaults} "
    )
    op.execute(copy + "FROM crm_revenue_imports")
    op.execute("UPDATE files SET document_type = 'import' WHERE document_type = 'crm.revenue_import'")
    op.drop_table("crm_revenue_imports")
    op.execute("DROP TYPE IF EXISTS crm_import_status")


def downgrade() -> None:
    op.execute(f"CREATE TYPE crm_import_status AS ENUM ({', '.join(repr(s) for s in STATUSES)})")
    op.create_table(
        "crm_revenue_imports",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("file_id", sa.Uuid(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column(
            "status", postgresql.ENUM(*STATUSES, name="crm_import_status", create_type=False), nullable=False
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
    for statement in tenant_table_ddl("crm_revenue_imports"):
        op.execute(statement)
    columns = COPIED.replace("status,", "status::text::crm_import_status,")
    back = f"INSERT INTO crm_revenue_imports ({COPIED}) SELECT {columns} "
    op.execute(back + "FROM imports WHERE kind = 'crm.revenue'")
    op.execute(
        "UPDATE files SET document_type = 'crm.revenue_import' WHERE document_type = 'import' AND document_id IN "
        "(SELECT id FROM imports WHERE kind = 'crm.revenue')"
    )
    op.drop_table("imports")
    op.execute("DROP TYPE IF EXISTS import_status")
