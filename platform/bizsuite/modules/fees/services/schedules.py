"""Fee schedules: tenant data, versioned by effective date (the one in force on a day is the latest
whose ``effective_from`` is not after it)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import delete, func, select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, FieldError, ValidationProblem
from bizsuite.core.repository import check_version, fetch, list_page
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.models import FeeComponent, FeeSchedule, Statement
from bizsuite.modules.fees.schemas import (
    FeeComponentView,
    FeeScheduleCreate,
    FeeScheduleUpdate,
    FeeScheduleView,
)
from bizsuite.modules.fees.services.common import require_group_view


def component_rule(row: FeeComponent) -> rules.Component:
    """A component row as the rules' plain value."""
    return rules.Component(
        kind=row.kind,
        label=row.label,
        rate=None if row.rate is None else rules.tidy(row.rate),
        per=rules.tidy(row.per),
        band_low=None if row.band_low is None else rules.tidy(row.band_low),
        band_high=None if row.band_high is None else rules.tidy(row.band_high),
        quarters=tuple(row.quarters),
        metric_currency=row.metric_currency,
    )


async def components_of(ctx: Context, schedule_id: uuid.UUID) -> list[FeeComponent]:
    """A schedule's components in order."""
    statement = (
        select(FeeComponent).where(FeeComponent.schedule_id == schedule_id).order_by(FeeComponent.position)
    )
    return list(await ctx.session.scalars(statement))


async def schedule_view(ctx: Context, row: FeeSchedule) -> FeeScheduleView:
    """A schedule with its components and how many statements were generated from it."""
    components = await components_of(ctx, row.id)
    used = await statements_using(ctx, [row.id])
    return FeeScheduleView(
        id=row.id,
        name=row.name,
        effective_from=row.effective_from,
        currency=row.currency,
        cutoff_month=row.cutoff_month,
        cutoff_day=row.cutoff_day,
        notes=row.notes,
        components=[
            FeeComponentView(
                id=c.id,
                position=c.position,
                kind=c.kind,
                label=c.label,
                rate=c.rate,
                per=c.per or Decimal(100),
                band_low=c.band_low,
                band_high=c.band_high,
                quarters=list(c.quarters),
                metric_currency=c.metric_currency,
            )
            for c in components
        ],
        statements=used.get(row.id, 0),
        created_at=row.created_at,
        version=row.version,
    )


async def list_schedules(
    ctx: Context, *, limit: int, cursor: str | None
) -> tuple[list[FeeScheduleView], str | None]:
    """The tenant's schedules, newest first."""
    rows, next_cursor = await list_page(
        ctx.session, select(FeeSchedule), FeeSchedule, limit=limit, cursor=cursor, descending=True
    )
    return [await schedule_view(ctx, r) for r in rows], next_cursor


async def get_schedule(ctx: Context, schedule_id: uuid.UUID) -> FeeScheduleView:
    """One schedule, or 404."""
    return await schedule_view(ctx, await fetch(ctx.session, FeeSchedule, schedule_id, what="fee schedule"))


def _errors(data: FeeScheduleCreate | FeeScheduleUpdate) -> list[FieldError]:
    """Every unusable field of a schedule, named as the body names it (``components[1].band_high``)."""
    errors = []
    for i, c in enumerate(data.components):
        per = c.per or Decimal(100)
        if problem_text := rules.amount_error(per, positive=True):
            errors.append(FieldError(field=f"components[{i}].per", message=problem_text))
            continue
        problem = rules.component_error(
            rules.Component(
                kind=c.kind,
                label=c.label,
                rate=c.rate,
                per=per,
                band_low=c.band_low,
                band_high=c.band_high,
                quarters=tuple(c.quarters or ()),
            )
        )
        if problem:
            errors.append(FieldError(field=f"components[{i}].{problem[0]}", message=problem[1]))
    try:
        rules.Cutoff(data.cutoff_month, data.cutoff_day).of(2001)
    except ValueError:
        errors.append(FieldError(field="cutoff_day", message="no such day in that month"))
    return errors


def _component_rows(
    schedule_id: uuid.UUID, data: FeeScheduleCreate | FeeScheduleUpdate
) -> list[FeeComponent]:
    return [
        FeeComponent(
            schedule_id=schedule_id,
            position=i,
            kind=c.kind,
            label=c.label,
            rate=c.rate,
            per=c.per or Decimal(100),
            band_low=c.band_low,
            band_high=c.band_high,
            quarters=list(c.quarters or rules.DEFAULT_QUARTERS[c.kind]),
            metric_currency=c.metric_currency,
        )
        for i, c in enumerate(data.components, start=1)
    ]


async def _check_day_free(ctx: Context, day: date, *, other_than: uuid.UUID | None = None) -> None:
    statement = select(FeeSchedule.id).where(FeeSchedule.effective_from == day)
    if other_than is not None:
        statement = statement.where(FeeSchedule.id != other_than)
    if await ctx.session.scalar(statement):
        raise ConflictProblem.for_field("effective_from", "a schedule already takes effect on that day")


async def create_schedule(ctx: Context, data: FeeScheduleCreate) -> FeeScheduleView:
    """A new schedule version; 409 naming ``effective_from`` when one starts that day; 422 naming
    every component field that is not usable (``components[1].band_high``...). The versions
    before it are kept: each period uses the one in force on its first day."""
    await require_group_view(ctx, "Defining fee schedules")
    if errors := _errors(data):
        raise ValidationProblem(errors[0].message, errors=errors)
    await _check_day_free(ctx, data.effective_from)
    row = FeeSchedule(
        name=data.name,
        effective_from=data.effective_from,
        currency=data.currency,
        cutoff_month=data.cutoff_month,
        cutoff_day=data.cutoff_day,
        notes=data.notes,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.session.add_all(_component_rows(row.id, data))
    await ctx.session.flush()
    view = await schedule_view(ctx, row)
    ctx.audit("fees.schedule.created", row, after={**snapshot(row), "components": len(view.components)})
    return view


class ScheduleInUseProblem(ConflictProblem):
    """A version statements were generated from is kept as it is: add a new version instead."""

    slug = "schedule-in-use"
    title = "Fee schedule in use"


async def update_schedule(
    ctx: Context, schedule_id: uuid.UUID, data: FeeScheduleUpdate, if_match: str | None
) -> FeeScheduleView:
    """Replace a version's name, effective date, cut-off and components (``If-Match``), only while
    no statement was generated from it (409 ``schedule-in-use`` otherwise: a new version from an
    effective date keeps this one for the periods it billed)."""
    await require_group_view(ctx, "Editing fee schedules")
    row = await fetch(ctx.session, FeeSchedule, schedule_id, what="fee schedule")
    await ctx.session.refresh(row, with_for_update=True)
    check_version(row, if_match)
    used = await statements_using(ctx, [row.id])
    if used.get(row.id):
        raise ScheduleInUseProblem(
            f"{used[row.id]} statement(s) were generated from this version; "
            "add a new version from an effective date instead (this one is kept)."
        )
    if errors := _errors(data):
        raise ValidationProblem(errors[0].message, errors=errors)
    await _check_day_free(ctx, data.effective_from, other_than=row.id)
    before = {**snapshot(row), "components": len(await components_of(ctx, row.id))}
    row.name = data.name
    row.effective_from = data.effective_from
    row.currency = data.currency
    row.cutoff_month = data.cutoff_month
    row.cutoff_day = data.cutoff_day
    row.notes = data.notes
    await ctx.session.execute(delete(FeeComponent).where(FeeComponent.schedule_id == row.id))
    ctx.session.add_all(_component_rows(row.id, data))
    await ctx.session.flush()
    view = await schedule_view(ctx, row)
    ctx.audit(
        "fees.schedule.updated",
        row,
        before=before,
        after={**snapshot(row), "components": len(view.components)},
    )
    return view


async def statements_using(ctx: Context, ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many statements were generated from each schedule version."""
    if not ids:
        return {}
    rows = await ctx.session.execute(
        select(Statement.schedule_id, func.count())
        .where(Statement.schedule_id.in_(ids))
        .group_by(Statement.schedule_id)
    )
    return {sid: int(n) for sid, n in rows.all()}


async def schedule_in_force(ctx: Context, on: date) -> FeeSchedule | None:
    """The schedule in force on ``on``: the latest effective on or before it."""
    statement = (
        select(FeeSchedule)
        .where(FeeSchedule.effective_from <= on)
        .order_by(FeeSchedule.effective_from.desc())
        .limit(1)
    )
    row: FeeSchedule | None = await ctx.session.scalar(statement)
    return row


def cutoff_of(row: FeeSchedule | None) -> rules.Cutoff:
    """The customs cut-off a schedule sets (the seed's 20 December without one)."""
    return rules.Cutoff(row.cutoff_month, row.cutoff_day) if row is not None else rules.SEED_CUTOFF
