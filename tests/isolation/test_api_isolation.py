"""Tenant B's key cannot list, read, change, delete or reference tenant A's rows through the API."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from tests.conftest import TenantHandle

Client = httpx.AsyncClient
Maker = Callable[[Client, TenantHandle], Awaitable[str]]


async def make_org_unit(client: Client, t: TenantHandle) -> str:
    r = await client.post(
        "/api/v1/org-units", json={"name": "A unit", "code": "A-1", "kind": "group"}, headers=t.headers
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def make_invitation(client: Client, t: TenantHandle) -> str:
    r = await client.post("/api/v1/invitations", json={"email": "new@example.com"}, headers=t.headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def make_api_key(client: Client, t: TenantHandle) -> str:
    r = await client.post("/api/v1/api-keys", json={"name": "script"}, headers=t.headers)
    assert r.status_code == 201, r.text
    return str(r.json()["api_key"]["id"])


async def first_member(client: Client, t: TenantHandle) -> str:
    r = await client.get("/api/v1/members", headers=t.headers)
    return str(r.json()["items"][0]["id"])


async def first_audit_entry(client: Client, t: TenantHandle) -> str:
    await make_org_unit(client, t)
    r = await client.get("/api/v1/audit-log", headers=t.headers)
    return str(r.json()["items"][0]["id"])


# (list path, maker, single-item path, [(method, path suffix, json body)] writes)
RESOURCES: dict[str, tuple[str, Maker, str, list[tuple[str, str, dict[str, Any] | None]]]] = {
    "org_units": (
        "/api/v1/org-units",
        make_org_unit,
        "/api/v1/org-units/{id}",
        [
            ("PATCH", "", {"name": "stolen"}),
            ("POST", "/move", {"parent_id": None}),
            ("POST", "/archive", None),
            ("POST", "/restore", None),
            ("DELETE", "", None),
        ],
    ),
    "invitations": (
        "/api/v1/invitations",
        make_invitation,
        "",
        [("POST", "/api/v1/invitations/{id}/revoke", None)],
    ),
    "api_keys": ("/api/v1/api-keys", make_api_key, "/api/v1/api-keys/{id}", [("POST", "/revoke", None)]),
    "members": (
        "/api/v1/members",
        first_member,
        "/api/v1/members/{id}",
        [("PATCH", "", {"role": "viewer"}), ("DELETE", "", None)],
    ),
    "audit": ("/api/v1/audit-log", first_audit_entry, "/api/v1/audit-log/{id}", []),
}


@pytest.mark.parametrize("resource", sorted(RESOURCES))
async def test_other_tenant_gets_404_and_never_sees_the_row(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle, resource: str
) -> None:
    list_path, make, item_path, writes = RESOURCES[resource]
    row_id = await make(client, tenant_a)

    listed = await client.get(list_path, params={"limit": 200}, headers=tenant_b.headers)
    assert listed.status_code == 200
    assert row_id not in [item["id"] for item in listed.json()["items"]]

    if item_path:
        read = await client.get(item_path.format(id=row_id), headers=tenant_b.headers)
        assert read.status_code == 404
        assert read.json()["type"].endswith("/not-found")

    for method, suffix, body in writes:
        path = suffix.format(id=row_id) if suffix.startswith("/api") else item_path.format(id=row_id) + suffix
        response = await client.request(
            method, path, json=body, headers={**tenant_b.headers, "If-Match": "1"}
        )
        assert response.status_code == 404, f"{method} {path}: {response.status_code} {response.text}"

    # And the row is untouched for its owner.
    if item_path:
        own = await client.get(item_path.format(id=row_id), headers=tenant_a.headers)
        assert own.status_code == 200
        if "version" in own.json():
            assert own.json()["version"] == 1


async def test_cannot_create_a_row_referencing_another_tenants_row(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    parent_in_a = await make_org_unit(client, tenant_a)
    response = await client.post(
        "/api/v1/org-units",
        json={"name": "Child", "code": "B-1", "kind": "store", "parent_id": parent_in_a},
        headers=tenant_b.headers,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "parent_id"

    own = await make_org_unit(client, tenant_b)
    moved = await client.post(
        f"/api/v1/org-units/{own}/move",
        json={"parent_id": parent_in_a},
        headers={**tenant_b.headers, "If-Match": "1"},
    )
    assert moved.status_code == 422


async def test_same_codes_in_two_tenants_do_not_collide(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    await make_org_unit(client, tenant_a)
    await make_org_unit(client, tenant_b)
    again = await client.post(
        "/api/v1/org-units", json={"name": "Dup", "code": "A-1", "kind": "group"}, headers=tenant_a.headers
    )
    assert again.status_code == 409
    assert again.json()["errors"][0]["field"] == "code"


async def test_idempotency_keys_are_per_tenant(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    body = {"name": "Same", "code": "IDEM", "kind": "group"}
    key = {"Idempotency-Key": "shared-key-123"}
    first = await client.post("/api/v1/org-units", json=body, headers={**tenant_a.headers, **key})
    second = await client.post("/api/v1/org-units", json=body, headers={**tenant_b.headers, **key})
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]
    assert "idempotent-replayed" not in second.headers
