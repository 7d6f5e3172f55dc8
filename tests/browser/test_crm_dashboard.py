"""The CRM overview in a real browser: its figures and its five ECharts charts render, in
Chinese and in English, and it is the first entry of the CRM section."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.browser.test_crm_pipeline import translated
from tests.conftest import TenantHandle
from tests.modules.crm.dashboard.conftest import seed


async def test_the_dashboard_renders_its_charts(
    page: Page, tenant_a: TenantHandle, app_engine: AsyncEngine, screenshot_dir: Path
) -> None:
    await seed(app_engine, tenant_a)
    await sign_in(page, tenant_a.owner.email)
    crm_links = page.locator("aside nav a[href^='/crm']")
    await expect(crm_links.first).to_have_attribute("href", "/crm")
    await crm_links.first.click()
    await page.wait_for_url("**/crm")
    await expect(page).to_have_title(f"{translated('CRM overview', 'zh-CN')} · BizSuite")
    charts = page.get_by_test_id("chart")
    await expect(charts).to_have_count(5)
    for index in range(5):
        await expect(charts.nth(index)).to_have_attribute("data-rendered", "true")
        await expect(charts.nth(index).locator("svg")).to_have_count(1)
    await expect(page.get_by_test_id("at-risk-revenue")).to_have_text("¥150,000.50")
    await expect(page.get_by_test_id("sla-policy-table")).to_contain_text("66.7%")
    await page.screenshot(path=str(screenshot_dir / "crm-dashboard.zh-CN.png"), full_page=True)

    await page.get_by_test_id("switch-language-en").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(page).to_have_title("CRM overview · BizSuite")
    await expect(page.get_by_test_id("chart").first).to_have_attribute("data-rendered", "true")
    await expect(page.get_by_test_id("chart").first).to_contain_text("Expected value")
