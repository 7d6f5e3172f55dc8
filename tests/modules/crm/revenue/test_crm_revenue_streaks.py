"""Each account keeps its decline streak (``decline_streak``, ``last_revenue_month``) and the
watch list reads it: the stored streak always equals an independent window-function answer from
the revenue rows, whatever sequence of imports, corrections and deletes made them; a late
correction touches that account only; a new threshold recomputes no streak; and the watch list
the API and the SDK return is the one the earlier scan and the plain rules give."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from bizsuite.core.jobs.queue import enqueue
from bizsuite.modules.crm.models import ChurnRisk, Tier
from bizsuite.modules.crm.revenue import imports, rules, services
from bizsuite.settings import Settings
from bizsuite_client import AuthenticatedClient
from bizsuite_client.api.crm import list_crm_churn_risks
from bizsuite_sdk import apaginate, create_client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until
from tests.modules.crm.conftest import add_revenue, make_accounts
from tests.modules.crm.revenue.conftest import tenant_ctx
from tests.modules.crm.revenue.test_crm_revenue_sql import _random_series

D = Decimal
MakeTenant = Callable[..., Awaitable[TenantHandle]]

#: Every account's streak straight from the product rule, written apart from the service's SQL:
#: the months from the first to the last row with gaps filled with 0, each compared with the one
#: before, and the streak is how far back from the last month the last non-decline lies.
REFERENCE_STREAKS = text(
    """
    WITH bounds AS (
        SELECT account_id, min(month) AS first_month, max(month) AS last_month
        FROM crm_monthly_revenue WHERE tenant_id = :tenant_id GROUP BY account_id
    ), filled AS (
        SELECT b.account_id, b.last_month, CAST(m AS date) AS month, coalesce(r.amount, 0) AS amount
        FROM bounds b
        CROSS JOIN generate_series(b.first_month, b.last_month, interval '1 month') AS m
        LEFT JOIN crm_monthly_revenue r
          ON r.tenant_id = :tenant_id AND r.account_id = b.account_id AND r.month = CAST(m AS date)
    ), flagged AS (
        SELECT account_id, last_month,
               amount < lag(amount) OVER (PARTITION BY account_id ORDER BY month) AS declined,
               row_number() OVER (PARTITION BY account_id ORDER BY month DESC) AS back
        FROM filled
    )
    SELECT account_id, last_month, min(back) FILTER (WHERE declined IS NOT TRUE) - 1 AS streak
    FROM flagged GROUP BY account_id, last_month
    """
)

STORED_STREAKS = text(
    "SELECT id, last_revenue_month, decline_streak FROM crm_accounts WHERE tenant_id = :tenant_id"
)


async def _stored(engine: AsyncEngine, tenant: TenantHandle) -> dict[uuid.UUID, rules.AccountStreak]:
    async with tenant_ctx(engine, tenant) as ctx:
        rows = (await ctx.session.execute(STORED_STREAKS, {"tenant_id": tenant.id})).all()
    return {row.id: rules.AccountStreak(row.last_revenue_month, row.decline_streak) for row in rows}


async def _reference(
    engine: AsyncEngine, tenant: TenantHandle, accounts: list[uuid.UUID]
) -> dict[uuid.UUID, rules.AccountStreak]:
    async with tenant_ctx(engine, tenant) as ctx:
        rows = (await ctx.session.execute(REFERENCE_STREAKS, {"tenant_id": tenant.id})).all()
    found = {row.account_id: rules.AccountStreak(row.last_month, int(row.streak)) for row in rows}
    return {a: found.get(a, rules.AccountStreak(None, 0)) for a in accounts}


async def _watch_list(engine: AsyncEngine, tenant: TenantHandle, *, limit: int = 2) -> list[Any]:
    """Every page of the watch list as the service returns it."""
    items: list[Any] = []
    cursor = None
    while True:
        async with tenant_ctx(engine, tenant) as ctx:
            page, cursor = await services.list_churn_risks(ctx, limit=limit, cursor=cursor)
        items += page
        if cursor is None:
            return items


def _expected_watch_list(
    revenue: dict[uuid.UUID, dict[date, Decimal]], codes: dict[uuid.UUID, str], n: int
) -> list[tuple[str, Tier | None, int, str, str, Decimal]]:
    """The watch list from the plain rules, in the list's order (tier A first, then the most
    revenue at stake, then the highest account id)."""
    found = rules.churn_risks(revenue, n)
    tiers = rules.tiers(rules.trailing_revenue(revenue), D("0.8"), D("0.95"))
    priority = {Tier.A: 3, Tier.B: 2, Tier.C: 1}
    order = sorted(
        found,
        key=lambda a: (priority.get(tiers[a], 0) if a in tiers else 0, found[a].revenue_at_stake, a),
        reverse=True,
    )
    return [
        (
            codes[a],
            tiers.get(a),
            found[a].months_declining,
            rules.month_label(found[a].streak_start),
            rules.month_label(rules.add_months(found[a].streak_start, found[a].months_declining - 1)),
            found[a].revenue_at_stake,
        )
        for a in order
    ]


def _shown(items: list[Any]) -> list[tuple[str, Tier | None, int, str, str, Decimal]]:
    return [
        (i.code, i.tier, i.months_declining, i.streak_start, i.last_month, i.revenue_at_stake) for i in items
    ]


# --- a random sequence of imports, corrections and deletes ------------------------------------------

MONTHS = [rules.add_months(date(2025, 1, 1), i) for i in range(9)]
AMOUNTS = st.sampled_from([D(0), D(10), D(20), D(30), D(40)])
ACCOUNT = st.integers(min_value=0, max_value=2)
MONTH = st.integers(min_value=0, max_value=len(MONTHS) - 1)
OPERATION = st.one_of(
    st.tuples(st.just("put"), ACCOUNT, MONTH, AMOUNTS),
    st.tuples(st.just("delete"), ACCOUNT, MONTH),
    st.tuples(
        st.just("import"),
        st.lists(st.tuples(ACCOUNT, MONTH, AMOUNTS), min_size=1, max_size=8, unique_by=lambda r: r[:2]),
    ),
)


async def _noop(_done: int) -> None:
    return None


@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=st.lists(OPERATION, min_size=1, max_size=12), churn_months=st.sampled_from([2, 3]))
async def test_the_stored_streak_equals_the_window_answer_after_any_imports_and_corrections(
    app_engine: AsyncEngine, make_tenant: MakeTenant, operations: list[Any], churn_months: int
) -> None:
    tenant = await make_tenant()
    ids = await make_accounts(app_engine, tenant, ["S-0", "S-1", "S-2"])
    accounts = list(ids.values())
    codes = {account: code for code, account in ids.items()}
    async with tenant_ctx(app_engine, tenant) as ctx:
        (await services.crm_settings(ctx)).churn_months = churn_months
    revenue: dict[uuid.UUID, dict[date, Decimal]] = {a: {} for a in accounts}

    for operation in operations:
        async with tenant_ctx(app_engine, tenant) as ctx:
            if operation[0] == "put":  # a correction (or a new month) through the API's service
                _, account, month, amount = operation
                await services.put_revenue(ctx, accounts[account], MONTHS[month], amount)
                revenue[accounts[account]][MONTHS[month]] = amount
            elif operation[0] == "delete":
                _, account, month = operation
                if MONTHS[month] not in revenue[accounts[account]]:
                    continue
                await services.delete_revenue(ctx, accounts[account], MONTHS[month])
                del revenue[accounts[account]][MONTHS[month]]
            else:  # an import job's write: every row in one transaction
                rows = [
                    rules.RevenueRow(row=i + 2, account_code=f"S-{a}", month=MONTHS[m], amount=amount)
                    for i, (a, m, amount) in enumerate(operation[1])
                ]
                await imports.apply(ctx, rows, _noop)
                for row in rows:
                    revenue[ids[row.account_code]][row.month] = row.amount

        stored = await _stored(app_engine, tenant)
        expected = {a: rules.account_streak(points) for a, points in revenue.items()}
        assert {a: stored[a] for a in accounts} == expected
        assert await _reference(app_engine, tenant, accounts) == expected

    listed = await _watch_list(app_engine, tenant)
    assert _shown(listed) == _expected_watch_list(revenue, codes, churn_months)
    async with tenant_ctx(app_engine, tenant) as ctx:
        risks = {r.account_id: r for r in (await ctx.session.scalars(select(ChurnRisk))).all()}
        scanned = {row.account_id: row for row in await services.scan_churn(ctx)}
    assert {item.account_id: item.id for item in listed} == {a: r.id for a, r in risks.items()}
    assert set(scanned) == set(risks)  # the scan over the revenue rows agrees with the stored streaks
    assert all(scanned[a].months_declining == risks[a].months_declining for a in risks)


# --- a late correction of an old month ----------------------------------------------------------------

START = date(2024, 11, 1)  # 24 months to 2026-10


async def _rows_versions(engine: AsyncEngine, tenant: TenantHandle) -> dict[str, dict[uuid.UUID, Any]]:
    """Each account's and each watch-list row's version (``xmin``) and content."""
    async with tenant_ctx(engine, tenant) as ctx:
        accounts = (
            await ctx.session.execute(
                text(
                    "SELECT id, xmin::text AS v, last_revenue_month, decline_streak, tier, trailing_revenue"
                    " FROM crm_accounts"
                )
            )
        ).all()
        risks = (
            await ctx.session.execute(
                text(
                    "SELECT account_id, id, xmin::text AS v, streak_start, months_declining FROM crm_churn_risks"
                )
            )
        ).all()
    return {
        "accounts": {r.id: tuple(r[1:]) for r in accounts},
        "risks": {r.account_id: tuple(r[1:]) for r in risks},
    }


async def test_a_late_correction_of_an_old_month_recomputes_only_that_account(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, [f"L-{i:02d}" for i in range(30)])
    for i, account in enumerate(ids.values()):
        base = 1000 + 37 * i
        # Most accounts grow; L-00 declines for 23 months, L-01 for the last 4.
        amounts = [base + 10 * m for m in range(24)]
        if i == 0:
            amounts = [base - 10 * m for m in range(24)]
        elif i == 1:
            amounts = [base + 10 * m for m in range(20)] + [base + 190 - 20 * k for k in range(1, 5)]
        await add_revenue(app_engine, tenant_a, account, START, amounts)
    recomputed = await client.post("/api/v1/crm/revenue/recompute", headers=tenant_a.headers)
    assert recomputed.status_code == 200, recomputed.text
    watch = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    assert {(w["code"], w["months_declining"], w["streak_start"]) for w in watch} == {
        ("L-00", 23, "2024-12"),
        ("L-01", 4, "2026-07"),
    }
    before = await _rows_versions(app_engine, tenant_a)

    # June 2025 (outside the trailing 12 months that end in October 2026) was in fact higher than
    # May: L-00's decline now starts in July 2025.
    corrected = await client.put(
        f"/api/v1/crm/accounts/{ids['L-00']}/revenue/2025-06",
        json={"amount": "5000"},
        headers=tenant_a.headers,
    )
    assert corrected.status_code == 200, corrected.text
    after = await _rows_versions(app_engine, tenant_a)

    changed = {a for a in ids.values() if after["accounts"][a] != before["accounts"][a]}
    assert changed == {ids["L-00"]}  # no other account row was written (xmin unchanged), tiers included
    assert after["accounts"][ids["L-00"]][1:3] == (date(2026, 10, 1), 16)
    assert after["risks"][ids["L-01"]] == before["risks"][ids["L-01"]]  # untouched
    assert after["risks"][ids["L-00"]][2:] == (date(2025, 7, 1), 16)  # a new streak: a new row
    watch = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    assert {(w["code"], w["months_declining"], w["streak_start"]) for w in watch} == {
        ("L-00", 16, "2025-07"),
        ("L-01", 4, "2026-07"),
    }


async def test_a_new_threshold_recomputes_no_streak_and_the_list_follows(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["T-1", "T-2", "T-3"])
    await add_revenue(app_engine, tenant_a, ids["T-1"], date(2026, 5, 1), [100, 90, 80])  # 2 declines
    await add_revenue(app_engine, tenant_a, ids["T-2"], date(2026, 4, 1), [100, 90, 80, 70])  # 3
    await add_revenue(app_engine, tenant_a, ids["T-3"], date(2026, 5, 1), [100, 100, 90])  # 1
    await client.post("/api/v1/crm/revenue/recompute", headers=tenant_a.headers)
    before = await _rows_versions(app_engine, tenant_a)

    current = (await client.get("/api/v1/crm/settings", headers=tenant_a.headers)).json()
    changed = await client.put(
        "/api/v1/crm/settings",
        json={"churn_months": 2},
        headers={**tenant_a.headers, "If-Match": str(current["version"])},
    )
    assert changed.status_code == 200, changed.text

    after = await _rows_versions(app_engine, tenant_a)
    assert after["accounts"] == before["accounts"]  # no account row written: streaks and tiers kept
    watch = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    assert sorted((w["code"], w["months_declining"]) for w in watch) == [("T-1", 2), ("T-2", 3)]
    assert after["risks"][ids["T-2"]] == before["risks"][ids["T-2"]]  # the running streak is kept


async def test_two_writers_of_one_account_at_once_leave_the_streak_both_months_make(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["K-1"])
    account = ids["K-1"]
    await add_revenue(app_engine, tenant_a, account, date(2026, 1, 1), [100, 90, 80, 70])
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        await services.crm_settings(ctx)  # made once, so the two writers share nothing else
    first_written, first_may_commit = asyncio.Event(), asyncio.Event()

    async def may() -> None:
        async with tenant_ctx(app_engine, tenant_a) as ctx:
            await services.put_revenue(ctx, account, date(2026, 5, 1), D(60))
            first_written.set()
            await first_may_commit.wait()

    async def june() -> None:
        await first_written.wait()
        async with tenant_ctx(app_engine, tenant_a) as ctx:
            await services.put_revenue(ctx, account, date(2026, 6, 1), D(50))

    writers = [asyncio.create_task(may()), asyncio.create_task(june())]
    await first_written.wait()
    await asyncio.sleep(0.5)
    assert not writers[1].done()  # June waits for May's transaction before it reads the months
    first_may_commit.set()
    await asyncio.gather(*writers)
    # Without waiting, June's statement would not see May (not committed when it started): a gap,
    # and no streak. Both months make five declines, February to June.
    assert (await _stored(app_engine, tenant_a))[account] == rules.AccountStreak(date(2026, 6, 1), 5)
    assert await _reference(app_engine, tenant_a, [account]) == {
        account: rules.AccountStreak(date(2026, 6, 1), 5)
    }


async def test_the_recompute_task_repairs_streaks_after_revenue_written_behind_the_services_back(
    client: httpx.AsyncClient, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["R-1", "R-2"])
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        # By hand in SQL: no service keeps the streaks of these rows.
        await ctx.session.execute(
            text(
                "INSERT INTO crm_monthly_revenue (tenant_id, id, account_id, month, amount)"
                " SELECT :tenant_id, gen_random_uuid(), :account, CAST(m AS date), 100 - 10 * k"
                " FROM generate_series(0, 4) AS k,"
                " LATERAL (SELECT date '2026-06-01' + make_interval(months => k) AS m) months"
            ),
            {"tenant_id": tenant_a.id, "account": ids["R-1"]},
        )
    assert (await _stored(app_engine, tenant_a))[ids["R-1"]] == rules.AccountStreak(None, 0)  # stale

    async with tenant_ctx(app_engine, tenant_a) as ctx:
        await enqueue(ctx, services.RECOMPUTE_TASK)

    async def repaired() -> bool:
        return (await _stored(app_engine, tenant_a))[ids["R-1"]].months == 4

    await run_jobs_until(fast(settings), repaired)
    assert await _reference(app_engine, tenant_a, list(ids.values())) == await _stored(app_engine, tenant_a)
    watch = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    assert [(w["code"], w["months_declining"], w["streak_start"]) for w in watch] == [("R-1", 4, "2026-07")]


# --- the watch list the API and the SDK return --------------------------------------------------------


@pytest.fixture
async def sdk(live_server: str, tenant_a: TenantHandle) -> AsyncIterator[AuthenticatedClient]:
    async with create_client(tenant_a.api_key, live_server) as client:
        yield client


async def test_the_watch_list_through_the_api_and_the_sdk_is_the_one_the_rules_and_the_scan_give(
    client: httpx.AsyncClient, sdk: AuthenticatedClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    import random

    rng = random.Random(20261206)
    ids = await make_accounts(app_engine, tenant_a, [f"W-{i:03d}" for i in range(150)])
    codes = {account: code for code, account in ids.items()}
    revenue: dict[uuid.UUID, dict[date, Decimal]] = {}
    for account in ids.values():
        start, amounts = _random_series(rng)
        # End most accounts on the latest month with three declines or more, so the list is long.
        if rng.random() < 0.5:
            size = rng.randrange(1, 9)
            start = rules.add_months(date(2026, 10, 1), -5)
            amounts = [D(v * size) for v in (500, 400, 300, 200, 100, 50)]
        await add_revenue(app_engine, tenant_a, account, start, amounts)
        revenue[account] = {rules.add_months(start, i): a for i, a in enumerate(amounts) if a is not None}
    await client.post("/api/v1/crm/revenue/recompute", headers=tenant_a.headers)

    expected = _expected_watch_list(revenue, codes, 3)
    assert len(expected) > 60

    async def every(params: dict[str, Any]) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        cursor = None
        while True:
            query = {**params, **({"cursor": cursor} if cursor else {})}
            page = (
                await client.get("/api/v1/crm/churn-risks", params=query, headers=tenant_a.headers)
            ).json()
            items += page["items"]
            cursor = page["next_cursor"]
            if not cursor:
                return items

    api = await every({"limit": 7})
    assert [
        (
            i["code"],
            i["tier"],
            i["months_declining"],
            i["streak_start"],
            i["last_month"],
            D(i["revenue_at_stake"]),
        )
        for i in api
    ] == [(c, t.value if t else None, m, s, last, stake) for c, t, m, s, last, stake in expected]
    assert api == (await every({"limit": 200}))  # any page size, the same list
    for tier in ("A", "B", "C"):
        one_tier = await every({"limit": 3, "tier": tier})
        assert one_tier == [i for i in api if i["tier"] == tier]

    # The ids, detection and alert times are the watch-list rows' (as before), the same over the SDK.
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        risks = {r.account_id: r for r in (await ctx.session.scalars(select(ChurnRisk))).all()}
        scanned = {row.account_id: row for row in await services.scan_churn(ctx)}
    assert [i["id"] for i in api] == [str(risks[uuid.UUID(i["account_id"])].id) for i in api]
    assert all(i["alerted_at"] is not None for i in api)  # fewer than ALERT_LIMIT: all alerted at once
    assert {(a, r.months_declining, r.streak_start) for a, r in scanned.items()} == {
        (a, r.months_declining, r.streak_start) for a, r in risks.items()
    }
    through_sdk = [item async for item in apaginate(list_crm_churn_risks, client=sdk, limit=11)]
    assert [
        (
            str(i.id),
            i.code,
            i.tier,
            i.months_declining,
            i.streak_start,
            i.last_month,
            D(i.revenue_at_stake),
            i.alerted_at,
            i.detected_at,
        )
        for i in through_sdk
    ] == [
        (
            i["id"],
            i["code"],
            i["tier"],
            i["months_declining"],
            i["streak_start"],
            i["last_month"],
            D(i["revenue_at_stake"]),
            datetime.fromisoformat(i["alerted_at"]),
            datetime.fromisoformat(i["detected_at"]),
        )
        for i in api
    ]
