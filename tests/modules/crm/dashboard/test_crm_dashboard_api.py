"""CRM dashboard API and page on a known data set: pipeline by stage, revenue trend, tier mix,
churn risk and SLA attainment per policy and per zone; another tenant sees none of it."""

from __future__ import annotations

import httpx
from bizsuite.modules.crm.pipeline.rules import add_months
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.modules.crm.conftest import create_opportunity, stage_named, stages
from tests.modules.crm.dashboard.conftest import THIS_MONTH, seed

Client = httpx.AsyncClient


async def test_dashboard_numbers_on_a_known_data_set(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    ids = await seed(app_engine, tenant_a)
    proposal = stage_named(await stages(client, tenant_a), "方案报价")
    await create_opportunity(client, tenant_a, ids["first"], amount="33333.33", stage_id=proposal["id"])
    await create_opportunity(client, tenant_a, ids["first"], amount="100.00")

    response = await client.get("/api/v1/crm/dashboard", headers=tenant_a.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["currency"] == "CNY" and body["since"] == add_months(THIS_MONTH, -11).isoformat()

    pipeline = {s["name"]: (s["count"], s["amount"], s["weighted_amount"]) for s in body["pipeline"]}
    assert pipeline["方案报价"] == (1, "33333.33", "16666.67")
    assert pipeline["线索"] == (1, "100.00", "10.00")
    assert pipeline["赢单"] == (0, "0.00", "0.00")

    trend = body["revenue_trend"]
    assert len(trend) == 12 and trend[0]["month"] == add_months(THIS_MONTH, -11).isoformat()
    assert (
        trend[0]["amount"] == "310.00"
        and trend[-2]["amount"] == "2010.00"
        and trend[-1]["amount"] == "1010.00"
    )
    assert all(m["amount"] == "0.00" for m in trend[1:-2])

    assert body["tiers"] == [
        {"tier": "A", "accounts": 2, "trailing_revenue": "1200000.00"},
        {"tier": "B", "accounts": 1, "trailing_revenue": "150000.00"},
        {"tier": "C", "accounts": 1, "trailing_revenue": "50000.00"},
        {"tier": None, "accounts": 1, "trailing_revenue": "0.00"},
    ]
    assert body["at_risk"] == {"count": 2, "revenue_at_stake": "150000.50"}

    by_policy = {a["name"]: (a["met"], a["breached"], a["attainment_percent"]) for a in body["sla_by_policy"]}
    assert by_policy == {"1234 热线": (4, 2, "66.7"), "电梯故障": (2, 1, "66.7")}
    by_zone = {a["name"]: (a["met"], a["breached"], a["attainment_percent"]) for a in body["sla_by_zone"]}
    assert by_zone == {"华东片区": (4, 2, "66.7"), "华北片区": (1, 1, "50.0"), None: (1, 0, "100.0")}

    other = (await client.get("/api/v1/crm/dashboard", headers=tenant_b.headers)).json()
    assert other["tiers"] == [] and other["sla_by_policy"] == [] and other["sla_by_zone"] == []
    assert other["at_risk"] == {"count": 0, "revenue_at_stake": "0.00"}
    assert all(s["count"] == 0 for s in other["pipeline"])
    assert other["revenue_trend"] == []  # no month reported yet: nothing drawn as a fall to zero

    bad = await client.get("/api/v1/crm/dashboard", params={"months": 0}, headers=tenant_a.headers)
    assert bad.status_code == 422 and [e["field"] for e in bad.json()["errors"]] == ["months"]


async def test_the_overview_page_shows_the_figures(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await seed(app_engine, tenant_a)
    signed = await client.post(
        "/api/v1/auth/login", json={"email": tenant_a.owner.email, "password": PASSWORD}
    )
    assert signed.status_code == 200
    page = await client.get("/crm")
    assert page.status_code == 200, page.text
    html = page.text
    assert 'data-testid="at-risk-revenue">¥150,000.50' in html
    assert html.count('data-chart="') == 5
    assert "1234 热线" in html and "66.7%" in html and "华北片区" in html
    assert 'href="/crm" aria-current="page"' in html
