"""Exports: typed XLSX cells (numbers, percentages, real dates in the user's time zone), a frozen
bold header, an autofilter, a named sheet; CSV times in the same zone; formulas never run; and
an export of more than 10,000 rows written by a background job the user follows to a download."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import httpx
import openpyxl
import pytest
from bizsuite.settings import Settings
from bizsuite.web import i18n
from bizsuite.web.exports import EXPORT_LIMIT, Column, csv_value, export_response, sheet_title, xlsx_value
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until

COLUMNS = [
    Column("code", "客户编号"),
    Column("name", "Name"),
    Column("revenue", "Revenue", "money"),
    Column("share", "Share", "percent"),
    Column("orders", "Orders", "int"),
    Column("signed", "Signed", "date"),
    Column("created", "Created", "datetime"),
]
ROWS = [
    ("C-001", "上海明辉贸易有限公司", Decimal("1200000.50"), Decimal("0.125"), 12, date(2026, 3, 1),
     datetime(2026, 11, 30, 16, 30, tzinfo=UTC)),
    ("C-002", '=HYPERLINK("http://evil")', Decimal("99.99"), 0.5, 3, None, datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("C-003", "-1", 0, Decimal("0"), 0, date(2026, 12, 31), None),
]  # fmt: skip


@pytest.fixture
def in_shanghai() -> Iterator[None]:
    i18n.activate("zh-CN", "Asia/Shanghai")
    yield
    i18n.activate(i18n.DEFAULT_LOCALE, "Asia/Shanghai")


def _sheet(content: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(content)).active


def test_xlsx_cells_are_typed_with_number_formats(in_shanghai: None) -> None:
    response = export_response("xlsx", "accounts", COLUMNS, ROWS, sheet="客户")
    sheet = _sheet(response.content)
    assert sheet.title == "客户"
    assert [c.value for c in sheet[1]] == [c.label for c in COLUMNS]
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G4"
    revenue, share, orders = sheet["C2"], sheet["D2"], sheet["E2"]
    assert (revenue.data_type, revenue.value, revenue.number_format) == ("n", 1200000.5, "#,##0.00")
    assert (share.data_type, share.value, share.number_format) == ("n", 0.125, "0.0%")
    assert (orders.data_type, orders.value, orders.number_format) == ("n", 12, "#,##0")
    assert sheet["F2"].is_date and sheet["F2"].value == datetime(2026, 3, 1)
    assert sheet["F2"].number_format == "yyyy-mm-dd"
    # 16:30 UTC is half past midnight the next day in Shanghai, as the UI shows it.
    assert sheet["G2"].is_date and sheet["G2"].value == datetime(2026, 12, 1, 0, 30)
    assert sheet["F3"].value is None and sheet["G4"].value is None


def test_a_sum_over_the_money_column_adds_up(in_shanghai: None) -> None:
    sheet = _sheet(export_response("xlsx", "accounts", COLUMNS, ROWS).content)
    money = [sheet.cell(row=r, column=3) for r in range(2, sheet.max_row + 1)]
    assert all(c.data_type == "n" for c in money)  # text cells would make a SUM give 0
    assert round(sum(c.value for c in money), 2) == 1200100.49


def test_formulas_stay_text_in_both_formats(in_shanghai: None) -> None:
    sheet = _sheet(export_response("xlsx", "accounts", COLUMNS, ROWS).content)
    assert sheet["B3"].data_type == "s" and sheet["B3"].value == '=HYPERLINK("http://evil")'
    assert sheet["B4"].data_type == "s" and sheet["B4"].value == "-1"
    rows = list(
        csv.reader(io.StringIO(export_response("csv", "x", COLUMNS, ROWS).content.decode("utf-8-sig")))
    )
    assert rows[2][1] == '\'=HYPERLINK("http://evil")' and rows[3][1] == "'-1"


def test_columns_are_sized_for_their_content(in_shanghai: None) -> None:
    sheet = _sheet(export_response("xlsx", "accounts", COLUMNS, ROWS).content)
    # The Chinese company name is 10 characters, 20 cells wide; the code column stays narrow.
    assert sheet.column_dimensions["B"].width >= 20
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions["B"].width


def test_the_user_time_zone_decides_the_local_time() -> None:
    i18n.activate("en", "America/New_York")
    try:
        sheet = _sheet(export_response("xlsx", "accounts", COLUMNS, ROWS).content)
        assert sheet["G2"].value == datetime(2026, 11, 30, 11, 30)
        body = export_response("csv", "accounts", COLUMNS, ROWS).content.decode("utf-8-sig")
        assert "2026-11-30T11:30:00-05:00" in body
    finally:
        i18n.activate(i18n.DEFAULT_LOCALE, "Asia/Shanghai")


def test_csv_has_local_times_with_offset_and_plain_numbers(in_shanghai: None) -> None:
    response = export_response("csv", "accounts", COLUMNS, ROWS)
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1] == [
        "C-001", "上海明辉贸易有限公司", "1200000.50", "12.5%", "12", "2026-03-01", "2026-12-01T00:30:00+08:00"
    ]  # fmt: skip
    assert rows[2][2:5] == ["99.99", "50.0%", "3"] and rows[2][5] == ""


def test_plain_string_headers_still_export_typed_values(in_shanghai: None) -> None:
    response = export_response(
        "xlsx", "legacy", ["Name", "Amount", "When"], [("a", Decimal("5.5"), ROWS[0][6])]
    )
    sheet = _sheet(response.content)
    assert sheet.title == "legacy"
    assert sheet["B2"].data_type == "n" and sheet["B2"].number_format == "#,##0.00"
    assert sheet["C2"].value == datetime(2026, 12, 1, 0, 30)


def test_cell_rules() -> None:
    zone = i18n.zoneinfo.ZoneInfo("Asia/Shanghai")
    assert xlsx_value("money", "n/a", zone) == ("text", "n/a")  # a value that is not money stays text
    assert xlsx_value("int", Decimal("2.5"), zone) == ("decimal", 2.5)
    assert xlsx_value("text", ["a", "b"], zone) == ("text", "a, b")
    assert xlsx_value("date", datetime(2026, 1, 1, 17, tzinfo=UTC), zone) == ("date", date(2026, 1, 2))
    assert csv_value("datetime", date(2026, 1, 1), zone) == "2026-01-01"
    assert csv_value("text", "+86 21", zone) == "'+86 21"
    assert sheet_title("a/b:c*[d]?") == "a b c  d"
    assert len(sheet_title("x" * 40)) == 31
    with pytest.raises(ValueError, match="kind"):
        Column("x", "X", "currency")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Over HTTP, with a signed-in admin


async def _sign_in(client: httpx.AsyncClient, tenant: TenantHandle, lang: str = "en") -> str:
    """Sign in as the tenant's owner; return the session's CSRF token."""
    signed = await client.post("/api/v1/auth/login", json={"email": tenant.owner.email, "password": PASSWORD})
    assert signed.status_code == 200, signed.text
    client.cookies.set("bizsuite_lang", lang)
    csrf: str = signed.json()["csrf_token"]
    return csrf


async def test_the_audit_export_uses_the_tenant_time_zone(
    client: httpx.AsyncClient, tenant_a: TenantHandle, owner_engine: AsyncEngine
) -> None:
    await _add_audit_entries(owner_engine, tenant_a.id, 1)
    async with owner_engine.begin() as connection:
        await connection.execute(
            text("UPDATE tenants SET time_zone = 'Europe/Berlin' WHERE id = :t"), {"t": tenant_a.id}
        )
        created = await connection.scalar(
            text("SELECT max(created_at) FROM audit_log WHERE tenant_id = :t"), {"t": tenant_a.id}
        )
    assert created is not None
    await _sign_in(client, tenant_a)
    response = await client.get("/admin/audit/export", params={"format": "xlsx"})
    assert response.status_code == 200, response.text
    sheet = _sheet(response.content)
    assert sheet.title == "Audit log"
    assert sheet["A1"].value == "Time" and sheet["A2"].is_date
    berlin = created.astimezone(i18n.zoneinfo.ZoneInfo("Europe/Berlin")).replace(tzinfo=None)
    assert abs((sheet["A2"].value - berlin).total_seconds()) < 1
    as_csv = await client.get("/admin/audit/export", params={"format": "csv"})
    first = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))[1][0]
    assert datetime.fromisoformat(first).utcoffset() == berlin_offset(created)


def berlin_offset(moment: datetime) -> Any:
    return moment.astimezone(i18n.zoneinfo.ZoneInfo("Europe/Berlin")).utcoffset()


async def _add_audit_entries(engine: AsyncEngine, tenant_id: uuid.UUID, count: int) -> None:
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO audit_log (tenant_id, id, created_at, actor_type, action, target_type, target_id) "
                "SELECT :t, gen_random_uuid(), now() - make_interval(secs => n), 'operator', "
                "'crm.account.updated', 'crm_accounts', gen_random_uuid() FROM generate_series(1, :n) AS n"
            ),
            {"t": tenant_id, "n": count},
        )


async def test_an_export_over_the_limit_runs_as_a_job_and_lands_in_files_and_the_inbox(
    client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    tenant_b: TenantHandle,
    owner_engine: AsyncEngine,
    settings: Settings,
) -> None:
    await _add_audit_entries(owner_engine, tenant_a.id, EXPORT_LIMIT + 50)
    csrf = await _sign_in(client, tenant_a)
    params = {"format": "xlsx", "action": "crm.account.updated"}
    # The GET only offers to write it; the offer's form POSTs (with the CSRF token) to queue it.
    offered = await client.get("/admin/audit/export", params=params)
    assert offered.status_code == 200 and 'data-testid="export-start"' in offered.text
    queued = await client.post(
        "/admin/audit/export", params=params, data={"csrf_token": csrf}, follow_redirects=False
    )
    assert queued.status_code == 303, queued.text
    follow = queued.headers["location"]
    assert follow.startswith("/exports/")
    waiting = await client.get(follow)
    assert waiting.status_code == 200
    assert 'data-testid="export-progress"' in waiting.text and "export-download" not in waiting.text

    async def finished() -> bool:
        return "export-download" in (await client.get(follow)).text

    # A long job on a busy machine must not pass for a stalled one (that would run it twice).
    await run_jobs_until(fast(settings, worker_stalled_ms=60_000), finished)
    done = (await client.get(follow)).text
    assert f"Rows exported: {EXPORT_LIMIT + 50:,}." in done
    link = done.split('href="/files/', 1)[1].split('"', 1)[0]
    download = await client.get(f"/files/{link}", follow_redirects=True)
    assert download.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(download.content), read_only=True)["Audit log"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == EXPORT_LIMIT + 51  # the header and every entry, none cut at the limit
    assert rows[0][0] == "Time" and isinstance(rows[1][0], datetime)
    assert {r[2] for r in rows[1:]} == {"crm.account.updated"}

    async with owner_engine.connect() as connection:
        alerted = await connection.scalar(
            text(
                "SELECT n.user_id FROM alerts a JOIN notifications n ON n.alert_id = a.id AND n.tenant_id = a.tenant_id "
                "WHERE a.tenant_id = :t AND a.type = 'export.ready' AND a.target_id = :f"
            ),
            {"t": tenant_a.id, "f": uuid.UUID(link.split("/")[0])},
        )
    assert alerted == tenant_a.owner.id  # the file waits in the inbox of whoever asked

    # Another tenant's admin cannot follow the job.
    other = httpx.AsyncClient(transport=client._transport, base_url=str(client.base_url))
    async with other:
        await _sign_in(other, tenant_b)
        assert (await other.get(follow)).status_code == 404
