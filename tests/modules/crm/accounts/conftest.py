"""Helpers of the accounts tests (no tests here): the API paths and shortcuts that create zones and
accounts through the API."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import TenantHandle

ACCOUNTS = "/api/v1/crm/accounts"
ZONES = "/api/v1/crm/zones"


async def create_account(
    client: httpx.AsyncClient, t: TenantHandle, code: str, **fields: Any
) -> dict[str, Any]:
    """Create an account through the API (name defaults from the code) and return it."""
    body = {"code": code, "name": fields.pop("name", f"客户 {code}"), **fields}
    response = await client.post(ACCOUNTS, json=body, headers=t.headers)
    assert response.status_code == 201, response.text
    account: dict[str, Any] = response.json()
    return account


async def create_zone(client: httpx.AsyncClient, t: TenantHandle, code: str, **fields: Any) -> dict[str, Any]:
    """Create a zone through the API (name defaults from the code) and return it."""
    body = {"code": code, "name": fields.pop("name", f"片区 {code}"), **fields}
    response = await client.post(ZONES, json=body, headers=t.headers)
    assert response.status_code == 201, response.text
    zone: dict[str, Any] = response.json()
    return zone
