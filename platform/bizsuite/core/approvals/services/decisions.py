"""Deciding: approve, reject, withdraw, delegate and re-submit."""

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.approvals.models import (
    ApprovalRequest,
    ApprovalStep,
    DecisionAction,
    RequestStatus,
    StepStatus,
)
from bizsuite.core.approvals.rules import (
    next_position,
)
from bizsuite.core.approvals.schemas import (
    DelegationIn,
    ResubmitIn,
)
from bizsuite.core.approvals.services.acting import (
    _is_admin,
    _require_member,
    _require_person,
    acting_user_id,
)
from bizsuite.core.approvals.services.alerts import (
    APPROVED_EVENT,
    REJECTED_EVENT,
    _event_payload,
    _notify_approver,
    _notify_author,
)
from bizsuite.core.approvals.services.documents import registration
from bizsuite.core.approvals.services.routing import SubmittedDocument, _record, _resubmit
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import (
    ConflictProblem,
    ForbiddenProblem,
    NotFoundProblem,
    ValidationProblem,
)
from bizsuite.core.repository import check_version
from bizsuite.core.webhooks.services import emit_event

log = logging.getLogger(__name__)

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
    request.decided_at = clock.now(ctx)
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


async def _decide_step(
    ctx: Context, request_id: uuid.UUID, if_match: str | None, status: StepStatus, comment: str | None
) -> tuple[ApprovalRequest, uuid.UUID, dict[str, Any], list[ApprovalStep], ApprovalStep]:
    """The current approver decides their step: the request locked and checked, the step marked."""
    request = await _locked(ctx, request_id)
    _require_pending(request)
    user_id = await _require_person(ctx)
    if user_id != request.current_approver_id:
        raise ForbiddenProblem("You are not the current approver of this request.")
    check_version(request, if_match)
    before = snapshot(request)
    steps = await round_steps(ctx, request)
    step = _current(steps, request)
    step.status, step.decided_by, step.decided_at, step.comment = status, user_id, clock.now(ctx), comment
    return request, user_id, before, steps, step


async def approve(
    ctx: Context, request_id: uuid.UUID, comment: str | None, if_match: str | None
) -> ApprovalRequest:
    """The current approver approves their step; the last approval approves the request."""
    request, user_id, before, steps, step = await _decide_step(
        ctx, request_id, if_match, StepStatus.APPROVED, comment
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
    request, user_id, before, steps, step = await _decide_step(
        ctx, request_id, if_match, StepStatus.REJECTED, comment
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
        raise ConflictProblem.for_field("to_user_id", "this member is already the approver")
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
