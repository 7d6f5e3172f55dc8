"""Tenant B cannot see, change or reference tenant A's contracts records (the route-table test
covers every id in a path; this one covers ids inside bodies and lists)."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.contracts.conftest import BASE, Setup, build, register


async def test_another_tenant_cannot_list_read_or_reference_contracts_records(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, tenant_b: TenantHandle
) -> None:
    contract = await register(client, setup, "income")
    other = await build(client, app_engine, tenant_b)
    for path in ("/contracts", "/counterparties", "/projects"):
        listed = (await client.get(f"{BASE}{path}", headers=other.headers)).json()["items"]
        assert {i["id"] for i in listed}.isdisjoint({contract["id"], setup.supplier, setup.project})
    assert (await client.get(f"{BASE}/contracts/{contract['id']}", headers=other.headers)).status_code == 404
    assert (
        await client.get(f"{BASE}/projects/{setup.project}/position", headers=other.headers)
    ).status_code == 404
    moved = await client.post(
        f"{BASE}/contracts/{contract['id']}/status",
        json={"status": "in_approval"},
        headers={**other.headers, "If-Match": str(contract["version"])},
    )
    assert moved.status_code == 404
    for field, body in (
        ("account_id", {"direction": "income", "account_id": setup.account}),
        ("counterparty_id", {"direction": "expenditure", "counterparty_id": setup.supplier}),
        ("project_id", {"direction": "income", "account_id": other.account, "project_id": setup.project}),
        ("org_unit_id", {"direction": "income", "account_id": other.account, "org_unit_id": setup.unit}),
    ):
        refused = await client.post(
            f"{BASE}/contracts", json={"title": "x", "amount": "1.00", **body}, headers=other.headers
        )
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["field"] == field
    project = await client.post(
        f"{BASE}/projects", json={"code": "X", "name": "x", "org_unit_id": setup.unit}, headers=other.headers
    )
    assert project.status_code == 422 and project.json()["errors"][0]["field"] == "org_unit_id"
    detail = (await client.get(f"{BASE}/contracts/{contract['id']}", headers=setup.headers)).json()
    assert detail["contract"]["status"] == "draft" and detail["contract"]["version"] == contract["version"]
