"""The pipeline board in a real browser: drag a card to another stage and find it there after a
reload; a lost column asks for the reason; a stale card shows a toast and its column reloads;
the page title in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from bizsuite.web import i18n
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle
from tests.modules.crm.conftest import make_account


def translated(message: str, locale: str) -> str:
    """The catalog's translation of a message (English until the zh-CN entry is merged)."""
    i18n.activate(locale, "Asia/Shanghai")
    try:
        return i18n.gettext(message)
    finally:
        i18n.activate(i18n.DEFAULT_LOCALE, "Asia/Shanghai")


async def _opportunity(api: httpx.AsyncClient, account: Any, name: str, amount: str) -> dict[str, Any]:
    response = await api.post(
        "/api/v1/crm/opportunities",
        json={"account_id": str(account), "name": name, "amount": amount, "expected_close": "2027-01-20"},
    )
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def column(page: Page, stage_name: str) -> Any:
    return page.locator(f'[data-testid=stage-column][data-stage-name="{stage_name}"]')


def card(page: Page, name: str) -> Any:
    return page.locator(f'[data-testid=opportunity-card][data-name="{name}"]')


async def test_drag_a_card_to_another_stage_and_it_stays_there(
    page: Page, live_server: str, tenant_a: TenantHandle, app_engine: AsyncEngine, screenshot_dir: Path
) -> None:
    account = await make_account(app_engine, tenant_a, name="杭州西湖物业")
    async with httpx.AsyncClient(timeout=60, base_url=live_server, headers=tenant_a.headers) as api:
        hvac = await _opportunity(api, account, "中央空调改造", "880000.00")
        await _opportunity(api, account, "电梯维保三年", "360000.00")
        await _opportunity(api, account, "门禁系统升级", "120000.00")

        await sign_in(page, tenant_a.owner.email)
        await page.goto("/crm/pipeline")
        await expect(page).to_have_title(f"{translated('Pipeline', 'zh-CN')} · BizSuite")
        await expect(page.get_by_test_id("stage-column")).to_have_count(6)
        await expect(column(page, "线索").get_by_test_id("opportunity-card")).to_have_count(3)
        await expect(card(page, "中央空调改造")).to_contain_text("杭州西湖物业")

        # Drag to "商务谈判": the card moves and the move is stored.
        await card(page, "中央空调改造").drag_to(column(page, "商务谈判"))
        await expect(column(page, "商务谈判").get_by_test_id("opportunity-card")).to_have_count(1)
        await expect(column(page, "商务谈判")).to_contain_text("中央空调改造")
        await expect(column(page, "线索").get_by_test_id("column-count")).to_have_text("2")
        await page.screenshot(path=str(screenshot_dir / "crm-pipeline-board.zh-CN.png"), full_page=True)
        await page.reload()
        await expect(column(page, "商务谈判")).to_contain_text("中央空调改造")
        stored = (await api.get(f"/api/v1/crm/opportunities/{hvac['id']}")).json()
        assert stored["stage_name"] == "商务谈判" and stored["expected_value"] == "660000.00"

        # Dropping on the lost column asks for the reason; none given, nothing moves.
        await card(page, "电梯维保三年").drag_to(column(page, "输单"))
        dialog = page.get_by_test_id("lost-dialog")
        await expect(dialog).to_be_visible()
        await page.get_by_test_id("lost-confirm").click()
        await expect(page.get_by_test_id("error-reason")).to_be_visible()
        await page.fill("#lost-reason", "客户选择了原厂维保")
        await page.get_by_test_id("lost-confirm").click()
        await expect(dialog).to_be_hidden()
        await expect(column(page, "输单")).to_contain_text("电梯维保三年")
        lost = (await api.get("/api/v1/crm/opportunities", params={"status": "lost"})).json()["items"]
        assert [(o["name"], o["close_reason"]) for o in lost] == [("电梯维保三年", "客户选择了原厂维保")]

        # Someone else changes a card meanwhile: the drop is refused with a toast and the column reloads.
        gate = next(
            o
            for o in (await api.get("/api/v1/crm/opportunities")).json()["items"]
            if o["name"] == "门禁系统升级"
        )
        changed = await api.patch(
            f"/api/v1/crm/opportunities/{gate['id']}", json={"amount": "150000.00"}, headers={"If-Match": "1"}
        )
        assert changed.status_code == 200
        await card(page, "门禁系统升级").drag_to(column(page, "赢单"))
        await expect(page.get_by_test_id("toast").last).to_be_visible()
        await expect(column(page, "线索")).to_contain_text("150,000.00")
        await expect(card(page, "门禁系统升级")).to_have_attribute("data-version", "2")
        assert (await api.get(f"/api/v1/crm/opportunities/{gate['id']}")).json()["status"] == "open"

        # The opportunity's page and the stage admin page.
        await card(page, "中央空调改造").get_by_role("link", name="中央空调改造").click()
        await expect(page.get_by_test_id("current-stage")).to_have_text("商务谈判")
        await expect(page.get_by_test_id("expected-value")).to_contain_text("660,000.00")
        await page.screenshot(path=str(screenshot_dir / "crm-opportunity.zh-CN.png"), full_page=True)
        await page.goto("/crm/pipeline/stages")
        await expect(page.get_by_test_id("stage-row")).to_have_count(6)
        await page.screenshot(path=str(screenshot_dir / "crm-pipeline-stages.zh-CN.png"), full_page=True)
        await page.goto("/crm/pipeline")

    # The same board in English.
    await page.get_by_test_id("switch-language-en").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(page).to_have_title("Pipeline · BizSuite")
    await expect(column(page, "商务谈判")).to_contain_text("中央空调改造")
