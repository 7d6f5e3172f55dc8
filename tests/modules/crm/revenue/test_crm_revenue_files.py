"""Revenue files, the awkward cases: a failure mid-import leaves nothing, encodings (UTF-8 BOM,
GB18030), empty and header-only files, extra columns, Excel date cells and amounts as people
write them (``1,234.50``, ``¥1234``, ``-0``)."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from bizsuite.core.imports import spec as import_kit
from bizsuite.modules.crm.models import MonthlyRevenue
from bizsuite.modules.crm.revenue import imports, rules, services
from bizsuite.settings import Settings
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import import_and_wait, make_accounts, upload
from tests.modules.crm.revenue.conftest import tenant_ctx, xlsx_file


@pytest.mark.parametrize(
    ("text", "amount"),
    [("1,234.50", "1234.50"), ("¥1234", "1234.00"), ("￥1,234.5", "1234.50"), ("RMB 12", "12.00")],
)
def test_amounts_with_separators_and_yuan_signs_parse(text: str, amount: str) -> None:
    assert rules.parse_amount(text) == Decimal(amount)


def test_negative_zero_is_plain_zero() -> None:
    assert str(rules.parse_amount("-0")) == "0.00" and str(rules.parse_amount("-0.00")) == "0.00"


@pytest.mark.parametrize("text", ["¥", "¥-1", "12元x", "NaN", "Infinity"])
def test_amounts_that_are_not_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="must"):
        rules.parse_amount(text)


def test_a_utf8_bom_and_a_gb18030_file_read_the_same() -> None:
    text = '客户编码,月份,金额\nC-001,2026-10,"1,234.50"\n'
    for data in (text.encode("utf-8-sig"), text.encode("gb18030")):
        table = imports.read_table(data, "csv")
        assert import_kit.auto_map(table[0][1], imports.REVENUE.fields) == {
            "account_code": 0,
            "month": 1,
            "amount": 2,
        }
        assert table[1] == (2, ["C-001", "2026-10", "1,234.50"])


def test_excel_date_cells_become_months() -> None:
    table = imports.read_table(
        xlsx_file([("C-001", datetime(2026, 10, 1), 1234.5), ("C-001", date(2026, 9, 1), 12)]), "xlsx"
    )
    mapping = import_kit.auto_map(table[0][1], imports.REVENUE.fields)
    valid, errors = import_kit.parse_rows(imports.REVENUE, table[1:], mapping)
    assert errors == []
    assert [(p.value.month, p.value.amount) for p in valid] == [
        (date(2026, 10, 1), Decimal("1234.50")),
        (date(2026, 9, 1), Decimal("12.00")),
    ]


def test_a_file_that_is_not_a_workbook_is_refused_clearly() -> None:
    with pytest.raises(imports.UnreadableFileError):
        imports.read_table(b"not a zip", "xlsx")
    with pytest.raises(imports.UnreadableFileError):
        imports.file_kind("revenue.pdf", "application/pdf")


async def _upload(client: httpx.AsyncClient, tenant: TenantHandle, data: bytes) -> dict[str, Any]:
    return await upload(client, tenant, data)


async def test_empty_header_only_and_extra_column_files(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001"])
    empty = await client.post(
        "/api/v1/crm/revenue-imports",
        params={"name": "revenue.csv"},
        content=b"",
        headers={**tenant_a.headers, "Content-Type": "text/csv"},
    )
    assert empty.status_code == 422 and "empty" in empty.json()["detail"]
    blank = await _upload(client, tenant_a, b"\n\n")
    assert [(e["row"], e["column"], e["message"]) for e in blank["errors"]] == [
        (1, "file", "the file is empty")
    ]

    header_only = await _upload(client, tenant_a, "客户编码,月份,金额\n".encode())
    assert header_only["status"] == "rejected" and header_only["total_rows"] == 0
    assert [(e["row"], e["column"], e["message"]) for e in header_only["errors"]] == [
        (2, "file", "the file has no rows")
    ]

    extra = await _upload(
        client, tenant_a, "备注,客户编码,月份,金额,区域\nhello,C-001,2026-10,¥1234,east\n".encode("gb18030")
    )
    assert extra["status"] == "previewed", extra["errors"]
    assert extra["summary"]["rows"] == [
        {"row": 2, "account_code": "C-001", "month": "2026-10", "amount": "1234.00"}
    ]


async def test_a_failure_mid_import_leaves_no_revenue_and_marks_the_import_failed(
    client: httpx.AsyncClient,
    settings: Settings,
    app_engine: AsyncEngine,
    tenant_a: TenantHandle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    rows = [(code, f"2025-{m:02d}", str(100 * m)) for code in ("C-001", "C-002") for m in range(1, 13)]
    text = "客户编码,月份,金额\n" + "".join(f"{c},{m},{a}\n" for c, m, a in rows)
    # Every row is written (in batches of 5) before the recompute fails.
    monkeypatch.setattr(imports, "BATCH_ROWS", 5)

    async def broken(ctx: Any) -> Any:
        raise RuntimeError("recompute failed")

    monkeypatch.setattr(services, "recompute", broken)
    done = await import_and_wait(client, settings, tenant_a, text.encode())
    assert done["status"] == "failed"
    assert done["errors"][0]["column"] == "file"
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert await ctx.session.scalar(select(func.count()).select_from(MonthlyRevenue)) == 0


async def test_a_file_over_the_size_limit_is_refused_with_413_and_nothing_is_kept(
    settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle, tmp_path: Any
) -> None:
    from bizsuite.app import create_app
    from bizsuite.core.imports.models import DataImport
    from litestar.testing import AsyncTestClient

    configured = dataclasses.replace(settings, max_upload_bytes=1024, data_dir=tmp_path)
    await make_accounts(app_engine, tenant_a, ["C-001"])
    big = ("客户编码,月份,金额\n" + "C-001,2026-10,1\n" * 200).encode()
    async with AsyncTestClient(create_app(configured)) as small:
        response = await small.post(
            "/api/v1/crm/revenue-imports",
            params={"name": "revenue.csv"},
            content=big,
            headers={**tenant_a.headers, "Content-Type": "text/csv"},
        )
        assert response.status_code == 413 and "1024 bytes" in response.json()["detail"]
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert await ctx.session.scalar(select(func.count()).select_from(DataImport)) == 0


async def test_exports_neutralise_formulas_in_account_names(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    from bizsuite.modules.crm.models import Account

    from tests.conftest import PASSWORD
    from tests.modules.crm.conftest import add_revenue

    ids = await make_accounts(app_engine, tenant_a, ["C-001"])
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        account = (await ctx.session.scalars(select(Account).where(Account.id == ids["C-001"]))).one()
        account.name = '=HYPERLINK("http://evil.example","x")'
    await add_revenue(app_engine, tenant_a, ids["C-001"], date(2026, 6, 1), ["100", "90", "80", "70"])
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        await services.recompute(ctx)
    login = await client.post(
        "/api/v1/auth/login", json={"email": tenant_a.owner.email, "password": PASSWORD}
    )
    assert login.status_code == 200
    client.cookies.set("bizsuite_lang", "en")
    for path in ("/crm/key-accounts/export", "/crm/churn/export"):
        exported = await client.get(path, params={"format": "csv"})
        assert exported.status_code == 200, path
        rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
        assert [r[1] for r in rows[1:]] == ['\'=HYPERLINK("http://evil.example","x")'], path


@pytest.mark.parametrize("path", ["/api/v1/crm/key-accounts", "/api/v1/crm/churn-risks"])
@pytest.mark.parametrize(
    "values",
    [["abc", "x"], ["1", "not-a-uuid"], [0, "NaN", "0190b7e2-0000-7000-8000-000000000000"], "x", [None]],
)
async def test_a_forged_cursor_is_a_422_naming_the_cursor_never_a_500(
    client: httpx.AsyncClient, tenant_a: TenantHandle, path: str, values: Any
) -> None:
    import base64

    import msgspec

    cursor = base64.urlsafe_b64encode(msgspec.json.encode(values)).decode().rstrip("=")
    response = await client.get(path, params={"cursor": cursor}, headers=tenant_a.headers)
    assert response.status_code in (400, 422), response.text
    assert "cursor" in response.text


async def test_a_recompute_timing_out_on_a_single_edit_leaves_nothing_half_written(
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    tenant_a: TenantHandle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy import text

    ids = await make_accounts(app_engine, tenant_a, ["C-001"])
    real = services.recompute

    async def slow(ctx: Any) -> Any:
        # The revenue row is written; the recompute then hits the statement timeout.
        await ctx.session.execute(text("SET LOCAL statement_timeout = 50"))
        await ctx.session.execute(text("SELECT pg_sleep(2)"))
        return await real(ctx)

    # ``put_revenue`` lives in ``services/revenue.py`` (the services became a package).
    monkeypatch.setattr(services.revenue, "recompute", slow)
    response = await client.put(
        f"/api/v1/crm/accounts/{ids['C-001']}/revenue/2026-10",
        json={"amount": "100"},
        headers=tenant_a.headers,
    )
    assert response.status_code == 503, response.text  # "retry shortly"
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert await ctx.session.scalar(select(func.count()).select_from(MonthlyRevenue)) == 0


async def test_a_file_with_more_codes_than_a_statement_may_bind_is_checked(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-00001"])
    text = "客户编码,月份,金额\n" + "".join(f"C-{i:05d},2026-10,1\n" for i in range(1, 40_001))
    preview = await upload(client, tenant_a, text.encode())
    # 39,999 codes are unknown (the first one exists); the preview lists the first 200 errors.
    assert preview["status"] == "rejected" and preview["error_count"] == 39_999
    assert preview["errors"][0] == {"row": 3, "column": "account_code", "message": "unknown account code"}
    assert len(preview["errors"]) == import_kit.MAX_ERRORS


async def test_an_owner_outside_the_tenant_is_never_alerted_and_the_admins_are(
    app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    from bizsuite.core.alerts.models import Notification

    from tests.modules.crm.conftest import add_revenue

    # An owner id of another tenant's user (e.g. a stale import): the alert stays in tenant A.
    ids = await make_accounts(app_engine, tenant_a, ["C-001"], owner_user_id=tenant_b.owner.id)
    await add_revenue(app_engine, tenant_a, ids["C-001"], date(2026, 1, 1), [100, 90, 80, 70])
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert (await services.recompute(ctx)).new_alerts == 1
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert list((await ctx.session.scalars(select(Notification.user_id))).all()) == [tenant_a.owner.id]
    async with tenant_ctx(app_engine, tenant_b) as ctx:
        assert list((await ctx.session.scalars(select(Notification.user_id))).all()) == []


async def test_row_numbers_are_the_files_own_even_after_blank_lines(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001"])
    text = "\n客户编码,月份,金额\nC-001,2026-09,1\n\n,,\nC-404,2026-10,1\n"
    preview = await upload(client, tenant_a, text.encode())
    # Line 6 of the file (rows 1, 4 and 5 are blank) is the bad one.
    assert [(e["row"], e["column"]) for e in preview["errors"]] == [(6, "account_code")]
    missing = await upload(client, tenant_a, "\n\n客户编码,金额\nC-001,1\n".encode())
    assert [(e["row"], e["column"]) for e in missing["errors"]] == [(3, "month")]


async def test_a_file_with_too_many_rows_is_refused_without_reading_all_of_it(
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    tenant_a: TenantHandle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001"])
    monkeypatch.setattr(import_kit, "MAX_ROWS", 3)
    text = "客户编码,月份,金额\n" + "".join(f"C-001,2026-{m:02d},1\n" for m in range(1, 13))
    assert len(imports.read_table(text.encode(), "csv")) == 1 + 3 + 1
    preview = await upload(client, tenant_a, text.encode())
    assert preview["status"] == "rejected"
    assert [(e["row"], e["column"], e["message"]) for e in preview["errors"]] == [
        (1, "file", "at most 3 rows")
    ]
