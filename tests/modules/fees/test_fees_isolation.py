"""Subsidiary staff see only their own subsidiary's fees; another tenant sees, changes and
references nothing of this one's (the route-table test covers every id in a path; this one covers
lists, ids inside bodies and the org-unit scope)."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.fees.conftest import BASE, Group, build, customs, reconcile


async def test_subsidiary_staff_cannot_see_another_subsidiarys_statements(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    await customs(client, g, g.trade, "2026-02-01", "100.00")
    retail_record = await customs(client, g, g.retail, "2026-02-01", "200.00")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    retail_recon = await reconcile(client, g, g.retail, 2026, 1, g.retail_staff)
    trade = await post_ok(
        client, f"{BASE}/statements", {"org_unit_id": g.trade, "year": 2026, "quarter": 1}, g.finance.headers
    )
    retail = await post_ok(
        client, f"{BASE}/statements", {"org_unit_id": g.retail, "year": 2026, "quarter": 1}, g.finance.headers
    )

    mine = (await client.get(f"{BASE}/statements", headers=g.trade_staff.headers)).json()["items"]
    assert [s["id"] for s in mine] == [trade["statement"]["id"]]
    assert (
        await client.get(f"{BASE}/statements/{retail['statement']['id']}", headers=g.trade_staff.headers)
    ).status_code == 404
    assert (
        await client.get(f"{BASE}/statements/{trade['statement']['id']}", headers=g.trade_staff.headers)
    ).status_code == 200
    assert (
        await client.get(f"{BASE}/reconciliations/{retail_recon['id']}", headers=g.trade_staff.headers)
    ).status_code == 404
    assert (
        await client.get(f"{BASE}/customs-records/{retail_record['id']}", headers=g.trade_staff.headers)
    ).status_code == 404
    records = (await client.get(f"{BASE}/customs-records", headers=g.trade_staff.headers)).json()
    assert {r["org_unit_id"] for r in records["items"]} == {g.trade} and records["total"] == "100.00"
    # staff cannot generate, and the group view (HQ finance) sees both
    refused = await client.post(
        f"{BASE}/statements",
        json={"org_unit_id": g.trade, "year": 2026, "quarter": 2},
        headers=g.trade_staff.headers,
    )
    assert refused.status_code == 403
    both = (await client.get(f"{BASE}/statements", headers=g.finance.headers)).json()["items"]
    assert len(both) == 2
    report = (
        await client.get(f"{BASE}/reports/fees", params={"year": 2026}, headers=g.retail_staff.headers)
    ).json()
    assert report["rows"] == [] and report["collection"] == []  # drafts are not billed yet; and never trade's


async def test_another_tenant_cannot_list_read_or_reference_fees_records(
    client: httpx.AsyncClient, app_engine: AsyncEngine, group: Group, make_tenant: object
) -> None:
    g = group
    record = await customs(client, g, g.trade, "2026-02-01", "100.00")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    made = await post_ok(
        client, f"{BASE}/statements", {"org_unit_id": g.trade, "year": 2026, "quarter": 1}, g.finance.headers
    )
    other_tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    other = await build(client, app_engine, other_tenant)
    for path in ("/statements", "/customs-records", "/reconciliations", "/schedules"):
        listed = (await client.get(f"{BASE}{path}", headers=other.headers)).json()["items"]
        assert {i["id"] for i in listed}.isdisjoint({made["statement"]["id"], record["id"], g.schedule["id"]})
    assert (
        await client.get(f"{BASE}/statements/{made['statement']['id']}", headers=other.headers)
    ).status_code == 404
    for path, body in (
        (
            "/customs-records",
            {"org_unit_id": g.trade, "declared_on": "2026-01-01", "direction": "export", "amount": "1.00"},
        ),
        ("/reconciliations", {"org_unit_id": g.trade, "year": 2026, "quarter": 1}),
        ("/statements", {"org_unit_id": g.trade, "year": 2026, "quarter": 1}),
        ("/profit-figures", {"org_unit_id": g.trade, "year": 2025, "reported": "1.00"}),
        ("/income-entries", {"org_unit_id": g.trade, "year": 2025, "kind": "rent", "amount": "1.00"}),
    ):
        refused = await client.post(f"{BASE}{path}", json=body, headers=other.headers)
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["field"] == "org_unit_id"
    volume_line = made["lines"][0]["id"]
    other_draft_unit = other.trade
    await customs(client, other, other_draft_unit, "2026-02-01", "100.00")
    await reconcile(client, other, other_draft_unit, 2026, 1, other.trade_staff)
    theirs = await post_ok(
        client,
        f"{BASE}/statements",
        {"org_unit_id": other_draft_unit, "year": 2026, "quarter": 1},
        other.finance.headers,
    )
    adjusted = await client.post(
        f"{BASE}/statements/{theirs['statement']['id']}/adjustments",
        json={"adjusts_line_id": volume_line, "amount": "1.00", "reason": "x"},
        headers={**other.finance.headers, "If-Match": str(theirs["statement"]["version"])},
    )
    assert adjusted.status_code == 422 and adjusted.json()["errors"][0]["field"] == "adjusts_line_id"
