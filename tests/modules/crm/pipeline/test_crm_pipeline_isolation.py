"""Tenant B can neither list, read, change, move nor delete tenant A's stages and opportunities,
nor reference them (A's account or stage in B's bodies)."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import create_opportunity, make_account, stage_named, stages
from tests.modules.crm.pipeline.conftest import move

Client = httpx.AsyncClient


async def test_tenant_b_cannot_see_or_touch_tenant_as_stages(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    a_stages = await stages(client, tenant_a)
    b_stages = await stages(client, tenant_b)
    assert not {s["id"] for s in a_stages} & {s["id"] for s in b_stages}
    a_stage = stage_named(a_stages, "方案报价")
    url = f"/api/v1/crm/pipeline-stages/{a_stage['id']}"
    as_b = {**tenant_b.headers, "If-Match": str(a_stage["version"])}
    assert (await client.get(url, headers=tenant_b.headers)).status_code == 404
    assert (await client.patch(url, json={"probability": 1}, headers=as_b)).status_code == 404
    assert (await client.delete(url, headers=as_b)).status_code == 404
    reorder = await client.post(
        "/api/v1/crm/pipeline-stages/reorder",
        json={"stage_ids": [s["id"] for s in a_stages]},
        headers=tenant_b.headers,
    )
    assert reorder.status_code == 422
    assert (await client.get(url, headers=tenant_a.headers)).json() == a_stage


async def test_tenant_b_cannot_see_or_touch_tenant_as_opportunities(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    a_account = await make_account(app_engine, tenant_a)
    opportunity = await create_opportunity(client, tenant_a, a_account, name="A 的商机")
    b_stages = await stages(client, tenant_b)
    url = f"/api/v1/crm/opportunities/{opportunity['id']}"
    as_b = {**tenant_b.headers, "If-Match": "1"}

    listed = await client.get("/api/v1/crm/opportunities", headers=tenant_b.headers)
    assert listed.json()["items"] == []
    # Filtering on A's account, stage or owner is refused naming the parameter, not an empty page.
    for name, value in (
        ("account_id", str(a_account)),
        ("stage_id", opportunity["stage_id"]),
        ("owner_user_id", str(tenant_a.owner.id)),
    ):
        filtered = await client.get(
            "/api/v1/crm/opportunities", params={name: value}, headers=tenant_b.headers
        )
        assert filtered.status_code == 422, filtered.text
        assert [(e["field"], e["source"]) for e in filtered.json()["errors"]] == [(name, "query")]
    assert (await client.get(url, headers=tenant_b.headers)).status_code == 404
    assert (await client.patch(url, json={"amount": "1.00"}, headers=as_b)).status_code == 404
    moved = await move(client, tenant_b, opportunity, stage_named(b_stages, "赢单")["id"])
    assert moved.status_code == 404
    assert (await client.delete(url, headers=as_b)).status_code == 404
    forecast = (await client.get("/api/v1/crm/pipeline/forecast", headers=tenant_b.headers)).json()
    assert all(s["count"] == 0 for s in forecast["stages"])

    unchanged = (await client.get(url, headers=tenant_a.headers)).json()
    assert unchanged == opportunity


async def test_tenant_b_cannot_reference_tenant_as_account_or_stage(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    a_account = await make_account(app_engine, tenant_a)
    b_account = await make_account(app_engine, tenant_b)
    a_stage = stage_named(await stages(client, tenant_a), "商务谈判")
    on_a_account = await client.post(
        "/api/v1/crm/opportunities",
        json={"account_id": str(a_account), "name": "越权", "amount": "1.00"},
        headers=tenant_b.headers,
    )
    assert on_a_account.status_code == 422
    assert [e["field"] for e in on_a_account.json()["errors"]] == ["account_id"]
    in_a_stage = await client.post(
        "/api/v1/crm/opportunities",
        json={"account_id": str(b_account), "name": "越权", "amount": "1.00", "stage_id": a_stage["id"]},
        headers=tenant_b.headers,
    )
    assert in_a_stage.status_code == 422
    assert [e["field"] for e in in_a_stage.json()["errors"]] == ["stage_id"]

    b_opportunity = await create_opportunity(client, tenant_b, b_account)
    to_a_stage = await move(client, tenant_b, b_opportunity, a_stage["id"])
    assert to_a_stage.status_code == 422
    assert [e["field"] for e in to_a_stage.json()["errors"]] == ["stage_id"]
    to_a_account = await client.patch(
        f"/api/v1/crm/opportunities/{b_opportunity['id']}",
        json={"account_id": str(a_account)},
        headers={**tenant_b.headers, "If-Match": "1"},
    )
    assert to_a_account.status_code == 422
    assert [e["field"] for e in to_a_account.json()["errors"]] == ["account_id"]


async def test_tenant_b_cannot_make_tenant_as_user_an_owner(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    b_account = await make_account(app_engine, tenant_b)
    a_owner = str(tenant_a.owner.id)
    created = await client.post(
        "/api/v1/crm/opportunities",
        json={"account_id": str(b_account), "name": "越权", "amount": "1.00", "owner_user_id": a_owner},
        headers=tenant_b.headers,
    )
    assert created.status_code == 422
    assert [e["field"] for e in created.json()["errors"]] == ["owner_user_id"]
    b_opportunity = await create_opportunity(client, tenant_b, b_account)
    changed = await client.patch(
        f"/api/v1/crm/opportunities/{b_opportunity['id']}",
        json={"owner_user_id": a_owner},
        headers={**tenant_b.headers, "If-Match": str(b_opportunity["version"])},
    )
    assert changed.status_code == 422
    assert [e["field"] for e in changed.json()["errors"]] == ["owner_user_id"]
    # B's own owner is fine.
    mine = await client.patch(
        f"/api/v1/crm/opportunities/{b_opportunity['id']}",
        json={"owner_user_id": str(tenant_b.owner.id)},
        headers={**tenant_b.headers, "If-Match": str(b_opportunity["version"])},
    )
    assert mine.status_code == 200, mine.text
    assert mine.json()["owner_name"] == tenant_b.owner.name


async def test_tenant_bs_pages_do_not_show_tenant_as_pipeline(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    from tests.modules.crm.pipeline.conftest import signed_in

    a_account = await make_account(app_engine, tenant_a)
    opportunity = await create_opportunity(client, tenant_a, a_account, name="A 的机密商机")
    csrf = await signed_in(client, tenant_b)
    assert (await client.get(f"/crm/pipeline/opportunities/{opportunity['id']}")).status_code == 404
    column = await client.get(
        f"/crm/pipeline/columns/{opportunity['stage_id']}", headers={"HX-Request": "true"}
    )
    assert column.status_code == 404
    board = await client.get("/crm/pipeline")
    assert board.status_code == 200 and "A 的机密商机" not in board.text
    exported = await client.get(
        "/crm/pipeline/opportunities/export", params={"format": "csv", "account_id": str(a_account)}
    )
    assert exported.status_code == 200 and "A 的机密商机" not in exported.text
    edited = await client.post(
        f"/crm/pipeline/opportunities/{opportunity['id']}/edit",
        data={"csrf_token": csrf, "version": "1", "name": "改名", "amount": "1.00"},
    )
    assert edited.status_code == 404
    deleted = await client.post(
        f"/crm/pipeline/opportunities/{opportunity['id']}/delete", data={"csrf_token": csrf, "version": "1"}
    )
    assert deleted.status_code == 404
    assert (
        await client.get(f"/api/v1/crm/opportunities/{opportunity['id']}", headers=tenant_a.headers)
    ).json()["name"] == "A 的机密商机"
