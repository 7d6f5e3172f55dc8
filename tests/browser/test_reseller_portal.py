"""The reseller portal in the browser, in English: a reseller user signs in, provisions a tenant
from a blueprint on a trial plan, finds it in the list with its usage and margin, suspends and
resumes it (each after a confirmation step); then switches to 简体中文, reads the list in it, and
axe-core finds no serious accessibility violation on the portal's pages."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from playwright.async_api import Browser, BrowserContext, Page, expect

from tests.browser.a11y import axe_violations, describe
from tests.browser.conftest import watched_context
from tests.conftest import PASSWORD
from tests.core.resellers.conftest import OPERATOR


@pytest.fixture
async def english(browser: Browser, live_server: str) -> AsyncIterator[BrowserContext]:
    """A browser that asks for English (the portal follows it until the user picks a language)."""
    async with watched_context(browser, live_server, locale="en-US") as ctx:
        yield ctx


async def partner_with_plan(live_server: str) -> tuple[str, str]:
    """A reseller with a portal user (its email) and a plan with a trial to sell (its code)."""
    suffix = uuid.uuid4().hex[:8]
    async with httpx.AsyncClient(timeout=60, base_url=live_server, headers=OPERATOR) as api:
        reseller = await api.post(
            "/api/v1/resellers", json={"slug": f"partner-{suffix}", "name": "Northwind Partners"}
        )
        assert reseller.status_code == 201, reseller.text
        email = f"seller-{suffix}@northwind.example"
        user = await api.post(
            f"/api/v1/resellers/{reseller.json()['id']}/users",
            json={"email": email, "name": "Nora Seller", "password": PASSWORD},
        )
        assert user.status_code == 201, user.text
        plan = await api.post(
            "/api/v1/billing/plans",
            json={
                "code": f"team-{suffix}",
                "name": "Team CRM",
                "modules": ["crm"],
                "price_month": "120.00",
                "price_year": "1200.00",
                "wholesale_price_month": "80.00",
                "trial_days": 14,
                "seats": 20,
            },
        )
        assert plan.status_code == 201, plan.text
    return email, f"team-{suffix}"


async def test_a_reseller_provisions_on_a_trial_then_suspends_and_resumes_the_tenant(
    english: BrowserContext, live_server: str
) -> None:
    email, plan = await partner_with_plan(live_server)
    page: Page = await english.new_page()

    await page.goto("/reseller")
    await page.wait_for_url("**/reseller/login?next=/reseller")
    await expect(page.locator("h1")).to_have_text("Sign in to the reseller portal")
    await page.fill("#f-email", email)
    await page.fill("#f-password", PASSWORD)
    await page.click("[data-testid=sign-in]")
    await page.wait_for_url("**/reseller")
    await expect(page.get_by_test_id("reseller-name")).to_contain_text("Northwind Partners")

    await page.get_by_test_id("provision-link").click()
    await page.wait_for_url("**/reseller/tenants/new")
    slug = f"acme-{uuid.uuid4().hex[:6]}"
    await page.select_option("#f-blueprint", "demo-sandbox")
    await page.fill("#f-slug", slug)
    await page.fill("#f-name", "Acme Trading")
    await page.select_option("#f-plan", plan)
    await page.fill("#f-seats", "3")
    await page.fill("#f-owner_email", f"boss@{slug}.example")
    await expect(page.locator("#f-trial")).to_be_checked()
    await page.get_by_test_id("provision").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("Tenant created")
    await expect(page.get_by_test_id("phase")).to_have_text("Trial")
    await expect(page.get_by_test_id("seats")).to_have_text("1 / 3")  # the owner's invitation holds a seat

    await page.get_by_role("link", name="Tenants", exact=True).first.click()
    await page.wait_for_url("**/reseller")
    row = page.get_by_test_id(f"tenant-{slug}")
    await expect(row).to_contain_text("Acme Trading")
    await expect(row.get_by_test_id("phase")).to_have_text("Trial")
    await expect(row.get_by_test_id("margin")).to_contain_text("(120.00 − 80.00) × 3 = 120.00")

    await row.get_by_role("link", name=slug).click()
    await page.get_by_test_id("suspend-link").click()
    await expect(page.get_by_test_id("confirm-suspend")).to_contain_text("Suspend Acme Trading?")
    await page.get_by_test_id("confirm").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("Tenant suspended")
    await expect(page.get_by_test_id("account").get_by_test_id("status")).to_have_text("Suspended")

    await page.get_by_test_id("resume-link").click()
    await expect(page.get_by_test_id("confirm-resume")).to_be_visible()
    await page.get_by_test_id("confirm").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("Tenant resumed")
    await expect(page.get_by_test_id("account").get_by_test_id("status")).to_have_text("Active")

    # The same list in 简体中文, chosen in the side bar (and kept on the reseller user).
    await page.get_by_test_id("switch-language-zh-CN").click()
    await page.goto("/reseller")
    await expect(page.locator("h1")).to_have_text("您的租户")
    await expect(page.get_by_test_id(f"tenant-{slug}").get_by_test_id("phase")).to_have_text("试用")
    await expect(page.get_by_test_id(f"tenant-{slug}").get_by_test_id("status")).to_have_text("有效")

    tenant_page = await page.get_by_test_id(f"tenant-{slug}").get_by_role("link").get_attribute("href")
    problems = []
    for path in (
        "/reseller",
        tenant_page,
        f"{tenant_page}/suspend",
        "/reseller/tenants/new",
        "/reseller/plans",
    ):
        assert path is not None
        response = await page.goto(path)
        assert response is not None and response.ok, path
        if found := await axe_violations(page):
            problems.append(describe(path, found))
    assert not problems, "\n".join(problems)

    await page.get_by_test_id("sign-out").click()
    await page.wait_for_url("**/reseller/login*")
    await expect(page.locator("h1")).to_have_text("登录经销商门户")
