"""Shared helpers of the pipeline and dashboard tests (no tests here): accounts made directly in
the tenant (the accounts area has its own tests) and small API shortcuts."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.modules.crm.models import Account, AccountKind
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle


async def make_account(
    engine: AsyncEngine, tenant: TenantHandle, name: str = "上海华东机电有限公司", **values: Any
) -> uuid.UUID:
    """Create an account of ``tenant`` and return its id."""
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        account = Account(
            code=values.pop("code", f"C-{uuid.uuid4().hex[:6]}"),
            name=name,
            kind=AccountKind.END_CUSTOMER,
            **values,
        )
        session.add(account)
        await session.flush()
        return account.id


async def stages(client: httpx.AsyncClient, tenant: TenantHandle) -> list[dict[str, Any]]:
    """The tenant's pipeline stages, in order."""
    response = await client.get("/api/v1/crm/pipeline-stages", headers=tenant.headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def stage_named(items: list[dict[str, Any]], name: str) -> dict[str, Any]:
    """The stage with this name."""
    return next(s for s in items if s["name"] == name)


async def create_opportunity(
    client: httpx.AsyncClient, tenant: TenantHandle, account_id: uuid.UUID, **body: Any
) -> dict[str, Any]:
    """Create an opportunity and return it."""
    payload = {"account_id": str(account_id), "name": "二期扩容", "amount": "100000.00", **body}
    response = await client.post("/api/v1/crm/opportunities", json=payload, headers=tenant.headers)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def move(
    client: httpx.AsyncClient, tenant: TenantHandle, opportunity: dict[str, Any], stage_id: str, **body: Any
) -> httpx.Response:
    """Move an opportunity to a stage, sending the version it was read at."""
    return await client.post(
        f"/api/v1/crm/opportunities/{opportunity['id']}/stage",
        json={"stage_id": stage_id, **body},
        headers={**tenant.headers, "If-Match": str(opportunity["version"])},
    )
