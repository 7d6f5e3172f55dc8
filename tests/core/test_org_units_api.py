"""Org units through the API: the tree, moves without cycles, archive, optimistic concurrency."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import TenantHandle

PROBLEM = "https://bizsuite.dev/problems/"


async def create_unit(
    client: httpx.AsyncClient,
    t: TenantHandle,
    code: str,
    kind: str = "department",
    parent_id: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"name": f"Unit {code}", "code": code, "kind": kind}
    if parent_id:
        body["parent_id"] = parent_id
    response = await client.post("/api/v1/org-units", json=body, headers=t.headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_create_get_and_list_org_units(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    root = await create_unit(client, tenant_a, "HQ", "group")
    child = await create_unit(client, tenant_a, "SUB-1", "subsidiary", root["id"])
    assert child["parent_id"] == root["id"] and child["version"] == 1

    got = await client.get(f"/api/v1/org-units/{child['id']}", headers=tenant_a.headers)
    assert got.status_code == 200 and got.json()["code"] == "SUB-1"

    listed = await client.get("/api/v1/org-units", params={"parent_id": root["id"]}, headers=tenant_a.headers)
    assert [u["code"] for u in listed.json()["items"]] == ["SUB-1"]


async def test_list_pages_through_every_unit_once(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    codes = [f"D{i:02d}" for i in range(7)]
    for code in codes:
        await create_unit(client, tenant_a, code)
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/api/v1/org-units", params=params, headers=tenant_a.headers)).json()
        seen += [u["code"] for u in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == codes
    assert pages == 3


async def test_move_refuses_a_cycle(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    root = await create_unit(client, tenant_a, "R", "group")
    mid = await create_unit(client, tenant_a, "M", "region", root["id"])
    leaf = await create_unit(client, tenant_a, "L", "store", mid["id"])

    response = await client.post(
        f"/api/v1/org-units/{root['id']}/move",
        json={"parent_id": leaf["id"]},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "parent_id"

    moved = await client.post(
        f"/api/v1/org-units/{leaf['id']}/move",
        json={"parent_id": root["id"]},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert moved.status_code == 200
    assert moved.json()["parent_id"] == root["id"] and moved.json()["version"] == 2


async def test_archive_needs_children_archived_first(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    root = await create_unit(client, tenant_a, "AR", "group")
    child = await create_unit(client, tenant_a, "AC", "store", root["id"])
    blocked = await client.post(
        f"/api/v1/org-units/{root['id']}/archive", headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert blocked.status_code == 409
    ok = await client.post(
        f"/api/v1/org-units/{child['id']}/archive", headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert ok.status_code == 200 and ok.json()["archived_at"] is not None
    listed = await client.get("/api/v1/org-units", headers=tenant_a.headers)
    assert child["id"] not in [u["id"] for u in listed.json()["items"]]
    with_archived = await client.get(
        "/api/v1/org-units", params={"include_archived": True}, headers=tenant_a.headers
    )
    assert child["id"] in [u["id"] for u in with_archived.json()["items"]]


async def test_stale_update_is_412_and_changes_nothing(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    unit = await create_unit(client, tenant_a, "V1")
    first = await client.patch(
        f"/api/v1/org-units/{unit['id']}",
        json={"name": "Renamed"},
        headers={**tenant_a.headers, "If-Match": '"1"'},
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = await client.patch(
        f"/api/v1/org-units/{unit['id']}",
        json={"name": "Lost update"},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert stale.status_code == 412
    assert stale.json()["type"] == PROBLEM + "precondition-failed"
    current = (await client.get(f"/api/v1/org-units/{unit['id']}", headers=tenant_a.headers)).json()
    assert current["name"] == "Renamed" and current["version"] == 2


async def test_update_without_if_match_is_428(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    unit = await create_unit(client, tenant_a, "NOIF")
    response = await client.patch(
        f"/api/v1/org-units/{unit['id']}", json={"name": "x"}, headers=tenant_a.headers
    )
    assert response.status_code == 428
    assert response.json()["type"] == PROBLEM + "precondition-required"


async def test_delete_leaf_and_refuse_parent(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    root = await create_unit(client, tenant_a, "DR", "group")
    leaf = await create_unit(client, tenant_a, "DL", "store", root["id"])
    refused = await client.delete(
        f"/api/v1/org-units/{root['id']}", headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert refused.status_code == 409
    deleted = await client.delete(
        f"/api/v1/org-units/{leaf['id']}", headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert deleted.status_code == 204
    gone = await client.get(f"/api/v1/org-units/{leaf['id']}", headers=tenant_a.headers)
    assert gone.status_code == 404


async def test_writes_are_audited_with_before_and_after(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    unit = await create_unit(client, tenant_a, "AUD")
    await client.patch(
        f"/api/v1/org-units/{unit['id']}",
        json={"name": "After"},
        headers={**tenant_a.headers, "If-Match": "1", "X-Request-ID": "req-audit-0001"},
    )
    log = (
        await client.get("/api/v1/audit-log", params={"target_id": unit["id"]}, headers=tenant_a.headers)
    ).json()
    actions = [e["action"] for e in log["items"]]
    assert actions == ["org_unit.updated", "org_unit.created"]
    update = log["items"][0]
    assert update["before"]["name"] == "Unit AUD" and update["after"]["name"] == "After"
    assert update["request_id"] == "req-audit-0001" and update["actor_type"] == "api_key"


async def test_a_duplicate_code_is_a_409_naming_the_code(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    await create_unit(client, tenant_a, "DUP", "group")
    other = await create_unit(client, tenant_a, "OTHER", "group")
    again = await client.post(
        "/api/v1/org-units", json={"name": "Again", "code": "DUP", "kind": "group"}, headers=tenant_a.headers
    )
    assert again.status_code == 409
    assert [e["field"] for e in again.json()["errors"]] == ["code"]
    recoded = await client.patch(
        f"/api/v1/org-units/{other['id']}",
        json={"code": "DUP"},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert recoded.status_code == 409
    assert [e["field"] for e in recoded.json()["errors"]] == ["code"]


async def test_update_keeps_omitted_fields(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    unit = await create_unit(client, tenant_a, "KEEP", "store")
    renamed = await client.patch(
        f"/api/v1/org-units/{unit['id']}",
        json={"name": "Kept"},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert renamed.status_code == 200
    assert (renamed.json()["name"], renamed.json()["code"], renamed.json()["kind"]) == (
        "Kept",
        "KEEP",
        "store",
    )


async def test_list_filters_by_kind_and_archived(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    await create_unit(client, tenant_a, "G1", "group")
    store = await create_unit(client, tenant_a, "S1", "store")
    await client.post(
        f"/api/v1/org-units/{store['id']}/archive", headers={**tenant_a.headers, "If-Match": "1"}
    )
    listed = await client.get("/api/v1/org-units", params={"kind": "store"}, headers=tenant_a.headers)
    assert listed.json()["items"] == []
    archived = await client.get(
        "/api/v1/org-units", params={"kind": "store", "include_archived": "true"}, headers=tenant_a.headers
    )
    assert [u["code"] for u in archived.json()["items"]] == ["S1"]
    refused = await client.get("/api/v1/org-units", params={"kind": "nope"}, headers=tenant_a.headers)
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["kind"]
