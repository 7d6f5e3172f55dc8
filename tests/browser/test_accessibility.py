"""Accessibility: axe-core finds no serious or critical violation on any main page (every entry
of the side bar, and an account, a ticket and a deal), in Chinese and in English."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from bizsuite.core.blueprints import apply_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.tenants.models import ModuleName
from bizsuite.settings import REPO_ROOT
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.a11y import axe_violations, describe
from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle
from tests.modules.crm.seed import seed

#: Lists whose first record page is checked too.
RECORD_LISTS = {
    "/crm/accounts": r"^/crm/accounts/[0-9a-f-]{36}$",
    "/crm/tickets": r"^/crm/tickets/[0-9a-f-]{36}$",
    "/crm/pipeline/opportunities": r"^/crm/pipeline/opportunities/[0-9a-f-]{36}$",
}


async def demo_data(engine: AsyncEngine, tenant: TenantHandle, live_server: str) -> None:
    """Give the tenant the demo blueprint's data (every module ships some) and a ticket."""
    source = (REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8")
    blueprint = parse_blueprint(source.replace('slug = "huaxin-group"', f'slug = "{tenant.tenant.slug}"', 1))
    async with make_sessionmaker(engine)() as session, session.begin():
        await apply_blueprint(session, blueprint, source="demo.toml")
    async with httpx.AsyncClient(timeout=60, base_url=live_server) as api:
        await seed(api, tenant.headers)


async def _main_pages(page: Page) -> list[str]:
    """Every page the side bar leads to, then the first record of each record list."""
    hrefs = await page.locator("aside nav a[href^='/']").evaluate_all(
        "(links) => links.map((a) => a.getAttribute('href'))"
    )
    pages = list(dict.fromkeys(h.split("?")[0] for h in hrefs))
    for listing, pattern in RECORD_LISTS.items():
        await page.goto(listing)
        links = await page.locator("main a[href]").evaluate_all(
            "(links) => links.map((a) => a.getAttribute('href'))"
        )
        record = next((h for h in links if re.match(pattern, h)), None)
        assert record is not None, f"no record link on {listing}"
        pages.append(record)
    return pages


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
async def test_no_serious_accessibility_violation_on_any_main_page(
    page: Page, live_server: str, make_tenant: Any, app_engine: AsyncEngine, locale: str
) -> None:
    tenant = await make_tenant(modules=[m.value for m in ModuleName])
    await demo_data(app_engine, tenant, live_server)
    await sign_in(page, tenant.owner.email)
    if locale == "en":
        await page.get_by_test_id("switch-language-en").click()
    await expect(page.locator("html")).to_have_attribute("lang", locale)
    pages = await _main_pages(page)
    assert {
        "/",
        "/crm",
        "/crm/accounts",
        "/crm/tickets",
        "/crm/pipeline",
        "/approvals",
        "/inbox",
        "/admin/audit",
    } <= set(pages)
    problems = []
    for path in pages:
        response = await page.goto(path)
        assert response is not None and response.ok, path
        await page.wait_for_load_state("load")
        if await page.locator("[data-chart], .chart").count():
            await expect(page.locator(".chart").first).to_have_attribute("data-rendered", "true")
        found = await axe_violations(page)
        if found:
            problems.append(describe(path, found))
    assert not problems, "\n".join(problems)
