"""API conventions every module inherits: problem details, idempotency, rate limits, request ids."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import httpx
import pytest
from bizsuite.app import create_app
from bizsuite.core.identity.models import Role
from bizsuite.settings import Settings

from tests.conftest import TenantHandle, asgi_client

Client = httpx.AsyncClient
P = "https://bizsuite.dev/problems/"
UNIT = {"name": "Finance", "code": "FIN", "kind": "department"}


def problem(response: Any, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["type"] == P + slug
    assert body["status"] == status
    assert body["request_id"] == response.headers["x-request-id"]
    return body


def fields(body: dict[str, Any]) -> list[str]:
    return [e["field"] for e in body.get("errors") or []]


async def test_malformed_json_is_400(client: Client, tenant_a: TenantHandle) -> None:
    response = await client.post(
        "/api/v1/org-units",
        content=b'{"name": ',
        headers={**tenant_a.headers, "content-type": "application/json"},
    )
    problem(response, 400, "malformed-body")


async def test_unknown_field_is_422_naming_it(client: Client, tenant_a: TenantHandle) -> None:
    response = await client.post(
        "/api/v1/org-units", json={**UNIT, "colour": "red"}, headers=tenant_a.headers
    )
    assert fields(problem(response, 422, "validation-error")) == ["colour"]


async def test_wrong_type_is_422_naming_the_field(client: Client, tenant_a: TenantHandle) -> None:
    response = await client.post("/api/v1/org-units", json={**UNIT, "name": 42}, headers=tenant_a.headers)
    assert fields(problem(response, 422, "validation-error")) == ["name"]


async def test_too_long_is_422_naming_the_field(client: Client, tenant_a: TenantHandle) -> None:
    response = await client.post(
        "/api/v1/org-units", json={**UNIT, "name": "x" * 201}, headers=tenant_a.headers
    )
    body = problem(response, 422, "validation-error")
    assert fields(body) == ["name"]
    assert "200" in body["errors"][0]["message"]


async def test_missing_field_and_bad_enum_name_the_field(client: Client, tenant_a: TenantHandle) -> None:
    missing = await client.post(
        "/api/v1/org-units", json={"name": "x", "kind": "group"}, headers=tenant_a.headers
    )
    assert fields(problem(missing, 422, "validation-error")) == ["code"]
    bad_enum = await client.post(
        "/api/v1/org-units", json={**UNIT, "kind": "castle"}, headers=tenant_a.headers
    )
    assert fields(problem(bad_enum, 422, "validation-error")) == ["kind"]


async def test_bad_ids_are_4xx_not_500(client: Client, tenant_a: TenantHandle) -> None:
    problem(await client.get("/api/v1/org-units/not-a-uuid", headers=tenant_a.headers), 404, "not-found")
    bad_query = await client.get("/api/v1/org-units", params={"parent_id": "nope"}, headers=tenant_a.headers)
    assert fields(problem(bad_query, 422, "validation-error")) == ["parent_id"]
    bad_cursor = await client.get(
        "/api/v1/org-units", params={"cursor": "garbage!"}, headers=tenant_a.headers
    )
    assert fields(problem(bad_cursor, 422, "validation-error")) == ["cursor"]
    too_many = await client.get("/api/v1/org-units", params={"limit": 201}, headers=tenant_a.headers)
    body = problem(too_many, 422, "validation-error")
    assert fields(body) == ["limit"]
    assert body["errors"][0]["source"] == "query"


async def test_missing_and_invalid_credentials_are_401(client: Client) -> None:
    problem(await client.get("/api/v1/org-units"), 401, "unauthorized")
    problem(
        await client.get("/api/v1/org-units", headers={"Authorization": "Bearer bsk_nope"}),
        401,
        "unauthorized",
    )
    problem(
        await client.get("/api/v1/org-units", headers={"Authorization": "Basic abc"}), 401, "unauthorized"
    )


async def test_wrong_role_is_403(client: Client, make_tenant: Callable[..., Awaitable[TenantHandle]]) -> None:
    viewer = await make_tenant(role=Role.VIEWER)
    assert (await client.get("/api/v1/org-units", headers=viewer.headers)).status_code == 200
    problem(await client.post("/api/v1/org-units", json=UNIT, headers=viewer.headers), 403, "forbidden")
    problem(await client.get("/api/v1/audit-log", headers=viewer.headers), 403, "forbidden")


async def test_unknown_route_and_method_are_problems(client: Client, tenant_a: TenantHandle) -> None:
    problem(await client.get("/api/v1/nothing-here", headers=tenant_a.headers), 404, "not-found")
    problem(
        await client.put("/api/v1/org-units", json={}, headers=tenant_a.headers), 405, "method-not-allowed"
    )


async def test_idempotent_retry_replays_the_first_response(client: Client, tenant_a: TenantHandle) -> None:
    headers = {**tenant_a.headers, "Idempotency-Key": "create-fin-1"}
    first = await client.post("/api/v1/org-units", json=UNIT, headers=headers)
    again = await client.post("/api/v1/org-units", json=UNIT, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    listed = await client.get("/api/v1/org-units", headers=tenant_a.headers)
    assert [u["code"] for u in listed.json()["items"]] == ["FIN"]


async def test_same_key_with_another_body_is_409(client: Client, tenant_a: TenantHandle) -> None:
    headers = {**tenant_a.headers, "Idempotency-Key": "create-2"}
    assert (await client.post("/api/v1/org-units", json=UNIT, headers=headers)).status_code == 201
    other = await client.post("/api/v1/org-units", json={**UNIT, "code": "OTHER"}, headers=headers)
    problem(other, 409, "idempotency-key-reused")


async def test_a_failed_request_does_not_burn_its_key(client: Client, tenant_a: TenantHandle) -> None:
    headers = {**tenant_a.headers, "Idempotency-Key": "retry-after-fix"}
    bad = await client.post(
        "/api/v1/org-units",
        json={**UNIT, "parent_id": "00000000-0000-7000-8000-000000000000"},
        headers=headers,
    )
    assert bad.status_code == 422
    # Same key, same (still bad) body: runs again and fails the same way; nothing was stored.
    again = await client.post(
        "/api/v1/org-units",
        json={**UNIT, "parent_id": "00000000-0000-7000-8000-000000000000"},
        headers=headers,
    )
    assert again.status_code == 422
    assert "idempotent-replayed" not in again.headers


async def test_failed_write_leaves_nothing_half_written(client: Client, tenant_a: TenantHandle) -> None:
    unit = (await client.post("/api/v1/org-units", json=UNIT, headers=tenant_a.headers)).json()
    # A rename that passes validation but then collides with an existing code must not leave the audit row behind.
    await client.post("/api/v1/org-units", json={**UNIT, "code": "TAKEN"}, headers=tenant_a.headers)
    clash = await client.patch(
        f"/api/v1/org-units/{unit['id']}",
        json={"name": "New", "code": "TAKEN"},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert clash.status_code == 409  # a duplicate code (issue 9: duplicates are 409)
    current = (await client.get(f"/api/v1/org-units/{unit['id']}", headers=tenant_a.headers)).json()
    assert current["name"] == "Finance" and current["version"] == 1
    log = (
        await client.get("/api/v1/audit-log", params={"action": "org_unit.updated"}, headers=tenant_a.headers)
    ).json()
    assert log["items"] == []


async def test_request_id_is_kept_or_made(client: Client) -> None:
    given = await client.get("/health", headers={"X-Request-ID": "trace-abc-12345"})
    assert given.headers["x-request-id"] == "trace-abc-12345"
    made = await client.get("/health", headers={"X-Request-ID": "bad id!"})
    assert made.headers["x-request-id"] != "bad id!"
    assert len(made.headers["x-request-id"]) == 32


async def test_health_ready_and_openapi(client: Client) -> None:
    assert (await client.get("/health")).json()["status"] == "ok"
    assert (await client.get("/ready")).json()["status"] == "ready"
    spec = (await client.get("/api/docs/openapi.json")).json()
    operation = spec["paths"]["/api/v1/org-units"]["post"]
    assert operation["operationId"] == "create_org_unit"
    assert operation["tags"] == ["org_units"]
    assert operation["responses"]["422"]["content"]["application/problem+json"]["schema"] == {
        "$ref": "#/components/schemas/ProblemDetails"
    }
    docs = await client.get("/api/docs")
    assert docs.status_code == 200


async def test_rate_limit_per_key_answers_429_with_retry_after(
    settings: Settings, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    limited = create_app(replace(settings, rate_limit_per_minute=3))
    async with asgi_client(limited) as client:
        statuses = [
            (await client.get("/api/v1/org-units", headers=tenant_a.headers)).status_code for _ in range(4)
        ]
        assert statuses == [200, 200, 200, 429]
        blocked = await client.get("/api/v1/org-units", headers=tenant_a.headers)
        body = problem(blocked, 429, "rate-limited")
        assert int(blocked.headers["retry-after"]) >= 1
        assert body["title"]
        # Another key has its own budget.
        assert (await client.get("/api/v1/org-units", headers=tenant_b.headers)).status_code == 200


async def test_access_log_is_json_with_request_and_tenant(
    settings: Settings, tenant_a: TenantHandle, capfd: pytest.CaptureFixture[str]
) -> None:
    app = create_app(replace(settings, log_json=True, log_level="INFO"))
    async with asgi_client(app) as client:
        await client.get("/api/v1/org-units", headers={**tenant_a.headers, "X-Request-ID": "log-check-0001"})
    logging.getLogger().handlers[0].flush()
    lines = [json.loads(line) for line in capfd.readouterr().err.splitlines() if line.startswith("{")]
    access = [entry for entry in lines if entry.get("request_id") == "log-check-0001" and entry.get("path")]
    assert access, lines
    assert access[0]["tenant_id"] == str(tenant_a.id)
    assert access[0]["status"] == 200
    # Quiet logs again for the rest of the session.
    create_app(settings)
