"""The engine's alerts to approvers and authors, and its webhook event types."""

import uuid
from typing import Any

from sqlalchemy import select

from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.approvals.models import (
    ApprovalRequest,
    ApprovalStep,
    RequestStatus,
)
from bizsuite.core.approvals.rules import (
    APPROVED_ALERT,
    PENDING_ALERT,
    REJECTED_ALERT,
    alert_title,
    outcome_alert_key,
    pending_alert_key,
)
from bizsuite.core.context import Context, snapshot
from bizsuite.core.identity.models import User

# --- alerts and webhook events ------------------------------------------------------------------

#: Webhook events of the engine; endpoints subscribe to them one by one or as ``approval.*``.
REQUESTED_EVENT = "approval.requested"
APPROVED_EVENT = "approval.approved"
REJECTED_EVENT = "approval.rejected"


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
