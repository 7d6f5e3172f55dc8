"""Helpers of the chatter and activities tests: a colleague, an inbox, an account's chatter."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from bizsuite.core.identity.models import Membership, Role, User
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import tenant_tx

Client = httpx.AsyncClient


async def add_member(
    engine: AsyncEngine, tenant: TenantHandle, name: str, role: Role = Role.MEMBER
) -> uuid.UUID:
    """A colleague in ``tenant`` (with the CRM granted)."""
    async with tenant_tx(engine, tenant.id) as ctx:
        user = User(email=f"{uuid.uuid4().hex[:8]}@example.com", name=name, password_hash="x")
        ctx.session.add(user)
        await ctx.session.flush()
        ctx.session.add(Membership(user_id=user.id, role=role, module_grants=["crm"]))
        return user.id


async def inbox_of(client: Client, tenant: TenantHandle, user_id: uuid.UUID) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/inbox", params={"user_id": str(user_id)}, headers=tenant.headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def feed(client: Client, tenant: TenantHandle, target: str, **params: Any) -> dict[str, Any]:
    response = await client.get(f"/api/v1/chatter/{target}/entries", params=params, headers=tenant.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body
