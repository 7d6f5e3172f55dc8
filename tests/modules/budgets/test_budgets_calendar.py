"""The budgets calendar on the tenant's clock: next month's budget is due by the 25th, with a
reminder to members from the 22nd and an alert to managers after the 25th for each cost centre
whose next month is missing; an over-budget line of an ended month raises an alert each month
until its explanation is given. Each alert is raised once."""

from __future__ import annotations

import uuid
from datetime import date

import httpx
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.jobs.queue import in_tenant
from bizsuite.modules.budgets import services
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.core.approvals.conftest import post_ok
from tests.modules.budgets.conftest import BASE, YEAR, Setup, approved_plan, line_of, set_mode, spend


async def test_the_calendar_reminds_then_alerts_late_cost_centres_and_unexplained_overruns(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup
) -> None:
    s = setup
    await approved_plan(client, s, [("RENT", f"{YEAR}-01", "100.00")])
    await post_ok(
        client,
        f"{BASE}/plans",
        {"title": "finance", "fiscal_year": YEAR, "org_unit_id": s.units["FIN"]},
        s["clerk"].headers,
    )
    sessions = make_sessionmaker(app_engine)

    async def run(on: date) -> services.CalendarResult:
        async with in_tenant(sessions, s.tenant.id, actor="test") as ctx:
            return await services.run_calendar(ctx, on)

    quiet = await run(date(YEAR - 1, 12, 21))
    assert (quiet.phase, quiet.missing, quiet.raised) == (None, [], 0)
    january = await run(date(YEAR - 1, 12, 22))
    assert (january.phase, january.month) == ("remind", f"{YEAR}-01")
    assert january.missing == [uuid.UUID(s.units["FIN"])]  # the store's January is approved
    assert january.raised == 1
    assert (await run(date(YEAR - 1, 12, 25))).raised == 0  # raised once
    february = await run(date(YEAR, 1, 26))
    assert (february.phase, february.month, february.raised) == ("late", f"{YEAR}-02", 2)
    alerts = (await client.get("/api/v1/alerts", headers=s["gm"].headers)).json()["items"]
    late = [a for a in alerts if a["type"] == "budgets.submission_late"]
    assert len(late) == 2 and all(f"{YEAR}-02" in a["title"] for a in late)


async def test_an_unexplained_overrun_alerts_every_month_until_explained(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup
) -> None:
    s = setup
    await set_mode(client, s, "HOSPITALITY", "warn")
    plan = await approved_plan(client, s, [("HOSPITALITY", f"{YEAR}-01", "100.00")])
    line_id = line_of(plan, s, "HOSPITALITY", f"{YEAR}-01")["id"]
    await spend(client, s, line_id, "120.00")
    sessions = make_sessionmaker(app_engine)

    async def run(on: date) -> services.CalendarResult:
        async with in_tenant(sessions, s.tenant.id, actor="test") as ctx:
            return await services.run_calendar(ctx, on)

    assert (await run(date(YEAR, 1, 31))).unexplained == []
    due = await run(date(YEAR, 2, 3))
    assert [str(i) for i in due.unexplained] == [line_id] and due.raised == 1
    assert (await run(date(YEAR, 2, 10))).raised == 0
    assert (await run(date(YEAR, 3, 1))).raised == 1  # still not explained: again in March
    explained = await client.post(
        f"{BASE}/lines/{line_id}/explanation", json={"explanation": "年会招待"}, headers=s["clerk"].headers
    )
    assert explained.status_code == 200
    assert (await run(date(YEAR, 4, 1))).unexplained == []
