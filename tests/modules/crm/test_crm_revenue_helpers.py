"""Shared helpers of the revenue tests (no tests here): accounts and revenue made directly in a
tenant, files to import, and running the worker until an import is done."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.jobs.queue import in_tenant
from bizsuite.modules.crm.models import Account, AccountKind, MonthlyRevenue
from bizsuite.settings import Settings
from openpyxl import Workbook
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
    """Insert consecutive months of revenue (``None`` leaves a month out) without recomputing."""
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


def tenant_ctx(engine: AsyncEngine, tenant: TenantHandle) -> Any:
    """A service context in the tenant (one transaction, committed at the end)."""
    return in_tenant(make_sessionmaker(engine), tenant.id, actor="test")


def csv_file(
    rows: Sequence[Sequence[Any]], header: Sequence[str] = ("account code", "month", "amount")
) -> bytes:
    """A CSV revenue file (UTF-8 with BOM, as Excel writes it)."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue().encode("utf-8-sig")


def xlsx_file(rows: Sequence[Sequence[Any]], header: Sequence[str] = ("客户编码", "月份", "金额")) -> bytes:
    """An XLSX revenue file."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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

    await run_jobs_until(fast(settings), finished, limit_seconds=60)
    return state
