"""Approval rows: approver assignments, flow definitions, requests with their steps and decisions."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Enum,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk, utcnow

#: Money columns: up to 16 digits before the point, exactly 2 after.
MONEY = Numeric(18, 2)


def _enum(kind: type[enum.Enum], name: str) -> Enum:
    return Enum(kind, name=name, values_callable=lambda e: [m.value for m in e])


class ApproverKind(enum.StrEnum):
    """How a flow step finds its approver."""

    #: ``approver_role`` at the document's org unit, or ``levels_up`` levels above it.
    ROLE_AT_UNIT = "role_at_unit"
    #: ``approver_role`` at the nearest org unit of ``org_unit_kind`` (the document's own unit first).
    ROLE_AT_ANCESTOR_KIND = "role_at_ancestor_kind"
    #: ``approver_role`` at the nearest org unit (the document's own unit first) where someone holds it.
    NEAREST_ROLE = "nearest_role"
    #: ``approver_role`` at one named org unit (``org_unit_id``), wherever the document is.
    ROLE_AT_NAMED_UNIT = "role_at_named_unit"
    #: One specific user (``user_id``).
    USER = "user"


class RequestStatus(enum.StrEnum):
    """Where an approval request stands."""

    PENDING = "pending"
    APPROVED = "approved"
    #: Rejected by an approver: the document is back with its author, who may re-submit.
    REJECTED = "rejected"
    #: Withdrawn by its author, who may re-submit.
    WITHDRAWN = "withdrawn"


class StepStatus(enum.StrEnum):
    """Where one step of a round stands."""

    WAITING = "waiting"
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class DecisionAction(enum.StrEnum):
    """What happened to a request (the recorded history)."""

    SUBMITTED = "submitted"
    RESUBMITTED = "resubmitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    DELEGATED = "delegated"


class ApproverAssignment(TenantScoped, Timestamped, Versioned, Base):
    """A member holds an approver role (store_manager, finance...) at one org unit."""

    __tablename__ = "approver_assignments"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        # The user must be a member of the same tenant; leaving the tenant drops the assignment.
        ForeignKeyConstraint(
            ["tenant_id", "user_id"],
            ["memberships.tenant_id", "memberships.user_id"],
            ondelete="CASCADE",
        ),
        Index("ix_approver_assignments_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_approver_assignments_tenant_user", "tenant_id", "user_id"),
        Index(
            "uq_approver_assignments_tenant_unit_role_user",
            "tenant_id",
            "org_unit_id",
            "approver_role",
            "user_id",
            unique=True,
        ),
    )

    user_id: Mapped[uuid.UUID]
    org_unit_id: Mapped[uuid.UUID]
    approver_role: Mapped[str] = mapped_column(String(64))


class ApprovalFlow(TenantScoped, Timestamped, Versioned, Base):
    """A flow definition: conditions that select it and (in its steps) who approves, in order."""

    __tablename__ = "approval_flows"
    __table_args__ = (
        Index("ix_approval_flows_tenant_created", "tenant_id", "created_at", "id"),
        Index("uq_approval_flows_tenant_code", "tenant_id", "code", unique=True),
    )

    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    #: Lower numbers are tried first when several flows match a document.
    priority: Mapped[int] = mapped_column(Integer, default=100, server_default=text("100"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    #: Empty lists match anything.
    document_types: Mapped[list[str]] = mapped_column(
        ARRAY(String(64)), default=list, server_default=text("'{}'::varchar[]")
    )
    categories: Mapped[list[str]] = mapped_column(
        ARRAY(String(64)), default=list, server_default=text("'{}'::varchar[]")
    )
    org_unit_kinds: Mapped[list[str]] = mapped_column(
        ARRAY(String(32)), default=list, server_default=text("'{}'::varchar[]")
    )
    #: Inclusive lower and exclusive upper bound on the document's amount.
    min_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    max_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    #: When set, only documents in this currency match.
    currency: Mapped[str | None] = mapped_column(String(3))


class ApprovalFlowStep(TenantScoped, Base):
    """One step of a flow definition."""

    __tablename__ = "approval_flow_steps"
    __table_args__ = (
        tenant_fk("flow_id", "approval_flows.id", ondelete="CASCADE"),
        tenant_fk("org_unit_id", "org_units.id"),
        Index("uq_approval_flow_steps_tenant_flow_position", "tenant_id", "flow_id", "position", unique=True),
    )

    flow_id: Mapped[uuid.UUID]
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))
    approver_kind: Mapped[ApproverKind] = mapped_column(_enum(ApproverKind, "approver_kind"))
    approver_role: Mapped[str | None] = mapped_column(String(64))
    levels_up: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    org_unit_kind: Mapped[str | None] = mapped_column(String(32))
    org_unit_id: Mapped[uuid.UUID | None]
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    #: Skip the step (instead of refusing the submission) when nobody holds the role.
    optional: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))


class ApprovalRequest(TenantScoped, Timestamped, Versioned, Base):
    """A document submitted for approval; re-submissions after a rejection are new rounds of it."""

    __tablename__ = "approval_requests"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        tenant_fk("flow_id", "approval_flows.id"),
        Index("ix_approval_requests_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_approval_requests_tenant_approver", "tenant_id", "current_approver_id", "created_at", "id"),
        Index("ix_approval_requests_tenant_author", "tenant_id", "author_id", "created_at", "id"),
        Index(
            "uq_approval_requests_tenant_document",
            "tenant_id",
            "document_type",
            "document_id",
            unique=True,
        ),
    )

    document_type: Mapped[str] = mapped_column(String(64))
    document_id: Mapped[uuid.UUID]
    title: Mapped[str] = mapped_column(String(200))
    org_unit_id: Mapped[uuid.UUID]
    amount: Mapped[Decimal | None] = mapped_column(MONEY)
    currency: Mapped[str | None] = mapped_column(String(3))
    category: Mapped[str | None] = mapped_column(String(64))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    flow_id: Mapped[uuid.UUID]
    status: Mapped[RequestStatus] = mapped_column(_enum(RequestStatus, "approval_request_status"))
    #: 1 for the first submission, +1 for each re-submission.
    round: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    current_position: Mapped[int | None] = mapped_column(Integer)
    current_approver_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]


class ApprovalStep(TenantScoped, Timestamped, Base):
    """One step of one round, with the approver resolved when the round started."""

    __tablename__ = "approval_steps"
    __table_args__ = (
        tenant_fk("request_id", "approval_requests.id", ondelete="CASCADE"),
        tenant_fk("org_unit_id", "org_units.id"),
        Index(
            "uq_approval_steps_tenant_request_round_position",
            "tenant_id",
            "request_id",
            "round",
            "position",
            unique=True,
        ),
        Index("ix_approval_steps_tenant_approver", "tenant_id", "approver_id"),
    )

    request_id: Mapped[uuid.UUID]
    round: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))
    approver_role: Mapped[str | None] = mapped_column(String(64))
    #: The org unit where the approver holds the role (None for a named user).
    org_unit_id: Mapped[uuid.UUID | None]
    approver_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[StepStatus] = mapped_column(_enum(StepStatus, "approval_step_status"))
    skip_reason: Mapped[str | None] = mapped_column(String(32))
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    comment: Mapped[str | None] = mapped_column(Text)


class ApprovalDecision(TenantScoped, Base):
    """One recorded event of a request: who did what, when, with which comment (append-only)."""

    __tablename__ = "approval_decisions"
    __table_args__ = (
        tenant_fk("request_id", "approval_requests.id", ondelete="CASCADE"),
        tenant_fk("step_id", "approval_steps.id"),
        Index("ix_approval_decisions_tenant_request", "tenant_id", "request_id", "created_at", "id"),
    )

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    request_id: Mapped[uuid.UUID]
    step_id: Mapped[uuid.UUID | None]
    round: Mapped[int] = mapped_column(Integer)
    action: Mapped[DecisionAction] = mapped_column(_enum(DecisionAction, "approval_decision_action"))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    actor_label: Mapped[str | None] = mapped_column(String(254))
    delegate_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    comment: Mapped[str | None] = mapped_column(Text)
