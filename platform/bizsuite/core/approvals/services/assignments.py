"""Approver assignments: who holds which approver role at which org unit."""

import uuid

import msgspec
from sqlalchemy import exists, select

from bizsuite.core.approvals.models import (
    ApproverAssignment,
)
from bizsuite.core.approvals.schemas import (
    ApproverAssignmentCreate,
    ApproverAssignmentUpdate,
)
from bizsuite.core.approvals.services.acting import _require_member
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page

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
        raise ConflictProblem.for_field("approver_role", "this member already holds this role there")
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
    if not isinstance(data.user_id, msgspec.UnsetType):
        await _require_member(ctx, data.user_id, field="user_id")
    if not isinstance(data.org_unit_id, msgspec.UnsetType):
        await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    user_id = assignment.user_id if isinstance(data.user_id, msgspec.UnsetType) else data.user_id
    org_unit_id = (
        assignment.org_unit_id if isinstance(data.org_unit_id, msgspec.UnsetType) else data.org_unit_id
    )
    role = (
        assignment.approver_role if isinstance(data.approver_role, msgspec.UnsetType) else data.approver_role
    )
    if await _assignment_taken(ctx, user_id, org_unit_id, role, assignment.id):
        raise ConflictProblem.for_field("approver_role", "this member already holds this role there")
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
