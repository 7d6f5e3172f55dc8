"""The churn watch list (客户流失预警) and the accounts' recent trends."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select

from bizsuite.core.context import Context
from bizsuite.core.pagination import keyset, page_of
from bizsuite.modules.crm.models import Account, ChurnRisk, MonthlyRevenue, Tier
from bizsuite.modules.crm.revenue import rules
from bizsuite.modules.crm.revenue.schemas import ChurnRiskFilters, ChurnRiskOut
from bizsuite.modules.crm.revenue.services.tiers import latest_month, watch_order

_TIER_RANK = {Tier.A: 0, Tier.B: 1, Tier.C: 2}


def _rank(account: Account) -> int:
    return _TIER_RANK.get(account.tier, 3) if account.tier is not None else 3


async def list_churn_risks(
    ctx: Context, filters: ChurnRiskFilters | None = None, *, limit: int, cursor: str | None
) -> tuple[list[ChurnRiskOut], str | None]:
    """The watch list: tier A first, then by revenue at stake."""
    statement: Select[Any] = select(ChurnRisk, Account).join(  # type: ignore[assignment]
        Account, Account.id == ChurnRisk.account_id
    )
    if filters is not None and filters.tier is not None:
        statement = statement.where(Account.tier == filters.tier)
    statement = keyset(statement, limit=limit, cursor=cursor, keys=watch_order())
    found: list[tuple[ChurnRisk, Account]] = [
        (row[0], row[1]) for row in (await ctx.session.execute(statement)).all()
    ]
    rows, next_cursor = page_of(
        found, limit, key=lambda row: (_rank(row[1]), -row[0].revenue_at_stake, row[0].id)
    )
    return [churn_risk_view(risk, account) for risk, account in rows], next_cursor


def churn_risk_view(risk: ChurnRisk, account: Account) -> ChurnRiskOut:
    """A watch-list entry as the API and the pages show it."""
    return ChurnRiskOut(
        id=risk.id,
        account_id=account.id,
        code=account.code,
        name=account.name,
        tier=account.tier,
        owner_user_id=account.owner_user_id,
        streak_start=rules.month_label(risk.streak_start),
        last_month=rules.month_label(risk.last_month),
        months_declining=risk.months_declining,
        revenue_at_stake=risk.revenue_at_stake,
        alerted_at=risk.alerted_at,
        detected_at=risk.detected_at,
    )


async def trends(
    ctx: Context, account_ids: list[uuid.UUID], *, months: int = 12
) -> dict[uuid.UUID, list[Decimal]]:
    """Each account's months among the last ``months`` (to the tenant's latest), gaps as 0."""
    as_of = await latest_month(ctx)
    if as_of is None or not account_ids:
        return {}
    start = rules.add_months(as_of, -(months - 1))
    rows = (
        await ctx.session.execute(
            select(MonthlyRevenue.account_id, MonthlyRevenue.month, MonthlyRevenue.amount).where(
                MonthlyRevenue.account_id.in_(account_ids), MonthlyRevenue.month >= start
            )
        )
    ).all()
    points: dict[uuid.UUID, dict[date, Decimal]] = {}
    for account_id, month, amount in rows:
        points.setdefault(account_id, {})[month] = amount
    # Each account's months inside its own range (gaps as 0), at most the last ``months``.
    return {
        account_id: [a for _m, a in rules.filled_series(points.get(account_id, {}))]
        for account_id in account_ids
    }
