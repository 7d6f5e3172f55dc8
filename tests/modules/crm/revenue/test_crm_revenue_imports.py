"""Revenue files: CSV and XLSX preview, all-or-nothing import by the worker, progress, re-import,
and tenant isolation."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from bizsuite.modules.crm.models import MonthlyRevenue
from bizsuite.settings import Settings
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import import_and_wait, make_accounts, upload
from tests.modules.crm.revenue.conftest import XLSX, csv_file, tenant_ctx, xlsx_file

ROWS = [
    ("C-001", "2026-07", "1000"),
    ("C-001", "2026-08", "900"),
    ("C-001", "2026-09", "800"),
    ("C-001", "2026-10", "700"),
    ("C-002", "2026-10", "250.50"),
]


async def _revenue_count(engine: AsyncEngine, tenant: TenantHandle) -> int:
    async with tenant_ctx(engine, tenant) as ctx:
        return int(await ctx.session.scalar(select(func.count()).select_from(MonthlyRevenue)) or 0)


async def test_a_csv_file_is_previewed_then_imported_and_tiers_and_churn_follow(
    client: httpx.AsyncClient, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    preview = await upload(client, tenant_a, csv_file(ROWS))
    assert preview["status"] == "previewed" and preview["errors"] == [] and preview["total_rows"] == 5
    assert preview["summary"]["total_amount"] == "3650.50" and preview["summary"]["accounts"] == 2
    assert (preview["summary"]["first_month"], preview["summary"]["last_month"]) == ("2026-07", "2026-10")
    assert preview["summary"]["rows"][0] == {
        "row": 2,
        "account_code": "C-001",
        "month": "2026-07",
        "amount": "1000.00",
    }
    assert await _revenue_count(app_engine, tenant_a) == 0  # a preview imports nothing

    confirmed = await client.post(
        f"/api/v1/crm/revenue-imports/{preview['id']}/confirm", headers=tenant_a.headers
    )
    assert confirmed.status_code == 202 and confirmed.json()["status"] == "running"
    again = await client.post(
        f"/api/v1/crm/revenue-imports/{preview['id']}/confirm", headers=tenant_a.headers
    )
    assert again.status_code == 409

    from tests.modules.crm.conftest import wait_for_import

    done = await wait_for_import(client, settings, tenant_a, preview["id"])
    assert done["status"] == "completed" and done["processed_rows"] == done["total_rows"] == 5
    assert done["finished_at"] is not None
    assert await _revenue_count(app_engine, tenant_a) == 5
    watch = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    assert [(w["code"], w["months_declining"], w["tier"]) for w in watch] == [("C-001", 3, "A")]
    listed = (await client.get("/api/v1/crm/revenue-imports", headers=tenant_a.headers)).json()["items"]
    assert [i["id"] for i in listed] == [preview["id"]]


async def test_an_xlsx_file_with_chinese_headers_imports(
    client: httpx.AsyncClient, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    rows: list[Any] = [("C-001", "2026-09", 1200), ("C-002", date(2026, 10, 1), 99.5)]
    done = await import_and_wait(
        client, settings, tenant_a, xlsx_file(rows), name="营收.xlsx", content_type=XLSX
    )
    assert done["status"] == "completed" and done["summary"]["total_amount"] == "1299.50"
    series = (
        await client.get("/api/v1/crm/revenue", params={"month": "2026-10"}, headers=tenant_a.headers)
    ).json()
    assert [i["amount"] for i in series["items"]] == ["99.50"]


async def test_one_bad_row_imports_nothing_and_says_which_row_column_and_why(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    bad = [
        *ROWS,
        ("C-404", "2026-10", "10"),
        ("C-002", "2026-10", "12"),
        ("C-001", "10/2026", "5"),
        ("C-002", "2026-09", "-1"),
    ]
    preview = await upload(client, tenant_a, csv_file(bad))
    assert preview["status"] == "rejected" and preview["error_count"] == 4
    assert [(e["row"], e["column"], e["message"]) for e in preview["errors"]] == [
        (7, "account_code", "unknown account code"),
        (8, "month", "duplicate of row 6"),
        (9, "month", "must be a month like 2026-03"),
        (10, "amount", "must not be negative"),
    ]
    refused = await client.post(
        f"/api/v1/crm/revenue-imports/{preview['id']}/confirm", headers=tenant_a.headers
    )
    assert refused.status_code == 409
    assert await _revenue_count(app_engine, tenant_a) == 0

    missing = await upload(client, tenant_a, csv_file([("C-001", "2026-01")], header=("客户编码", "月份")))
    assert missing["status"] == "rejected" and missing["errors"] == [
        {"row": 1, "column": "amount", "message": "missing column"}
    ]
    wrong = await client.post(
        "/api/v1/crm/revenue-imports",
        params={"name": "revenue.pdf"},
        content=b"%PDF-1.7",
        headers={**tenant_a.headers, "Content-Type": "application/pdf"},
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "name"


async def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    client: httpx.AsyncClient, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    await import_and_wait(client, settings, tenant_a, csv_file(ROWS))
    before = (await client.get("/api/v1/crm/revenue", headers=tenant_a.headers)).json()["items"]
    second = await import_and_wait(client, settings, tenant_a, csv_file(ROWS))
    assert second["status"] == "completed"
    after = (await client.get("/api/v1/crm/revenue", headers=tenant_a.headers)).json()["items"]
    assert after == before
    # A corrected file replaces the months it names (upsert by account and month).
    await import_and_wait(client, settings, tenant_a, csv_file([("C-002", "2026-10", "300")]))
    october = (
        await client.get("/api/v1/crm/revenue", params={"month": "2026-10"}, headers=tenant_a.headers)
    ).json()["items"]
    assert sorted(i["amount"] for i in october) == ["300.00", "700.00"]
    assert await _revenue_count(app_engine, tenant_a) == 5


async def test_a_file_of_thousands_of_rows_reports_progress_to_the_end(
    client: httpx.AsyncClient, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    codes = [f"K-{i:04d}" for i in range(250)]
    await make_accounts(app_engine, tenant_a, codes)
    rows = [
        (code, f"2025-{m:02d}" if m <= 12 else f"2026-{m - 12:02d}", str(1000 + i * 7 + m))
        for i, code in enumerate(codes)
        for m in range(1, 17)
    ]
    done = await import_and_wait(client, settings, tenant_a, csv_file(rows))
    assert done["status"] == "completed" and done["total_rows"] == done["processed_rows"] == 4000
    assert await _revenue_count(app_engine, tenant_a) == 4000
    key = (
        await client.get("/api/v1/crm/key-accounts", params={"tier": "A"}, headers=tenant_a.headers)
    ).json()
    assert key["as_of"] == "2026-04" and key["items"][0]["code"] == "K-0249"


async def test_tenant_b_cannot_see_confirm_or_import_into_tenant_a(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    mine = await upload(client, tenant_a, csv_file(ROWS))
    assert (
        await client.get(f"/api/v1/crm/revenue-imports/{mine['id']}", headers=tenant_b.headers)
    ).status_code == 404
    confirm = await client.post(f"/api/v1/crm/revenue-imports/{mine['id']}/confirm", headers=tenant_b.headers)
    assert confirm.status_code == 404
    assert (await client.get("/api/v1/crm/revenue-imports", headers=tenant_b.headers)).json()["items"] == []
    # A's account codes are simply unknown in B.
    theirs = await upload(client, tenant_b, csv_file(ROWS))
    assert theirs["status"] == "rejected"
    assert {(e["column"], e["message"]) for e in theirs["errors"]} == {
        ("account_code", "unknown account code")
    }
    assert theirs["error_count"] == 5
    # A's preview is untouched and still confirmable by A.
    assert (await client.get(f"/api/v1/crm/revenue-imports/{mine['id']}", headers=tenant_a.headers)).json()[
        "status"
    ] == "previewed"


async def test_an_import_shows_who_uploaded_it_by_name_never_by_email(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    from tests.modules.crm.pipeline.conftest import signed_in

    await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    by_key = await upload(client, tenant_a, csv_file(ROWS))
    assert by_key["created_by"] == "test"  # the API key's name

    csrf = await signed_in(client, tenant_a)
    uploaded = await client.post(
        "/crm/revenue/upload",
        files={"file": ("revenue.csv", csv_file(ROWS), "text/csv")},
        headers={"X-CSRF-Token": csrf},
    )
    assert uploaded.status_code == 303, uploaded.text
    import_id = uploaded.headers["location"].rsplit("/", 1)[-1]

    one = await client.get(f"/api/v1/crm/revenue-imports/{import_id}", headers=tenant_a.headers)
    assert one.json()["created_by"] == tenant_a.owner.name == "Owner"
    listed = await client.get("/api/v1/crm/revenue-imports", headers=tenant_a.headers)
    assert [i["created_by"] for i in listed.json()["items"]] == ["Owner", "test"]
    history = await client.get("/crm/revenue")
    assert history.status_code == 200
    assert "<td>Owner</td>" in history.text and tenant_a.owner.email not in history.text
