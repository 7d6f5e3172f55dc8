"""Helpers of the revenue tests (no tests here): service contexts in a tenant and files to import.
Accounts, revenue rows and running an import to the end are shared with other areas
(``tests/modules/crm/conftest.py``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from bizsuite.core.database import make_sessionmaker
from bizsuite.core.jobs.queue import in_tenant
from openpyxl import Workbook
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
