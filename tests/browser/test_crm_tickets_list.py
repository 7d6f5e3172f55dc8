"""The tickets list on the kernel list component, as a service desk lead uses it: find a ticket by
a fragment as they type, sort by number, group by priority with each group's count, select two
tickets and assign them, then raise their priority (the SLA is matched again); at phone width
every row is a card."""

from __future__ import annotations

import httpx
from bizsuite.core.identity.models import Role
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user, sign_in
from tests.conftest import TenantHandle
from tests.modules.crm.conftest import make_account
from tests.modules.crm.tickets.conftest import open_ticket

TICKETS = (
    ("三号楼电梯困人", "urgent"),
    ("地下车库漏水", "normal"),
    ("空调不制冷", "normal"),
    ("门禁失灵", "low"),
)


async def _tickets(client: httpx.AsyncClient, tenant: TenantHandle, engine: AsyncEngine) -> None:
    account = await make_account(engine, tenant)
    for title, priority in TICKETS:
        await open_ticket(client, tenant, account, title=title, priority=priority)


async def test_search_sort_group_and_bulk_change_the_tickets_list(
    page: Page, client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await _tickets(client, tenant_a, app_engine)
    member = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    await page.goto("/login")
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/crm/tickets")
    rows = page.get_by_test_id("ticket-row")
    await expect(rows).to_have_count(4)
    await expect(page.get_by_test_id("list-range")).to_contain_text("4")

    # Typing filters the list, and the URL keeps the search.
    await page.get_by_test_id("list-search").fill("漏水")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("地下车库漏水")
    await page.wait_for_url("**/crm/tickets?*q=*")
    await page.get_by_test_id("list-search").fill("")
    await expect(rows).to_have_count(4)

    # Sort by number: ascending, then descending.
    await page.get_by_test_id("sort-number").click()
    await expect(rows.first).to_have_attribute("data-number", "T-000001")
    await expect(page.locator("th[aria-sort=ascending]").get_by_test_id("sort-number")).to_be_visible()
    await page.get_by_test_id("sort-number").click()
    await expect(rows.first).to_have_attribute("data-number", "T-000004")
    await expect(page.locator("th[aria-sort=descending]").get_by_test_id("sort-number")).to_be_visible()

    # Group by priority: one header row per priority with its count.
    await page.get_by_test_id("group-by").select_option("priority")
    groups = page.get_by_test_id("group-row")
    await expect(groups).to_have_count(3)
    await expect(groups.filter(has_text="普通")).to_contain_text("2")
    await expect(groups.filter(has_text="紧急")).to_contain_text("1")

    # Select the two normal-priority tickets; assign them to the member.
    await page.get_by_test_id("group-by").select_option("")
    await expect(groups).to_have_count(0)
    await page.get_by_test_id("list-search").fill("不制冷")
    await expect(rows).to_have_count(1)
    await page.get_by_test_id("list-search").fill("")
    await expect(rows).to_have_count(4)
    for number in ("T-000002", "T-000003"):
        await (
            page.locator(f'[data-testid="ticket-row"][data-number="{number}"]')
            .get_by_test_id("select-row")
            .check()
        )
    await expect(page.get_by_test_id("bulk-assign")).to_be_enabled()
    await page.get_by_test_id("bulk-assignee").select_option(str(member.id))
    await page.get_by_test_id("bulk-assign").click()
    await page.wait_for_url("**notice=crm_ticket.bulk_assign*")
    await expect(page.get_by_test_id("ticket-assignee").filter(has_text=member.name)).to_have_count(2)

    # Then raise their priority to high.
    for number in ("T-000002", "T-000003"):
        await (
            page.locator(f'[data-testid="ticket-row"][data-number="{number}"]')
            .get_by_test_id("select-row")
            .check()
        )
    await page.get_by_test_id("bulk-priority").select_option("high")
    await page.get_by_test_id("bulk-set-priority").click()
    await page.wait_for_url("**notice=crm_ticket.bulk_priority*")
    high = page.locator('[data-testid="ticket-row"]').filter(
        has=page.get_by_test_id("ticket-priority").filter(has_text="高")
    )
    await expect(high).to_have_count(2)


async def test_the_tickets_list_is_cards_at_phone_width(
    page: Page, client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await _tickets(client, tenant_a, app_engine)
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto("/login")
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/crm/tickets")
    rows = page.get_by_test_id("ticket-row")
    await expect(rows).to_have_count(4)
    assert await rows.first.evaluate("r => getComputedStyle(r).display") == "block"
    widths = await page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
