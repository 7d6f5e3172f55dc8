"""Routing: resolving a document's flow and approvers, submitting and previewing."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import literal_column, select
from sqlalchemy.orm import aliased

from bizsuite.core import clock
from bizsuite.core.approvals.models import (
    ApprovalDecision,
    ApprovalFlow,
    ApprovalFlowStep,
    ApprovalRequest,
    ApprovalStep,
    ApproverAssignment,
    DecisionAction,
    RequestStatus,
    StepStatus,
)
from bizsuite.core.approvals.rules import (
    DocumentFacts,
    FlowConditions,
    OrgNode,
    PlannedStep,
    RouteError,
    StepRule,
    next_position,
    plan_route,
    select_flow,
)
from bizsuite.core.approvals.schemas import (
    DocumentIn,
)
from bizsuite.core.approvals.services.acting import (
    _check_amount,
    _is_admin,
    _raise,
    _require_member,
    acting_user_id,
)
from bizsuite.core.approvals.services.alerts import REQUESTED_EVENT, _event_payload, _notify_approver
from bizsuite.core.approvals.services.documents import registration
from bizsuite.core.approvals.services.flows import _steps_of
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import (
    ConflictProblem,
    FieldError,
    ForbiddenProblem,
    ValidationProblem,
)
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import fetch_reference
from bizsuite.core.webhooks.services import emit_event

# --- routing ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SubmittedDocument:
    """What a module tells the engine about a document it submits."""

    document_type: str
    document_id: uuid.UUID
    title: str
    org_unit_id: uuid.UUID
    author_id: uuid.UUID
    amount: Decimal | None = None
    currency: str | None = None
    category: str | None = None


def _conditions(flow: ApprovalFlow) -> FlowConditions:
    return FlowConditions(
        flow_id=flow.id,
        code=flow.code,
        priority=flow.priority,
        is_active=flow.is_active,
        document_types=tuple(flow.document_types),
        categories=tuple(flow.categories),
        org_unit_kinds=tuple(flow.org_unit_kinds),
        min_amount=flow.min_amount,
        max_amount=flow.max_amount,
        currency=flow.currency,
    )


def _rule(step: ApprovalFlowStep) -> StepRule:
    return StepRule(
        position=step.position,
        label=step.label,
        approver_kind=step.approver_kind,
        approver_role=step.approver_role,
        levels_up=step.levels_up,
        org_unit_kind=step.org_unit_kind,
        org_unit_id=step.org_unit_id,
        user_id=step.user_id,
        optional=step.optional,
    )


async def _ancestry(ctx: Context, unit_id: uuid.UUID) -> list[OrgNode]:
    """The unit and its ancestors, nearest first (one recursive query)."""
    chain = (
        select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.kind, literal_column("0").label("depth"))
        .where(OrgUnit.id == unit_id)
        .cte("chain", recursive=True)
    )
    up = aliased(OrgUnit)
    chain = chain.union_all(
        select(up.id, up.parent_id, up.kind, (chain.c.depth + 1).label("depth"))
        .where(up.id == chain.c.parent_id, up.tenant_id == ctx.tenant_id)
        .where(chain.c.depth < 1000)
    )
    rows = (await ctx.session.execute(select(chain).order_by(chain.c.depth))).all()
    return [OrgNode(id=row.id, parent_id=row.parent_id, kind=str(row.kind.value)) for row in rows]


async def _holders(
    ctx: Context, roles: Iterable[str], unit_ids: Iterable[uuid.UUID]
) -> dict[tuple[uuid.UUID, str], list[uuid.UUID]]:
    roles, unit_ids = set(roles), set(unit_ids)
    holders: dict[tuple[uuid.UUID, str], list[uuid.UUID]] = {}
    if not roles or not unit_ids:
        return holders
    rows = await ctx.session.execute(
        select(ApproverAssignment.org_unit_id, ApproverAssignment.approver_role, ApproverAssignment.user_id)
        .where(ApproverAssignment.approver_role.in_(roles), ApproverAssignment.org_unit_id.in_(unit_ids))
        .order_by(ApproverAssignment.created_at, ApproverAssignment.id)
    )
    for unit_id, role, user_id in rows:
        holders.setdefault((unit_id, role), []).append(user_id)
    return holders


@dataclass(frozen=True, slots=True)
class Route:
    """The chosen flow and the planned steps for one round."""

    flow: ApprovalFlow
    steps: list[PlannedStep]


async def plan(ctx: Context, document: SubmittedDocument) -> Route:
    """Choose the flow for a document and resolve its approvers, or raise a 422 saying why not."""
    errors: list[FieldError] = []
    _check_amount(document.amount, "amount", errors)
    if document.amount is not None and document.currency is None:
        errors.append(FieldError(field="currency", message="required with an amount"))
    _raise(errors)
    unit = await fetch_reference(ctx.session, OrgUnit, document.org_unit_id, field="org_unit_id")
    if unit.archived_at is not None:
        raise ValidationProblem.for_field("org_unit_id", "the org unit is archived")
    flows = {flow.id: flow for flow in await ctx.session.scalars(select(ApprovalFlow))}
    facts = DocumentFacts(
        document_type=document.document_type,
        org_unit_kind=unit.kind.value,
        category=document.category,
        amount=document.amount,
        currency=document.currency,
    )
    chosen = select_flow((_conditions(f) for f in flows.values()), facts)
    if chosen is None:
        raise ValidationProblem(
            "No active approval flow matches this document (its type, category, amount, currency "
            "and org unit kind); ask an admin to define one."
        )
    steps = (await _steps_of(ctx, [chosen.flow_id]))[chosen.flow_id]
    chain = await _ancestry(ctx, unit.id)
    named = [s.org_unit_id for s in steps if s.org_unit_id is not None]
    holders = await _holders(
        ctx, [s.approver_role for s in steps if s.approver_role], [n.id for n in chain] + named
    )
    try:
        planned = plan_route([_rule(s) for s in steps], chain, holders, document.author_id)
    except RouteError as exc:
        raise ValidationProblem(f"Flow {chosen.code!r} cannot route this document: {exc}.") from exc
    return Route(flows[chosen.flow_id], planned)


def _record(
    ctx: Context,
    request: ApprovalRequest,
    action: DecisionAction,
    actor_id: uuid.UUID | None,
    *,
    step: ApprovalStep | None = None,
    comment: str | None = None,
    delegate_id: uuid.UUID | None = None,
) -> None:
    ctx.session.add(
        ApprovalDecision(
            request_id=request.id,
            step_id=step.id if step is not None else None,
            round=request.round,
            action=action,
            actor_id=actor_id,
            actor_label=ctx.principal.label or None,
            delegate_id=delegate_id,
            comment=comment or None,
        )
    )


async def _start_round(ctx: Context, request: ApprovalRequest, route: Route) -> list[ApprovalStep]:
    request.flow_id = route.flow.id
    request.status = RequestStatus.PENDING
    request.decided_at = None
    request.submitted_at = clock.now(ctx)
    steps = [
        ApprovalStep(
            request_id=request.id,
            round=request.round,
            position=planned.position,
            label=planned.label,
            approver_role=planned.approver_role,
            org_unit_id=planned.org_unit_id,
            approver_id=planned.approver_id if not planned.skipped else None,
            status=StepStatus.SKIPPED if planned.skipped else StepStatus.WAITING,
            skip_reason=planned.skip_reason.value if planned.skip_reason else None,
        )
        for planned in route.steps
    ]
    first = next_position(((s.position, s.status) for s in steps), None)
    for step in steps:
        if step.position == first:
            step.status = StepStatus.PENDING
            request.current_position = step.position
            request.current_approver_id = step.approver_id
    ctx.session.add_all(steps)
    await ctx.session.flush()
    for step in steps:
        if step.status is StepStatus.PENDING:
            await _notify_approver(ctx, request, step)
    await emit_event(ctx, REQUESTED_EVENT, _event_payload(request))
    return steps


async def _resubmit(
    ctx: Context,
    request: ApprovalRequest,
    document: SubmittedDocument,
    *,
    comment: str | None,
    actor_id: uuid.UUID | None,
) -> ApprovalRequest:
    before = snapshot(request)
    route = await plan(ctx, document)
    request.title, request.org_unit_id = document.title, document.org_unit_id
    request.amount, request.currency, request.category = document.amount, document.currency, document.category
    request.round += 1
    await _start_round(ctx, request, route)
    _record(ctx, request, DecisionAction.RESUBMITTED, actor_id, comment=comment)
    ctx.audit("approval_request.resubmitted", request, before=before, after=snapshot(request))
    return request


async def submit_document(ctx: Context, document: SubmittedDocument) -> ApprovalRequest:
    """Start approval of a document, or a new round of one that was rejected or withdrawn."""
    registered = registration(document.document_type)
    if registered is None:
        raise ValidationProblem.for_field(
            "document_type", f"unknown document type {document.document_type!r}"
        )
    await _require_member(ctx, document.author_id, field="author_id")
    existing = await ctx.session.scalar(
        select(ApprovalRequest)
        .where(
            ApprovalRequest.document_type == document.document_type,
            ApprovalRequest.document_id == document.document_id,
        )
        .with_for_update()
    )
    if existing is not None:
        if existing.status not in {RequestStatus.REJECTED, RequestStatus.WITHDRAWN}:
            raise ConflictProblem(f"This document is already {existing.status.value}.")
        if existing.author_id != document.author_id:
            raise ForbiddenProblem("Only the author can re-submit this document.")
        return await _resubmit(ctx, existing, document, comment=None, actor_id=document.author_id)
    route = await plan(ctx, document)
    request = ApprovalRequest(
        document_type=document.document_type,
        document_id=document.document_id,
        title=document.title,
        org_unit_id=document.org_unit_id,
        amount=document.amount,
        currency=document.currency,
        category=document.category,
        author_id=document.author_id,
        flow_id=route.flow.id,
        status=RequestStatus.PENDING,
        round=1,
    )
    ctx.session.add(request)
    await ctx.session.flush()
    await _start_round(ctx, request, route)
    _record(ctx, request, DecisionAction.SUBMITTED, await acting_user_id(ctx))
    ctx.audit("approval_request.submitted", request, after=snapshot(request))
    return request


async def submit_from_api(ctx: Context, data: DocumentIn) -> ApprovalRequest:
    """Submit a generic document through the API (document types that allow it only)."""
    registered = registration(data.document_type)
    if registered is None or not registered.api_submittable:
        raise ValidationProblem.for_field(
            "document_type",
            f"{data.document_type!r} cannot be submitted through this endpoint; its module submits it",
        )
    caller = await acting_user_id(ctx)
    author_id = data.author_id or caller
    if author_id is None:
        raise ValidationProblem.for_field("author_id", "required when the caller is not a person")
    if author_id != caller and not _is_admin(ctx):
        raise ForbiddenProblem("Only admins submit documents on someone else's behalf.")
    return await submit_document(
        ctx,
        SubmittedDocument(
            document_type=data.document_type,
            document_id=data.document_id or uuid.uuid4(),
            title=data.title,
            org_unit_id=data.org_unit_id,
            author_id=author_id,
            amount=data.amount,
            currency=data.currency,
            category=data.category,
        ),
    )


async def preview(ctx: Context, data: DocumentIn) -> Route:
    """The flow and approvers a document would get, without submitting it."""
    author_id = data.author_id or await acting_user_id(ctx) or uuid.UUID(int=0)
    return await plan(
        ctx,
        SubmittedDocument(
            document_type=data.document_type,
            document_id=data.document_id or uuid.uuid4(),
            title=data.title,
            org_unit_id=data.org_unit_id,
            author_id=author_id,
            amount=data.amount,
            currency=data.currency,
            category=data.category,
        ),
    )
