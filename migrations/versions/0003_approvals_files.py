"""Approval workflows (approver assignments, flows, requests, steps, decisions) and file storage.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import RUNTIME_ROLE, tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = (
    "approver_assignments",
    "approval_flows",
    "approval_flow_steps",
    "approval_requests",
    "approval_steps",
    "approval_decisions",
    "files",
)
ENUMS = ("approver_kind", "approval_request_status", "approval_step_status", "approval_decision_action")


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
    ]


def _version() -> sa.Column[object]:
    return sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)


def _tenant() -> list[object]:
    return [
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
    ]


def _fk(table: str, column: str, target: str, ondelete: str | None = None) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["tenant_id", column],
        [f"{target}.tenant_id", f"{target}.id"],
        name=op.f(f"fk_{table}_tenant_id_{column}_{target}"),
        ondelete=ondelete,
    )


def _tenant_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f(f"fk_{table}_tenant_id_tenants"))


def _user_fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["users.id"], name=op.f(f"fk_{table}_{column}_users"))


def upgrade() -> None:
    approver_kind = postgresql.ENUM(
        "role_at_unit",
        "role_at_ancestor_kind",
        "nearest_role",
        "role_at_named_unit",
        "user",
        name="approver_kind",
        create_type=False,
    )
    request_status = postgresql.ENUM(
        "pending", "approved", "rejected", "withdrawn", name="approval_request_status", create_type=False
    )
    step_status = postgresql.ENUM(
        "waiting",
        "pending",
        "approved",
        "rejected",
        "skipped",
        "cancelled",
        name="approval_step_status",
        create_type=False,
    )
    decision_action = postgresql.ENUM(
        "submitted",
        "resubmitted",
        "approved",
        "rejected",
        "withdrawn",
        "delegated",
        name="approval_decision_action",
        create_type=False,
    )
    for enum in (approver_kind, request_status, step_status, decision_action):
        enum.create(op.get_bind(), checkfirst=False)

    op.create_table(
        "approver_assignments",
        *_tenant(),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("approver_role", sa.String(length=64), nullable=False),
        *_timestamps(),
        _version(),
        _fk("approver_assignments", "org_unit_id", "org_units"),
        sa.ForeignKeyConstraint(
            ["tenant_id", "user_id"],
            ["memberships.tenant_id", "memberships.user_id"],
            name=op.f("fk_approver_assignments_tenant_id_user_id_memberships"),
            ondelete="CASCADE",
        ),
        _tenant_fk("approver_assignments"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_approver_assignments")),
    )
    op.create_index(
        "ix_approver_assignments_tenant_created", "approver_assignments", ["tenant_id", "created_at", "id"]
    )
    op.create_index("ix_approver_assignments_tenant_user", "approver_assignments", ["tenant_id", "user_id"])
    op.create_index(
        "uq_approver_assignments_tenant_unit_role_user",
        "approver_assignments",
        ["tenant_id", "org_unit_id", "approver_role", "user_id"],
        unique=True,
    )

    op.create_table(
        "approval_flows",
        *_tenant(),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("priority", sa.Integer(), server_default=sa.text("100"), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column(
            "document_types",
            postgresql.ARRAY(sa.String(length=64)),
            server_default=sa.text("'{}'::varchar[]"),
            nullable=False,
        ),
        sa.Column(
            "categories",
            postgresql.ARRAY(sa.String(length=64)),
            server_default=sa.text("'{}'::varchar[]"),
            nullable=False,
        ),
        sa.Column(
            "org_unit_kinds",
            postgresql.ARRAY(sa.String(length=32)),
            server_default=sa.text("'{}'::varchar[]"),
            nullable=False,
        ),
        sa.Column("min_amount", sa.Numeric(precision=18, scale=2), nullable=True),
        sa.Column("max_amount", sa.Numeric(precision=18, scale=2), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        *_timestamps(),
        _version(),
        _tenant_fk("approval_flows"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_approval_flows")),
    )
    op.create_index("ix_approval_flows_tenant_created", "approval_flows", ["tenant_id", "created_at", "id"])
    op.create_index("uq_approval_flows_tenant_code", "approval_flows", ["tenant_id", "code"], unique=True)

    op.create_table(
        "approval_flow_steps",
        *_tenant(),
        sa.Column("flow_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("approver_kind", approver_kind, nullable=False),
        sa.Column("approver_role", sa.String(length=64), nullable=True),
        sa.Column("levels_up", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("org_unit_kind", sa.String(length=32), nullable=True),
        sa.Column("org_unit_id", sa.Uuid(), nullable=True),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("optional", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        _fk("approval_flow_steps", "flow_id", "approval_flows", ondelete="CASCADE"),
        _fk("approval_flow_steps", "org_unit_id", "org_units"),
        _user_fk("approval_flow_steps", "user_id"),
        _tenant_fk("approval_flow_steps"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_approval_flow_steps")),
    )
    op.create_index(
        "uq_approval_flow_steps_tenant_flow_position",
        "approval_flow_steps",
        ["tenant_id", "flow_id", "position"],
        unique=True,
    )

    op.create_table(
        "approval_requests",
        *_tenant(),
        sa.Column("document_type", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("flow_id", sa.Uuid(), nullable=False),
        sa.Column("status", request_status, nullable=False),
        sa.Column("round", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("current_position", sa.Integer(), nullable=True),
        sa.Column("current_approver_id", sa.Uuid(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        *_timestamps(),
        _version(),
        _fk("approval_requests", "org_unit_id", "org_units"),
        _fk("approval_requests", "flow_id", "approval_flows"),
        _user_fk("approval_requests", "author_id"),
        _user_fk("approval_requests", "current_approver_id"),
        _tenant_fk("approval_requests"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_approval_requests")),
    )
    op.create_index(
        "ix_approval_requests_tenant_created", "approval_requests", ["tenant_id", "created_at", "id"]
    )
    op.create_index(
        "ix_approval_requests_tenant_approver",
        "approval_requests",
        ["tenant_id", "current_approver_id", "created_at", "id"],
    )
    op.create_index(
        "ix_approval_requests_tenant_author",
        "approval_requests",
        ["tenant_id", "author_id", "created_at", "id"],
    )
    op.create_index(
        "uq_approval_requests_tenant_document",
        "approval_requests",
        ["tenant_id", "document_type", "document_id"],
        unique=True,
    )

    op.create_table(
        "approval_steps",
        *_tenant(),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("approver_role", sa.String(length=64), nullable=True),
        sa.Column("org_unit_id", sa.Uuid(), nullable=True),
        sa.Column("approver_id", sa.Uuid(), nullable=True),
        sa.Column("status", step_status, nullable=False),
        sa.Column("skip_reason", sa.String(length=32), nullable=True),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        *_timestamps(),
        _fk("approval_steps", "request_id", "approval_requests", ondelete="CASCADE"),
        _fk("approval_steps", "org_unit_id", "org_units"),
        _user_fk("approval_steps", "approver_id"),
        _user_fk("approval_steps", "decided_by"),
        _tenant_fk("approval_steps"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_approval_steps")),
    )
    op.create_index(
        "uq_approval_steps_tenant_request_round_position",
        "approval_steps",
        ["tenant_id", "request_id", "round", "position"],
        unique=True,
    )
    op.create_index("ix_approval_steps_tenant_approver", "approval_steps", ["tenant_id", "approver_id"])

    op.create_table(
        "approval_decisions",
        *_tenant(),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("step_id", sa.Uuid(), nullable=True),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("action", decision_action, nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor_label", sa.String(length=254), nullable=True),
        sa.Column("delegate_id", sa.Uuid(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        _fk("approval_decisions", "request_id", "approval_requests", ondelete="CASCADE"),
        _fk("approval_decisions", "step_id", "approval_steps"),
        _user_fk("approval_decisions", "actor_id"),
        _user_fk("approval_decisions", "delegate_id"),
        _tenant_fk("approval_decisions"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_approval_decisions")),
    )
    op.create_index(
        "ix_approval_decisions_tenant_request",
        "approval_decisions",
        ["tenant_id", "request_id", "created_at", "id"],
    )

    op.create_table(
        "files",
        *_tenant(),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=127), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_backend", sa.String(length=16), nullable=False),
        sa.Column("storage_key", sa.String(length=300), nullable=False),
        sa.Column("document_type", sa.String(length=64), nullable=True),
        sa.Column("document_id", sa.Uuid(), nullable=True),
        sa.Column("uploaded_by", sa.Uuid(), nullable=True),
        *_timestamps(),
        _version(),
        _user_fk("files", "uploaded_by"),
        _tenant_fk("files"),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_files")),
    )
    op.create_index("ix_files_tenant_created", "files", ["tenant_id", "created_at", "id"])
    op.create_index("ix_files_tenant_document", "files", ["tenant_id", "document_type", "document_id"])
    op.create_index("uq_files_tenant_storage_key", "files", ["tenant_id", "storage_key"], unique=True)

    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)
    # Decisions are the requests' history: the runtime role may add to it, never rewrite it.
    op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON approval_decisions FROM {RUNTIME_ROLE}")


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
    for name in ENUMS:
        op.execute(f"DROP TYPE IF EXISTS {name}")
