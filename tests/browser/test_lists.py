"""The kernel list component on the accounts list, as a salesperson uses it: find 明辉 by a
fragment as they type (the URL keeps the search, so a reload shows the same), sort by a column,
group with subtotals, save the view, bulk-assign three accounts, export the filtered list (its
revenue column numbers a spreadsheet can sum, its dates real dates); and at phone width every
row is a card with nothing scrolling sideways."""

from __future__ import annotations

import datetime as dt
import io
import re
import zoneinfo
from decimal import Decimal
from typing import Any

import httpx
import openpyxl
from bizsuite.core.identity.models import Role
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user, sign_in
from tests.conftest import TenantHandle
from tests.modules.crm.accounts.conftest import create_account

NAMES = {
    "C-001": "上海明辉贸易有限公司",
    "C-002": "杭州恒远电子",
    "C-003": "苏州远景科技",
    "C-004": "南京华东物流",
    "C-005": "宁波海港贸易",
}
#: Monthly revenue per account code (month, amount): the distributors' trailing 12 months sum to
#: 1,500.75 + 99.50; C-002's revenue is outside the filtered list.
REVENUE = {
    "C-001": [("2026-09", "1200.50"), ("2026-10", "300.25")],
    "C-002": [("2026-10", "5000.00")],
    "C-005": [("2026-10", "99.50")],
}
DISTRIBUTOR_REVENUE = {"C-001": Decimal("1500.75"), "C-005": Decimal("99.50")}


async def put_revenue(
    client: httpx.AsyncClient, tenant: TenantHandle, account_id: str, month: str, amount: str
) -> None:
    """Enter an account's revenue for a month through the API (tiers and trailing revenue follow)."""
    response = await client.put(
        f"/api/v1/crm/accounts/{account_id}/revenue/{month}", json={"amount": amount}, headers=tenant.headers
    )
    assert response.status_code == 200, response.text


async def accounts_with_revenue(client: httpx.AsyncClient, tenant: TenantHandle) -> dict[str, str]:
    """The five accounts (two distributors), with revenue; return code -> id."""
    ids: dict[str, str] = {}
    for code, name in NAMES.items():
        kind = "distributor" if code in ("C-001", "C-005") else "end_customer"
        ids[code] = (await create_account(client, tenant, code, name=name, kind=kind))["id"]
    for code, months in REVENUE.items():
        for month, amount in months:
            await put_revenue(client, tenant, ids[code], month, amount)
    return ids


async def test_search_sort_group_save_bulk_assign_and_export_the_accounts_list(
    page: Page, client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await accounts_with_revenue(client, tenant_a)
    member = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    await page.goto("/login")
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/crm/accounts")
    rows = page.get_by_test_id("account-row")
    await expect(rows).to_have_count(5)
    await expect(page.get_by_test_id("list-range")).to_contain_text("5")

    # Typing filters the list (no button), and the URL keeps the search.
    await page.get_by_test_id("list-search").fill("明辉")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("上海明辉贸易有限公司")
    await page.wait_for_url("**/crm/accounts?*q=*")
    await page.reload()
    await expect(rows).to_have_count(1)
    await expect(page.get_by_test_id("list-search")).to_have_value("明辉")
    await page.get_by_test_id("list-search").fill("c-00")
    await expect(rows).to_have_count(5)

    # Sort by code: ascending, then descending.
    await page.get_by_test_id("sort-code").click()
    await expect(rows.first).to_contain_text("C-001")
    await expect(page.locator("th[aria-sort=ascending]").get_by_test_id("sort-code")).to_be_visible()
    await page.get_by_test_id("sort-code").click()
    await expect(rows.first).to_contain_text("C-005")
    await expect(page.locator("th[aria-sort=descending]").get_by_test_id("sort-code")).to_be_visible()

    # Group by kind: one header row per kind with its count.
    await page.get_by_test_id("group-by").select_option("kind")
    groups = page.get_by_test_id("group-row")
    await expect(groups).to_have_count(2)
    counts = await page.get_by_test_id("group-count").all_inner_texts()
    assert sorted("".join(ch for ch in c if ch.isdigit()) for c in counts) == ["2", "3"]

    # Save the view; it is offered in the picker and opens the same list.
    await page.get_by_test_id("view-picker").locator("summary").click()
    await page.get_by_test_id("view-name").fill("按类型分组")
    await page.get_by_test_id("save-view-button").click()
    await page.wait_for_url("**view=*")
    await expect(page.get_by_test_id("group-row")).to_have_count(2)
    await page.get_by_test_id("view-picker").locator("summary").click()
    await expect(page.get_by_test_id("saved-view")).to_have_text("按类型分组")
    await page.get_by_test_id("view-picker").locator("summary").click()

    # Bulk-assign three accounts to the member.
    await page.get_by_test_id("group-by").select_option("")
    await expect(groups).to_have_count(0)
    for index in range(3):
        await rows.nth(index).get_by_test_id("select-row").check()
    await expect(page.get_by_test_id("bulk-assign")).to_be_enabled()
    await page.get_by_test_id("bulk-owner").select_option(str(member.id))
    await page.get_by_test_id("bulk-assign").click()
    await page.wait_for_url("**notice=crm_account.bulk_assign*")
    await expect(page.get_by_test_id("account-owner").filter(has_text=member.name)).to_have_count(3)

    # Export the filtered list (only the distributors) to Excel, with the Created column ticked:
    # the view's columns, revenue as numbers a spreadsheet sums, dates as dates.
    await page.goto("/crm/accounts?kind=distributor&sort=code")
    await expect(rows).to_have_count(2)
    chooser = page.get_by_test_id("column-chooser").locator("summary")
    await chooser.click()
    await page.get_by_test_id("col-created_at").check()
    await expect(page.get_by_test_id("export-xlsx")).to_have_attribute("href", re.compile("col=created_at"))
    await chooser.click()  # closed, so the list under it takes clicks again
    await expect(page.get_by_test_id("col-created_at")).to_be_hidden()
    book = await download_xlsx(page)
    sheet = book.active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = values[0]
    assert [r[0] for r in values[1:]] == ["C-001", "C-005"]
    assert [r[1] for r in values[1:]] == [NAMES["C-001"], NAMES["C-005"]]
    assert_revenue_sums(sheet, header, "近 12 个月收入", DISTRIBUTOR_REVENUE)
    assert_real_dates(sheet, header, "创建时间")


async def download_xlsx(page: Page) -> openpyxl.Workbook:
    """Click the list's Excel export and open the downloaded workbook."""
    async with page.expect_download() as info:
        await page.get_by_test_id("export-xlsx").click()
    download = await info.value
    return openpyxl.load_workbook(io.BytesIO((await download.path()).read_bytes()))


def assert_revenue_sums(sheet: Any, header: list[Any], revenue: str, expected: dict[str, Decimal]) -> None:
    """The ``revenue`` column holds numbers in the money format, each account's (by its code in the
    first column), and they sum to the accounts' total, as a spreadsheet's SUM would."""
    index = header.index(revenue)
    rows = list(sheet.iter_rows(min_row=2))
    amounts = [row[index].value for row in rows]
    assert all(isinstance(a, int | float) and not isinstance(a, bool) for a in amounts), amounts
    assert all(row[index].number_format == "#,##0.00" for row in rows), [r[index].number_format for r in rows]
    assert {row[0].value: Decimal(str(row[index].value)) for row in rows} == expected
    assert Decimal(str(sum(amounts))).quantize(Decimal("0.01")) == sum(expected.values())


def assert_real_dates(sheet: Any, header: list[Any], created: str, zone: str = "Asia/Shanghai") -> None:
    """The ``created`` column holds date-times (not text) in the tenant's time zone: just now."""
    index = header.index(created)
    now = dt.datetime.now(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None)
    moments = [row[index].value for row in sheet.iter_rows(min_row=2)]
    assert moments and all(isinstance(m, dt.datetime) for m in moments), moments
    assert all(abs(now - m) < dt.timedelta(minutes=10) for m in moments), (now, moments)


async def test_the_list_is_cards_at_phone_width(
    page: Page, client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    await accounts_with_revenue(client, tenant_a)
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto("/login")
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/crm/accounts")
    rows = page.get_by_test_id("account-row")
    await expect(rows).to_have_count(5)
    assert await rows.first.evaluate("r => getComputedStyle(r).display") == "block"
    widths = await page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
