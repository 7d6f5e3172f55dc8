"""The kernel list component on the accounts list, as a salesperson uses it: find 明辉 by a
fragment as they type (the URL keeps the search, so a reload shows the same), sort by a column,
group with subtotals, save the view, bulk-assign three accounts, export the filtered list; and
at phone width every row is a card with nothing scrolling sideways."""

from __future__ import annotations

import io

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


async def _accounts(client: httpx.AsyncClient, tenant: TenantHandle) -> None:
    for code, name in NAMES.items():
        kind = "distributor" if code in ("C-001", "C-005") else "end_customer"
        await create_account(client, tenant, code, name=name, kind=kind)


async def test_search_sort_group_save_bulk_assign_and_export_the_accounts_list(
    page: Page, client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await _accounts(client, tenant_a)
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

    # Export the filtered list (only the distributors) to Excel: the view's columns, typed money.
    await page.goto("/crm/accounts?kind=distributor&sort=code")
    await expect(rows).to_have_count(2)
    async with page.expect_download() as info:
        await page.get_by_test_id("export-xlsx").click()
    download = await info.value
    book = openpyxl.load_workbook(io.BytesIO((await download.path()).read_bytes()))
    sheet = book.active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert [r[0] for r in values[1:]] == ["C-001", "C-005"]
    assert [r[1] for r in values[1:]] == [NAMES["C-001"], NAMES["C-005"]]


async def test_the_list_is_cards_at_phone_width(
    page: Page, client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    await _accounts(client, tenant_a)
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto("/login")
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/crm/accounts")
    rows = page.get_by_test_id("account-row")
    await expect(rows).to_have_count(5)
    assert await rows.first.evaluate("r => getComputedStyle(r).display") == "block"
    widths = await page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
