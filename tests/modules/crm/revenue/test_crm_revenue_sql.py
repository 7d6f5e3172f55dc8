"""The set-based SQL of tiers and churn agrees with the plain Python rules on random data."""

from __future__ import annotations

import random
import uuid
from datetime import date
from decimal import Decimal

from bizsuite.modules.crm.models import Account, ChurnRisk
from bizsuite.modules.crm.revenue import rules, services
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import add_revenue, make_accounts
from tests.modules.crm.revenue.conftest import tenant_ctx

START = date(2024, 11, 1)


def _random_series(rng: random.Random) -> tuple[date, list[Decimal | None]]:
    """A random account history: late starters, gaps, equal months, zeros, declines and rises."""
    offset = rng.randrange(0, 20)
    length = rng.randrange(1, 25 - offset)
    value = Decimal(rng.choice([0, 10, 100, 1000, 50_000]))
    amounts: list[Decimal | None] = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.08:
            amounts.append(None)  # a gap (0 inside the range)
            continue
        if roll < 0.45:
            value = max(Decimal(0), value - Decimal(rng.randrange(1, 50)))
        elif roll < 0.6:
            pass  # equal month
        else:
            value += Decimal(rng.randrange(1, 80))
        amounts.append(value)
    # Make sure the first and last months are rows: the range is first row .. last row.
    if amounts[0] is None:
        amounts[0] = value
    if amounts[-1] is None:
        amounts[-1] = value
    year, month = divmod(START.month - 1 + offset, 12)
    return date(START.year + year, month + 1, 1), amounts


async def test_sql_tiers_and_churn_agree_with_the_python_rules(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    rng = random.Random(20261129)
    ids = await make_accounts(app_engine, tenant_a, [f"R-{i:03d}" for i in range(120)])
    revenue: dict[uuid.UUID, dict[date, Decimal]] = {}
    for index, account_id in enumerate(ids.values()):
        if index % 10 == 9:
            continue  # some accounts never have revenue
        start, amounts = _random_series(rng)
        await add_revenue(app_engine, tenant_a, account_id, start, amounts)
        revenue[account_id] = {rules.add_months(start, i): a for i, a in enumerate(amounts) if a is not None}
    # One account ends on the tenant's latest month with the worked example's April shape.
    worked = next(iter(ids.values()))
    revenue.pop(worked, None)
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        await ctx.session.execute(
            text("DELETE FROM crm_monthly_revenue WHERE account_id = :a"), {"a": worked}
        )
    latest = max(m for points in revenue.values() for m in points)
    await add_revenue(app_engine, tenant_a, worked, rules.add_months(latest, -3), [100, 90, 80, 70])
    revenue[worked] = {rules.add_months(latest, i - 3): Decimal(a) for i, a in enumerate([100, 90, 80, 70])}

    for churn_months, (a_share, b_share) in ((3, ("0.8", "0.95")), (2, ("0.5", "0.9")), (4, ("0.8", "0.95"))):
        async with tenant_ctx(app_engine, tenant_a) as ctx:
            settings = await services.crm_settings(ctx)
            settings.churn_months = churn_months
            settings.tier_a_share, settings.tier_b_share = Decimal(a_share), Decimal(b_share)
            result = await services.recompute(ctx)
            accounts = (await ctx.session.scalars(select(Account))).all()
            risks = (await ctx.session.scalars(select(ChurnRisk))).all()
            scanned = await services.scan_churn(ctx)

        trailing = rules.trailing_revenue(revenue)
        expected_tiers = rules.tiers(trailing, Decimal(a_share), Decimal(b_share))
        assert {a.id: a.tier for a in accounts} == {i: expected_tiers.get(i) for i in ids.values()}
        assert {a.id: a.trailing_revenue for a in accounts} == {
            i: trailing.get(i, Decimal(0)) for i in ids.values()
        }

        expected_risks = rules.churn_risks(revenue, churn_months)
        found = {
            r.account_id: rules.ChurnRiskFinding(r.streak_start, r.months_declining, r.revenue_at_stake)
            for r in risks
        }
        assert found == expected_risks
        assert {row.account_id for row in scanned} == set(expected_risks)
        assert result.at_risk == len(expected_risks)
        assert result.as_of == latest
        assert worked in found or churn_months == 4
        assert all(r.last_month == latest for r in risks)


async def test_the_churn_scan_reads_month_slices_and_probes_only_candidates(
    app_engine: AsyncEngine, owner_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, [f"E-{i:04d}" for i in range(1500)])
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        # 1,500 accounts x 12 months, a tenth of them declining at the end.
        await ctx.session.execute(
            text(
                """
                INSERT INTO crm_monthly_revenue (tenant_id, id, account_id, month, amount)
                SELECT :tenant_id, gen_random_uuid(), a.id, CAST(date '2025-11-01' + make_interval(months => m) AS date),
                       CASE WHEN abs(hashtext(a.code)) % 10 = 0 AND m >= 8 THEN 1000 - m * 10
                            ELSE 500 + abs(hashtext(a.code || m)) % 400 END
                FROM crm_accounts a CROSS JOIN generate_series(0, 11) AS m
                WHERE a.tenant_id = :tenant_id
                """
            ),
            {"tenant_id": ctx.tenant_id},
        )
    async with owner_engine.connect() as connection:
        # What autovacuum does on a real table: statistics and the visibility map.
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text("VACUUM ANALYZE crm_monthly_revenue"))
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        plan = (
            (
                await ctx.session.execute(
                    text("EXPLAIN " + services.churn_scan_sql(3)), {"tenant_id": ctx.tenant_id}
                )
            )
            .scalars()
            .all()
        )
        at_risk = await services.scan_churn(ctx)
    joined = "\n".join(plan)
    # The query's shape, which does not depend on the planner: candidates first, then their
    # streaks followed back by a recursive walk; never a window over every row. (Which indexes
    # the planner picks for this small table varies with PostgreSQL's version and statistics;
    # the benchmark shows the large case.)
    assert "Recursive Union" in joined, joined
    assert "WindowAgg" not in joined, joined
    assert 50 < len(at_risk) < 300, len(at_risk)  # about a tenth of 1,500


async def test_streaks_longer_than_the_threshold_are_measured_in_full(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["L-1", "L-2"])
    await add_revenue(
        app_engine, tenant_a, ids["L-1"], date(2025, 1, 1), [5, 100, 90, 80, 70, 60, 50, 40, 30]
    )
    await add_revenue(app_engine, tenant_a, ids["L-2"], date(2025, 6, 1), [100, 90, None, 80])
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        rows = {r.account_id: r for r in await services.scan_churn(ctx, churn_months=2)}
    assert set(rows) == {ids["L-1"]}  # L-2's gap (0) breaks its streak: 0 < 80 is no decline
    assert rows[ids["L-1"]].months_declining == 7
    assert rows[ids["L-1"]].streak_start == date(2025, 3, 1)
