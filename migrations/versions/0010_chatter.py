"""Chatter (notes, mentions, followers) and scheduled activities (issue 12).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ("chatter_messages", "chatter_followers", "scheduled_activities")
ENUMS = ("chatter_message_kind", "activity_type", "activity_status")


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "chatter_messages",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("target_type", sa.String(length=64), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("note", "activity_done", name="chatter_message_kind"),
            server_default="note",
            nullable=False,
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_user_id", sa.Uuid(), nullable=True),
        sa.Column("author_label", sa.String(length=200), nullable=False),
        sa.Column(
            "mentioned_user_ids",
            postgresql.ARRAY(sa.Uuid()),
            server_default=sa.text("'{}'::uuid[]"),
            nullable=False,
        ),
        *_stamps(),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_user_id"],
            ["users.id"],
            name=op.f("fk_chatter_messages_author_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_chatter_messages_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_chatter_messages")),
    )
    op.create_index(
        "ix_chatter_messages_tenant_created", "chatter_messages", ["tenant_id", "created_at", "id"]
    )
    op.create_index(
        "ix_chatter_messages_tenant_target",
        "chatter_messages",
        ["tenant_id", "target_type", "target_id", "created_at", "id"],
    )
    op.create_table(
        "chatter_followers",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("target_type", sa.String(length=64), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("following", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_chatter_followers_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_chatter_followers_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_chatter_followers")),
    )
    op.create_index(
        "ix_chatter_followers_tenant_created", "chatter_followers", ["tenant_id", "created_at", "id"]
    )
    op.create_index(
        "uq_chatter_followers_tenant_target_user",
        "chatter_followers",
        ["tenant_id", "target_type", "target_id", "user_id"],
        unique=True,
    )
    op.create_table(
        "scheduled_activities",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("target_type", sa.String(length=64), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column(
            "activity_type",
            sa.Enum("call", "meeting", "email", "todo", name="activity_type"),
            nullable=False,
        ),
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("assignee_user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("planned", "done", name="activity_status"),
            server_default="planned",
            nullable=False,
        ),
        sa.Column("feedback", sa.Text(), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("reminder_stage", sa.SmallInteger(), server_default=sa.text("0"), nullable=False),
        *_stamps(),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignee_user_id"],
            ["users.id"],
            name=op.f("fk_scheduled_activities_assignee_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_scheduled_activities_created_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_scheduled_activities_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_scheduled_activities")),
    )
    op.create_index(
        "ix_scheduled_activities_tenant_created", "scheduled_activities", ["tenant_id", "created_at", "id"]
    )
    op.create_index(
        "ix_scheduled_activities_tenant_target",
        "scheduled_activities",
        ["tenant_id", "target_type", "target_id", "due_date"],
    )
    op.create_index(
        "ix_scheduled_activities_tenant_assignee",
        "scheduled_activities",
        ["tenant_id", "assignee_user_id", "status", "due_date"],
    )
    op.create_index(
        "ix_scheduled_activities_reminders",
        "scheduled_activities",
        ["tenant_id", "due_date"],
        postgresql_where=sa.text("status = 'planned' AND reminder_stage < 2"),
    )
    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
    for name in ENUMS:
        op.execute(f"DROP TYPE IF EXISTS {name}")
