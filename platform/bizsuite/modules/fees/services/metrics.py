"""The figures fees are computed from: customs records (entered or imported), operating profit
(reported, then audited) and other income, each by subsidiary."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.pagination import decode_cursor, encode_cursor
from bizsuite.core.repository import check_version, fetch
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.models import (
    CustomsRecord,
    FeeSchedule,
    IncomeEntry,
    ProfitFigure,
    Statement,
    StatementStatus,
)
from bizsuite.modules.fees.schemas import (
    FeeCustomsFilters,
    FeeCustomsRecordCreate,
    FeeCustomsRecordView,
    FeeIncomeEntryCreate,
    FeeIncomeEntryView,
    FeeProfitAudit,
    FeeProfitFigureCreate,
    FeeProfitFigureView,
)
from bizsuite.modules.fees.services.common import (
    check_amount,
    check_visible,
    require_group_view,
    subsidiary,
    unit_names,
    visible_units,
)
from bizsuite.modules.fees.services.schedules import cutoff_of, schedule_in_force


async def _cutoffs(ctx: Context) -> list[tuple[date, rules.Cutoff]]:
    rows = await ctx.session.scalars(select(FeeSchedule).order_by(FeeSchedule.effective_from.desc()))
    return [(r.effective_from, cutoff_of(r)) for r in rows]


def _cutoff_on(cutoffs: list[tuple[date, rules.Cutoff]], day: date) -> rules.Cutoff:
    for since, cutoff in cutoffs:
        if since <= day:
            return cutoff
    return cutoffs[-1][1] if cutoffs else rules.SEED_CUTOFF


async def period_cutoff(ctx: Context, year: int, quarter: int) -> rules.Cutoff:
    """The cut-off of the schedule in force at the start of (year, quarter)."""
    return cutoff_of(await schedule_in_force(ctx, rules.quarter_start(year, quarter)))


async def customs_views(ctx: Context, rows: list[CustomsRecord]) -> list[FeeCustomsRecordView]:
    """Customs rows as views, each with its fee period."""
    names = await unit_names(ctx, [r.org_unit_id for r in rows])
    cutoffs = await _cutoffs(ctx)
    views = []
    for r in rows:
        year, quarter = rules.fee_period(r.declared_on, _cutoff_on(cutoffs, r.declared_on))
        views.append(
            FeeCustomsRecordView(
                id=r.id,
                org_unit_id=r.org_unit_id,
                org_unit_name=names.get(r.org_unit_id, ""),
                declared_on=r.declared_on,
                direction=r.direction,
                amount=r.amount,
                currency=r.currency,
                reference=r.reference,
                fee_year=year,
                fee_quarter=quarter,
                created_at=r.created_at,
            )
        )
    return views


async def customs_in_window(
    ctx: Context, org_unit_id: uuid.UUID, first: date, last: date
) -> list[CustomsRecord]:
    """A subsidiary's customs records dated ``first`` to ``last``, oldest first."""
    statement = (
        select(CustomsRecord)
        .where(
            CustomsRecord.org_unit_id == org_unit_id,
            CustomsRecord.declared_on >= first,
            CustomsRecord.declared_on <= last,
        )
        .order_by(CustomsRecord.declared_on, CustomsRecord.id)
    )
    return list(await ctx.session.scalars(statement))


async def list_customs(
    ctx: Context, filters: FeeCustomsFilters, *, limit: int, cursor: str | None
) -> tuple[list[FeeCustomsRecordView], str | None, Decimal, int]:
    """A page of customs records (newest date first) with the filtered total and count."""
    conditions: list[ColumnElement[bool]] = []
    units = await visible_units(ctx)
    if units is not None:
        conditions.append(CustomsRecord.org_unit_id.in_(units))
    if filters.org_unit_id is not None:
        conditions.append(CustomsRecord.org_unit_id == filters.org_unit_id)
    if filters.year is not None:
        cutoff = await period_cutoff(ctx, filters.year, filters.quarter or 1)
        first, last = (
            rules.period_window(filters.year, filters.quarter, cutoff)
            if filters.quarter
            else rules.year_window(filters.year, cutoff)
        )
        conditions += [CustomsRecord.declared_on >= first, CustomsRecord.declared_on <= last]
    total, count = (
        await ctx.session.execute(
            select(func.coalesce(func.sum(CustomsRecord.amount), 0), func.count()).where(*conditions)
        )
    ).one()
    statement = select(CustomsRecord).where(*conditions)
    if cursor:
        written, last_id = decode_cursor(cursor, str, uuid.UUID)
        try:
            day = date.fromisoformat(written)
        except ValueError as exc:
            raise ValidationProblem.for_field("cursor", "invalid cursor", source="query") from exc
        statement = statement.where(
            (CustomsRecord.declared_on < day)
            | ((CustomsRecord.declared_on == day) & (CustomsRecord.id < last_id))
        )
    rows = list(
        await ctx.session.scalars(
            statement.order_by(CustomsRecord.declared_on.desc(), CustomsRecord.id.desc()).limit(limit + 1)
        )
    )
    next_cursor = (
        encode_cursor(rows[limit - 1].declared_on.isoformat(), rows[limit - 1].id)
        if len(rows) > limit
        else None
    )
    return await customs_views(ctx, rows[:limit]), next_cursor, Decimal(total), int(count)


async def get_customs(ctx: Context, record_id: uuid.UUID) -> FeeCustomsRecordView:
    """One customs record, or 404 (also for another subsidiary's, to its staff)."""
    row = await fetch(ctx.session, CustomsRecord, record_id, what="customs record")
    await check_visible(ctx, row.org_unit_id, "customs record")
    return (await customs_views(ctx, [row]))[0]


async def period_issued(ctx: Context, org_unit_id: uuid.UUID, day: date) -> bool:
    """Whether the statement of the fee period ``day`` counts toward (or its year's Q4) is issued."""
    cutoff = cutoff_of(await schedule_in_force(ctx, day))
    year, quarter = rules.fee_period(day, cutoff)
    periods = [(year, quarter), (year, 4)]
    for y, q in periods:
        found = await ctx.session.scalar(
            select(Statement.id).where(
                Statement.org_unit_id == org_unit_id,
                Statement.year == y,
                Statement.quarter == q,
                Statement.status == StatementStatus.ISSUED,
            )
        )
        if found is not None:
            return True
    return False


async def add_customs(ctx: Context, data: FeeCustomsRecordCreate, *, audit: bool = True) -> CustomsRecord:
    """Record a customs total; refused (409) for a period whose statement is issued."""
    await subsidiary(ctx, data.org_unit_id)
    await check_visible(ctx, data.org_unit_id, "org unit")
    check_amount("amount", data.amount)
    if data.currency != "USD":
        raise ValidationProblem.for_field("currency", "customs totals are recorded in USD")
    if await period_issued(ctx, data.org_unit_id, data.declared_on):
        raise ConflictProblem.for_field(
            "declared_on", "the statement of that period is issued; record a correction as an adjustment"
        )
    row = CustomsRecord(
        org_unit_id=data.org_unit_id,
        declared_on=data.declared_on,
        direction=data.direction,
        amount=data.amount,
        currency=data.currency,
        reference=data.reference,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    if audit:
        ctx.audit("fees.customs_record.created", row, after=snapshot(row))
    return row


async def create_customs(ctx: Context, data: FeeCustomsRecordCreate) -> FeeCustomsRecordView:
    """Record a customs total of a subsidiary."""
    return (await customs_views(ctx, [await add_customs(ctx, data)]))[0]


async def delete_customs(ctx: Context, record_id: uuid.UUID) -> None:
    """Delete a customs record entered by mistake (not once its period's statement is issued)."""
    row = await fetch(ctx.session, CustomsRecord, record_id, what="customs record")
    await check_visible(ctx, row.org_unit_id, "customs record")
    await require_group_view(ctx, "Deleting customs records")
    if await period_issued(ctx, row.org_unit_id, row.declared_on):
        raise ConflictProblem("The statement of that period is issued; record a correction as an adjustment.")
    ctx.audit("fees.customs_record.deleted", row, before=snapshot(row))
    await ctx.session.delete(row)
    await ctx.session.flush()


# --- operating profit ----------------------------------------------------------------------------


async def profit_views(ctx: Context, rows: list[ProfitFigure]) -> list[FeeProfitFigureView]:
    """Profit rows as views."""
    names = await unit_names(ctx, [r.org_unit_id for r in rows])
    return [
        FeeProfitFigureView(
            id=r.id,
            org_unit_id=r.org_unit_id,
            org_unit_name=names.get(r.org_unit_id, ""),
            year=r.year,
            reported=r.reported,
            audited=r.audited,
            audited_on=r.audited_on,
            version=r.version,
        )
        for r in rows
    ]


async def list_profits(ctx: Context, org_unit_id: uuid.UUID | None = None) -> list[FeeProfitFigureView]:
    """Profit figures the person may see, latest year first."""
    statement = select(ProfitFigure).order_by(ProfitFigure.year.desc(), ProfitFigure.org_unit_id)
    units = await visible_units(ctx)
    if units is not None:
        statement = statement.where(ProfitFigure.org_unit_id.in_(units))
    if org_unit_id is not None:
        statement = statement.where(ProfitFigure.org_unit_id == org_unit_id)
    return await profit_views(ctx, list(await ctx.session.scalars(statement.limit(500))))


async def get_profit(ctx: Context, figure_id: uuid.UUID) -> FeeProfitFigureView:
    """One profit figure, or 404."""
    row = await fetch(ctx.session, ProfitFigure, figure_id, what="profit figure")
    await check_visible(ctx, row.org_unit_id, "profit figure")
    return (await profit_views(ctx, [row]))[0]


async def create_profit(ctx: Context, data: FeeProfitFigureCreate) -> FeeProfitFigureView:
    """Record a year's reported operating profit; 409 naming ``year`` when it is already there."""
    await subsidiary(ctx, data.org_unit_id)
    await check_visible(ctx, data.org_unit_id, "org unit")
    check_amount("reported", data.reported, signed=True)
    taken = await ctx.session.scalar(
        select(ProfitFigure.id).where(
            ProfitFigure.org_unit_id == data.org_unit_id, ProfitFigure.year == data.year
        )
    )
    if taken is not None:
        raise ConflictProblem.for_field("year", "that year's profit is already recorded")
    row = ProfitFigure(org_unit_id=data.org_unit_id, year=data.year, reported=data.reported)
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("fees.profit_figure.created", row, after=snapshot(row))
    return (await profit_views(ctx, [row]))[0]


async def audit_profit(
    ctx: Context, figure_id: uuid.UUID, data: FeeProfitAudit, if_match: str | None
) -> FeeProfitFigureView:
    """Enter the audited profit (``If-Match``); the next statement generated carries the true-up."""
    row = await fetch(ctx.session, ProfitFigure, figure_id, what="profit figure")
    await check_visible(ctx, row.org_unit_id, "profit figure")
    await require_group_view(ctx, "Entering the audited profit")
    check_version(row, if_match)
    check_amount("audited", data.audited, signed=True)
    before = snapshot(row)
    row.audited = data.audited
    row.audited_on = data.audited_on
    await ctx.session.flush()
    ctx.audit("fees.profit_figure.updated", row, before=before, after=snapshot(row))
    return (await profit_views(ctx, [row]))[0]


# --- other income --------------------------------------------------------------------------------


async def income_views(ctx: Context, rows: list[IncomeEntry]) -> list[FeeIncomeEntryView]:
    """Income rows as views."""
    names = await unit_names(ctx, [r.org_unit_id for r in rows])
    return [
        FeeIncomeEntryView(
            id=r.id,
            org_unit_id=r.org_unit_id,
            org_unit_name=names.get(r.org_unit_id, ""),
            year=r.year,
            kind=r.kind,
            amount=r.amount,
            note=r.note,
        )
        for r in rows
    ]


async def list_income(ctx: Context, org_unit_id: uuid.UUID | None = None) -> list[FeeIncomeEntryView]:
    """Other-income entries the person may see, latest year first."""
    statement = select(IncomeEntry).order_by(IncomeEntry.year.desc(), IncomeEntry.created_at)
    units = await visible_units(ctx)
    if units is not None:
        statement = statement.where(IncomeEntry.org_unit_id.in_(units))
    if org_unit_id is not None:
        statement = statement.where(IncomeEntry.org_unit_id == org_unit_id)
    return await income_views(ctx, list(await ctx.session.scalars(statement.limit(500))))


async def create_income(ctx: Context, data: FeeIncomeEntryCreate) -> FeeIncomeEntryView:
    """Record other income of a subsidiary in a year."""
    await subsidiary(ctx, data.org_unit_id)
    await check_visible(ctx, data.org_unit_id, "org unit")
    check_amount("amount", data.amount)
    row = IncomeEntry(
        org_unit_id=data.org_unit_id, year=data.year, kind=data.kind, amount=data.amount, note=data.note
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("fees.income_entry.created", row, after=snapshot(row))
    return (await income_views(ctx, [row]))[0]
