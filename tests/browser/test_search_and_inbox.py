"""The search palette and the inbox in a real browser (zh-CN): Ctrl+K finds 明辉 by a fragment and
opens the account with the keyboard; a churn alert reads in Chinese and opens on its account;
ticked alerts are marked read and the unread count follows."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle
from tests.core.alerts.test_alerts_links import MINGHUI, churn_alert, raise_plain
from tests.modules.crm.conftest import make_account


async def test_ctrl_k_finds_minghui_by_a_fragment_and_opens_the_account_with_the_keyboard(
    page: Page, app_engine: AsyncEngine, tenant_a: TenantHandle, screenshot_dir: Path
) -> None:
    account = await make_account(app_engine, tenant_a, MINGHUI, code="SH-001")
    await make_account(app_engine, tenant_a, "杭州远景科技有限公司", code="HZ-002")
    await sign_in(page, tenant_a.owner.email)

    palette = page.get_by_test_id("palette")
    field = page.get_by_test_id("palette-input")
    # "/" opens it too, and Esc closes it with the focus back where it was.
    await page.locator("body").press("/")
    await expect(palette).to_be_visible()
    await expect(field).to_be_focused()
    await page.keyboard.press("Escape")
    await expect(palette).to_be_hidden()

    await page.keyboard.press("Control+k")
    await expect(palette).to_be_visible()
    await expect(field).to_be_focused()
    answers: list[str] = []  # what the server said, for the failure message (a CI run once showed none)
    page.on(
        "response", lambda r: answers.append(f"{r.status} {r.url}") if "/search/palette" in r.url else None
    )
    page.on(
        "requestfailed", lambda r: answers.append(f"failed {r.url}") if "/search/palette" in r.url else None
    )
    await page.keyboard.type("明辉")
    option = page.get_by_test_id("palette-option")
    try:
        await expect(option).to_have_count(1)
    except AssertionError as error:
        state = await palette.get_attribute("data-state")
        typed = await field.input_value()
        listed = await page.get_by_test_id("palette-results").inner_html()
        raise AssertionError(
            f"{error}\nstate={state} typed={typed!r} answers={answers} list={listed[:500]!r}"
        ) from None
    await expect(option.first).to_contain_text(MINGHUI)
    await expect(option.first.locator("mark")).to_have_text("明辉")
    await expect(field).to_have_attribute("aria-expanded", "true")
    await expect(option.first).to_have_attribute("aria-selected", "true")
    await expect(page.get_by_test_id("palette-group-crm.accounts")).to_contain_text("客户")
    await page.screenshot(path=str(screenshot_dir / "search-palette.zh-CN.png"))
    # Down moves to "see all results", up comes back; Enter opens the chosen account.
    await page.keyboard.press("ArrowDown")
    await expect(page.get_by_test_id("palette-see-all")).to_have_attribute("aria-selected", "true")
    await page.keyboard.press("ArrowUp")
    await expect(option.first).to_have_attribute("aria-selected", "true")
    await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile(rf"/crm/accounts/{account}$"))
    await expect(page.locator("h1")).to_contain_text(MINGHUI)


async def test_see_all_results_lists_each_kind_with_counts(
    page: Page, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_account(app_engine, tenant_a, MINGHUI, code="SH-001")
    await sign_in(page, tenant_a.owner.email)
    await page.keyboard.press("Control+k")
    await page.keyboard.type("明辉")
    await expect(page.get_by_test_id("palette-option")).to_have_count(1)
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile(r"/search\?q="))
    await expect(page.get_by_test_id("search-count-crm.accounts")).to_have_text("1 条结果")
    await expect(page.get_by_test_id("search-hit").locator("mark")).to_have_text("明辉")


async def test_a_churn_alert_reads_in_chinese_and_opens_on_its_account(
    page: Page,
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    tenant_a: TenantHandle,
    screenshot_dir: Path,
) -> None:
    account = await churn_alert(client, app_engine, tenant_a)
    await sign_in(page, tenant_a.owner.email)
    await expect(page.get_by_test_id("unread-count")).to_have_text("1")
    await page.get_by_test_id("inbox-link").click()
    item = page.get_by_test_id("inbox-item")
    await expect(item).to_have_count(1)
    await expect(item.get_by_test_id("alert-kind")).to_have_text("流失风险")
    opener = item.get_by_test_id("open-alert")
    await expect(opener).to_contain_text(f"客户流失预警：{MINGHUI} 收入连续")
    await expect(item).not_to_contain_text("crm.churn_risk")
    # Not inbox.zh-CN.png: the user guide's inbox picture is test_services_ui.py's.
    await page.screenshot(path=str(screenshot_dir / "inbox-alerts.zh-CN.png"), full_page=True)
    await opener.click()
    await expect(page).to_have_url(re.compile(rf"/crm/accounts/{account}$"))
    await expect(page.locator("h1")).to_contain_text(MINGHUI)
    await expect(page.get_by_test_id("unread-count")).to_have_count(0)
    await page.goto("/inbox")
    await expect(page.get_by_test_id("inbox-item")).to_have_attribute("data-state", "read")


async def test_ticked_alerts_are_marked_read_and_the_count_follows(
    page: Page, client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    for n in range(3):
        await raise_plain(client, tenant_a, n)
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/inbox")
    boxes = page.get_by_test_id("select-item")
    await expect(boxes).to_have_count(3)
    await boxes.nth(0).check()
    await boxes.nth(2).check()
    await page.get_by_test_id("mark-selected-read").click()
    await expect(page.get_by_test_id("toast")).to_have_text("所选预警已标记为已读。")
    await expect(page.get_by_test_id("unread-summary")).to_have_text("1 条未读预警")
    await expect(page.get_by_test_id("unread-count")).to_have_text("1")
    states = page.get_by_test_id("inbox-item")
    await expect(states.nth(0)).to_have_attribute("data-state", "read")
    await expect(states.nth(1)).to_have_attribute("data-state", "unread")
    await expect(states.nth(2)).to_have_attribute("data-state", "read")
    await page.get_by_test_id("mark-all-read").click()
    await expect(page.get_by_test_id("unread-summary")).to_have_text("没有未读预警。")
    await expect(page.get_by_test_id("unread-count")).to_have_count(0)
