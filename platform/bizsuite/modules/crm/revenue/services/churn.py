"""The churn watch list (客户流失预警) and the accounts' recent trends.

The watch list is one index range read (``ix_crm_accounts_tenant_watch``, migration 0026): the
accounts whose stored decline streak (``streaks.py``) ends at the tenant's latest month and is at
least the tenant's churn months long, tier A first, then the most revenue at stake, then the
account id (all three highest first: the generated columns ``watch_priority`` and
``trailing_cents``), with keyset pages on that order; each joined to its watch-list row
(``crm_churn_risks``: its id, when it was detected and alerted) by one key probe.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.pagination import decode_cursor, encode_cursor
from bizsuite.modules.crm.models import WATCH_MIN_STREAK, MonthlyRevenue, Tier
from bizsuite.modules.crm.revenue import rules
from bizsuite.modules.crm.revenue.schemas import ChurnRiskFilters, ChurnRiskOut
from bizsuite.modules.crm.revenue.services.tiers import DEFAULT_CHURN_MONTHS, latest_month

#: ``watch_priority`` of each tier (``models.WATCH_PRIORITY_SQL``): listed highest first.
WATCH_PRIORITY = {Tier.A: 3, Tier.B: 2, Tier.C: 1}
_TIERS: dict[str | None, Tier | None] = {None: None, **{member.value: member for member in Tier}}
#: The sort key in a cursor: priority, revenue at stake in cents, account id.
_CURSOR_KINDS = (int, int, uuid.UUID)
_KEY = "a.watch_priority, a.trailing_cents, a.id"

#: The watch list's query: ``$1`` is the tenant; the latest month and the threshold are read in
#: the same statement. ``{conditions}`` adds a tier (``= $n``) and the keyset (``< ($n, ...)``),
#: integer and uuid comparisons that the planner applies inside the index even under row-level
#: security. The page of accounts is read first, alone, so the planner reads it as the index's
#: range (backwards) and stops after ``limit`` rows; then each row's watch-list row by one probe
#: of its key. The text is this module's own; every value is bound.
_WATCH_LIST_TEMPLATE = """
SELECT c.id, w.id, w.code, w.name, w.tier, w.owner_user_id, w.decline_streak, w.last_revenue_month,
       w.trailing_revenue, c.alerted_at, c.detected_at, w.watch_priority, w.trailing_cents, w.id
FROM (
    SELECT a.id, a.code, a.name, a.tier, a.owner_user_id, a.decline_streak, a.last_revenue_month,
           a.trailing_revenue, a.watch_priority, a.trailing_cents
    FROM crm_accounts a
    WHERE a.tenant_id = $1
      AND a.last_revenue_month = (SELECT max(month) FROM crm_monthly_revenue WHERE tenant_id = $1)
      AND a.decline_streak >= {min_streak}
      AND a.decline_streak >= coalesce((SELECT churn_months FROM crm_settings WHERE tenant_id = $1),
                                       {default_months}){conditions}
    ORDER BY a.watch_priority DESC, a.trailing_cents DESC, a.id DESC
    LIMIT {limit}
) w
LEFT JOIN LATERAL (
    SELECT c.id, c.alerted_at, c.detected_at FROM crm_churn_risks c
    WHERE c.tenant_id = $1 AND c.account_id = w.id
      AND c.streak_start = CAST(w.last_revenue_month - make_interval(months => w.decline_streak - 1) AS date)
    LIMIT 1  -- one row (the key is unique); keeps this a key probe per row of the page
) c ON true
ORDER BY w.watch_priority DESC, w.trailing_cents DESC, w.id DESC
"""


def watch_list_sql(*, tier: bool = False, after: bool = False) -> str:
    """The watch list's SQL: ``$1`` the tenant, then the tier's priority (``tier``), then the
    cursor's priority, cents and account id (``after``), then the page size + 1."""
    conditions, n = "", 1
    if tier:
        n += 1
        conditions += f"\n      AND a.watch_priority = ${n}"
    if after:
        conditions += f"\n      AND ({_KEY}) < (${n + 1}, ${n + 2}, ${n + 3})"
        n += 3
    return _WATCH_LIST_TEMPLATE.format(
        min_streak=WATCH_MIN_STREAK,
        default_months=DEFAULT_CHURN_MONTHS,
        conditions=conditions,
        limit=f"${n + 1}",
    )


async def list_churn_risks(
    ctx: Context, filters: ChurnRiskFilters | None = None, *, limit: int, cursor: str | None
) -> tuple[list[ChurnRiskOut], str | None]:
    """The watch list: tier A first, then by revenue at stake (an index range read)."""
    params: list[Any] = [ctx.tenant_id]
    tier = filters.tier if filters is not None else None
    if tier is not None:
        params.append(WATCH_PRIORITY[tier])
    if cursor:
        params += decode_cursor(cursor, *_CURSOR_KINDS)
    params.append(limit + 1)
    sql = watch_list_sql(tier=tier is not None, after=bool(cursor))
    connection = await ctx.session.connection()
    rows = list((await connection.exec_driver_sql(sql, tuple(params))).all())
    # Every account at risk has its watch-list row (both are kept in the revenue write's
    # transaction); one without would be left out, never end the pages early.
    items = [_entry(row) for row in rows[:limit] if row[0] is not None]
    next_cursor = encode_cursor(*rows[limit - 1][-3:]) if len(rows) > limit else None
    return items, next_cursor


def _entry(row: Any) -> ChurnRiskOut:
    risk_id, account_id, code, name, tier, owner, streak, last_month, stake, alerted, detected = row[:11]
    return ChurnRiskOut(
        id=risk_id,
        account_id=account_id,
        code=code,
        name=name,
        tier=_TIERS[tier],
        owner_user_id=owner,
        streak_start=rules.month_label(rules.add_months(last_month, -(streak - 1))),
        last_month=rules.month_label(last_month),
        months_declining=streak,
        revenue_at_stake=stake,
        alerted_at=alerted,
        detected_at=detected,
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
