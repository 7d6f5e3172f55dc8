"""Flow definitions: the conditions that select a flow and its ordered steps."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import delete, exists, select

from bizsuite.core.approvals.models import (
    ApprovalFlow,
    ApprovalFlowStep,
    ApprovalRequest,
    ApproverKind,
)
from bizsuite.core.approvals.schemas import (
    ApprovalFlowCreate,
    ApprovalFlowUpdate,
    FlowStepIn,
)
from bizsuite.core.approvals.services.acting import _check_amount, _raise, _require_member
from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import (
    ConflictProblem,
    FieldError,
)
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page

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
        raise ConflictProblem.for_field("code", f"code {data.code!r} is already used")
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
    new_steps = None if isinstance(data.steps, msgspec.UnsetType) else data.steps
    _raise(step_shape_errors(new_steps or []) + _bounds_errors(min_amount, max_amount))
    if new_steps is not None:
        await _check_step_references(ctx, new_steps)
    if (
        not isinstance(data.code, msgspec.UnsetType)
        and data.code != flow.code
        and await _code_taken(ctx, data.code, flow.id)
    ):
        raise ConflictProblem.for_field("code", f"code {data.code!r} is already used")
    steps = current.steps
    if new_steps is not None:
        # Before touching the flow: this statement autoflushes, and the flow's version moves once.
        await ctx.session.execute(delete(ApprovalFlowStep).where(ApprovalFlowStep.flow_id == flow.id))
        steps = _step_rows(flow.id, new_steps)
        ctx.session.add_all(steps)
    for name in ("code", "name", "priority", "is_active"):
        value = getattr(data, name)
        if not isinstance(value, msgspec.UnsetType):
            setattr(flow, name, value)
    if not isinstance(data.document_types, msgspec.UnsetType):
        flow.document_types = sorted(set(data.document_types))
    if not isinstance(data.categories, msgspec.UnsetType):
        flow.categories = sorted(set(data.categories))
    if not isinstance(data.org_unit_kinds, msgspec.UnsetType):
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
