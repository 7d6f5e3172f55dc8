"""Tenant B cannot see, change or reference tenant A's budgets records (the route-table test
covers every id in a path; this one covers ids inside bodies, queries and lists)."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.modules.budgets.conftest import BASE, YEAR, MakeTenant, Setup, approved_plan, build, line_of, spend


async def test_another_tenant_cannot_list_read_or_reference_budgets_records(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, make_tenant: MakeTenant
) -> None:
    s = setup
    plan = await approved_plan(
        client, s, [("RENT", f"{YEAR}-01", "1000.00"), ("UTILITIES", f"{YEAR}-01", "10.00")]
    )
    rent = line_of(plan, s, "RENT", f"{YEAR}-01")["id"]
    expense = (await spend(client, s, rent, "10.00", kind="advance")).json()
    other = await build(client, app_engine, await make_tenant(modules=["budgets"]))
    for path in ("/plans", "/expenses", "/adjustments", "/forecasts"):
        listed = (await client.get(f"{BASE}{path}", headers=other.headers)).json()["items"]
        assert {i["id"] for i in listed}.isdisjoint({plan["plan"]["id"], expense["id"]})
    categories = (await client.get(f"{BASE}/categories", headers=other.headers)).json()["items"]
    assert {c["id"] for c in categories}.isdisjoint(set(s.categories.values()))
    for path in (f"/plans/{plan['plan']['id']}", f"/lines/{rent}", f"/expenses/{expense['id']}"):
        assert (await client.get(f"{BASE}{path}", headers=other.headers)).status_code == 404
    report = (
        await client.get(f"{BASE}/analysis", params={"fiscal_year": YEAR}, headers=other.headers)
    ).json()
    assert report["rows"] == [] and report["total"]["budget"] == "0.00"
    refusals = [
        (f"{BASE}/expenses", {"line_id": rent, "title": "x", "amount": "1.00"}, "line_id"),
        (
            f"{BASE}/expenses",
            {
                "kind": "reimbursement",
                "line_id": line_of(
                    await approved_plan(client, other, [("RENT", f"{YEAR}-01", "5.00")]),
                    other,
                    "RENT",
                    f"{YEAR}-01",
                )["id"],
                "title": "x",
                "amount": "1.00",
                "advance_id": expense["id"],
            },
            "advance_id",
        ),
        (
            f"{BASE}/adjustments",
            {"kind": "increase", "to_line_id": rent, "amount": "1.00", "reason": "x"},
            "to_line_id",
        ),
        (f"{BASE}/plans", {"title": "x", "fiscal_year": YEAR, "org_unit_id": s.units["HQ"]}, "org_unit_id"),
        (
            f"{BASE}/forecasts",
            {"org_unit_id": s.units["SH"], "period": "2027-01", "amount": "1.00"},
            "org_unit_id",
        ),
        (f"{BASE}/categories", {"code": "X", "name": "x", "parent_id": s.categories["RENT"]}, "parent_id"),
    ]
    for path, body, field in refusals:
        refused = await client.post(
            path,
            json=body,
            headers=other["clerk"].headers if "expenses" in path or "adjust" in path else other.headers,
        )
        assert refused.status_code == 422, (path, refused.text)
        assert refused.json()["errors"][0]["field"] == field
    explained = await client.post(
        f"{BASE}/lines/{rent}/explanation", json={"explanation": "x"}, headers=other.headers
    )
    assert explained.status_code == 404
    mine = (await client.get(f"{BASE}/lines/{rent}", headers=s.headers)).json()
    assert mine["line"]["amount"] == "1000.00" and len(mine["expenses"]) == 1
