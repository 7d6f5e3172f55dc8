"""Factories shared by more than one CRM test area (no tests here): accounts and revenue made
directly in a tenant, pipeline stage and opportunity shortcuts, and revenue imports run to the end.
Each area's own helpers live in its ``conftest.py``."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.jobs.queue import context_for
from bizsuite.modules.crm.models import Account, AccountKind, MonthlyRevenue
from bizsuite.modules.crm.revenue.services import refresh_streaks
from bizsuite.settings import Settings
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until


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


async def make_accounts(
    engine: AsyncEngine, tenant: TenantHandle, codes: Iterable[str], **values: Any
) -> dict[str, uuid.UUID]:
    """Create accounts with these codes in ``tenant``; return code -> id."""
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        accounts = [
            Account(code=code, name=f"客户 {code}", kind=AccountKind.END_CUSTOMER, **values) for code in codes
        ]
        session.add_all(accounts)
        await session.flush()
        return {a.code: a.id for a in accounts}


async def add_revenue(
    engine: AsyncEngine, tenant: TenantHandle, account_id: uuid.UUID, start: date, amounts: Sequence[Any]
) -> None:
    """Insert consecutive months of revenue (``None`` leaves a month out) without recomputing tiers
    or the watch list. Like every revenue write, it keeps the account's stored decline streak."""
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        for index, amount in enumerate(amounts):
            if amount is None:
                continue
            year, month = divmod(start.month - 1 + index, 12)
            session.add(
                MonthlyRevenue(
                    account_id=account_id, month=date(start.year + year, month + 1, 1), amount=Decimal(amount)
                )
            )
        await refresh_streaks(await context_for(session, actor="test"), [account_id])


async def upload(
    client: httpx.AsyncClient,
    tenant: TenantHandle,
    content: bytes,
    name: str = "revenue.csv",
    content_type: str = "text/csv",
) -> dict[str, Any]:
    """Upload a revenue file for preview; return the import."""
    response = await client.post(
        "/api/v1/crm/revenue-imports",
        params={"name": name},
        content=content,
        headers={**tenant.headers, "Content-Type": content_type},
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def import_and_wait(
    client: httpx.AsyncClient, settings: Settings, tenant: TenantHandle, content: bytes, **kwargs: Any
) -> dict[str, Any]:
    """Upload, confirm and run the worker until the import is finished; return the import."""
    created = await upload(client, tenant, content, **kwargs)
    assert created["status"] == "previewed", created
    confirmed = await client.post(
        f"/api/v1/crm/revenue-imports/{created['id']}/confirm", headers=tenant.headers
    )
    assert confirmed.status_code == 202, confirmed.text
    return await wait_for_import(client, settings, tenant, created["id"])


async def wait_for_import(
    client: httpx.AsyncClient, settings: Settings, tenant: TenantHandle, import_id: str
) -> dict[str, Any]:
    """Run the worker until the import leaves the running state; return it."""
    state: dict[str, Any] = {}

    async def finished() -> bool:
        response = await client.get(f"/api/v1/crm/revenue-imports/{import_id}", headers=tenant.headers)
        state.update(response.json())
        return bool(state["status"] not in ("running",))

    await run_jobs_until(fast(settings), finished)
    return state
