"""Reading requests: one request, its history, the lists, badges, labels and actions."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, func, or_, select

from bizsuite.core.approvals.models import (
    ApprovalDecision,
    ApprovalFlow,
    ApprovalRequest,
    ApprovalStep,
    RequestStatus,
)
from bizsuite.core.approvals.schemas import ApprovalRequestFilters
from bizsuite.core.approvals.services.acting import _is_admin, _is_manager, _require_person, acting_user_id
from bizsuite.core.approvals.services.decisions import round_steps
from bizsuite.core.context import Context
from bizsuite.core.errors import (
    ForbiddenProblem,
)
from bizsuite.core.identity.services import user_names
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import fetch, list_page

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


#: The request lists' filters (kept under its former name).
RequestFilter = ApprovalRequestFilters


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
