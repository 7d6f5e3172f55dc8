"""The shell at phone width (390×844): no page scrolls sideways, the side bar is a drawer the
menu button opens and Esc closes, and the content starts at the top."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from tests.browser.conftest import PHONE, sign_in, watched_context
from tests.conftest import TenantHandle


@pytest.fixture
async def phone(browser: Browser, live_server: str) -> AsyncIterator[Page]:
    async with watched_context(browser, live_server, locale="zh-CN", **PHONE) as context:
        yield await context.new_page()


async def _crm_data(live_server: str, tenant: TenantHandle) -> dict[str, str]:
    async with httpx.AsyncClient(timeout=60, base_url=live_server, headers=tenant.headers) as api:
        account = (
            await api.post(
                "/api/v1/crm/accounts",
                json={
                    "code": "C-390",
                    "name": "上海明辉贸易有限公司国际物流与供应链管理服务中心（浦东新区分公司）",
                    "phone": "021-12345678",
                    "email": "procurement.department.longaddress@minghui-trading.example.com",
                },
            )
        ).json()
        return {"account": account["id"]}


async def no_sideways_scroll(page: Page) -> None:
    await page.wait_for_load_state("networkidle")
    width = await page.evaluate("document.scrollingElement.scrollWidth")
    inner = await page.evaluate("window.innerWidth")
    assert width <= inner, f"{page.url} scrolls sideways: {width} > {inner}"


async def test_main_pages_fit_a_phone_and_start_at_the_top(
    phone: Page, live_server: str, tenant_a: TenantHandle
) -> None:
    ids = await _crm_data(live_server, tenant_a)
    await sign_in(phone, tenant_a.owner.email)
    for path in (
        "/",
        "/crm/accounts",
        f"/crm/accounts/{ids['account']}",
        "/crm/pipeline",
        "/crm/pipeline/opportunities/new",
        "/crm/tickets",
        "/crm/tickets/new",
        "/inbox",
        "/approvals",
        "/admin/members",
        "/admin/audit",
        "/account",
    ):
        await phone.goto(path)
        await expect(phone.locator("main h1").first).to_be_visible()
        await no_sideways_scroll(phone)
        top = await phone.evaluate("document.querySelector('main h1').getBoundingClientRect().top")
        assert top < 200, f"{path}: the content starts {top}px down"
        # The top bar is one row: no item wraps into vertical text.
        height = await phone.evaluate("document.querySelector('.topbar').getBoundingClientRect().height")
        assert height < 70, f"{path}: the top bar is {height}px high"
        await expect(phone.get_by_test_id("sidebar")).not_to_be_visible()


async def test_the_menu_button_opens_the_side_bar_and_esc_closes_it(
    phone: Page, tenant_a: TenantHandle, screenshot_dir: object
) -> None:
    await sign_in(phone, tenant_a.owner.email)
    menu = phone.get_by_test_id("menu-toggle")
    sidebar = phone.get_by_test_id("sidebar")
    await expect(menu).to_have_attribute("aria-expanded", "false")
    await expect(sidebar).not_to_be_visible()
    await menu.click()
    await expect(menu).to_have_attribute("aria-expanded", "true")
    await expect(sidebar).to_be_visible()
    await expect(sidebar.get_by_role("button", name="退出登录")).to_be_visible()
    await phone.keyboard.press("Escape")
    await expect(menu).to_have_attribute("aria-expanded", "false")
    await expect(sidebar).not_to_be_visible()
    await expect(menu).to_be_focused()
    # Opened again, a link in it goes to its page and the drawer closes.
    await menu.click()
    await sidebar.locator("a[href='/crm/accounts']").click()
    await phone.wait_for_url("**/crm/accounts")
    await expect(sidebar).not_to_be_visible()
    await expect(phone.get_by_test_id("menu-toggle")).to_have_attribute("aria-expanded", "false")


async def test_on_a_desktop_the_side_bar_is_open_and_collapses(page: Page, tenant_a: TenantHandle) -> None:
    await sign_in(page, tenant_a.owner.email)
    menu = page.get_by_test_id("menu-toggle")
    await expect(page.get_by_test_id("sidebar")).to_be_visible()
    await expect(menu).to_have_attribute("aria-expanded", "true")
    await menu.click()
    await expect(page.get_by_test_id("sidebar")).not_to_be_visible()
    await expect(menu).to_have_attribute("aria-expanded", "false")
