"""Helpers of the pipeline tests (no tests here): moving an opportunity through the API and signing
in for the board pages. Accounts, stages and opportunities come from the shared
``tests/modules/crm/conftest.py``."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import PASSWORD, TenantHandle


async def move(
    client: httpx.AsyncClient, tenant: TenantHandle, opportunity: dict[str, Any], stage_id: str, **body: Any
) -> httpx.Response:
    """Move an opportunity to a stage, sending the version it was read at."""
    return await client.post(
        f"/api/v1/crm/opportunities/{opportunity['id']}/stage",
        json={"stage_id": stage_id, **body},
        headers={**tenant.headers, "If-Match": str(opportunity["version"])},
    )


async def signed_in(client: httpx.AsyncClient, tenant: TenantHandle) -> str:
    """Sign the tenant's owner in; return the session's CSRF token."""
    response = await client.post(
        "/api/v1/auth/login", json={"email": tenant.owner.email, "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["csrf_token"]
    return token
