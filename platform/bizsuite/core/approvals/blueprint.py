"""Approvals' part of a tenant blueprint: ``[[approver_assignments]]`` and ``[[approval_flows]]``.

Both refer to the blueprint's org units (by code) and users (by email), which are applied first.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from sqlalchemy import select

from bizsuite.core.approvals.models import ApprovalFlow, ApprovalFlowStep, ApproverAssignment, ApproverKind
from bizsuite.core.approvals.rules import amount_error
from bizsuite.core.approvals.schemas import Amount, ApproverRole, Category, DocumentType, Priority
from bizsuite.core.approvals.schemas import Currency as MoneyCurrency
from bizsuite.core.approvals.services import FlowWithSteps, flow_snapshot
from bizsuite.core.blueprints import ApplyReport, Blueprint, BlueprintSection, SectionError, assign
from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.identity.blueprint import emails_in
from bizsuite.core.identity.services import find_user_by_email
from bizsuite.core.org_units.blueprint import org_units_in
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.org_units.schemas import Code, Name

ASSIGNMENTS = "approver_assignments"
FLOWS = "approval_flows"


class ApproverAssignmentSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A member (``user`` is an email of ``users``) holds an approver role at an org unit (a code)."""

    user: str
    org_unit: str
    role: ApproverRole


class ApprovalFlowStepSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A flow step; ``org_unit`` is an org unit code, ``user`` an email of ``users``."""

    label: Name
    approver: ApproverKind
    role: ApproverRole | None = None
    levels_up: Annotated[int, msgspec.Meta(ge=0, le=20)] = 0
    org_unit_kind: OrgUnitKind | None = None
    org_unit: str | None = None
    user: str | None = None
    optional: bool = False


class ApprovalFlowSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An approval flow; amounts are written as strings (``"5000.00"``)."""

    code: Code
    name: Name
    steps: Annotated[list[ApprovalFlowStepSpec], msgspec.Meta(min_length=1, max_length=20)]
    priority: Priority = 100
    active: bool = True
    document_types: list[DocumentType] = msgspec.field(default_factory=list)
    categories: list[Category] = msgspec.field(default_factory=list)
    org_unit_kinds: list[OrgUnitKind] = msgspec.field(default_factory=list)
    min_amount: Amount | None = None
    max_amount: Amount | None = None
    currency: MoneyCurrency | None = None


def assignments_in(blueprint: Blueprint) -> list[ApproverAssignmentSpec]:
    """The blueprint's approver assignments (empty when it has none)."""
    assignments: list[ApproverAssignmentSpec] = blueprint.sections.get(ASSIGNMENTS, [])
    return assignments


def flows_in(blueprint: Blueprint) -> list[ApprovalFlowSpec]:
    """The blueprint's approval flows (empty when it has none)."""
    flows: list[ApprovalFlowSpec] = blueprint.sections.get(FLOWS, [])
    return flows


# --- checks -----------------------------------------------------------------------------------


def check_assignments(blueprint: Blueprint, specs: list[ApproverAssignmentSpec]) -> None:
    """Each names a user and an org unit of the blueprint, once."""
    codes = {unit.code for unit in org_units_in(blueprint)}
    emails = emails_in(blueprint)
    seen: set[tuple[str, str, str]] = set()
    for i, assignment in enumerate(specs):
        if assignment.user.lower() not in emails:
            raise SectionError(f"[{i}].user", f"no user with email {assignment.user!r}")
        if assignment.org_unit not in codes:
            raise SectionError(f"[{i}].org_unit", f"no org unit with code {assignment.org_unit!r}")
        key = (assignment.user.lower(), assignment.org_unit, assignment.role)
        if key in seen:
            raise SectionError(f"[{i}].role", "duplicate assignment")
        seen.add(key)


def check_flows(blueprint: Blueprint, specs: list[ApprovalFlowSpec]) -> None:
    """Codes are unique, amounts make sense, each step names what its kind of approver needs."""
    codes = {unit.code for unit in org_units_in(blueprint)}
    emails = emails_in(blueprint)
    flow_codes: set[str] = set()
    for i, flow in enumerate(specs):
        if flow.code in flow_codes:
            raise SectionError(f"[{i}].code", f"duplicate code {flow.code!r}")
        flow_codes.add(flow.code)
        for bound in ("min_amount", "max_amount"):
            value = getattr(flow, bound)
            if value is not None and (message := amount_error(value)):
                raise SectionError(f"[{i}].{bound}", message)
        if flow.min_amount is not None and flow.max_amount is not None and flow.max_amount <= flow.min_amount:
            raise SectionError(f"[{i}].max_amount", "must be greater than min_amount")
        for j, step in enumerate(flow.steps):
            at = f"[{i}].steps[{j}]"
            if step.approver is ApproverKind.USER:
                if step.user is None or step.user.lower() not in emails:
                    raise SectionError(f"{at}.user", f"no user with email {step.user!r}")
            elif step.role is None:
                raise SectionError(f"{at}.role", f"required for a {step.approver.value} step")
            if step.approver is ApproverKind.ROLE_AT_ANCESTOR_KIND and step.org_unit_kind is None:
                raise SectionError(f"{at}.org_unit_kind", "required for this step")
            if step.approver is ApproverKind.ROLE_AT_NAMED_UNIT and step.org_unit not in codes:
                raise SectionError(f"{at}.org_unit", f"no org unit with code {step.org_unit!r}")
            if step.approver is not ApproverKind.ROLE_AT_NAMED_UNIT and step.org_unit is not None:
                raise SectionError(f"{at}.org_unit", "only for role_at_named_unit steps")
            if step.approver is not ApproverKind.USER and step.user is not None:
                raise SectionError(f"{at}.user", "only for user steps")


# --- applying ---------------------------------------------------------------------------------


async def _ids_by_code(ctx: Context) -> dict[str, Any]:
    return {unit.code: unit.id for unit in await ctx.session.scalars(select(OrgUnit))}


async def apply_assignments(ctx: Context, specs: list[ApproverAssignmentSpec], report: ApplyReport) -> None:
    """Add the assignments the tenant lacks; others are kept."""
    if not specs:
        return
    units = await _ids_by_code(ctx)
    existing = {
        (a.user_id, a.org_unit_id, a.approver_role)
        for a in await ctx.session.scalars(select(ApproverAssignment))
    }
    for spec in specs:
        user = await find_user_by_email(ctx.session, spec.user)
        assert user is not None  # checked when parsing, created with the blueprint's users
        if (user.id, units[spec.org_unit], spec.role) in existing:
            continue
        assignment = ApproverAssignment(
            user_id=user.id, org_unit_id=units[spec.org_unit], approver_role=spec.role
        )
        ctx.session.add(assignment)
        await ctx.session.flush()
        ctx.audit("approver_assignment.created", assignment, after=snapshot(assignment))
        report.created.append(f"approver {spec.role} {spec.user} at {spec.org_unit}")
        existing.add((user.id, units[spec.org_unit], spec.role))


async def _step_values(
    ctx: Context, units: dict[str, Any], spec: ApprovalFlowStepSpec, position: int
) -> dict[str, Any]:
    user = await find_user_by_email(ctx.session, spec.user) if spec.user else None
    return {
        "position": position,
        "label": spec.label,
        "approver_kind": spec.approver,
        "approver_role": spec.role,
        "levels_up": spec.levels_up,
        "org_unit_kind": spec.org_unit_kind.value if spec.org_unit_kind else None,
        "org_unit_id": units[spec.org_unit] if spec.org_unit else None,
        "user_id": user.id if user else None,
        "optional": spec.optional,
    }


async def apply_flows(ctx: Context, specs: list[ApprovalFlowSpec], report: ApplyReport) -> None:
    """Create or update each flow with its steps (a changed flow is one new version)."""
    if not specs:
        return
    units = await _ids_by_code(ctx)
    flows = {flow.code: flow for flow in await ctx.session.scalars(select(ApprovalFlow))}
    for spec in specs:
        values = {
            "name": spec.name,
            "priority": spec.priority,
            "is_active": spec.active,
            "document_types": sorted(set(spec.document_types)),
            "categories": sorted(set(spec.categories)),
            "org_unit_kinds": sorted({k.value for k in spec.org_unit_kinds}),
            "min_amount": spec.min_amount,
            "max_amount": spec.max_amount,
            "currency": spec.currency,
        }
        wanted = [await _step_values(ctx, units, step, i + 1) for i, step in enumerate(spec.steps)]
        flow = flows.get(spec.code)
        if flow is None:
            flow = ApprovalFlow(code=spec.code, **values)
            ctx.session.add(flow)
            await ctx.session.flush()
            steps = [ApprovalFlowStep(flow_id=flow.id, **step) for step in wanted]
            ctx.session.add_all(steps)
            await ctx.session.flush()
            ctx.audit("approval_flow.created", flow, after=flow_snapshot(FlowWithSteps(flow, steps)))
            report.created.append(f"approval flow {spec.code}")
            continue
        current = list(
            await ctx.session.scalars(
                select(ApprovalFlowStep)
                .where(ApprovalFlowStep.flow_id == flow.id)
                .order_by(ApprovalFlowStep.position)
            )
        )
        before = flow_snapshot(FlowWithSteps(flow, current))
        have = [{name: getattr(step, name) for name in wanted[0]} for step in current]
        steps_changed = have != wanted
        if steps_changed or any(getattr(flow, name) != value for name, value in values.items()):
            if steps_changed:
                # Old steps go first (their positions are unique), before the flow changes once.
                for step in current:
                    await ctx.session.delete(step)
                await ctx.session.flush()
                current = [ApprovalFlowStep(flow_id=flow.id, **step) for step in wanted]
                ctx.session.add_all(current)
            assign(flow, values)
            flow.updated_at = utcnow()
            await ctx.session.flush()
            ctx.audit(
                "approval_flow.updated",
                flow,
                before=before,
                after=flow_snapshot(FlowWithSteps(flow, current)),
            )
            report.updated.append(f"approval flow {spec.code}")


SECTIONS = {
    ASSIGNMENTS: BlueprintSection(
        spec=list[ApproverAssignmentSpec], apply=apply_assignments, check=check_assignments, empty=list
    ),
    FLOWS: BlueprintSection(spec=list[ApprovalFlowSpec], apply=apply_flows, check=check_flows, empty=list),
}
