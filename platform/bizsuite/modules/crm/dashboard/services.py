"""The CRM dashboard's figures, each from one grouped SQL query (never a loop over rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, literal, or_, select, tuple_

from bizsuite.core import clock
from bizsuite.core.context import Context
from bizsuite.modules.crm.models import (
    Account,
    AccountStatus,
    ChurnRisk,
    MonthlyRevenue,
    SlaPolicy,
    Ticket,
    TicketMilestone,
    Zone,
)
from bizsuite.modules.crm.pipeline import rules
from bizsuite.modules.crm.pipeline import services as pipeline

ZERO = Decimal("0.00")
TIER_ORDER = {"A": 0, "B": 1, "C": 2, None: 3}


@dataclass(frozen=True, slots=True)
class Attainment:
    """Met and breached milestones of a policy or a zone."""

    id: Any
    name: str | None
    met: int
    breached: int
    percent: Decimal | None


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the CRM overview shows."""

    since: dt.date
    pipeline: list[pipeline.StageFigures]
    revenue_trend: list[tuple[dt.date, Decimal]]
    tiers: list[tuple[str | None, int, Decimal]]
    at_risk: tuple[int, Decimal]
    sla_by_policy: list[Attainment]
    sla_by_zone: list[Attainment]


def trend_months(today: dt.date, months: int) -> list[dt.date]:
    """The first days of the last ``months`` months, ending with ``today``'s month."""
    return rules.forecast_months(rules.add_months(rules.month_start(today), 1 - months), months)


async def revenue_trend(ctx: Context, months: list[dt.date]) -> list[tuple[dt.date, Decimal]]:
    """Sum of every account's monthly revenue per month, up to the latest month with revenue
    (revenue arrives after the month ends: the months not reported yet are left out rather than
    drawn as a fall to zero; gaps before that month count as zero)."""
    rows = await ctx.session.execute(
        select(MonthlyRevenue.month, func.sum(MonthlyRevenue.amount))
        .where(MonthlyRevenue.month >= months[0], MonthlyRevenue.month <= months[-1])
        .group_by(MonthlyRevenue.month)
    )
    sums = {row[0]: Decimal(row[1]) for row in rows}
    reported = max(sums, default=None)
    return [
        (month, sums.get(month, ZERO).quantize(rules.CENT))
        for month in months
        if reported is not None and month <= reported
    ]


async def tier_mix(ctx: Context) -> list[tuple[str | None, int, Decimal]]:
    """Active accounts and their trailing-12-month revenue per tier (A, B, C, then unranked)."""
    rows = await ctx.session.execute(
        select(Account.tier, func.count(Account.id), func.coalesce(func.sum(Account.trailing_revenue), 0))
        .where(Account.status == AccountStatus.ACTIVE)
        .group_by(Account.tier)
    )
    found = [
        (row[0].value if row[0] is not None else None, int(row[1]), Decimal(row[2]).quantize(rules.CENT))
        for row in rows
    ]
    return sorted(found, key=lambda tier: TIER_ORDER[tier[0]])


async def at_risk(ctx: Context) -> tuple[int, Decimal]:
    """How many churn-risk streaks are running now and the revenue they put at stake."""
    row = (
        await ctx.session.execute(
            select(func.count(ChurnRisk.id), func.coalesce(func.sum(ChurnRisk.revenue_at_stake), 0)).where(
                ChurnRisk.active
            )
        )
    ).one()
    return int(row[0]), Decimal(row[1]).quantize(rules.CENT)


async def sla_attainment(ctx: Context, since: dt.datetime) -> tuple[list[Attainment], list[Attainment]]:
    """Met / (met + breached) milestones per policy and per zone, for tickets opened since
    ``since``: one query grouped by both sets."""
    met = func.count(TicketMilestone.id).filter(
        TicketMilestone.met_at.is_not(None), TicketMilestone.breached_at.is_(None)
    )
    breached = func.count(TicketMilestone.id).filter(TicketMilestone.breached_at.is_not(None))
    percent = func.round(literal(Decimal(100)) * met / func.nullif(met + breached, 0), 1)
    statement = (
        select(
            func.grouping(SlaPolicy.id, SlaPolicy.name).label("by_zone"),
            SlaPolicy.id,
            SlaPolicy.name,
            Zone.id,
            Zone.name,
            met,
            breached,
            percent,
        )
        .select_from(TicketMilestone)
        .join(
            Ticket,
            and_(Ticket.tenant_id == TicketMilestone.tenant_id, Ticket.id == TicketMilestone.ticket_id),
        )
        .outerjoin(SlaPolicy, and_(SlaPolicy.tenant_id == Ticket.tenant_id, SlaPolicy.id == Ticket.policy_id))
        .outerjoin(Zone, and_(Zone.tenant_id == Ticket.tenant_id, Zone.id == Ticket.zone_id))
        .where(
            Ticket.created_at >= since,
            or_(TicketMilestone.met_at.is_not(None), TicketMilestone.breached_at.is_not(None)),
        )
        .group_by(func.grouping_sets(tuple_(SlaPolicy.id, SlaPolicy.name), tuple_(Zone.id, Zone.name)))
    )
    by_policy: list[Attainment] = []
    by_zone: list[Attainment] = []
    for row in await ctx.session.execute(statement):
        if row[0]:  # grouped by zone: the policy columns are rolled up
            by_zone.append(Attainment(row[3], row[4], int(row[5]), int(row[6]), row[7]))
        elif row[1] is not None:
            by_policy.append(Attainment(row[1], row[2], int(row[5]), int(row[6]), row[7]))
    by_policy.sort(key=lambda a: a.name or "")
    by_zone.sort(key=lambda a: (a.name is None, a.name or ""))
    return by_policy, by_zone


async def dashboard(ctx: Context, *, months: int = 12, now: dt.datetime | None = None) -> Dashboard:
    """The CRM overview's figures for the last ``months`` months (tenant time zone)."""
    time_zone = ctx.tenant.time_zone
    trend = trend_months(rules.local_today(now or clock.now(ctx), time_zone), months)
    since_at = dt.datetime.combine(trend[0], dt.time(), ZoneInfo(time_zone))
    by_policy, by_zone = await sla_attainment(ctx, since_at)
    return Dashboard(
        since=trend[0],
        pipeline=await pipeline.stage_summary(ctx),
        revenue_trend=await revenue_trend(ctx, trend),
        tiers=await tier_mix(ctx),
        at_risk=await at_risk(ctx),
        sla_by_policy=by_policy,
        sla_by_zone=by_zone,
    )
