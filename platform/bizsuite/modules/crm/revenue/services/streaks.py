"""Each account's decline streak, kept on its row, and the watch-list rows that follow from it.

The churn rule (``rules.account_streak``, ``rules.on_watch_list``) splits in two:

1. **The stored streak** (``crm_accounts.last_revenue_month`` and ``decline_streak``): the
   account's last month with revenue and the consecutive declines ending there. It depends only
   on the account's own months, not on the tenant's threshold nor on other accounts, so every
   path that writes revenue (``PUT``/``DELETE`` of a month, imports, blueprints) recomputes the
   streaks of the accounts it touched, and only those, in its own transaction
   (:func:`refresh_streaks` with their ids: one ``UPDATE ... FROM`` over a window of those
   accounts' rows). Without ids it recomputes every account of the tenant (the repair after
   revenue was written behind the services' back, e.g. by hand in SQL).
2. **The watch list** is then a filter: the streak ends at the tenant's latest month (``as_of``)
   and is at least ``churn_months`` long. The partial index ``ix_crm_accounts_tenant_watch``
   (migration 0026) holds every account declining 2 months or more (2 is the smallest
   threshold) in the list's order, so the list is one index range read
   (``services/churn.py``) and a new threshold or a new ``as_of`` recomputes no streak.
   :func:`sync_watch_list` brings ``crm_churn_risks`` (one row per running streak: its id,
   when it was detected and alerted; the dashboard, the contracts' risk score and the alerts
   read it) in line with the streaks, writing only the rows that change.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from bizsuite.core.context import Context
from bizsuite.modules.crm.models import WATCH_MIN_STREAK

#: Above this many accounts a refresh recomputes the whole tenant: one ordered pass over its
#: revenue index costs less than that many separate range probes.
SUBSET_LIMIT = 20_000

#: A UUIDv7 made in SQL (PostgreSQL 15+ has no ``uuidv7()``): 48 bits of milliseconds, then random.
SQL_UUIDV7 = """encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
    substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
    from 1 for 6), 52, 1), 53, 1), 'hex')::uuid"""

#: The streak of each account (all of the tenant's, or those of ``:account_ids``) from its rows,
#: written where it differs from the stored one. A month *declines* when it has a row, the month
#: before has a row, and its amount is strictly below that one; a gap counts as 0, so the month
#: after a gap never declines and a streak is always a run of consecutive rows. The streak is the
#: number of months from the last month that did not decline (the first row never does) to the
#: last month. Accounts without rows get no month and no streak.
_STREAKS_TEMPLATE = """
WITH steps AS (
    SELECT r.account_id, r.month,
           r.amount < lag(r.amount) OVER w
               AND lag(r.month) OVER w = CAST(r.month - interval '1 month' AS date) AS declined
    FROM crm_monthly_revenue r
    WHERE r.tenant_id = :tenant_id{rows}
    WINDOW w AS (PARTITION BY r.account_id ORDER BY r.month)
), ends AS (
    SELECT account_id, max(month) AS last_month,
           max(month) FILTER (WHERE declined IS NOT TRUE) AS last_break
    FROM steps GROUP BY account_id
), computed AS (
    SELECT a.id, a.last_revenue_month AS stored_month, a.decline_streak AS stored_streak, e.last_month,
           CAST(coalesce((extract(year FROM e.last_month) - extract(year FROM e.last_break)) * 12
                         + extract(month FROM e.last_month) - extract(month FROM e.last_break), 0)
                AS smallint) AS streak
    FROM crm_accounts a LEFT JOIN ends e ON e.account_id = a.id
    WHERE a.tenant_id = :tenant_id{accounts}
), target AS (
    SELECT id, last_month, streak FROM computed
    WHERE stored_month IS DISTINCT FROM last_month OR stored_streak <> streak
)
UPDATE crm_accounts a
SET last_revenue_month = t.last_month, decline_streak = t.streak
FROM target t
WHERE a.tenant_id = :tenant_id AND a.id = t.id
"""
#: Every account of the tenant (bind ``tenant_id``): the full recompute.
STREAKS_SQL = _STREAKS_TEMPLATE.format(rows="", accounts="")
#: The accounts ``:account_ids`` only (bind ``tenant_id`` and ``account_ids``).
ACCOUNT_STREAKS_SQL = _STREAKS_TEMPLATE.format(
    rows=" AND r.account_id = ANY(:account_ids)", accounts=" AND a.id = ANY(:account_ids)"
)

#: ``crm_churn_risks`` brought in line with the stored streaks (bind ``tenant_id`` and
#: ``churn_months``): a row per account whose streak ends at the tenant's latest month and is at
#: least ``churn_months`` long, keyed by account and streak start (so a streak that goes on keeps
#: its id and ``alerted_at``, and a new streak of the same account is a new row). New streaks
#: are inserted, running ones updated only where something changed, ended ones deleted.
_SYNC_TEMPLATE = """
WITH as_of AS (
    SELECT max(month) AS month FROM crm_monthly_revenue WHERE tenant_id = :tenant_id
), target AS MATERIALIZED (
    SELECT a.id AS account_id, a.last_revenue_month AS last_month, a.decline_streak AS months_declining,
           CAST(a.last_revenue_month - make_interval(months => a.decline_streak - 1) AS date) AS streak_start,
           a.trailing_revenue AS revenue_at_stake
    FROM crm_accounts a
    WHERE a.tenant_id = :tenant_id AND a.last_revenue_month = (SELECT month FROM as_of)
      AND a.decline_streak >= {min_streak} AND a.decline_streak >= :churn_months
), inserted AS (
    INSERT INTO crm_churn_risks AS c
        (tenant_id, id, account_id, streak_start, last_month, months_declining, active, revenue_at_stake)
    SELECT :tenant_id, {uuidv7}, t.account_id, t.streak_start, t.last_month, t.months_declining, true,
           t.revenue_at_stake
    FROM target t
    WHERE NOT EXISTS (SELECT 1 FROM crm_churn_risks c
                      WHERE c.tenant_id = :tenant_id AND c.account_id = t.account_id
                        AND c.streak_start = t.streak_start)
    ON CONFLICT (tenant_id, account_id, streak_start) DO NOTHING
    RETURNING c.id
), updated AS (
    UPDATE crm_churn_risks c
    SET last_month = t.last_month, months_declining = t.months_declining,
        revenue_at_stake = t.revenue_at_stake, active = true, updated_at = now()
    FROM target t
    WHERE c.tenant_id = :tenant_id AND c.account_id = t.account_id AND c.streak_start = t.streak_start
      AND (c.last_month, c.months_declining, c.revenue_at_stake, c.active)
          IS DISTINCT FROM (t.last_month, t.months_declining, t.revenue_at_stake, true)
    RETURNING c.id
), removed AS (
    DELETE FROM crm_churn_risks c
    WHERE c.tenant_id = :tenant_id
      AND NOT EXISTS (SELECT 1 FROM target t
                      WHERE t.account_id = c.account_id AND t.streak_start = c.streak_start)
    RETURNING c.id
)
SELECT (SELECT count(*) FROM target) AS at_risk, (SELECT count(*) FROM inserted) AS added,
       (SELECT count(*) FROM updated) AS changed, (SELECT count(*) FROM removed) AS removed
"""
# The template and the UUID expression are this module's own text (only a constant varies).
WATCH_LIST_SYNC_SQL = _SYNC_TEMPLATE.format(min_streak=WATCH_MIN_STREAK, uuidv7=SQL_UUIDV7)

#: One writer of a tenant's streaks and watch-list rows at a time, from its refresh (or sync) to
#: its commit: the next one's statements start after the previous writer committed, so they read
#: its months too (under read committed, a statement sees what was committed when it started;
#: two writers refreshing at once could otherwise each miss the other's month of one account).
_STREAK_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended('crm_streaks:' || :tid, 0))")


async def _one_writer(ctx: Context) -> None:
    """Wait for the tenant's other streak writers to commit (re-entrant in a transaction)."""
    await ctx.session.execute(_STREAK_LOCK, {"tid": str(ctx.tenant_id)})


_ACCOUNT_STREAKS = text(ACCOUNT_STREAKS_SQL).bindparams(
    bindparam("account_ids", type_=ARRAY(UUID(as_uuid=True)))
)


async def refresh_streaks(ctx: Context, account_ids: Collection[uuid.UUID] | None = None) -> int:
    """Recompute the stored streak of ``account_ids`` (every account of the tenant when ``None``,
    or when there are more than :data:`SUBSET_LIMIT`) from their revenue rows, in the caller's
    transaction; returns how many accounts changed. Call it after writing revenue, before
    :func:`sync_watch_list` (``tiers.recompute`` does that). Revenue writers of one tenant pass
    here one at a time (a transaction-scoped advisory lock, held to the commit)."""
    await ctx.session.flush()
    if account_ids is not None and not account_ids:
        return 0
    await _one_writer(ctx)
    params: dict[str, object] = {"tenant_id": ctx.tenant_id}
    if account_ids is not None and len(account_ids) <= SUBSET_LIMIT:
        result = await ctx.session.execute(_ACCOUNT_STREAKS, {**params, "account_ids": sorted(account_ids)})
    else:
        result = await ctx.session.execute(text(STREAKS_SQL), params)
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(frozen=True, slots=True)
class WatchListSync:
    """What :func:`sync_watch_list` found and changed."""

    at_risk: int
    added: int
    changed: int
    removed: int


async def sync_watch_list(ctx: Context, churn_months: int) -> WatchListSync:
    """Bring the tenant's ``crm_churn_risks`` in line with the stored streaks (an index range read
    of the accounts that can be at risk; only changed rows are written)."""
    await _one_writer(ctx)
    row = (
        await ctx.session.execute(
            text(WATCH_LIST_SYNC_SQL), {"tenant_id": ctx.tenant_id, "churn_months": churn_months}
        )
    ).one()
    return WatchListSync(
        at_risk=int(row.at_risk), added=int(row.added), changed=int(row.changed), removed=int(row.removed)
    )
