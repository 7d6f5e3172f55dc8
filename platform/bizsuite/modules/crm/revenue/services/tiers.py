"""Tiers and the churn watch list, recomputed set-based in SQL after every change of revenue
or of the settings (see the package's docstring), and the churn alerts. The accounts' decline
streaks themselves are kept by ``streaks.py``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import TextClause, case, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core import clock
from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.context import Context
from bizsuite.core.identity.models import Membership, Role
from bizsuite.core.webhooks.services import emit_event
from bizsuite.modules.crm.models import Account, ChurnRisk, CrmSettings, Tier
from bizsuite.modules.crm.revenue import rules
from bizsuite.modules.crm.revenue.services.streaks import refresh_streaks, sync_watch_list
from bizsuite.modules.crm.settings import CRM_SETTINGS

#: At most this many ``crm.account.tier_changed`` events per recompute (largest accounts first).
TIER_EVENT_LIMIT = 100
#: At most this many new churn alerts per recompute (tier A and largest first); the rest follow
#: on the next recompute, so a first import of a huge tenant does not raise thousands at once.
ALERT_LIMIT = 200
CHURN_ALERT = "crm.churn_risk"
RECOMPUTE_TASK = "crm.revenue.recompute"
DEFAULT_CHURN_MONTHS = 3

AS_OF_SQL = "SELECT max(month) FROM crm_monthly_revenue WHERE tenant_id = :tenant_id"

TIERS_SQL = """
WITH as_of AS (
    SELECT max(month) AS month FROM crm_monthly_revenue WHERE tenant_id = :tenant_id
), totals AS (
    SELECT r.account_id, sum(r.amount) AS revenue
    FROM crm_monthly_revenue r CROSS JOIN as_of
    WHERE r.tenant_id = :tenant_id
      AND r.month > as_of.month - interval '12 months' AND r.month <= as_of.month
    GROUP BY r.account_id
    HAVING sum(r.amount) > 0
), ranked AS (
    SELECT account_id, revenue,
           coalesce(sum(revenue) OVER (ORDER BY revenue DESC, account_id
                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
           sum(revenue) OVER () AS total
    FROM totals
), target AS (
    SELECT a.id, a.tier AS old_tier,
           CAST(CASE WHEN rk.account_id IS NULL THEN NULL
                     WHEN rk.before < CAST(:a_share AS numeric) * rk.total THEN 'A'
                     WHEN rk.before < CAST(:b_share AS numeric) * rk.total THEN 'B'
                     ELSE 'C' END AS crm_tier) AS new_tier,
           coalesce(rk.revenue, 0) AS new_revenue
    FROM crm_accounts a LEFT JOIN ranked rk ON rk.account_id = a.id
    WHERE a.tenant_id = :tenant_id
), changed AS (
    UPDATE crm_accounts a
    SET tier = t.new_tier, trailing_revenue = t.new_revenue
    FROM target t
    WHERE a.tenant_id = :tenant_id AND a.id = t.id
      AND (a.tier IS DISTINCT FROM t.new_tier OR a.trailing_revenue <> t.new_revenue)
    RETURNING a.id, a.code, a.name, t.old_tier, t.new_tier, t.new_revenue
)
SELECT id, code, name, old_tier, new_tier, new_revenue, count(*) OVER () AS changed_count
FROM changed
WHERE old_tier IS DISTINCT FROM new_tier
ORDER BY new_revenue DESC, id
LIMIT :event_limit
"""

#: The churn scan: the accounts at risk straight from the revenue rows, without the stored
#: streaks. The watch list no longer uses it (it reads the streaks kept on the accounts, see
#: ``streaks.py``); it stays as an independent check of them (tests, the benchmark) and for
#: diagnosis. Two steps that read only what can matter:
#:
#: 1. ``candidates``: the accounts whose last ``n + 1`` months (the tenant's latest month and the
#:    ``n`` before it) all have rows and strictly decline, as a chain of joins between month
#:    slices of the index ``(tenant_id, month, account_id) INCLUDE (amount)``: each slice is one
#:    contiguous index range, so this reads ``n + 1`` months of rows instead of the whole history.
#: 2. ``run``: for those few accounts only, the streak is followed further back one month at a
#:    time by index probes on ``(tenant_id, account_id, month) INCLUDE (amount)`` until it breaks,
#:    which gives its exact length and first month.
#:
#: A month without a row inside an account's range counts as 0, so the month after a gap never
#: declines: a streak ending at the latest month is always a run of consecutive rows, which is
#: exactly what the joins and probes follow. (A single window pass over every row gives the same
#: answer, see ``rules.churn_risks``, but costs 10x more on large tenants.)
_CHURN_SCAN_TEMPLATE = """
WITH RECURSIVE as_of AS (
    SELECT max(month) AS month FROM crm_monthly_revenue WHERE tenant_id = :tenant_id
), candidates AS (
    SELECT s0.account_id, s{n}.month, s{n}.amount
    FROM crm_monthly_revenue s0
{joins}
    WHERE s0.tenant_id = :tenant_id AND s0.month = (SELECT month FROM as_of)
), run AS (
    SELECT account_id, month, amount, {n} AS months_declining FROM candidates
  UNION ALL
    SELECT run.account_id, earlier.month, earlier.amount, run.months_declining + 1
    FROM run CROSS JOIN LATERAL (
        SELECT r.month, r.amount FROM crm_monthly_revenue r
        WHERE r.tenant_id = :tenant_id AND r.account_id = run.account_id
          AND r.month = CAST(run.month - interval '1 month' AS date)
        LIMIT 1  -- one row (the key is unique); keeps this a per-candidate index probe
    ) earlier
    WHERE run.amount < earlier.amount
), streaks AS (
    SELECT account_id, max(months_declining) AS months_declining FROM run GROUP BY account_id
)
SELECT streaks.account_id,
       CAST(as_of.month - make_interval(months => streaks.months_declining - 1) AS date) AS streak_start,
       as_of.month AS last_month,
       CAST(streaks.months_declining AS smallint) AS months_declining
FROM streaks CROSS JOIN as_of
"""
_SLICE_JOIN = """    JOIN crm_monthly_revenue s{k} ON s{k}.tenant_id = :tenant_id AND s{k}.account_id = s0.account_id
        AND s{k}.month = CAST((SELECT month FROM as_of) - interval '{k} months' AS date)
        AND s{previous}.amount < s{k}.amount"""


def churn_scan_sql(churn_months: int) -> str:
    """The churn scan's SQL for ``churn_months`` (2..24) consecutive declines (bind ``tenant_id``)."""
    if not 2 <= churn_months <= 24:
        raise ValueError("churn months must be between 2 and 24")
    joins = "\n".join(_SLICE_JOIN.format(k=k, previous=k - 1) for k in range(1, churn_months + 1))
    return _CHURN_SCAN_TEMPLATE.format(n=churn_months, joins=joins)


def churn_scan_statement(settings: CrmSettings | int) -> TextClause:
    """The churn scan as one SELECT (bind ``tenant_id``): accounts whose decline streak ending at
    the tenant's latest month is at least the tenant's churn months (or the number given)."""
    months = settings if isinstance(settings, int) else settings.churn_months
    return text(churn_scan_sql(months))


async def scan_churn(
    ctx: Context | AsyncSession, tenant_id: uuid.UUID | None = None, *, churn_months: int | None = None
) -> list[Any]:
    """Run the churn scan (read only) and return the accounts at risk as ``(account_id,
    streak_start, last_month, months_declining)`` rows.

    Takes a service context, or a bare session already inside the tenant (row-level security
    set) with the tenant's id; the churn months default to the tenant's setting.
    """
    if isinstance(ctx, Context):
        session, tenant_id = ctx.session, ctx.tenant_id
    else:
        session = ctx
        if tenant_id is None:
            raise ValueError("pass the tenant id with a bare session")
    if churn_months is None:
        stored = await session.scalar(
            text("SELECT churn_months FROM crm_settings WHERE tenant_id = :tenant_id"),
            {"tenant_id": tenant_id},
        )
        churn_months = int(stored) if stored is not None else DEFAULT_CHURN_MONTHS
    result = await session.execute(churn_scan_statement(churn_months), {"tenant_id": tenant_id})
    return list(result.all())


async def latest_month(ctx: Context) -> date | None:
    """The tenant's latest month with revenue: the end of the trailing window."""
    value: date | None = await ctx.session.scalar(text(AS_OF_SQL), {"tenant_id": ctx.tenant_id})
    return value


@dataclass(frozen=True, slots=True)
class RecomputeResult:
    """What a recompute changed."""

    as_of: date | None
    tiers_changed: int
    at_risk: int
    new_alerts: int


async def recompute(ctx: Context, *, streaks: bool = False, tiers: bool = True) -> RecomputeResult:
    """Recompute the tenant's tiers and bring its churn watch list in line with the accounts'
    stored streaks; alert new streaks.

    Revenue writes keep the streaks of the accounts they touch themselves
    (``streaks.refresh_streaks``) and then call this; so does a new churn threshold, which needs
    no streak recomputed (``tiers=False`` when the tier shares did not change), and
    ``POST /api/v1/crm/revenue/recompute``. ``streaks=True`` first recomputes every account's
    streak from the revenue rows (one pass over all of them, which on a large tenant may take
    longer than a request may): the ``crm.revenue.recompute`` task does that, to repair streaks
    after revenue was written behind the services' back.
    """
    settings = await ctx.settings(CRM_SETTINGS)
    await ctx.session.flush()
    if streaks:
        await refresh_streaks(ctx)
    params = {"tenant_id": ctx.tenant_id}
    changed = (
        (
            await ctx.session.execute(
                text(TIERS_SQL),
                {
                    **params,
                    "a_share": settings.tier_a_share,
                    "b_share": settings.tier_b_share,
                    "event_limit": TIER_EVENT_LIMIT,
                },
            )
        ).all()
        if tiers
        else []
    )
    for row in changed:
        await emit_event(
            ctx,
            "crm.account.tier_changed",
            {
                "account_id": str(row.id),
                "code": row.code,
                "name": row.name,
                "old_tier": row.old_tier,
                "new_tier": row.new_tier,
                "trailing_revenue": str(row.new_revenue),
            },
        )
    churn = await sync_watch_list(ctx, settings.churn_months)
    await _reload_loaded_rows(ctx)
    new_alerts = await _alert_new_streaks(ctx)
    return RecomputeResult(
        as_of=await latest_month(ctx),
        tiers_changed=changed[0].changed_count if changed else 0,
        at_risk=churn.at_risk,
        new_alerts=new_alerts,
    )


#: What the set-based statements write on accounts (and PostgreSQL generates from it).
_DERIVED_ACCOUNT_COLUMNS = (
    "tier",
    "trailing_revenue",
    "last_revenue_month",
    "decline_streak",
    "watch_priority",
    "trailing_cents",
)


async def _reload_loaded_rows(ctx: Context) -> None:
    """Rows loaded before the set-based statements are stale: refresh accounts, forget streaks."""
    for obj in list(ctx.session.identity_map.values()):
        if isinstance(obj, Account):
            await ctx.session.refresh(obj, list(_DERIVED_ACCOUNT_COLUMNS))
        elif isinstance(obj, ChurnRisk):
            ctx.session.expunge(obj)


async def _alert_new_streaks(ctx: Context) -> int:
    rows = (
        await ctx.session.execute(
            select(ChurnRisk, Account)
            .join(Account, Account.id == ChurnRisk.account_id)
            .where(ChurnRisk.alerted_at.is_(None))
            .order_by(*watch_order())
            .limit(ALERT_LIMIT)
        )
    ).all()
    if not rows:
        return 0
    # The owner if they are still a member of the tenant; otherwise the tenant's admins, so an
    # account whose owner left does not raise an alert nobody receives.
    owners = {account.owner_user_id for _risk, account in rows if account.owner_user_id}
    members = (
        set(
            (
                await ctx.session.scalars(select(Membership.user_id).where(Membership.user_id.in_(owners)))
            ).all()
        )
        if owners
        else set()
    )
    for risk, account in rows:
        await raise_alert(
            ctx,
            alert_type=CHURN_ALERT,
            severity=Severity.CRITICAL if account.tier is Tier.A else Severity.WARNING,
            title_msgid=rules.CHURN_ALERT_TITLE,
            body_msgid=rules.CHURN_ALERT_BODY,
            params=rules.churn_alert_params(
                account.name, account.code, risk.months_declining, risk.revenue_at_stake, risk.streak_start
            ),
            target=account,
            dedup_key=f"{CHURN_ALERT}:{account.id}:{rules.month_label(risk.streak_start)}",
            recipients=[account.owner_user_id] if account.owner_user_id in members else None,
            audience=Role.ADMIN,
            data=_risk_payload(risk, account),
        )
        await emit_event(ctx, "crm.account.churn_risk", _risk_payload(risk, account))
        risk.alerted_at = clock.now(ctx)
    await ctx.session.flush()
    return len(rows)


def _risk_payload(risk: ChurnRisk, account: Account) -> dict[str, Any]:
    return {
        "account_id": str(account.id),
        "code": account.code,
        "name": account.name,
        "tier": account.tier.value if account.tier else None,
        "streak_start": rules.month_label(risk.streak_start),
        "last_month": rules.month_label(risk.last_month),
        "months_declining": risk.months_declining,
        "revenue_at_stake": str(risk.revenue_at_stake),
    }


def watch_order() -> tuple[Any, ...]:
    """The watch list's order: tier A first (then B, C, none), then by revenue at stake."""
    rank = case(
        (Account.tier == Tier.A, 0), (Account.tier == Tier.B, 1), (Account.tier == Tier.C, 2), else_=3
    )
    return rank, -ChurnRisk.revenue_at_stake, ChurnRisk.id
