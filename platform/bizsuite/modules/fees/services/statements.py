"""Statements: generated per subsidiary and quarter once both sides confirmed the reconciliation
(Q4 settles the year at a band rate), approved through the kernel's engine (``fees_statement``),
issued (then immutable, in the database too), paid; corrections and profit true-ups are lines on
a later statement referencing the original line."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from bizsuite.core.approvals import ApprovalRequest, RequestStatus, SubmittedDocument, submit_document
from bizsuite.core.approvals.services.acting import acting_user_id
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, FieldError, ForbiddenProblem, ValidationProblem
from bizsuite.core.repository import check_version, fetch
from bizsuite.core.webhooks.services import emit_event
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.models import (
    IncomeEntry,
    Payment,
    ProfitFigure,
    ReconciliationStatus,
    Statement,
    StatementLine,
    StatementStatus,
)
from bizsuite.modules.fees.schemas import (
    FeeAdjustmentCreate,
    FeeLineView,
    FeePaymentCreate,
    FeePaymentView,
    FeeSourceView,
    FeeStatementDetail,
    FeeStatementGenerate,
    FeeStatementView,
)
from bizsuite.modules.fees.services import reconciliations, settings
from bizsuite.modules.fees.services.common import (
    check_amount,
    check_rate,
    check_visible,
    require_group_view,
    subsidiary,
    today,
    unit_names,
)
from bizsuite.modules.fees.services.metrics import customs_in_window
from bizsuite.modules.fees.services.payers import require_billed
from bizsuite.modules.fees.services.schedules import (
    component_rule,
    components_of,
    cutoff_of,
    schedule_in_force,
)

#: The approval engine's document type of a fee statement.
STATEMENT_DOCUMENT = "fees_statement"


class NotReconciledProblem(ConflictProblem):
    """A statement is generated only after HQ finance and the subsidiary both confirmed the figures."""

    slug = "not-reconciled"
    title = "Not reconciled"


class IllegalStatementStep(ConflictProblem):
    """The statement cannot take that step from where it is."""

    slug = "illegal-transition"
    title = "Illegal status change"

    def __init__(self, current: StatementStatus, step: str, needed: StatementStatus) -> None:
        message = f"A {current.value} statement cannot be {step}; it must be {needed.value}."
        super().__init__(message, errors=[FieldError(field="status", message=message)])


# --- views ---------------------------------------------------------------------------------------


async def _paid(ctx: Context, ids: list[uuid.UUID]) -> dict[uuid.UUID, Decimal]:
    if not ids:
        return {}
    rows = await ctx.session.execute(
        select(Payment.statement_id, func.sum(Payment.amount))
        .where(Payment.statement_id.in_(ids))
        .group_by(Payment.statement_id)
    )
    return {sid: Decimal(total) for sid, total in rows.all()}


async def views(ctx: Context, rows: list[Statement]) -> list[FeeStatementView]:
    """Statement rows as views (paid and outstanding from the payments)."""
    names = await unit_names(ctx, [r.org_unit_id for r in rows])
    paid = await _paid(ctx, [r.id for r in rows])
    return [
        FeeStatementView(
            id=r.id,
            number=r.number,
            org_unit_id=r.org_unit_id,
            org_unit_name=names.get(r.org_unit_id, ""),
            schedule_id=r.schedule_id,
            year=r.year,
            quarter=r.quarter,
            status=r.status,
            currency=r.currency,
            total=r.total,
            paid=paid.get(r.id, Decimal("0.00")),
            outstanding=rules.outstanding(r.total, [paid.get(r.id, Decimal("0.00"))])
            if r.status is StatementStatus.ISSUED
            else Decimal("0.00"),
            settlement_rate=r.settlement_rate,
            issued_on=r.issued_on,
            due_on=r.due_on,
            created_at=r.created_at,
            version=r.version,
        )
        for r in rows
    ]


async def lines_of(ctx: Context, statement_id: uuid.UUID) -> list[StatementLine]:
    """A statement's lines in order."""
    statement = (
        select(StatementLine)
        .where(StatementLine.statement_id == statement_id)
        .order_by(StatementLine.position)
    )
    return list(await ctx.session.scalars(statement))


async def line_views(ctx: Context, lines: list[StatementLine]) -> list[FeeLineView]:
    """Lines as views, with the number of the statement each adjusted line is on."""
    adjusted = {line.adjusts_line_id for line in lines if line.adjusts_line_id}
    numbers: dict[uuid.UUID, str] = {}
    if adjusted:
        rows = await ctx.session.execute(
            select(StatementLine.id, Statement.number)
            .join(
                Statement,
                (Statement.id == StatementLine.statement_id)
                & (Statement.tenant_id == StatementLine.tenant_id),
            )
            .where(StatementLine.id.in_(adjusted))
        )
        numbers = dict(rows.all())
    return [
        FeeLineView(
            id=line.id,
            position=line.position,
            kind=line.kind,
            component=line.component,
            label=line.label,
            amount=line.amount,
            currency=line.currency,
            formula=line.formula,
            inputs=line.inputs,
            rate=line.rate,
            sources=[
                FeeSourceView(
                    kind=s["kind"],
                    id=s["id"],
                    on=s["on"],
                    amount=Decimal(s["amount"]),
                    reference=s.get("reference", ""),
                )
                for s in line.sources
            ],
            adjusts_line_id=line.adjusts_line_id,
            adjusts_statement_number=numbers.get(line.adjusts_line_id) if line.adjusts_line_id else None,
        )
        for line in lines
    ]


def total_formula(lines: list[StatementLine], total: Decimal, currency: str) -> str:
    """How the total is made: the lines added up (never rounded again)."""
    if not lines:
        return f"0.00 {currency}"
    parts = " + ".join(
        rules.shown(line.amount) if line.amount >= 0 else f"({rules.shown(line.amount)})" for line in lines
    )
    return f"{parts} = {rules.shown(total)} {currency}"


async def statement_row(ctx: Context, statement_id: uuid.UUID, *, lock: bool = False) -> Statement:
    """The row, or 404 (also for another subsidiary's, to its staff)."""
    row = await fetch(ctx.session, Statement, statement_id, what="fee statement")
    await check_visible(ctx, row.org_unit_id, "fee statement")
    if lock:
        await ctx.session.refresh(row, with_for_update=True)
    return row


async def detail(ctx: Context, row: Statement) -> FeeStatementDetail:
    """A statement with its lines and payments."""
    lines = await lines_of(ctx, row.id)
    payments = list(
        await ctx.session.scalars(
            select(Payment)
            .where(Payment.statement_id == row.id)
            .order_by(Payment.paid_on, Payment.created_at)
        )
    )
    return FeeStatementDetail(
        statement=(await views(ctx, [row]))[0],
        lines=await line_views(ctx, lines),
        payments=[payment_view(p) for p in payments],
        total_formula=total_formula(lines, row.total, row.currency),
    )


def payment_view(row: Payment) -> FeePaymentView:
    """A payment row as its view."""
    return FeePaymentView(
        id=row.id,
        statement_id=row.statement_id,
        paid_on=row.paid_on,
        amount=row.amount,
        reference=row.reference,
        created_at=row.created_at,
    )


async def get_statement(ctx: Context, statement_id: uuid.UUID) -> FeeStatementDetail:
    """One statement with its lines and payments, or 404."""
    return await detail(ctx, await statement_row(ctx, statement_id))


# --- generating ----------------------------------------------------------------------------------


def _source(
    kind: str, row_id: uuid.UUID, on: str, amount: Decimal, reference: str | None = ""
) -> rules.SourceRecord:
    return rules.SourceRecord(kind=kind, id=str(row_id), on=on, amount=amount, reference=reference or "")


async def _figures(
    ctx: Context, org_unit_id: uuid.UUID, year: int, quarter: int, cutoff: rules.Cutoff
) -> rules.PeriodFigures:
    first, last = rules.period_window(year, quarter, cutoff)
    quarter_rows = await customs_in_window(ctx, org_unit_id, first, last)
    annual_rows = []
    if quarter == 4:
        first_y, last_y = rules.year_window(year, cutoff)
        annual_rows = await customs_in_window(ctx, org_unit_id, first_y, last_y)
    profit = await ctx.session.scalar(
        select(ProfitFigure).where(ProfitFigure.org_unit_id == org_unit_id, ProfitFigure.year == year - 1)
    )
    income = list(
        await ctx.session.scalars(
            select(IncomeEntry)
            .where(IncomeEntry.org_unit_id == org_unit_id, IncomeEntry.year == year)
            .order_by(IncomeEntry.created_at)
        )
    )

    def customs(rows: list[Any]) -> tuple[rules.SourceRecord, ...]:
        return tuple(
            _source(f"customs_{r.direction.value}", r.id, r.declared_on.isoformat(), r.amount, r.reference)
            for r in rows
        )

    return rules.PeriodFigures(
        year=year,
        quarter=quarter,
        quarter_customs=customs(quarter_rows),
        annual_customs=customs(annual_rows),
        reported_profit=_source("reported_profit", profit.id, str(profit.year), profit.reported)
        if profit is not None
        else None,
        other_income=tuple(
            _source(f"income_{e.kind.value}", e.id, str(e.year), e.amount, e.note) for e in income
        ),
    )


async def _true_ups(
    ctx: Context, org_unit_id: uuid.UUID, currency: str
) -> list[tuple[rules.FeeLine, uuid.UUID]]:
    """Profit true-ups due: issued profit lines on a reported figure whose audited figure is now
    known and which no line trues up yet."""
    issued = (
        (
            await ctx.session.execute(
                select(StatementLine)
                .join(
                    Statement,
                    (Statement.id == StatementLine.statement_id)
                    & (Statement.tenant_id == StatementLine.tenant_id),
                )
                .where(
                    Statement.org_unit_id == org_unit_id,
                    Statement.status == StatementStatus.ISSUED,
                    StatementLine.component == rules.ComponentKind.PROFIT_SHARE,
                    StatementLine.kind == rules.LineKind.FEE,
                )
            )
        )
        .scalars()
        .all()
    )
    due: list[tuple[rules.FeeLine, uuid.UUID]] = []
    for line in issued:
        taken = await ctx.session.scalar(
            select(StatementLine.id).where(StatementLine.adjusts_line_id == line.id)
        )
        if taken is not None:
            continue
        year = int(line.inputs.get("year", "0"))
        figure = await ctx.session.scalar(
            select(ProfitFigure).where(ProfitFigure.org_unit_id == org_unit_id, ProfitFigure.year == year)
        )
        if figure is None or figure.audited is None or line.rate is None:
            continue
        true_up = rules.profit_true_up(
            figure.audited,
            line.amount,
            rules.tidy(line.rate),
            year=year,
            reported=Decimal(line.inputs.get("reported_profit", "0")),
            currency=currency,
            sources=(_source("audited_profit", figure.id, str(figure.year), figure.audited),),
        )
        if true_up.amount != 0:
            due.append((replace(true_up, label=line.label), line.id))
    return due


def _line_row(
    statement_id: uuid.UUID, position: int, line: rules.FeeLine, adjusts: uuid.UUID | None = None
) -> StatementLine:
    return StatementLine(
        statement_id=statement_id,
        position=position,
        kind=line.kind,
        component=line.component,
        label=line.label,
        amount=line.amount,
        currency=line.currency,
        formula=line.formula,
        inputs=line.inputs,
        rate=line.rate,
        sources=[
            {"kind": s.kind, "id": s.id, "on": s.on, "amount": str(s.amount), "reference": s.reference}
            for s in line.sources
        ],
        adjusts_line_id=adjusts,
    )


async def generate(ctx: Context, data: FeeStatementGenerate) -> FeeStatementDetail:
    """Generate a draft statement for a subsidiary's quarter: 409 until both sides confirmed the
    reconciliation (or when the figures changed since); Q4's year-end settlement needs
    ``settlement_rate`` inside the band (422 naming the band otherwise)."""
    await require_group_view(ctx, "Generating statements")
    unit = await subsidiary(ctx, data.org_unit_id)
    await require_billed(ctx, unit)
    if data.settlement_rate is not None:
        check_rate("settlement_rate", data.settlement_rate)
    existing = await ctx.session.scalar(
        select(Statement.number).where(
            Statement.org_unit_id == data.org_unit_id,
            Statement.year == data.year,
            Statement.quarter == data.quarter,
        )
    )
    if existing is not None:
        raise ConflictProblem.for_field(
            "quarter", f"statement {existing} exists for that quarter (delete the draft to generate it again)"
        )
    period = f"{data.year}-Q{data.quarter}"
    found = await reconciliations.find(ctx, data.org_unit_id, data.year, data.quarter)
    if found is None or found.status is not ReconciliationStatus.CONFIRMED:
        missing = []
        if found is None or found.hq_confirmed_at is None:
            missing.append("HQ finance")
        if found is None or found.subsidiary_confirmed_at is None:
            missing.append("the subsidiary")
        raise NotReconciledProblem(
            f"The {period} figures are not reconciled: waiting for {' and '.join(missing)} to confirm.",
            errors=[FieldError(field="quarter", message=f"{period} is not reconciled by both sides")],
        )
    if await reconciliations.current_figures(ctx, data.org_unit_id, data.year, data.quarter) != found.figures:
        raise NotReconciledProblem(
            f"The {period} figures changed after they were confirmed; reconcile them again.",
            errors=[FieldError(field="quarter", message="the figures changed since they were confirmed")],
        )
    schedule = await schedule_in_force(ctx, rules.quarter_start(data.year, data.quarter))
    if schedule is None:
        raise ValidationProblem.for_field("year", f"no fee schedule is in force in {period}")
    components = [component_rule(c) for c in await components_of(ctx, schedule.id)]
    cutoff = cutoff_of(schedule)
    has_band = any(
        c.kind is rules.ComponentKind.BAND_SETTLEMENT
        and data.quarter in (c.quarters or rules.DEFAULT_QUARTERS[c.kind])
        for c in components
    )
    if data.settlement_rate is not None and not has_band:
        raise ValidationProblem.for_field("settlement_rate", f"{period} has no year-end settlement")
    figures = await _figures(ctx, data.org_unit_id, data.year, data.quarter, cutoff)
    try:
        fee_lines = rules.period_lines(
            components,
            figures,
            settlement_rate=data.settlement_rate,
            currency=schedule.currency,
            cutoff=cutoff,
        )
    except (rules.BandProblem, rules.MissingRate) as exc:
        raise ValidationProblem.for_field("settlement_rate", str(exc)) from exc
    number, seq = await settings.next_number(ctx, year=data.year, quarter=data.quarter, subsidiary=unit.code)
    if len(number) > 60 or await ctx.session.scalar(select(Statement.id).where(Statement.number == number)):
        raise ConflictProblem(
            f"The statement number pattern made {number}, which is already used or too long; "
            "change the pattern in the fee settings."
        )
    row = Statement(
        number=number,
        seq=seq,
        org_unit_id=data.org_unit_id,
        schedule_id=schedule.id,
        year=data.year,
        quarter=data.quarter,
        status=StatementStatus.DRAFT,
        currency=schedule.currency,
        total=Decimal("0.00"),
        settlement_rate=data.settlement_rate if has_band else None,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    lines = [(line, None) for line in fee_lines] + await _true_ups(ctx, data.org_unit_id, schedule.currency)
    for position, (line, adjusts) in enumerate(lines, start=1):
        ctx.session.add(_line_row(row.id, position, line, adjusts))
    row.total = rules.statement_total(line for line, _ in lines)
    await ctx.session.flush()
    ctx.audit("fees.statement.created", row, after=snapshot(row))
    return await detail(ctx, row)


async def delete_draft(ctx: Context, statement_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a draft statement (to generate it again, e.g. with another settlement rate)."""
    row = await statement_row(ctx, statement_id, lock=True)
    await require_group_view(ctx, "Deleting statements")
    check_version(row, if_match)
    if row.status is not StatementStatus.DRAFT:
        raise IllegalStatementStep(row.status, "deleted", StatementStatus.DRAFT)
    ctx.audit("fees.statement.deleted", row, before=snapshot(row))
    for line in await lines_of(ctx, row.id):
        await ctx.session.delete(line)
    await ctx.session.flush()
    await ctx.session.delete(row)
    await ctx.session.flush()
    # Its {seq} goes to the next statement of the fee year: numbers keep no gaps.
    await settings.give_back(ctx, row.year, row.seq)


async def add_adjustment(
    ctx: Context, statement_id: uuid.UUID, data: FeeAdjustmentCreate, if_match: str | None
) -> FeeStatementDetail:
    """Correct an issued line with a line on this draft statement that references it."""
    row = await statement_row(ctx, statement_id, lock=True)
    await require_group_view(ctx, "Adjusting statements")
    check_version(row, if_match)
    if row.status is not StatementStatus.DRAFT:
        raise IllegalStatementStep(row.status, "adjusted", StatementStatus.DRAFT)
    check_amount("amount", data.amount, signed=True)
    if data.amount == 0:
        raise ValidationProblem.for_field("amount", "must not be zero")
    original = (
        await ctx.session.execute(
            select(StatementLine, Statement)
            .join(
                Statement,
                (Statement.id == StatementLine.statement_id)
                & (Statement.tenant_id == StatementLine.tenant_id),
            )
            .where(StatementLine.id == data.adjusts_line_id)
        )
    ).first()
    if original is None:
        raise ValidationProblem.for_field("adjusts_line_id", "no such statement line")
    line, source = original
    if source.status is not StatementStatus.ISSUED or source.org_unit_id != row.org_unit_id:
        raise ValidationProblem.for_field(
            "adjusts_line_id", "adjust a line of an issued statement of the same subsidiary"
        )
    lines = await lines_of(ctx, row.id)
    adjustment = replace(
        rules.adjustment(
            data.amount,
            data.reason,
            original=f"{source.number} #{line.position} {line.label}",
            currency=row.currency,
        ),
        label=line.label,
    )
    before = snapshot(row)
    ctx.session.add(_line_row(row.id, len(lines) + 1, adjustment, line.id))
    row.total = rules.statement_total([*[x.amount for x in lines], adjustment.amount])
    await ctx.session.flush()
    ctx.audit("fees.statement.updated", row, before=before, after=snapshot(row))
    return await detail(ctx, row)


async def submit(ctx: Context, statement_id: uuid.UUID, if_match: str | None) -> FeeStatementDetail:
    """Submit a draft statement to the approval engine (``fees_statement``)."""
    row = await statement_row(ctx, statement_id, lock=True)
    await require_group_view(ctx, "Submitting statements")
    check_version(row, if_match)
    if row.status is not StatementStatus.DRAFT:
        raise IllegalStatementStep(row.status, "submitted", StatementStatus.DRAFT)
    author = await acting_user_id(ctx)
    if author is None:
        raise ForbiddenProblem(
            "Statements are submitted by a person: sign in, or use an API key created by a member."
        )
    before = snapshot(row)
    await submit_document(
        ctx,
        SubmittedDocument(
            document_type=STATEMENT_DOCUMENT,
            document_id=row.id,
            title=f"{row.number}",
            org_unit_id=row.org_unit_id,
            author_id=author,
            amount=row.total,
            currency=row.currency,
            category=f"q{row.quarter}",
        ),
    )
    row.status = StatementStatus.IN_APPROVAL
    await ctx.session.flush()
    ctx.audit("fees.statement.submitted", row, before=before, after=snapshot(row))
    return await detail(ctx, row)


async def on_statement_decided(ctx: Context, request: ApprovalRequest) -> None:
    """The approval engine's callback: approved → approved; rejected or withdrawn → back to draft."""
    row = await fetch(ctx.session, Statement, request.document_id, what="fee statement")
    if row.status is not StatementStatus.IN_APPROVAL:
        return
    before = snapshot(row)
    row.status = (
        StatementStatus.APPROVED if request.status is RequestStatus.APPROVED else StatementStatus.DRAFT
    )
    await ctx.session.flush()
    ctx.audit("fees.statement.status_changed", row, before=before, after=snapshot(row))


async def issue(ctx: Context, statement_id: uuid.UUID, if_match: str | None) -> FeeStatementDetail:
    """Issue an approved statement (开具): from now on it never changes; due in 30 days."""
    row = await statement_row(ctx, statement_id, lock=True)
    await require_group_view(ctx, "Issuing statements")
    check_version(row, if_match)
    if row.status is not StatementStatus.APPROVED:
        raise IllegalStatementStep(row.status, "issued", StatementStatus.APPROVED)
    before = snapshot(row)
    day = today(ctx)
    row.status = StatementStatus.ISSUED
    row.issued_on = day
    row.due_on = day + timedelta(days=rules.PAYMENT_DAYS)
    await ctx.session.flush()
    ctx.audit("fees.statement.status_changed", row, before=before, after=snapshot(row))
    found = await detail(ctx, row)
    await emit_event(ctx, "fees.statement.issued", {"statement": _jsonable(found.statement)})
    return found


def _jsonable(view: Any) -> dict[str, Any]:
    import msgspec

    result: dict[str, Any] = msgspec.to_builtins(view)
    return result


async def record_payment(ctx: Context, statement_id: uuid.UUID, data: FeePaymentCreate) -> FeePaymentView:
    """Record a payment against an issued statement (at most what is outstanding)."""
    row = await statement_row(ctx, statement_id, lock=True)
    await require_group_view(ctx, "Recording payments")
    if row.status is not StatementStatus.ISSUED:
        raise IllegalStatementStep(row.status, "paid", StatementStatus.ISSUED)
    check_amount("amount", data.amount, positive=True)
    owed = rules.outstanding(row.total, [(await _paid(ctx, [row.id])).get(row.id, Decimal("0.00"))])
    if data.amount > owed:
        raise ValidationProblem.for_field(
            "amount", f"at most the outstanding {rules.shown(owed)} {row.currency}"
        )
    payment = Payment(statement_id=row.id, paid_on=data.paid_on, amount=data.amount, reference=data.reference)
    ctx.session.add(payment)
    await ctx.session.flush()
    ctx.audit("fees.payment.created", payment, after=snapshot(payment))
    view = payment_view(payment)
    await emit_event(
        ctx,
        "fees.payment.recorded",
        {"payment": _jsonable(view), "statement_number": row.number, "outstanding": str(owed - data.amount)},
    )
    return view


async def adjustable_lines(ctx: Context, org_unit_id: uuid.UUID) -> list[tuple[str, str]]:
    """The issued lines of a subsidiary a correction may reference: (line id, "number #n label amount")."""
    rows = await ctx.session.execute(
        select(
            StatementLine.id,
            StatementLine.position,
            StatementLine.label,
            StatementLine.amount,
            Statement.number,
        )
        .join(
            Statement,
            (Statement.id == StatementLine.statement_id) & (Statement.tenant_id == StatementLine.tenant_id),
        )
        .where(Statement.org_unit_id == org_unit_id, Statement.status == StatementStatus.ISSUED)
        .order_by(Statement.year.desc(), Statement.quarter.desc(), StatementLine.position)
    )
    return [
        (str(i), f"{number} #{position} {label} ({rules.shown(amount)})")
        for i, position, label, amount, number in rows
    ]
