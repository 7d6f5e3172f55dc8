"""Adjustments (预算调整): transfers between two lines of an approved plan (调剂) and increases
of one line (追加), through approval (``budgets_adjustment``). An approved adjustment is applied
under the plan's lock: the lines change, the plan gets a new version, each line its history."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select

from bizsuite.core.approvals import ApprovalRequest, RequestStatus, SubmittedDocument, submit_document
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.repository import fetch, fetch_reference, list_page
from bizsuite.modules.budgets import rules
from bizsuite.modules.budgets.models import (
    Adjustment,
    AdjustmentKind,
    AdjustmentStatus,
    BudgetLine,
    LineChange,
    Plan,
    PlanStatus,
)
from bizsuite.modules.budgets.schemas import (
    BudgetAdjustmentCreate,
    BudgetAdjustmentPage,
    BudgetAdjustmentView,
)
from bizsuite.modules.budgets.services.common import author_for, check_amount
from bizsuite.modules.budgets.services.plans import figures, plan_row, record_version, usage_by_line

#: The approval engine's document type of an adjustment.
ADJUSTMENT_DOCUMENT = "budgets_adjustment"


def adjustment_view(row: Adjustment) -> BudgetAdjustmentView:
    """An adjustment row as its view."""
    return BudgetAdjustmentView(
        id=row.id,
        plan_id=row.plan_id,
        kind=row.kind,
        status=row.status,
        from_line_id=row.from_line_id,
        to_line_id=row.to_line_id,
        amount=row.amount,
        reason=row.reason,
        revision=row.revision,
        created_at=row.created_at,
        version=row.version,
    )


async def _source_check(ctx: Context, line: BudgetLine, amount: Decimal) -> None:
    used = (await usage_by_line(ctx, [line.id])).get(line.id, (rules.ZERO, rules.ZERO, rules.ZERO))
    error = rules.transfer_error(figures(line, used), amount)
    if error is not None:
        raise ConflictProblem.for_field("amount", error)


async def create_adjustment(ctx: Context, data: BudgetAdjustmentCreate) -> BudgetAdjustmentView:
    """File a transfer or an increase on an approved plan and send it to approval."""
    check_amount("amount", data.amount, positive=True)
    target = await fetch_reference(ctx.session, BudgetLine, data.to_line_id, field="to_line_id")
    plan = await plan_row(ctx, target.plan_id, lock=True)
    if plan.status is not PlanStatus.APPROVED:
        raise ConflictProblem.for_field("to_line_id", f"the line's plan is {plan.status.value}, not approved")
    source = None
    if data.kind is AdjustmentKind.TRANSFER:
        if data.from_line_id is None:
            raise ValidationProblem.for_field("from_line_id", "a transfer names the line it takes from")
        source = await fetch_reference(ctx.session, BudgetLine, data.from_line_id, field="from_line_id")
        if source.plan_id != plan.id:
            raise ValidationProblem.for_field("from_line_id", "transfers stay within one plan")
        if source.id == target.id:
            raise ValidationProblem.for_field("from_line_id", "a line cannot transfer to itself")
        await _source_check(ctx, source, data.amount)
    elif data.from_line_id is not None:
        raise ValidationProblem.for_field("from_line_id", "an increase takes from no line")
    author = await author_for(ctx, data.author_id, "Adjustments are filed")
    row = Adjustment(
        plan_id=plan.id,
        kind=data.kind,
        status=AdjustmentStatus.IN_APPROVAL,
        from_line_id=source.id if source else None,
        to_line_id=target.id,
        amount=rules.money(data.amount),
        reason=data.reason,
        author_id=author,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    await submit_document(
        ctx,
        SubmittedDocument(
            document_type=ADJUSTMENT_DOCUMENT,
            document_id=row.id,
            title=f"{plan.title}: {data.kind.value} {rules.shown(row.amount)}",
            org_unit_id=plan.org_unit_id,
            author_id=author,
            amount=row.amount,
            currency=ctx.tenant.currency or "CNY",
            category=f"budget_{data.kind.value}",
        ),
    )
    ctx.audit("budgets.adjustment.submitted", row, after=snapshot(row))
    return adjustment_view(row)


async def submit_increase(
    ctx: Context, plan: Plan, line: BudgetLine, amount: Decimal, reason: str
) -> Adjustment:
    """An increase of ``line`` by ``amount`` sent to approval (a month submitted to an approved plan)."""
    author = await author_for(ctx, None, "Budgets are submitted")
    row = Adjustment(
        plan_id=plan.id,
        kind=AdjustmentKind.INCREASE,
        status=AdjustmentStatus.IN_APPROVAL,
        from_line_id=None,
        to_line_id=line.id,
        amount=rules.money(amount),
        reason=reason,
        author_id=author,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    await submit_document(
        ctx,
        SubmittedDocument(
            document_type=ADJUSTMENT_DOCUMENT,
            document_id=row.id,
            title=f"{plan.title}: {reason} {rules.shown(row.amount)}",
            org_unit_id=plan.org_unit_id,
            author_id=author,
            amount=row.amount,
            currency=ctx.tenant.currency or "CNY",
            category="budget_increase",
        ),
    )
    ctx.audit("budgets.adjustment.submitted", row, after=snapshot(row))
    return row


async def apply_adjustment(ctx: Context, row: Adjustment) -> None:
    """Apply an adjustment: move or add the amount, version the plan, record each line's change."""
    plan = await plan_row(ctx, row.plan_id, lock=True)
    target = await fetch(ctx.session, BudgetLine, row.to_line_id, what="budget line")
    changed = [(target, row.amount)]
    if row.from_line_id is not None:
        source = await fetch(ctx.session, BudgetLine, row.from_line_id, what="budget line")
        await _source_check(ctx, source, row.amount)
        changed.insert(0, (source, -row.amount))
    plan.revision += 1
    reason = f"{row.kind.value}: {row.reason}"
    for line, delta in changed:
        before = line.amount
        line.amount = before + delta
        ctx.session.add(
            LineChange(
                line_id=line.id,
                adjustment_id=row.id,
                revision=plan.revision,
                before=before,
                after=line.amount,
                reason=reason,
            )
        )
    row.status = AdjustmentStatus.APPLIED
    row.revision = plan.revision
    await ctx.session.flush()
    await record_version(ctx, plan, reason)


async def on_adjustment_decided(ctx: Context, request: ApprovalRequest) -> None:
    """The approval engine's callback: approved → applied (a new plan version); else returned."""
    row = await ctx.session.scalar(
        select(Adjustment).where(Adjustment.id == request.document_id).with_for_update()
    )
    if row is None or row.status is not AdjustmentStatus.IN_APPROVAL:
        return
    before = snapshot(row)
    if request.status is RequestStatus.APPROVED:
        await apply_adjustment(ctx, row)
    else:
        row.status = AdjustmentStatus.RETURNED
        await ctx.session.flush()
    ctx.audit(f"budgets.adjustment.{request.status.value}", row, before=before, after=snapshot(row))


async def get_adjustment(ctx: Context, adjustment_id: uuid.UUID) -> BudgetAdjustmentView:
    """One adjustment, or 404."""
    return adjustment_view(await fetch(ctx.session, Adjustment, adjustment_id, what="adjustment"))


async def list_adjustments(
    ctx: Context, plan_id: uuid.UUID | None, *, limit: int, cursor: str | None
) -> BudgetAdjustmentPage:
    """A page of adjustments, newest first (of one plan when ``plan_id``)."""
    statement = select(Adjustment)
    if plan_id is not None:
        statement = statement.where(Adjustment.plan_id == plan_id)
    rows, next_cursor = await list_page(
        ctx.session, statement, Adjustment, limit=limit, cursor=cursor, descending=True
    )
    return BudgetAdjustmentPage(items=[adjustment_view(r) for r in rows], next_cursor=next_cursor)
