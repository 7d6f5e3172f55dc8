"""Change orders (变更/洽商): proposed on an approved or signed contract, approved through the
kernel's approval engine (document type ``contracts_change``); once approved the contract's
amount and end date change, and the change order keeps both before and after (the contract's
version history; the contract's own audit entry shows in its chatter). Files are attached to a
change order through the kernel's files API with the same document type and its id."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import func, select

from bizsuite.core.approvals import ApprovalRequest, RequestStatus, SubmittedDocument, submit_document
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, FieldError, NotFoundProblem, ValidationProblem
from bizsuite.core.files.access import readable
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.schemas import FileOut
from bizsuite.core.repository import fetch_reference
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import (
    ChangeOrder,
    ChangeOrderStatus,
    Contract,
    Milestone,
    Settlement,
    SettlementStatus,
)
from bizsuite.modules.contracts.schemas import (
    ChangeOrderCreate,
    ChangeOrderView,
    MilestoneChange,
    MilestoneChangeView,
)
from bizsuite.modules.contracts.services.alerts import alert_over_maximum
from bizsuite.modules.contracts.services.contracts import _org_unit_for, contract_row, person

#: The approval engine's document type of a change order.
CHANGE_DOCUMENT = "contracts_change"


def _view(row: ChangeOrder, attachments: list[FileOut] | None = None) -> ChangeOrderView:
    return ChangeOrderView(
        id=row.id,
        contract_id=row.contract_id,
        seq=row.seq,
        proposer=row.proposer,
        reason=row.reason,
        cost_impact=row.cost_impact,
        schedule_impact_days=row.schedule_impact_days,
        status=row.status,
        amount_before=row.amount_before,
        amount_after=row.amount_after,
        ends_on_before=row.ends_on_before,
        ends_on_after=row.ends_on_after,
        milestone_changes=[
            MilestoneChangeView(
                milestone_id=uuid.UUID(c["milestone_id"]),
                title=c["title"],
                amount=Decimal(c["amount"]) if c.get("amount") is not None else None,
                due_on=date.fromisoformat(c["due_on"]) if c.get("due_on") else None,
                amount_before=Decimal(c["amount_before"]) if c.get("amount_before") is not None else None,
                due_on_before=date.fromisoformat(c["due_on_before"]) if c.get("due_on_before") else None,
            )
            for c in row.plan_changes or []
        ],
        attachments=attachments or [],
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


async def change_order_files(ctx: Context, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[FileOut]]:
    """The files attached to each change order (document type ``contracts_change``) that the
    caller may read, oldest first: one query for them all."""
    found: dict[uuid.UUID, list[FileOut]] = {i: [] for i in ids}
    if not ids:
        return found
    rows = await ctx.session.scalars(
        select(StoredFile)
        .where(
            StoredFile.document_type == CHANGE_DOCUMENT,
            StoredFile.document_id.in_(ids),
            await readable(ctx),
        )
        .order_by(StoredFile.created_at, StoredFile.id)
    )
    for row in rows:
        if row.document_id is not None:
            found[row.document_id].append(msgspec.convert(row, FileOut, from_attributes=True))
    return found


async def list_change_orders(ctx: Context, contract_id: uuid.UUID) -> list[ChangeOrderView]:
    """A contract's change orders, first to last, with their attachments (404 if the contract is
    not the tenant's)."""
    await contract_row(ctx, contract_id)
    rows = list(
        await ctx.session.scalars(
            select(ChangeOrder).where(ChangeOrder.contract_id == contract_id).order_by(ChangeOrder.seq)
        )
    )
    files = await change_order_files(ctx, [r.id for r in rows])
    return [_view(r, files[r.id]) for r in rows]


async def get_change_order(
    ctx: Context, contract_id: uuid.UUID, change_order_id: uuid.UUID
) -> ChangeOrderView:
    """One change order of the contract with its attachments (404 when it is not this contract's,
    or not the tenant's)."""
    await contract_row(ctx, contract_id)
    row = await ctx.session.scalar(
        select(ChangeOrder).where(ChangeOrder.id == change_order_id, ChangeOrder.contract_id == contract_id)
    )
    if row is None:
        raise NotFoundProblem(f"No change order with id {change_order_id} on this contract.")
    return _view(row, (await change_order_files(ctx, [row.id]))[row.id])


async def create_change_order(
    ctx: Context, contract_id: uuid.UUID, data: ChangeOrderCreate
) -> ChangeOrderView:
    """Propose a change order and submit it for approval. Only on an approved or signed contract
    (409 otherwise), one awaiting approval at a time (409), and only a change that leaves a usable
    amount and end date (422 naming the field)."""
    contract = await contract_row(ctx, contract_id, lock=True)
    if contract.status not in rules.CHANGEABLE:
        message = f"A {contract.status.value} contract takes no change orders; only approved or active ones."
        raise ConflictProblem(message, errors=[FieldError(field="contract_id", message=message)])
    pending = await ctx.session.scalar(
        select(func.count())
        .select_from(ChangeOrder)
        .where(ChangeOrder.contract_id == contract.id, ChangeOrder.status == ChangeOrderStatus.IN_APPROVAL)
    )
    if pending:
        message = "This contract has a change order awaiting approval; decide it first."
        raise ConflictProblem(message, errors=[FieldError(field="contract_id", message=message)])
    errors = rules.change_errors(
        data.cost_impact, data.schedule_impact_days, contract.amount, contract.ends_on
    )
    if errors:
        raise ValidationProblem(
            "The change order cannot apply to this contract.",
            errors=[FieldError(field=k, message=v) for k, v in errors.items()],
        )
    plan_changes = await _plan_changes(ctx, contract, data.milestone_changes)
    seq = (
        await ctx.session.scalar(
            select(func.max(ChangeOrder.seq)).where(ChangeOrder.contract_id == contract.id)
        )
        or 0
    ) + 1
    row = ChangeOrder(
        contract_id=contract.id,
        seq=seq,
        proposer=data.proposer.strip(),
        reason=data.reason.strip(),
        cost_impact=rules.money(data.cost_impact),
        schedule_impact_days=data.schedule_impact_days,
        status=ChangeOrderStatus.IN_APPROVAL,
        plan_changes=plan_changes or None,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    await submit_document(
        ctx,
        SubmittedDocument(
            document_type=CHANGE_DOCUMENT,
            document_id=row.id,
            title=f"{contract.number} 变更 {seq}",
            org_unit_id=await _org_unit_for(ctx, contract),
            author_id=await person(ctx, "Change orders are proposed"),
            amount=rules.base_amount(abs(row.cost_impact), contract.exchange_rate),
            currency="CNY",
            category="change_order",
        ),
    )
    ctx.audit("contracts.change_order.created", row, after=snapshot(row))
    await ctx.session.refresh(row)
    return _view(row)


async def _plan_changes(
    ctx: Context, contract: Contract, changes: list[MilestoneChange]
) -> list[dict[str, Any]]:
    """The proposed payment-plan changes, checked: each a milestone of this contract, listed once,
    changing something, to an amount not below what was already settled against it."""
    out: list[dict[str, Any]] = []
    seen: set[uuid.UUID] = set()
    for index, change in enumerate(changes):
        where = f"milestone_changes[{index}]"
        milestone = await fetch_reference(
            ctx.session, Milestone, change.milestone_id, field=f"{where}.milestone_id"
        )
        if milestone.contract_id != contract.id or milestone.id in seen:
            raise ValidationProblem.for_field(
                f"{where}.milestone_id", "not a milestone of this contract, or listed twice"
            )
        seen.add(milestone.id)
        if change.amount is None and change.due_on is None:
            raise ValidationProblem.for_field(f"{where}.amount", "give a new amount or due date")
        if change.amount is not None:
            error = rules.amount_error(change.amount)
            if error is not None:
                raise ValidationProblem.for_field(f"{where}.amount", error)
            settled = Decimal(
                await ctx.session.scalar(
                    select(func.coalesce(func.sum(Settlement.amount), 0)).where(
                        Settlement.milestone_id == milestone.id,
                        Settlement.status == SettlementStatus.RECORDED,
                    )
                )
                or 0
            )
            if change.amount < settled:
                raise ValidationProblem.for_field(
                    f"{where}.amount", f"below the {settled:,.2f} already settled against it"
                )
        out.append(
            {
                "milestone_id": str(milestone.id),
                "title": milestone.title,
                "amount": str(rules.money(change.amount)) if change.amount is not None else None,
                "due_on": change.due_on.isoformat() if change.due_on is not None else None,
            }
        )
    return out


async def _apply_plan_changes(ctx: Context, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply approved payment-plan changes; each keeps the milestone's amount and due date before."""
    applied = []
    for change in changes:
        milestone = await ctx.session.scalar(
            select(Milestone).where(Milestone.id == uuid.UUID(change["milestone_id"])).with_for_update()
        )
        if milestone is None:  # removed since the proposal: nothing to change
            applied.append(change)
            continue
        before = snapshot(milestone)
        record = {
            **change,
            "amount_before": str(milestone.amount),
            "due_on_before": milestone.due_on.isoformat(),
        }
        if change.get("amount") is not None:
            milestone.amount, milestone.percentage = Decimal(change["amount"]), None
        if change.get("due_on"):
            milestone.due_on = date.fromisoformat(change["due_on"])
        await ctx.session.flush()
        ctx.audit("contracts.milestone.updated", milestone, before=before, after=snapshot(milestone))
        applied.append(record)
    return applied


async def on_change_decided(ctx: Context, request: ApprovalRequest) -> None:
    """The approval engine's callback: approved → the contract's amount and end date change (the
    change order keeps them before and after); rejected or withdrawn → rejected, nothing changes."""
    row = await ctx.session.scalar(
        select(ChangeOrder).where(ChangeOrder.id == request.document_id).with_for_update()
    )
    if row is None or row.status is not ChangeOrderStatus.IN_APPROVAL:
        return
    before = snapshot(row)
    if request.status is not RequestStatus.APPROVED:
        row.status = ChangeOrderStatus.REJECTED
        await ctx.session.flush()
        ctx.audit("contracts.change_order.rejected", row, before=before, after=snapshot(row))
        return
    contract: Contract = await contract_row(ctx, row.contract_id, lock=True)
    contract_before = snapshot(contract)
    impact = rules.apply_change(contract.amount, contract.ends_on, row.cost_impact, row.schedule_impact_days)
    contract.amount, contract.ends_on = impact.amount_after, impact.ends_on_after
    row.status = ChangeOrderStatus.APPROVED
    row.amount_before, row.amount_after = impact.amount_before, impact.amount_after
    row.ends_on_before, row.ends_on_after = impact.ends_on_before, impact.ends_on_after
    await ctx.session.flush()
    ctx.audit("contracts.contract.changed", contract, before=contract_before, after=snapshot(contract))
    if row.plan_changes:
        row.plan_changes = await _apply_plan_changes(ctx, row.plan_changes)
        await ctx.session.flush()
    ctx.audit("contracts.change_order.approved", row, before=before, after=snapshot(row))
    await alert_over_maximum(ctx, contract)
