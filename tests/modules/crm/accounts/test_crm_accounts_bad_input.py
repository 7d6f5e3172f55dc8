"""Bad input to the accounts and pipeline APIs is a 4xx problem naming the field, never a 500."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import TenantHandle

ZONES = "/api/v1/crm/zones"
ACCOUNTS = "/api/v1/crm/accounts"
STAGES = "/api/v1/crm/pipeline-stages"
OPPORTUNITIES = "/api/v1/crm/opportunities"


def _fields(response: httpx.Response) -> list[str]:
    return [e.get("field") for e in response.json().get("errors", [])]


async def _account(client: httpx.AsyncClient, t: TenantHandle) -> dict[str, Any]:
    created = await client.post(ACCOUNTS, json={"code": "C-BAD", "name": "客户"}, headers=t.headers)
    assert created.status_code == 201, created.text
    return created.json()


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (ZONES, {"code": "Z1", "name": "片区\x00"}, "name"),
        (ACCOUNTS, {"code": "C\x001", "name": "客户"}, "code"),
        (ACCOUNTS, {"code": "C-2", "name": "客户\x00"}, "name"),
        (ACCOUNTS, {"code": "C-3", "name": "客户", "notes": "a\x00b"}, "notes"),
        (ACCOUNTS, {"code": "C-4", "name": "x" * 201}, "name"),
        (ACCOUNTS, {"code": "C-5", "name": "客户", "kind": "emperor"}, "kind"),
        (ACCOUNTS, {"code": "C-6", "name": "客户", "colour": "red"}, "colour"),
        (STAGES, {"name": "阶段\x00", "probability": 10}, "name"),
        (STAGES, {"name": "阶段", "probability": 101}, "probability"),
        (STAGES, {"name": "阶段", "probability": 10, "kind": "maybe"}, "kind"),
    ],
)
async def test_bad_bodies_are_refused_naming_the_field(
    client: httpx.AsyncClient, tenant_a: TenantHandle, path: str, body: dict[str, Any], field: str
) -> None:
    response = await client.post(path, json=body, headers=tenant_a.headers)
    assert response.status_code in (400, 422), response.text
    assert field in _fields(response), response.text


async def test_bad_nested_bodies_are_refused_naming_the_field(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    account = await _account(client, tenant_a)
    base = f"{ACCOUNTS}/{account['id']}"
    cases: list[tuple[str, dict[str, Any], str]] = [
        (f"{base}/contacts", {"name": "张\x00三"}, "name"),
        (f"{base}/activities", {"kind": "call", "subject": "回访\x00"}, "subject"),
        (f"{base}/activities", {"kind": "telepathy", "subject": "回访"}, "kind"),
        (
            f"{base}/activities",
            {"kind": "call", "subject": "回访", "occurred_at": "99999-01-01T00:00:00Z"},
            "occurred_at",
        ),
        (
            f"{base}/activities",
            {"kind": "call", "subject": "回访", "occurred_at": "3026-01-01T00:00:00Z"},
            "occurred_at",
        ),
        (f"{base}/activities", {"kind": "call", "subject": "   "}, "subject"),
        (
            f"{base}/activities",
            {"kind": "call", "subject": "回访", "occurred_at": "2026-11-01T09:00:00"},
            "occurred_at",
        ),
        (OPPORTUNITIES, {"account_id": account["id"], "name": "商机\x00", "amount": "1.00"}, "name"),
        (OPPORTUNITIES, {"account_id": account["id"], "name": "商机", "amount": "-1.00"}, "amount"),
        (OPPORTUNITIES, {"account_id": account["id"], "name": "商机", "amount": "abc"}, "amount"),
        (OPPORTUNITIES, {"account_id": account["id"], "name": "商机", "amount": "NaN"}, "amount"),
        (OPPORTUNITIES, {"account_id": account["id"], "name": "商机", "amount": "1e30"}, "amount"),
        (OPPORTUNITIES, {"account_id": account["id"], "name": "商机", "amount": "1.005"}, "amount"),
        (
            OPPORTUNITIES,
            {"account_id": account["id"], "name": "商机", "amount": "1", "currency": "cny"},
            "currency",
        ),
    ]
    for path, body, field in cases:
        response = await client.post(path, json=body, headers=tenant_a.headers)
        assert response.status_code in (400, 422), (body, response.text)
        assert field in _fields(response), (body, response.text)


async def test_far_future_and_nul_reasons_are_refused(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    account = await _account(client, tenant_a)
    far = await client.post(
        OPPORTUNITIES,
        json={"account_id": account["id"], "name": "商机", "amount": "1.00", "expected_close": "9999-12-31"},
        headers=tenant_a.headers,
    )
    assert far.status_code == 422, far.text
    assert "expected_close" in _fields(far)
    stages = (await client.get(STAGES, headers=tenant_a.headers)).json()["items"]
    lost = next(s for s in stages if s["kind"] == "lost")
    created = await client.post(
        OPPORTUNITIES,
        json={"account_id": account["id"], "name": "商机", "amount": "1.00"},
        headers=tenant_a.headers,
    )
    assert created.status_code == 201, created.text
    moved = await client.post(
        f"{OPPORTUNITIES}/{created.json()['id']}/stage",
        json={"stage_id": lost["id"], "reason": "价格\x00"},
        headers={**tenant_a.headers, "If-Match": str(created.json()["version"])},
    )
    assert moved.status_code == 422, moved.text
    assert "reason" in _fields(moved)


async def test_malformed_json_and_bad_if_match(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    account = await _account(client, tenant_a)
    broken = await client.post(
        ACCOUNTS,
        content=b'{"code": "C-9", "name": ',
        headers={**tenant_a.headers, "Content-Type": "application/json"},
    )
    assert broken.status_code == 400, broken.text
    bad_version = await client.patch(
        f"{ACCOUNTS}/{account['id']}",
        json={"name": "新"},
        headers={**tenant_a.headers, "If-Match": "v1; drop"},
    )
    assert bad_version.status_code == 422, bad_version.text
    assert "If-Match" in _fields(bad_version)
    for path in (ACCOUNTS, OPPORTUNITIES):
        bad_query = await client.get(
            path, params={"status": "maybe", "limit": "9999"}, headers=tenant_a.headers
        )
        assert bad_query.status_code == 422, bad_query.text
        assert {"status", "limit"} <= set(_fields(bad_query))


async def test_a_nul_in_the_account_search_is_refused_naming_q(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    response = await client.get(ACCOUNTS, params={"q": "上海\x00"}, headers=tenant_a.headers)
    assert response.status_code == 422, response.text
    assert _fields(response) == ["q"]
