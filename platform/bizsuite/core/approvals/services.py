"""Approval workflows: who approves where, flow definitions, and requests moving through their steps.

Business modules use three names: :func:`register_document_type` (once, at import) to get the
decision back, :func:`submit_document` to start (or restart) approval of a document, and the
:class:`ApprovalRequest` handed to their callback.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import Select, delete, exists, func, literal_column, or_, select
from sqlalchemy.orm import aliased

from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.approvals.models import (
    ApprovalDecision,
    ApprovalFlow,
    ApprovalFlowStep,
    ApprovalRequest,
    ApprovalStep,
    ApproverAssignment,
    ApproverKind,
    DecisionAction,
    RequestStatus,
    StepStatus,
)
from bizsuite.core.approvals.rules import (
    APPROVED_ALERT,
    PENDING_ALERT,
    REJECTED_ALERT,
    DocumentFacts,
    FlowConditions,
    OrgNode,
    PlannedStep,
    RouteError,
    StepRule,
    alert_title,
    amount_error,
    next_position,
    outcome_alert_key,
    pending_alert_key,
    plan_route,
    select_flow,
)
from bizsuite.core.approvals.schemas import (
    ApprovalFlowCreate,
    ApprovalFlowUpdate,
    ApproverAssignmentCreate,
    ApproverAssignmentUpdate,
    DelegationIn,
    DocumentIn,
    FlowStepIn,
    ResubmitIn,
)
from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import (
    ConflictProblem,
    FieldError,
    ForbiddenProblem,
    NotFoundProblem,
    ValidationProblem,
)
from bizsuite.core.identity.models import ApiKey, Membership, Role, User
from bizsuite.core.identity.services import user_names
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.core.webhooks.rules import register_event_type
from bizsuite.core.webhooks.services import emit_event

log = logging.getLogger(__name__)

# --- the decision callback registry -------------------------------------------------------------

#: Called once when a round ends (approved, rejected or withdrawn), in the deciding transaction.
DecisionHandler = Callable[[Context, ApprovalRequest], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class DocumentTypeRegistration:
    """A document type the engine routes, and where its decisions go."""

    document_type: str
    on_decided: DecisionHandler
    #: Whether ``POST /api/v1/approvals/requests`` may submit it (generic documents only).
    api_submittable: bool = False


_REGISTRY: dict[str, DocumentTypeRegistration] = {}


def register_document_type(
    document_type: str, on_decided: DecisionHandler, *, api_submittable: bool = False
) -> None:
    """Route documents of ``document_type`` and call ``on_decided(ctx, request)`` when a round ends.

    The callback runs in the same transaction as the final decision: if it raises, the
    decision is not saved either. ``request.status`` says how the round ended.
    """
    existing = _REGISTRY.get(document_type)
    if existing is not None and existing.on_decided is not on_decided:
        raise ValueError(f"document type {document_type!r} is already registered")
    _REGISTRY[document_type] = DocumentTypeRegistration(document_type, on_decided, api_submittable)


def unregister_document_type(document_type: str) -> None:
    """Forget a document type (tests and module unloading)."""
    _REGISTRY.pop(document_type, None)


def registration(document_type: str) -> DocumentTypeRegistration | None:
    """Return how ``document_type`` is registered, if it is."""
    return _REGISTRY.get(document_type)


async def _record_demo_decision(ctx: Context, request: ApprovalRequest) -> None:
    """The generic demo document has no module: its outcome goes to the audit log."""
    ctx.audit(
        f"expense_demo.{request.status.value}",
        request,
        target_type="expense_demo",
        target_id=request.document_id,
        after={"request_id": str(request.id), "round": request.round, "status": request.status.value},
    )


#: A document type any member can submit through the API, for trying the engine without a module.
DEMO_DOCUMENT_TYPE = "expense_demo"
register_document_type(DEMO_DOCUMENT_TYPE, _record_demo_decision, api_submittable=True)


# --- alerts and webhook events ------------------------------------------------------------------

#: Webhook events of the engine; endpoints subscribe to them one by one or as ``approval.*``.
REQUESTED_EVENT = "approval.requested"
APPROVED_EVENT = "approval.approved"
REJECTED_EVENT = "approval.rejected"
register_event_type(REQUESTED_EVENT, "A document was submitted (or re-submitted) for approval.")
register_event_type(APPROVED_EVENT, "A document was approved by its last approver.")
register_event_type(REJECTED_EVENT, "A document was rejected and returned to its author.")


async def _locale_of(ctx: Context, user_id: uuid.UUID) -> str:
    """The language a person reads alerts in: their own, else the tenant's."""
    locale: str | None = await ctx.session.scalar(select(User.locale).where(User.id == user_id))
    return locale or ctx.tenant.locale


def _alert_data(request: ApprovalRequest, step: ApprovalStep | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "request_id": str(request.id),
        "document_type": request.document_type,
        "document_id": str(request.document_id),
        "round": request.round,
        "status": request.status.value,
        "amount": str(request.amount) if request.amount is not None else None,
        "currency": request.currency,
    }
    if step is not None:
        data.update(position=step.position, step_label=step.label)
    return data


async def _notify_approver(ctx: Context, request: ApprovalRequest, step: ApprovalStep) -> None:
    """Tell the step's approver the request waits for them: once per request, round, step and approver."""
    if step.approver_id is None:
        return
    await raise_alert(
        ctx,
        alert_type=PENDING_ALERT,
        severity=Severity.INFO,
        title=alert_title(PENDING_ALERT, request.title, await _locale_of(ctx, step.approver_id)),
        body=step.label,
        target=request,
        dedup_key=pending_alert_key(request.id, request.round, step.position, step.approver_id),
        recipients=[step.approver_id],
        data=_alert_data(request, step),
    )


async def _notify_author(ctx: Context, request: ApprovalRequest, comment: str | None) -> None:
    """Tell the author how the round ended (approved, or rejected with the approver's comment)."""
    if request.status is RequestStatus.APPROVED:
        alert_type, severity = APPROVED_ALERT, Severity.INFO
    elif request.status is RequestStatus.REJECTED:
        alert_type, severity = REJECTED_ALERT, Severity.WARNING
    else:
        return  # a withdrawal is the author's own doing
    await raise_alert(
        ctx,
        alert_type=alert_type,
        severity=severity,
        title=alert_title(alert_type, request.title, await _locale_of(ctx, request.author_id)),
        body=comment or None,
        target=request,
        dedup_key=outcome_alert_key(alert_type, request.id, request.round),
        recipients=[request.author_id],
        data={**_alert_data(request), "comment": comment or None},
    )


def _event_payload(request: ApprovalRequest, **extra: Any) -> dict[str, Any]:
    return {**snapshot(request), **extra}


# --- who is acting ------------------------------------------------------------------------------


async def acting_user_id(ctx: Context) -> uuid.UUID | None:
    """The person behind the request: the signed-in user, or the user who created the API key."""
    principal = ctx.principal
    if principal.user_id is not None:
        return principal.user_id
    if principal.api_key_id is not None:
        created_by: uuid.UUID | None = await ctx.session.scalar(
            select(ApiKey.created_by).where(ApiKey.id == principal.api_key_id)
        )
        if created_by is not None and await _is_member(ctx, created_by):
            return created_by
    return None


async def _require_person(ctx: Context) -> uuid.UUID:
    user_id = await acting_user_id(ctx)
    if user_id is None:
        raise ForbiddenProblem(
            "Approvals are decided by people: sign in, or use an API key created by a signed-in member."
        )
    return user_id


async def _is_member(ctx: Context, user_id: uuid.UUID) -> bool:
    return bool(await ctx.session.scalar(select(exists().where(Membership.user_id == user_id))))


async def _require_member(ctx: Context, user_id: uuid.UUID, *, field: str) -> None:
    if not await _is_member(ctx, user_id):
        raise ValidationProblem.for_field(field, f"no member with user id {user_id}")


def _is_manager(ctx: Context) -> bool:
    return ctx.principal.role is not None and ctx.principal.role.at_least(Role.MANAGER)


def _is_admin(ctx: Context) -> bool:
    return ctx.principal.role is not None and ctx.principal.role.at_least(Role.ADMIN)


def _check_amount(amount: Decimal | None, field: str, errors: list[FieldError]) -> None:
    if amount is not None and (message := amount_error(amount)):
        errors.append(FieldError(field=field, message=message))


def _raise(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationProblem("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


# --- approver assignments -----------------------------------------------------------------------


async def list_assignments(
    ctx: Context,
    *,
    limit: int,
    cursor: str | None,
    user_id: uuid.UUID | None = None,
    org_unit_id: uuid.UUID | None = None,
    approver_role: str | None = None,
) -> tuple[list[ApproverAssignment], str | None]:
    """Return a page of approver assignments, oldest first."""
    statement = select(ApproverAssignment)
    if user_id is not None:
        statement = statement.where(ApproverAssignment.user_id == user_id)
    if org_unit_id is not None:
        statement = statement.where(ApproverAssignment.org_unit_id == org_unit_id)
    if approver_role is not None:
        statement = statement.where(ApproverAssignment.approver_role == approver_role)
    return await list_page(ctx.session, statement, ApproverAssignment, limit=limit, cursor=cursor)


async def get_assignment(ctx: Context, assignment_id: uuid.UUID) -> ApproverAssignment:
    """Return one assignment or 404."""
    return await fetch(ctx.session, ApproverAssignment, assignment_id, what="approver assignment")


async def _assignment_taken(
    ctx: Context, user_id: uuid.UUID, org_unit_id: uuid.UUID, role: str, other_than: uuid.UUID | None
) -> bool:
    condition = (
        (ApproverAssignment.user_id == user_id)
        & (ApproverAssignment.org_unit_id == org_unit_id)
        & (ApproverAssignment.approver_role == role)
    )
    if other_than is not None:
        condition = condition & (ApproverAssignment.id != other_than)
    return bool(await ctx.session.scalar(select(exists().where(condition))))


async def create_assignment(ctx: Context, data: ApproverAssignmentCreate) -> ApproverAssignment:
    """Make a member an approver at an org unit of the same tenant."""
    await _require_member(ctx, data.user_id, field="user_id")
    await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    if await _assignment_taken(ctx, data.user_id, data.org_unit_id, data.approver_role, None):
        raise ValidationProblem.for_field("approver_role", "this member already holds this role there")
    assignment = ApproverAssignment(
        user_id=data.user_id, org_unit_id=data.org_unit_id, approver_role=data.approver_role
    )
    ctx.session.add(assignment)
    await ctx.session.flush()
    ctx.audit("approver_assignment.created", assignment, after=snapshot(assignment))
    return assignment


async def update_assignment(
    ctx: Context, assignment_id: uuid.UUID, data: ApproverAssignmentUpdate, if_match: str | None
) -> ApproverAssignment:
    """Move an assignment to another member, unit or role (requests under way keep their approver)."""
    assignment = await get_assignment(ctx, assignment_id)
    check_version(assignment, if_match)
    before = snapshot(assignment)
    if data.user_id is not None:
        await _require_member(ctx, data.user_id, field="user_id")
    if data.org_unit_id is not None:
        await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    user_id = data.user_id or assignment.user_id
    org_unit_id = data.org_unit_id or assignment.org_unit_id
    role = data.approver_role or assignment.approver_role
    if await _assignment_taken(ctx, user_id, org_unit_id, role, assignment.id):
        raise ValidationProblem.for_field("approver_role", "this member already holds this role there")
    assignment.user_id, assignment.org_unit_id, assignment.approver_role = user_id, org_unit_id, role
    await ctx.session.flush()
    ctx.audit("approver_assignment.updated", assignment, before=before, after=snapshot(assignment))
    return assignment


async def delete_assignment(ctx: Context, assignment_id: uuid.UUID, if_match: str | None) -> None:
    """Remove an assignment (requests under way keep their approver)."""
    assignment = await get_assignment(ctx, assignment_id)
    check_version(assignment, if_match)
    before = snapshot(assignment)
    await ctx.session.delete(assignment)
    await ctx.session.flush()
    ctx.audit("approver_assignment.deleted", assignment, before=before, target_id=assignment_id)


# --- flows --------------------------------------------------------------------------------------


@dataclass(slots=True)
class FlowWithSteps:
    """A flow and its ordered steps."""

    flow: ApprovalFlow
    steps: list[ApprovalFlowStep]


async def _steps_of(ctx: Context, flow_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[ApprovalFlowStep]]:
    found: dict[uuid.UUID, list[ApprovalFlowStep]] = {flow_id: [] for flow_id in flow_ids}
    if flow_ids:
        rows = await ctx.session.scalars(
            select(ApprovalFlowStep)
            .where(ApprovalFlowStep.flow_id.in_(flow_ids))
            .order_by(ApprovalFlowStep.flow_id, ApprovalFlowStep.position)
        )
        for step in rows:
            found[step.flow_id].append(step)
    return found


async def list_flows(
    ctx: Context, *, limit: int, cursor: str | None, is_active: bool | None = None
) -> tuple[list[FlowWithSteps], str | None]:
    """Return a page of flows with their steps, oldest first."""
    statement = select(ApprovalFlow)
    if is_active is not None:
        statement = statement.where(ApprovalFlow.is_active.is_(is_active))
    flows, next_cursor = await list_page(ctx.session, statement, ApprovalFlow, limit=limit, cursor=cursor)
    steps = await _steps_of(ctx, [f.id for f in flows])
    return [FlowWithSteps(f, steps[f.id]) for f in flows], next_cursor


async def get_flow(ctx: Context, flow_id: uuid.UUID) -> FlowWithSteps:
    """Return one flow with its steps, or 404."""
    flow = await fetch(ctx.session, ApprovalFlow, flow_id, what="approval flow")
    return FlowWithSteps(flow, (await _steps_of(ctx, [flow.id]))[flow.id])


def step_shape_errors(steps: Sequence[FlowStepIn]) -> list[FieldError]:
    """Field errors for steps that lack what their approver kind needs (or carry what it ignores)."""
    errors: list[FieldError] = []
    for i, step in enumerate(steps):
        at = f"steps[{i}]"
        kind = step.approver_kind
        if kind is ApproverKind.USER:
            if step.user_id is None:
                errors.append(FieldError(field=f"{at}.user_id", message="required for a user step"))
        elif step.approver_role is None:
            errors.append(
                FieldError(field=f"{at}.approver_role", message=f"required for a {kind.value} step")
            )
        if kind is ApproverKind.ROLE_AT_ANCESTOR_KIND and step.org_unit_kind is None:
            errors.append(FieldError(field=f"{at}.org_unit_kind", message="required for this step"))
        if kind is ApproverKind.ROLE_AT_NAMED_UNIT and step.org_unit_id is None:
            errors.append(FieldError(field=f"{at}.org_unit_id", message="required for this step"))
        if kind is not ApproverKind.ROLE_AT_NAMED_UNIT and step.org_unit_id is not None:
            errors.append(FieldError(field=f"{at}.org_unit_id", message="only for role_at_named_unit steps"))
        if kind is not ApproverKind.USER and step.user_id is not None:
            errors.append(FieldError(field=f"{at}.user_id", message="only for user steps"))
        if kind is not ApproverKind.ROLE_AT_UNIT and step.levels_up:
            errors.append(FieldError(field=f"{at}.levels_up", message="only for role_at_unit steps"))
    return errors


async def _check_step_references(ctx: Context, steps: Sequence[FlowStepIn]) -> None:
    for i, step in enumerate(steps):
        if step.org_unit_id is not None:
            await fetch_reference(ctx.session, OrgUnit, step.org_unit_id, field=f"steps[{i}].org_unit_id")
        if step.user_id is not None:
            await _require_member(ctx, step.user_id, field=f"steps[{i}].user_id")


def _bounds_errors(min_amount: Decimal | None, max_amount: Decimal | None) -> list[FieldError]:
    errors: list[FieldError] = []
    _check_amount(min_amount, "min_amount", errors)
    _check_amount(max_amount, "max_amount", errors)
    if not errors and min_amount is not None and max_amount is not None and max_amount <= min_amount:
        errors.append(FieldError(field="max_amount", message="must be greater than min_amount"))
    return errors


async def _code_taken(ctx: Context, code: str, other_than: uuid.UUID | None = None) -> bool:
    condition = ApprovalFlow.code == code
    if other_than is not None:
        condition = condition & (ApprovalFlow.id != other_than)
    return bool(await ctx.session.scalar(select(exists().where(condition))))


def _step_rows(flow_id: uuid.UUID, steps: Sequence[FlowStepIn]) -> list[ApprovalFlowStep]:
    return [
        ApprovalFlowStep(
            flow_id=flow_id,
            position=i + 1,
            label=step.label,
            approver_kind=step.approver_kind,
            approver_role=step.approver_role,
            levels_up=step.levels_up,
            org_unit_kind=step.org_unit_kind.value if step.org_unit_kind else None,
            org_unit_id=step.org_unit_id,
            user_id=step.user_id,
            optional=step.optional,
        )
        for i, step in enumerate(steps)
    ]


def flow_snapshot(flow: FlowWithSteps) -> dict[str, Any]:
    """A flow and its steps as audit data."""
    data = snapshot(flow.flow)
    data["steps"] = [snapshot(step) for step in flow.steps]
    return data


async def create_flow(ctx: Context, data: ApprovalFlowCreate) -> FlowWithSteps:
    """Define a flow: its selection conditions and ordered steps."""
    _raise(step_shape_errors(data.steps) + _bounds_errors(data.min_amount, data.max_amount))
    await _check_step_references(ctx, data.steps)
    if await _code_taken(ctx, data.code):
        raise ValidationProblem.for_field("code", f"code {data.code!r} is already used")
    flow = ApprovalFlow(
        code=data.code,
        name=data.name,
        priority=data.priority,
        is_active=data.is_active,
        document_types=sorted(set(data.document_types)),
        categories=sorted(set(data.categories)),
        org_unit_kinds=sorted({k.value for k in data.org_unit_kinds}),
        min_amount=data.min_amount,
        max_amount=data.max_amount,
        currency=data.currency,
    )
    ctx.session.add(flow)
    await ctx.session.flush()
    steps = _step_rows(flow.id, data.steps)
    ctx.session.add_all(steps)
    await ctx.session.flush()
    result = FlowWithSteps(flow, steps)
    ctx.audit("approval_flow.created", flow, after=flow_snapshot(result))
    return result


async def update_flow(
    ctx: Context, flow_id: uuid.UUID, data: ApprovalFlowUpdate, if_match: str | None
) -> FlowWithSteps:
    """Change a flow; new ``steps`` replace the old ones (requests under way keep their route)."""
    current = await get_flow(ctx, flow_id)
    flow = current.flow
    check_version(flow, if_match)
    before = flow_snapshot(current)
    min_amount = flow.min_amount if data.min_amount is msgspec.UNSET else data.min_amount
    max_amount = flow.max_amount if data.max_amount is msgspec.UNSET else data.max_amount
    _raise(step_shape_errors(data.steps or []) + _bounds_errors(min_amount, max_amount))
    if data.steps is not None:
        await _check_step_references(ctx, data.steps)
    if data.code is not None and data.code != flow.code and await _code_taken(ctx, data.code, flow.id):
        raise ValidationProblem.for_field("code", f"code {data.code!r} is already used")
    steps = current.steps
    if data.steps is not None:
        # Before touching the flow: this statement autoflushes, and the flow's version moves once.
        await ctx.session.execute(delete(ApprovalFlowStep).where(ApprovalFlowStep.flow_id == flow.id))
        steps = _step_rows(flow.id, data.steps)
        ctx.session.add_all(steps)
    for name in ("code", "name", "priority", "is_active"):
        value = getattr(data, name)
        if value is not None:
            setattr(flow, name, value)
    if data.document_types is not None:
        flow.document_types = sorted(set(data.document_types))
    if data.categories is not None:
        flow.categories = sorted(set(data.categories))
    if data.org_unit_kinds is not None:
        flow.org_unit_kinds = sorted({k.value for k in data.org_unit_kinds})
    flow.min_amount, flow.max_amount = min_amount, max_amount
    if not isinstance(data.currency, msgspec.UnsetType):
        flow.currency = data.currency
    # Touch the flow so its version moves even when only the steps changed.
    flow.updated_at = utcnow()
    await ctx.session.flush()
    result = FlowWithSteps(flow, steps)
    ctx.audit("approval_flow.updated", flow, before=before, after=flow_snapshot(result))
    return result


async def delete_flow(ctx: Context, flow_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a flow no request used; otherwise deactivate it instead."""
    current = await get_flow(ctx, flow_id)
    check_version(current.flow, if_match)
    used = await ctx.session.scalar(select(exists().where(ApprovalRequest.flow_id == flow_id)))
    if used:
        raise ConflictProblem("Requests were routed by this flow; deactivate it instead (is_active: false).")
    before = flow_snapshot(current)
    await ctx.session.execute(delete(ApprovalFlowStep).where(ApprovalFlowStep.flow_id == flow_id))
    await ctx.session.delete(current.flow)
    await ctx.session.flush()
    ctx.audit("approval_flow.deleted", current.flow, before=before, target_id=flow_id)


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
    request.submitted_at = utcnow()
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


# --- deciding -----------------------------------------------------------------------------------


async def _locked(ctx: Context, request_id: uuid.UUID) -> ApprovalRequest:
    """Read a request for update: concurrent decisions on it wait for each other."""
    request = await ctx.session.scalar(
        select(ApprovalRequest)
        .where(ApprovalRequest.id == request_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if request is None:
        raise NotFoundProblem(f"No approval request with id {request_id}.")
    return request


async def round_steps(ctx: Context, request: ApprovalRequest) -> list[ApprovalStep]:
    """The steps of the request's current round, in order."""
    return list(
        await ctx.session.scalars(
            select(ApprovalStep)
            .where(ApprovalStep.request_id == request.id, ApprovalStep.round == request.round)
            .order_by(ApprovalStep.position)
        )
    )


def _require_pending(request: ApprovalRequest) -> None:
    if request.status is not RequestStatus.PENDING:
        raise ConflictProblem(f"This request is {request.status.value}, not pending.")


def _current(steps: Sequence[ApprovalStep], request: ApprovalRequest) -> ApprovalStep:
    return next(s for s in steps if s.position == request.current_position)


async def _finish(
    ctx: Context, request: ApprovalRequest, status: RequestStatus, comment: str | None = None
) -> None:
    """End the round, hand the outcome to the document's module exactly once, and tell the author."""
    request.status = status
    request.decided_at = utcnow()
    request.current_position = None
    request.current_approver_id = None
    await ctx.session.flush()
    registered = registration(request.document_type)
    if registered is None:
        log.warning("no decision handler for document type %s", request.document_type)
    else:
        await registered.on_decided(ctx, request)
    await _notify_author(ctx, request, comment)
    if status is RequestStatus.APPROVED:
        await emit_event(ctx, APPROVED_EVENT, _event_payload(request))
    elif status is RequestStatus.REJECTED:
        await emit_event(ctx, REJECTED_EVENT, _event_payload(request, comment=comment))


async def approve(
    ctx: Context, request_id: uuid.UUID, comment: str | None, if_match: str | None
) -> ApprovalRequest:
    """The current approver approves their step; the last approval approves the request."""
    request = await _locked(ctx, request_id)
    _require_pending(request)
    user_id = await _require_person(ctx)
    if user_id != request.current_approver_id:
        raise ForbiddenProblem("You are not the current approver of this request.")
    check_version(request, if_match)
    before = snapshot(request)
    steps = await round_steps(ctx, request)
    step = _current(steps, request)
    step.status, step.decided_by, step.decided_at, step.comment = (
        StepStatus.APPROVED,
        user_id,
        utcnow(),
        comment,
    )
    _record(ctx, request, DecisionAction.APPROVED, user_id, step=step, comment=comment)
    following = next_position(((s.position, s.status) for s in steps), step.position)
    if following is None:
        await _finish(ctx, request, RequestStatus.APPROVED, comment)
        action = "approval_request.approved"
    else:
        upcoming = next(s for s in steps if s.position == following)
        upcoming.status = StepStatus.PENDING
        request.current_position, request.current_approver_id = upcoming.position, upcoming.approver_id
        await ctx.session.flush()
        await _notify_approver(ctx, request, upcoming)
        action = "approval_request.step_approved"
    ctx.audit(action, request, before=before, after=snapshot(request))
    return request


async def reject(ctx: Context, request_id: uuid.UUID, comment: str, if_match: str | None) -> ApprovalRequest:
    """The current approver rejects: the round ends and the document returns to its author."""
    request = await _locked(ctx, request_id)
    _require_pending(request)
    user_id = await _require_person(ctx)
    if user_id != request.current_approver_id:
        raise ForbiddenProblem("You are not the current approver of this request.")
    check_version(request, if_match)
    before = snapshot(request)
    steps = await round_steps(ctx, request)
    step = _current(steps, request)
    step.status, step.decided_by, step.decided_at, step.comment = (
        StepStatus.REJECTED,
        user_id,
        utcnow(),
        comment,
    )
    for other in steps:
        if other.status is StepStatus.WAITING:
            other.status = StepStatus.CANCELLED
    _record(ctx, request, DecisionAction.REJECTED, user_id, step=step, comment=comment)
    await _finish(ctx, request, RequestStatus.REJECTED, comment)
    ctx.audit("approval_request.rejected", request, before=before, after=snapshot(request))
    return request


async def withdraw(
    ctx: Context, request_id: uuid.UUID, comment: str | None, if_match: str | None
) -> ApprovalRequest:
    """The author takes a pending document back."""
    request = await _locked(ctx, request_id)
    _require_pending(request)
    user_id = await _require_person(ctx)
    if user_id != request.author_id:
        raise ForbiddenProblem("Only the author can withdraw this request.")
    check_version(request, if_match)
    before = snapshot(request)
    for step in await round_steps(ctx, request):
        if step.status in {StepStatus.WAITING, StepStatus.PENDING}:
            step.status = StepStatus.CANCELLED
    _record(ctx, request, DecisionAction.WITHDRAWN, user_id, comment=comment)
    await _finish(ctx, request, RequestStatus.WITHDRAWN)
    ctx.audit("approval_request.withdrawn", request, before=before, after=snapshot(request))
    return request


async def delegate(
    ctx: Context, request_id: uuid.UUID, data: DelegationIn, if_match: str | None
) -> ApprovalRequest:
    """Hand the current step to another member (the current approver, or an admin for a stuck request)."""
    request = await _locked(ctx, request_id)
    _require_pending(request)
    user_id = await acting_user_id(ctx)
    if user_id != request.current_approver_id and not _is_admin(ctx):
        raise ForbiddenProblem("Only the current approver (or an admin) can delegate this step.")
    check_version(request, if_match)
    await _require_member(ctx, data.to_user_id, field="to_user_id")
    if data.to_user_id == request.author_id:
        raise ValidationProblem.for_field("to_user_id", "the author cannot approve their own document")
    if data.to_user_id == request.current_approver_id:
        raise ValidationProblem.for_field("to_user_id", "this member is already the approver")
    before = snapshot(request)
    step = _current(await round_steps(ctx, request), request)
    step.approver_id = data.to_user_id
    request.current_approver_id = data.to_user_id
    _record(
        ctx,
        request,
        DecisionAction.DELEGATED,
        user_id,
        step=step,
        comment=data.comment,
        delegate_id=data.to_user_id,
    )
    await ctx.session.flush()
    await _notify_approver(ctx, request, step)
    ctx.audit("approval_request.delegated", request, before=before, after=snapshot(request))
    return request


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


async def resubmit(
    ctx: Context, request_id: uuid.UUID, data: ResubmitIn, if_match: str | None
) -> ApprovalRequest:
    """The author sends a rejected or withdrawn document through a new round (history is kept)."""
    request = await _locked(ctx, request_id)
    if request.status not in {RequestStatus.REJECTED, RequestStatus.WITHDRAWN}:
        raise ConflictProblem(
            f"Only rejected or withdrawn requests can be re-submitted; this one is {request.status.value}."
        )
    user_id = await _require_person(ctx)
    if user_id != request.author_id:
        raise ForbiddenProblem("Only the author can re-submit this request.")
    check_version(request, if_match)
    document = SubmittedDocument(
        document_type=request.document_type,
        document_id=request.document_id,
        title=data.title or request.title,
        org_unit_id=data.org_unit_id or request.org_unit_id,
        author_id=request.author_id,
        amount=data.amount if data.amount is not None else request.amount,
        currency=data.currency or request.currency,
        category=data.category or request.category,
    )
    return await _resubmit(ctx, request, document, comment=data.comment, actor_id=user_id)


# --- reading ------------------------------------------------------------------------------------


async def _can_view(ctx: Context, request: ApprovalRequest) -> bool:
    if _is_manager(ctx):
        return True
    user_id = await acting_user_id(ctx)
    if user_id is None:
        return False
    if user_id in {request.author_id, request.current_approver_id}:
        return True
    on_route = select(
        exists().where(
            ApprovalStep.request_id == request.id,
            or_(ApprovalStep.approver_id == user_id, ApprovalStep.decided_by == user_id),
        )
    )
    if await ctx.session.scalar(on_route):
        return True
    involved = select(
        exists().where(
            ApprovalDecision.request_id == request.id,
            or_(ApprovalDecision.actor_id == user_id, ApprovalDecision.delegate_id == user_id),
        )
    )
    return bool(await ctx.session.scalar(involved))


async def get_request(ctx: Context, request_id: uuid.UUID) -> tuple[ApprovalRequest, list[ApprovalStep]]:
    """Return a request with its current round's steps (author, approvers and managers only)."""
    request = await fetch(ctx.session, ApprovalRequest, request_id, what="approval request")
    if not await _can_view(ctx, request):
        raise ForbiddenProblem("Only the author, its approvers and managers can see this request.")
    return request, await round_steps(ctx, request)


async def list_decisions(
    ctx: Context, request_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[ApprovalDecision], str | None]:
    """Return a page of a request's history, oldest first."""
    await get_request(ctx, request_id)
    statement = select(ApprovalDecision).where(ApprovalDecision.request_id == request_id)
    return await list_page(ctx.session, statement, ApprovalDecision, limit=limit, cursor=cursor)


@dataclass(frozen=True, slots=True)
class RequestFilter:
    """Filters for request lists."""

    status: RequestStatus | None = None
    document_type: str | None = None
    document_id: uuid.UUID | None = None
    author_id: uuid.UUID | None = None
    current_approver_id: uuid.UUID | None = None


def _filtered(statement: Select[Any], flt: RequestFilter) -> Select[Any]:
    for column, value in (
        (ApprovalRequest.status, flt.status),
        (ApprovalRequest.document_type, flt.document_type),
        (ApprovalRequest.document_id, flt.document_id),
        (ApprovalRequest.author_id, flt.author_id),
        (ApprovalRequest.current_approver_id, flt.current_approver_id),
    ):
        if value is not None:
            statement = statement.where(column == value)
    return statement


async def list_requests(
    ctx: Context, flt: RequestFilter, *, limit: int, cursor: str | None
) -> tuple[list[ApprovalRequest], str | None]:
    """Return a page of all the tenant's requests, newest first (managers)."""
    statement = _filtered(select(ApprovalRequest), flt)
    return await list_page(
        ctx.session, statement, ApprovalRequest, limit=limit, cursor=cursor, descending=True
    )


async def list_inbox(
    ctx: Context, *, limit: int, cursor: str | None
) -> tuple[list[ApprovalRequest], str | None]:
    """My approvals: pending requests waiting for the caller, oldest first."""
    user_id = await _require_person(ctx)
    statement = select(ApprovalRequest).where(
        ApprovalRequest.current_approver_id == user_id, ApprovalRequest.status == RequestStatus.PENDING
    )
    return await list_page(ctx.session, statement, ApprovalRequest, limit=limit, cursor=cursor)


async def list_submissions(
    ctx: Context, status: RequestStatus | None, *, limit: int, cursor: str | None
) -> tuple[list[ApprovalRequest], str | None]:
    """My submissions: requests the caller authored, newest first."""
    user_id = await _require_person(ctx)
    statement = _filtered(select(ApprovalRequest), RequestFilter(status=status, author_id=user_id))
    return await list_page(
        ctx.session, statement, ApprovalRequest, limit=limit, cursor=cursor, descending=True
    )


async def pending_count(ctx: Context, user_id: uuid.UUID) -> int:
    """How many pending requests wait for ``user_id`` (the shell's badge: one indexed COUNT)."""
    count = await ctx.session.scalar(
        select(func.count())
        .select_from(ApprovalRequest)
        .where(
            ApprovalRequest.current_approver_id == user_id, ApprovalRequest.status == RequestStatus.PENDING
        )
    )
    return int(count or 0)


@dataclass(frozen=True, slots=True)
class Labels:
    """Display names of the people, org units and flows that requests and flows refer to."""

    users: dict[uuid.UUID, str]
    org_units: dict[uuid.UUID, str]
    flows: dict[uuid.UUID, str]


async def labels_for(
    ctx: Context,
    *,
    user_ids: Iterable[uuid.UUID | None] = (),
    org_unit_ids: Iterable[uuid.UUID | None] = (),
    flow_ids: Iterable[uuid.UUID | None] = (),
) -> Labels:
    """Names for the given ids (ids of the tenant's own rows; unknown ids are left out)."""
    users = {u for u in user_ids if u is not None}
    units = {u for u in org_unit_ids if u is not None}
    flows = {f for f in flow_ids if f is not None}
    unit_names: dict[uuid.UUID, str] = {}
    flow_names: dict[uuid.UUID, str] = {}
    if units:
        unit_names = {
            row.id: row.name
            for row in await ctx.session.execute(
                select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(units))
            )
        }
    if flows:
        flow_names = {
            row.id: row.name
            for row in await ctx.session.execute(
                select(ApprovalFlow.id, ApprovalFlow.name).where(ApprovalFlow.id.in_(flows))
            )
        }
    return Labels(users=await user_names(ctx, users), org_units=unit_names, flows=flow_names)


async def available_actions(ctx: Context, request: ApprovalRequest) -> frozenset[str]:
    """What the caller may do with ``request`` now: the checks the deciding services make.

    Pages show only these actions; each service call checks again (and re-checks the version).
    """
    user_id = await acting_user_id(ctx)
    is_author = user_id is not None and user_id == request.author_id
    actions: set[str] = set()
    if request.status is RequestStatus.PENDING:
        if user_id is not None and user_id == request.current_approver_id:
            actions |= {"approve", "reject", "delegate"}
        elif _is_admin(ctx):
            actions.add("delegate")
        if is_author:
            actions.add("withdraw")
    elif request.status in {RequestStatus.REJECTED, RequestStatus.WITHDRAWN} and is_author:
        actions.add("resubmit")
    return frozenset(actions)
