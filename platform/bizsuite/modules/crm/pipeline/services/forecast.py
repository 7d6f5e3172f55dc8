"""The pipeline forecast and the per-stage summary, from grouped SQL (tenant currency)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, and_, cast, func, literal, select
from sqlalchemy.dialects.postgresql import TIMESTAMP

from bizsuite.core import clock
from bizsuite.core.context import Context
from bizsuite.core.identity.models import User
from bizsuite.modules.crm.models import Account, Opportunity, PipelineStage, StageKind
from bizsuite.modules.crm.pipeline import rules
from bizsuite.modules.crm.pipeline.services.stages import stage_rows


def _weighted_sum() -> Any:
    # Each opportunity's expected value is rounded to cents first, as its card shows it.
    weighted = func.round(Opportunity.amount * PipelineStage.probability / literal(Decimal(100)), 2)
    return func.coalesce(func.sum(weighted), 0)


@dataclass(frozen=True, slots=True)
class StageFigures:
    """One stage's opportunities: how many, their amount and weighted amount."""

    stage: PipelineStage
    count: int
    amount: Decimal
    weighted_amount: Decimal


async def stage_summary(ctx: Context) -> list[StageFigures]:
    """Count, amount and weighted amount per stage (tenant currency), in pipeline order."""
    stages = await stage_rows(ctx)
    rows = await ctx.session.execute(
        select(
            Opportunity.stage_id,
            func.count(Opportunity.id),
            func.coalesce(func.sum(Opportunity.amount), 0),
            _weighted_sum(),
        )
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .where(Opportunity.currency == ctx.tenant.currency)
        .group_by(Opportunity.stage_id)
    )
    sums = {row[0]: (int(row[1]), Decimal(row[2]), Decimal(row[3])) for row in rows}
    zero = Decimal("0.00")
    return [
        StageFigures(
            stage=stage,
            count=sums.get(stage.id, (0, zero, zero))[0],
            amount=sums.get(stage.id, (0, zero, zero))[1].quantize(rules.CENT),
            weighted_amount=sums.get(stage.id, (0, zero, zero))[2].quantize(rules.CENT),
        )
        for stage in stages
    ]


async def forecast(ctx: Context, months: int, *, now: dt.datetime | None = None) -> list[rules.MonthFigures]:
    """Open, weighted and won amounts per month, from this month on (tenant time zone).

    Open opportunities count in their expected close month (overdue ones in the current month;
    undated ones not at all); won ones in the month they were won. Tenant currency only.
    """
    time_zone = ctx.tenant.time_zone
    buckets = rules.forecast_months(rules.local_today(now or clock.now(ctx), time_zone), months)
    first, end = buckets[0], rules.add_months(buckets[0], months)
    currency = ctx.tenant.currency
    close_month = cast(func.date_trunc("month", cast(Opportunity.expected_close, TIMESTAMP)), Date)
    open_month = func.greatest(close_month, first)
    open_rows = await ctx.session.execute(
        select(open_month, func.coalesce(func.sum(Opportunity.amount), 0), _weighted_sum())
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .where(
            PipelineStage.kind == StageKind.OPEN,
            Opportunity.currency == currency,
            Opportunity.expected_close.is_not(None),
            Opportunity.expected_close < end,
        )
        .group_by(open_month)
    )
    zone = ZoneInfo(time_zone)
    start_at = dt.datetime.combine(first, dt.time(), zone)
    end_at = dt.datetime.combine(end, dt.time(), zone)
    won_month = cast(
        func.date_trunc("month", func.timezone(time_zone, Opportunity.closed_at)),
        Date,
    )
    won_rows = await ctx.session.execute(
        select(won_month, func.coalesce(func.sum(Opportunity.amount), 0))
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .where(
            PipelineStage.kind == StageKind.WON,
            Opportunity.currency == currency,
            Opportunity.closed_at >= start_at,
            Opportunity.closed_at < end_at,
        )
        .group_by(won_month)
    )
    return rules.forecast_table(
        buckets,
        [(row[0], Decimal(row[1]), Decimal(row[2])) for row in open_rows],
        [(row[0], Decimal(row[1])) for row in won_rows],
    )


@dataclass(frozen=True, slots=True)
class OwnerFigures:
    """One owner's open pipeline: how many opportunities, their amount and weighted amount."""

    owner_user_id: uuid.UUID | None
    owner_name: str | None
    count: int
    amount: Decimal
    weighted_amount: Decimal


async def owner_summary(ctx: Context) -> list[OwnerFigures]:
    """Per owner, the open pipeline (open stages, tenant currency): count, amount and weighted
    amount (each opportunity's ``amount × stage probability``, summed), largest weighted first."""
    rows = await ctx.session.execute(
        select(
            Opportunity.owner_user_id,
            User.name,
            func.count(Opportunity.id),
            func.coalesce(func.sum(Opportunity.amount), 0),
            _weighted_sum(),
        )
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .outerjoin(User, User.id == Opportunity.owner_user_id)
        .where(PipelineStage.kind == StageKind.OPEN, Opportunity.currency == ctx.tenant.currency)
        .group_by(Opportunity.owner_user_id, User.name)
    )
    found = [
        OwnerFigures(
            owner_user_id=row[0],
            owner_name=row[1],
            count=int(row[2]),
            amount=Decimal(row[3]).quantize(rules.CENT),
            weighted_amount=Decimal(row[4]).quantize(rules.CENT),
        )
        for row in rows
    ]
    return sorted(found, key=lambda f: (-f.weighted_amount, f.owner_name or ""))


@dataclass(frozen=True, slots=True)
class ForecastLine:
    """An open opportunity counted in a forecast month: the inputs of its weighted amount."""

    month: dt.date
    opportunity_id: uuid.UUID
    name: str
    account_name: str
    owner_name: str | None
    stage_name: str
    amount: Decimal
    probability: int

    @property
    def weighted_amount(self) -> Decimal:
        """``amount × probability %``, to the cent (as the month's sum counts it)."""
        return rules.weighted_value(self.amount, self.probability)


async def forecast_lines(
    ctx: Context, months: int, *, now: dt.datetime | None = None, limit: int = 500
) -> list[ForecastLine]:
    """The open opportunities the forecast's months count (the same rule as :func:`forecast`:
    expected close month, overdue ones in the current month, tenant currency), by month then
    largest amount; at most ``limit``."""
    buckets = rules.forecast_months(rules.local_today(now or clock.now(ctx), ctx.tenant.time_zone), months)
    first, end = buckets[0], rules.add_months(buckets[0], months)
    rows = await ctx.session.execute(
        select(Opportunity, PipelineStage.name, PipelineStage.probability, Account.name, User.name)
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .join(Account, and_(Account.tenant_id == Opportunity.tenant_id, Account.id == Opportunity.account_id))
        .outerjoin(User, User.id == Opportunity.owner_user_id)
        .where(
            PipelineStage.kind == StageKind.OPEN,
            Opportunity.currency == ctx.tenant.currency,
            Opportunity.expected_close.is_not(None),
            Opportunity.expected_close < end,
        )
        .order_by(Opportunity.expected_close, Opportunity.amount.desc(), Opportunity.id)
        .limit(limit)
    )
    lines = []
    for opportunity, stage_name, probability, account_name, owner_name in rows:
        assert opportunity.expected_close is not None
        lines.append(
            ForecastLine(
                month=max(rules.month_start(opportunity.expected_close), first),
                opportunity_id=opportunity.id,
                name=opportunity.name,
                account_name=account_name,
                owner_name=owner_name,
                stage_name=stage_name,
                amount=opportunity.amount,
                probability=probability,
            )
        )
    return lines
