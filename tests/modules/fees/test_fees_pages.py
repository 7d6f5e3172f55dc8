"""The fee pages in the browser's language: the statements list, a statement with each line's
why, generating (a band rate outside refused on the form), reconciliation, customs, the report."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.fees.conftest import BASE, build, customs, reconcile


async def _sign_in(client: httpx.AsyncClient, tenant: TenantHandle, locale: str) -> None:
    await client.get("/login")
    signed = await client.post(
        "/login",
        data={
            "email": tenant.owner.email,
            "password": PASSWORD,
            "form_token": client.cookies.get("bizsuite_form", ""),
        },
        follow_redirects=False,
    )
    assert signed.status_code == 303
    client.headers["accept-language"] = locale


async def test_the_statement_page_shows_why_each_line_is_that_number(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: object
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    g = await build(client, app_engine, tenant)
    await customs(client, g, g.trade, "2026-02-01", "12345678.90")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    made = await post_ok(
        client, f"{BASE}/statements", {"org_unit_id": g.trade, "year": 2026, "quarter": 1}, g.finance.headers
    )
    await _sign_in(client, tenant, "en")
    listed = await client.get("/fees/statements")
    assert listed.status_code == 200 and made["statement"]["number"] in listed.text
    page = await client.get(f"/fees/statements/{made['statement']['id']}")
    assert page.status_code == 200
    assert "12,345,678.90 USD ÷ 100 × 0.70 CNY = 86,419.75 CNY" in page.text
    assert "customs_total" in page.text
    assert ("来源记录" in page.text and "计算依据" in page.text) or "Source records" in page.text
    for path in ("/fees/reconciliations", "/fees/customs", "/fees/reports?year=2026"):
        assert (await client.get(path)).status_code == 200, path
    zh = await client.get(f"/fees/statements/{made['statement']['id']}", headers={"accept-language": "zh-CN"})
    assert 'lang="zh-CN"' not in zh.text or "草稿" in zh.text


async def test_a_band_rate_outside_is_refused_on_the_form(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: object
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    g = await build(client, app_engine, tenant)
    await customs(client, g, g.trade, "2026-11-01", "1000000.00")
    await reconcile(client, g, g.trade, 2026, 4, g.trade_staff)
    await _sign_in(client, tenant, "en")
    await client.get("/fees/statements")
    form = {
        "org_unit_id": g.trade,
        "year": "2026",
        "quarter": "4",
        "settlement_rate": "0.30",
        "csrf_token": "",
    }
    page = await client.get("/fees/statements")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    form["csrf_token"] = token
    refused = await client.post("/fees/statements", data=form)
    assert refused.status_code == 422
    assert "0.10–0.25" in refused.text
    form["settlement_rate"] = "0.20"
    made = await client.post("/fees/statements", data=form, follow_redirects=False)
    assert made.status_code == 303 and made.headers["location"].startswith("/fees/statements/")


async def test_the_audited_profit_entered_on_the_page_brings_the_true_up(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: object
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    g = await build(client, app_engine, tenant)
    await _sign_in(client, tenant, "en")
    figures = await client.get("/fees/figures")
    assert figures.status_code == 200
    token = figures.text.split('name="csrf_token" value="')[1].split('"')[0]
    added = await client.post(
        "/fees/figures/profits",
        data={"csrf_token": token, "org_unit_id": g.trade, "year": "2025", "reported": "5,000,000.00"},
        follow_redirects=False,
    )
    assert added.status_code == 303, added.text
    (profit,) = (await client.get(f"{BASE}/profit-figures", headers=g.headers)).json()["items"]
    await customs(client, g, g.trade, "2026-02-01", "100.00")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    from tests.modules.fees.conftest import issued

    await issued(client, g, {"org_unit_id": g.trade, "year": 2026, "quarter": 1})
    audited = await client.post(
        f"/fees/figures/profits/{profit['id']}/audited",
        data={"csrf_token": token, "version": str(profit["version"]), "audited": "5,100,000.00"},
        follow_redirects=False,
    )
    assert audited.status_code == 303, audited.text
    await customs(client, g, g.trade, "2026-05-01", "100.00")
    await reconcile(client, g, g.trade, 2026, 2, g.trade_staff)
    q2 = await post_ok(
        client, f"{BASE}/statements", {"org_unit_id": g.trade, "year": 2026, "quarter": 2}, g.finance.headers
    )
    assert [(line["kind"], line["amount"]) for line in q2["lines"]] == [
        ("fee", "0.70"),
        ("true_up", "20000.00"),
    ]
    page = await client.get(f"/fees/statements/{q2['statement']['id']}")
    assert (
        "5,100,000.00 CNY × 20% = 1,020,000.00 CNY; 1,020,000.00 − 1,000,000.00 CNY billed = 20,000.00 CNY"
        in page.text
    )
    schedules = await client.get("/fees/schedules")
    assert schedules.status_code == 200 and "0.10–0.25 CNY / 100 USD" in schedules.text
    adjustable = q2["lines"][1]["adjusts_line_id"]
    form = await client.get(f"/fees/statements/{q2['statement']['id']}")
    assert 'data-testid="add-adjustment"' in form.text and adjustable in form.text
    adjusted = await client.post(
        f"/fees/statements/{q2['statement']['id']}/adjustments",
        data={
            "csrf_token": token,
            "version": str(q2["statement"]["version"]),
            "adjusts_line_id": adjustable,
            "amount": "-100.00",
            "reason": "利润口径更正",
        },
        follow_redirects=False,
    )
    assert adjusted.status_code == 303, adjusted.text
    after = (await client.get(f"{BASE}/statements/{q2['statement']['id']}", headers=g.headers)).json()
    assert after["statement"]["total"] == "19900.70" and after["lines"][-1]["kind"] == "adjustment"
