"""Charts load the tree-shaken ECharts bundle (never the full one) and click through to the
records they summarise: a key account's bar opens the account, a pipeline stage's bar its deals."""

from __future__ import annotations

import re
from typing import Any

from bizsuite.core.tenants.models import ModuleName
from playwright.async_api import Page, Request, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import demo_data


async def _click_bar(page: Page, selector: str, series: int = 0) -> None:
    """Click the middle of the chart's tallest bar, where a person would."""
    point = await page.locator(selector).evaluate(
        """(el, series) => {
            const chart = echarts.getInstanceByDom(el);
            const values = chart.getOption().series[series].data.map((d) => Number(d.value ?? d));
            const index = values.indexOf(Math.max(...values));
            const bar = chart.getModel().getSeriesByIndex(series).getData().getItemLayout(index);
            const [x, y] = [bar.x + bar.width / 2, bar.y + bar.height / 2];
            const box = el.getBoundingClientRect();
            return [box.left + x, box.top + y];
        }""",
        series,
    )
    await page.mouse.click(point[0], point[1])


async def test_charts_use_the_small_bundle_and_click_through(
    page: Page, live_server: str, make_tenant: Any, app_engine: AsyncEngine
) -> None:
    tenant = await make_tenant(modules=[m.value for m in ModuleName])
    await demo_data(app_engine, tenant, live_server)
    scripts: list[str] = []

    def seen(request: Request) -> None:
        if "echarts" in request.url:
            scripts.append(request.url.split("/", 3)[3])

    page.on("request", seen)
    await sign_in(page, tenant.owner.email)

    await page.goto("/crm/key-accounts")
    chart = page.locator("#pareto-chart")
    await expect(chart).to_have_attribute("data-rendered", "true")
    first = await page.locator("main table tbody tr a[href^='/crm/accounts/']").first.get_attribute("href")
    await _click_bar(page, "#pareto-chart")
    await page.wait_for_url(f"**{first}")

    await page.goto("/crm")
    await expect(page.locator("#chart-pipeline")).to_have_attribute("data-rendered", "true")
    await _click_bar(page, "#chart-pipeline")
    await page.wait_for_url(re.compile(r"/crm/pipeline/opportunities\?stage_id=[0-9a-f-]{36}$"))

    assert scripts and set(scripts) == {"static/build/echarts.min.js"}
