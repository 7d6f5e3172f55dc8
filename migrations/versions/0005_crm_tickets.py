"""CRM service tickets (工单) and SLA policies: policies, their milestones, tickets, ticket
milestones and ticket events.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = (
    "crm_sla_policies",
    "crm_sla_policy_milestones",
    "crm_tickets",
    "crm_ticket_events",
    "crm_ticket_milestones",
)
ENUMS = (
    "crm_ticket_category",
    "crm_ticket_priority",
    "crm_ticket_status",
    "crm_sla_anchor",
    "crm_ticket_event_kind",
)


def upgrade() -> None:
    op.create_table(
        "crm_sla_policies",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "fault",
                "elevator_fault",
                "repair",
                "complaint",
                "request",
                "inquiry",
                name="crm_ticket_category",
            ),
            nullable=True,
        ),
        sa.Column(
            "priority", sa.Enum("low", "normal", "high", "urgent", name="crm_ticket_priority"), nullable=True
        ),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_sla_policies_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_sla_policies")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_crm_sla_policies_code"),
    )
    op.create_index(
        "ix_crm_sla_policies_tenant_created",
        "crm_sla_policies",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "crm_sla_policy_milestones",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("policy_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("target_minutes", sa.Integer(), nullable=True),
        sa.Column("same_day", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("anchor", sa.Enum("created", "previous", name="crm_sla_anchor"), nullable=False),
        sa.Column("reason_allowed", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "(target_minutes IS NULL) <> (same_day = false)",
            name=op.f("ck_crm_sla_policy_milestones_target_minutes_or_same_day"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "policy_id"],
            ["crm_sla_policies.tenant_id", "crm_sla_policies.id"],
            name=op.f("fk_crm_sla_policy_milestones_tenant_id_policy_id_crm_sla_policies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_sla_policy_milestones_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_sla_policy_milestones")),
        sa.UniqueConstraint("tenant_id", "policy_id", "key", name="uq_crm_sla_policy_milestones_key"),
        sa.UniqueConstraint(
            "tenant_id", "policy_id", "position", name="uq_crm_sla_policy_milestones_position"
        ),
    )
    op.create_index(
        "ix_crm_sla_policy_milestones_tenant_created",
        "crm_sla_policy_milestones",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "crm_tickets",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column(
            "category",
            sa.Enum(
                "fault",
                "elevator_fault",
                "repair",
                "complaint",
                "request",
                "inquiry",
                name="crm_ticket_category",
            ),
            nullable=False,
        ),
        sa.Column(
            "priority", sa.Enum("low", "normal", "high", "urgent", name="crm_ticket_priority"), nullable=False
        ),
        sa.Column(
            "status",
            sa.Enum("open", "in_progress", "waiting", "resolved", "closed", name="crm_ticket_status"),
            server_default="open",
            nullable=False,
        ),
        sa.Column("assignee_user_id", sa.Uuid(), nullable=True),
        sa.Column("zone_id", sa.Uuid(), nullable=True),
        sa.Column("policy_id", sa.Uuid(), nullable=True),
        sa.Column("satisfaction", sa.SmallInteger(), nullable=True),
        sa.Column("close_note", sa.Text(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("satisfaction BETWEEN 1 AND 5", name=op.f("ck_crm_tickets_satisfaction_range")),
        sa.ForeignKeyConstraint(
            ["assignee_user_id"], ["users.id"], name=op.f("fk_crm_tickets_assignee_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "account_id"],
            ["crm_accounts.tenant_id", "crm_accounts.id"],
            name=op.f("fk_crm_tickets_tenant_id_account_id_crm_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "contact_id"],
            ["crm_contacts.tenant_id", "crm_contacts.id"],
            name=op.f("fk_crm_tickets_tenant_id_contact_id_crm_contacts"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "policy_id"],
            ["crm_sla_policies.tenant_id", "crm_sla_policies.id"],
            name=op.f("fk_crm_tickets_tenant_id_policy_id_crm_sla_policies"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "zone_id"],
            ["crm_zones.tenant_id", "crm_zones.id"],
            name=op.f("fk_crm_tickets_tenant_id_zone_id_crm_zones"),
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_crm_tickets_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_tickets")),
        sa.UniqueConstraint("tenant_id", "number", name="uq_crm_tickets_number"),
    )
    op.create_index(
        "ix_crm_tickets_tenant_account",
        "crm_tickets",
        ["tenant_id", "account_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_tickets_tenant_assignee",
        "crm_tickets",
        ["tenant_id", "assignee_user_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_tickets_tenant_created", "crm_tickets", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_crm_tickets_tenant_status",
        "crm_tickets",
        ["tenant_id", "status", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "crm_ticket_events",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "created",
                "status_changed",
                "milestone_met",
                "sla_breached",
                "closed",
                name="crm_ticket_event_kind",
            ),
            nullable=False,
        ),
        sa.Column(
            "from_status",
            sa.Enum("open", "in_progress", "waiting", "resolved", "closed", name="crm_ticket_status"),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum("open", "in_progress", "waiting", "resolved", "closed", name="crm_ticket_status"),
            nullable=True,
        ),
        sa.Column("milestone_key", sa.String(length=50), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("actor_label", sa.String(length=200), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ticket_id"],
            ["crm_tickets.tenant_id", "crm_tickets.id"],
            name=op.f("fk_crm_ticket_events_tenant_id_ticket_id_crm_tickets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_ticket_events_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_ticket_events")),
    )
    op.create_index(
        "ix_crm_ticket_events_tenant_created",
        "crm_ticket_events",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_ticket_events_tenant_ticket",
        "crm_ticket_events",
        ["tenant_id", "ticket_id", "occurred_at", "id"],
        unique=False,
    )
    op.create_table(
        "crm_ticket_milestones",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("target_minutes", sa.Integer(), nullable=True),
        sa.Column("same_day", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("anchor", sa.Enum("created", "previous", name="crm_sla_anchor"), nullable=False),
        sa.Column("reason_allowed", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("met_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("breached_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("alerted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ticket_id"],
            ["crm_tickets.tenant_id", "crm_tickets.id"],
            name=op.f("fk_crm_ticket_milestones_tenant_id_ticket_id_crm_tickets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_crm_ticket_milestones_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_crm_ticket_milestones")),
        sa.UniqueConstraint("tenant_id", "ticket_id", "key", name="uq_crm_ticket_milestones_key"),
    )
    op.create_index(
        "ix_crm_ticket_milestones_open_due",
        "crm_ticket_milestones",
        ["tenant_id", "due_at"],
        unique=False,
        postgresql_where=sa.text("met_at IS NULL AND breached_at IS NULL"),
    )
    op.create_index(
        "ix_crm_ticket_milestones_tenant_created",
        "crm_ticket_milestones",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_crm_ticket_milestones_tenant_ticket",
        "crm_ticket_milestones",
        ["tenant_id", "ticket_id", "position"],
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
