"""Webhook endpoints through the API: validation, If-Match, secrets never listed, audit, isolation."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TenantHandle

Client = AsyncTestClient[Any]
ENDPOINTS = "/api/v1/webhooks/endpoints"
BODY = {"url": "https://example.com/hooks/bizsuite", "event_types": ["org_unit.*", "alert.raised"]}


async def test_endpoints_are_validated_updated_with_if_match_and_never_list_their_secret(
    client: Client, tenant_a: TenantHandle
) -> None:
    bad_url = await client.post(
        ENDPOINTS, json={**BODY, "url": "ftp://example.com/x"}, headers=tenant_a.headers
    )
    assert bad_url.status_code == 422 and bad_url.json()["errors"][0]["field"] == "url"
    bad_type = await client.post(
        ENDPOINTS, json={**BODY, "event_types": ["org_unit.exploded"]}, headers=tenant_a.headers
    )
    assert bad_type.status_code == 422 and bad_type.json()["errors"][0]["field"] == "event_types"
    created = await client.post(ENDPOINTS, json=BODY, headers=tenant_a.headers)
    assert created.status_code == 201
    assert created.json()["secret"].startswith("whsec_")
    endpoint = created.json()["endpoint"]
    assert endpoint["event_types"] == ["alert.raised", "org_unit.*"]
    listed = (await client.get(ENDPOINTS, headers=tenant_a.headers)).json()["items"]
    assert [e["id"] for e in listed] == [endpoint["id"]]
    assert all("secret" not in e for e in listed)

    path = f"{ENDPOINTS}/{endpoint['id']}"
    assert (await client.patch(path, json={"enabled": False}, headers=tenant_a.headers)).status_code == 428
    paused = await client.patch(path, json={"enabled": False}, headers={**tenant_a.headers, "If-Match": "1"})
    assert paused.json()["enabled"] is False and paused.json()["version"] == 2
    assert (await client.delete(path, headers={**tenant_a.headers, "If-Match": "1"})).status_code == 412
    assert (await client.delete(path, headers={**tenant_a.headers, "If-Match": "2"})).status_code == 204
    audit = (
        await client.get("/api/v1/audit-log", params={"target_id": endpoint["id"]}, headers=tenant_a.headers)
    ).json()
    assert [e["action"] for e in audit["items"]] == [
        "webhook_endpoint.deleted",
        "webhook_endpoint.updated",
        "webhook_endpoint.created",
    ]
    assert all(
        "secret" not in (e["before"] or {}) and "secret" not in (e["after"] or {}) for e in audit["items"]
    )
    types = (await client.get("/api/v1/webhooks/event-types", headers=tenant_a.headers)).json()["items"]
    assert {"org_unit.created", "alert.raised", "webhook.test"} <= {t["name"] for t in types}


async def _endpoint(client: Client, tenant: TenantHandle) -> str:
    return str((await client.post(ENDPOINTS, json=BODY, headers=tenant.headers)).json()["endpoint"]["id"])


async def _delivery(client: Client, tenant: TenantHandle) -> str:
    endpoint = await _endpoint(client, tenant)
    return str((await client.post(f"{ENDPOINTS}/{endpoint}/test", headers=tenant.headers)).json()["id"])


RESOURCES: dict[str, tuple[str, Any, str, list[tuple[str, str, dict[str, Any] | None]]]] = {
    "webhook_endpoints": (
        ENDPOINTS,
        _endpoint,
        ENDPOINTS + "/{id}",
        [
            ("PATCH", "", {"enabled": False}),
            ("DELETE", "", None),
            ("POST", "/rotate-secret", {"overlap_hours": 1}),
            ("POST", "/test", None),
        ],
    ),
    "webhook_deliveries": (
        "/api/v1/webhooks/deliveries",
        _delivery,
        "/api/v1/webhooks/deliveries/{id}",
        [("GET", "/attempts", None), ("POST", "/redeliver", None)],
    ),
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
    filtered = await client.get(
        "/api/v1/webhooks/deliveries", params={"endpoint_id": row_id}, headers=tenant_b.headers
    )
    assert filtered.json()["items"] == []
    read = await client.get(item_path.format(id=row_id), headers=tenant_b.headers)
    assert read.status_code == 404
    for method, suffix, body in writes:
        path = item_path.format(id=row_id) + suffix
        response = await client.request(
            method, path, json=body, headers={**tenant_b.headers, "If-Match": "1"}
        )
        assert response.status_code == 404, f"{method} {path}: {response.status_code} {response.text}"
    assert (await client.get(item_path.format(id=row_id), headers=tenant_a.headers)).status_code == 200


async def test_webhooks_need_an_admin(client: Client, make_tenant: Any) -> None:
    from bizsuite.core.identity.models import Role

    member = await make_tenant(role=Role.MEMBER)
    assert (await client.get(ENDPOINTS, headers=member.headers)).status_code == 403
    assert (await client.post(ENDPOINTS, json=BODY, headers=member.headers)).status_code == 403


async def test_an_explicit_null_clears_the_description_and_an_omitted_field_keeps_it(
    client: Client, tenant_a: TenantHandle
) -> None:
    created = await client.post(ENDPOINTS, json={**BODY, "description": "ERP"}, headers=tenant_a.headers)
    path = f"{ENDPOINTS}/{created.json()['endpoint']['id']}"
    kept = await client.patch(path, json={"enabled": False}, headers={**tenant_a.headers, "If-Match": "1"})
    assert kept.json()["description"] == "ERP"
    cleared = await client.patch(
        path, json={"description": None}, headers={**tenant_a.headers, "If-Match": "2"}
    )
    assert cleared.status_code == 200 and cleared.json()["description"] is None
    no_url = await client.patch(path, json={"url": None}, headers={**tenant_a.headers, "If-Match": "3"})
    assert no_url.status_code in (400, 422)
