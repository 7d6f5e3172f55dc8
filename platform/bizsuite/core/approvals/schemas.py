"""Request and response bodies for approvals."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from bizsuite.core.approvals.models import (
    ApproverKind,
    DecisionAction,
    RequestStatus,
    StepStatus,
)
from bizsuite.core.org_units.models import OrgUnitKind
from bizsuite.core.org_units.schemas import Code, Name

#: An approver role such as ``store_manager`` or ``finance`` (tenant-defined).
ApproverRole = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=64,
        pattern=r"^[a-z][a-z0-9_]*$",
        description="An approver role such as `store_manager` (lower-case letters, digits, `_`).",
    ),
]
#: A document type such as ``expense_demo`` or ``contract``.
DocumentType = Annotated[
    str,
    msgspec.Meta(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_.]*$", description="A document type."),
]
Category = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
Currency = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. `CNY`.")]
#: Money travels as a decimal string (``"1234.50"``), never a float.
Amount = Annotated[Decimal, msgspec.Meta(description="A decimal string with at most 2 decimals.")]
Comment = Annotated[str, msgspec.Meta(max_length=2000)]
RequiredComment = Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Priority = Annotated[int, msgspec.Meta(ge=0, le=10_000)]
LevelsUp = Annotated[int, msgspec.Meta(ge=0, le=20)]


# --- approver assignments -----------------------------------------------------------------------


class ApproverAssignmentCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Make a member an approver with ``approver_role`` at one org unit."""

    user_id: uuid.UUID
    org_unit_id: uuid.UUID
    approver_role: ApproverRole


class ApproverAssignmentUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value. Send ``If-Match: <version>``."""

    user_id: uuid.UUID | msgspec.UnsetType = msgspec.UNSET
    org_unit_id: uuid.UUID | msgspec.UnsetType = msgspec.UNSET
    approver_role: ApproverRole | msgspec.UnsetType = msgspec.UNSET


class ApproverAssignmentOut(msgspec.Struct, kw_only=True):
    """A member's approver role at an org unit."""

    id: uuid.UUID
    user_id: uuid.UUID
    org_unit_id: uuid.UUID
    approver_role: str
    created_at: datetime
    updated_at: datetime
    version: int


class ApproverAssignmentFilters(msgspec.Struct, kw_only=True, frozen=True):
    """The approver list's filters: a member, an org unit, an approver role."""

    user_id: uuid.UUID | None = None
    org_unit_id: uuid.UUID | None = None
    approver_role: str | None = None


class ApproverAssignmentPage(msgspec.Struct, kw_only=True):
    """A page of approver assignments."""

    items: list[ApproverAssignmentOut]
    next_cursor: str | None


# --- flows --------------------------------------------------------------------------------------


class FlowStepIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One step of a flow, in the order given.

    - ``role_at_unit``: ``approver_role`` at the document's org unit, or ``levels_up`` above it;
    - ``role_at_ancestor_kind``: ``approver_role`` at the nearest unit of ``org_unit_kind``;
    - ``nearest_role``: ``approver_role`` at the nearest unit (upwards) where someone holds it;
    - ``role_at_named_unit``: ``approver_role`` at ``org_unit_id``;
    - ``user``: the member ``user_id``.
    """

    label: Name
    approver_kind: ApproverKind
    approver_role: ApproverRole | None = None
    levels_up: LevelsUp = 0
    org_unit_kind: OrgUnitKind | None = None
    org_unit_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    optional: bool = False


class FlowStepOut(msgspec.Struct, kw_only=True):
    """One step of a flow."""

    position: int
    label: str
    approver_kind: ApproverKind
    approver_role: str | None
    levels_up: int
    org_unit_kind: str | None
    org_unit_id: uuid.UUID | None
    user_id: uuid.UUID | None
    optional: bool


class ApprovalFlowCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new flow: the conditions that select it and its ordered steps."""

    code: Code
    name: Name
    steps: Annotated[list[FlowStepIn], msgspec.Meta(min_length=1, max_length=20)]
    priority: Priority = 100
    is_active: bool = True
    document_types: Annotated[list[DocumentType], msgspec.Meta(max_length=50)] = msgspec.field(
        default_factory=list
    )
    categories: Annotated[list[Category], msgspec.Meta(max_length=50)] = msgspec.field(default_factory=list)
    org_unit_kinds: list[OrgUnitKind] = msgspec.field(default_factory=list)
    min_amount: Amount | None = None
    max_amount: Amount | None = None
    currency: Currency | None = None


class ApprovalFlowUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; ``steps`` replaces all steps. Send ``If-Match: <version>``.

    Requests already under way keep the route they were given.
    """

    code: Code | msgspec.UnsetType = msgspec.UNSET
    name: Name | msgspec.UnsetType = msgspec.UNSET
    steps: Annotated[list[FlowStepIn], msgspec.Meta(min_length=1, max_length=20)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    priority: Priority | msgspec.UnsetType = msgspec.UNSET
    is_active: bool | msgspec.UnsetType = msgspec.UNSET
    document_types: Annotated[list[DocumentType], msgspec.Meta(max_length=50)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    categories: Annotated[list[Category], msgspec.Meta(max_length=50)] | msgspec.UnsetType = msgspec.UNSET
    org_unit_kinds: list[OrgUnitKind] | msgspec.UnsetType = msgspec.UNSET
    #: ``null`` removes the bound; an omitted field keeps its value.
    min_amount: Amount | msgspec.UnsetType | None = msgspec.UNSET
    max_amount: Amount | msgspec.UnsetType | None = msgspec.UNSET
    currency: Currency | msgspec.UnsetType | None = msgspec.UNSET


class ApprovalFlowOut(msgspec.Struct, kw_only=True):
    """A flow definition."""

    id: uuid.UUID
    code: str
    name: str
    priority: int
    is_active: bool
    document_types: list[str]
    categories: list[str]
    org_unit_kinds: list[str]
    min_amount: Decimal | None
    max_amount: Decimal | None
    currency: str | None
    steps: list[FlowStepOut]
    created_at: datetime
    updated_at: datetime
    version: int


class ApprovalFlowPage(msgspec.Struct, kw_only=True):
    """A page of flows."""

    items: list[ApprovalFlowOut]
    next_cursor: str | None


# --- requests -----------------------------------------------------------------------------------


class DocumentIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A document to route for approval.

    Through the API only document types that accept API submissions (``expense_demo``)
    can be submitted; business modules submit their own documents in process.
    ``author_id`` lets an admin submit on someone's behalf; by default the caller is the author.
    """

    document_type: DocumentType
    title: Title
    org_unit_id: uuid.UUID
    document_id: uuid.UUID | None = None
    amount: Amount | None = None
    currency: Currency | None = None
    category: Category | None = None
    author_id: uuid.UUID | None = None


class ResubmitIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Send a rejected or withdrawn document through a new round, optionally changed."""

    comment: Comment | None = None
    title: Title | None = None
    org_unit_id: uuid.UUID | None = None
    amount: Amount | None = None
    currency: Currency | None = None
    category: Category | None = None


class DecisionIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An approval, with an optional comment."""

    comment: Comment | None = None


class RejectionIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A rejection: say why, the author reads it."""

    comment: RequiredComment


class WithdrawalIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The author takes the document back."""

    comment: Comment | None = None


class DelegationIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Hand the current step to another member."""

    to_user_id: uuid.UUID
    comment: Comment | None = None


class ApprovalStepOut(msgspec.Struct, kw_only=True):
    """One step of the current round."""

    id: uuid.UUID
    round: int
    position: int
    label: str
    approver_role: str | None
    org_unit_id: uuid.UUID | None
    approver_id: uuid.UUID | None
    status: StepStatus
    skip_reason: str | None
    decided_by: uuid.UUID | None
    decided_at: datetime | None
    comment: str | None


class ApprovalRequestOut(msgspec.Struct, kw_only=True):
    """An approval request with the steps of its current round."""

    id: uuid.UUID
    document_type: str
    document_id: uuid.UUID
    title: str
    org_unit_id: uuid.UUID
    amount: Decimal | None
    currency: str | None
    category: str | None
    author_id: uuid.UUID
    flow_id: uuid.UUID
    status: RequestStatus
    round: int
    current_position: int | None
    current_approver_id: uuid.UUID | None
    submitted_at: datetime
    decided_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int
    steps: list[ApprovalStepOut]


class ApprovalRequestSummary(msgspec.Struct, kw_only=True):
    """An approval request in a list."""

    id: uuid.UUID
    document_type: str
    document_id: uuid.UUID
    title: str
    org_unit_id: uuid.UUID
    amount: Decimal | None
    currency: str | None
    category: str | None
    author_id: uuid.UUID
    flow_id: uuid.UUID
    status: RequestStatus
    round: int
    current_position: int | None
    current_approver_id: uuid.UUID | None
    submitted_at: datetime
    decided_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class ApprovalRequestFilters(msgspec.Struct, kw_only=True, frozen=True):
    """Filters of the request lists (each on an indexed column)."""

    status: RequestStatus | None = None
    document_type: str | None = None
    document_id: uuid.UUID | None = None
    author_id: uuid.UUID | None = None
    current_approver_id: uuid.UUID | None = None


class SubmissionFilters(msgspec.Struct, kw_only=True, frozen=True):
    """The filters of my submissions."""

    status: RequestStatus | None = None


class ApprovalRequestPage(msgspec.Struct, kw_only=True):
    """A page of approval requests."""

    items: list[ApprovalRequestSummary]
    next_cursor: str | None


class ApprovalDecisionOut(msgspec.Struct, kw_only=True):
    """One recorded event of a request."""

    id: uuid.UUID
    created_at: datetime
    round: int
    step_id: uuid.UUID | None
    action: DecisionAction
    actor_id: uuid.UUID | None
    actor_label: str | None
    delegate_id: uuid.UUID | None
    comment: str | None


class ApprovalDecisionPage(msgspec.Struct, kw_only=True):
    """A page of a request's history, oldest first."""

    items: list[ApprovalDecisionOut]
    next_cursor: str | None


class RoutePreviewStep(msgspec.Struct, kw_only=True):
    """A step the document would go through."""

    position: int
    label: str
    approver_role: str | None
    org_unit_id: uuid.UUID | None
    approver_id: uuid.UUID | None
    skip_reason: str | None


class RoutePreview(msgspec.Struct, kw_only=True):
    """The flow a document would follow and who would approve it, in order."""

    flow_id: uuid.UUID
    flow_code: str
    steps: list[RoutePreviewStep]
