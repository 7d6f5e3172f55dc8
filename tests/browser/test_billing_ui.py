"""The billing page in the browser (zh-CN): an overdue tenant sees the read-only banner, its
plan and invoices, changes seats, downloads an invoice, and a module outside the plan is refused."""

from __future__ import annotations

import httpx
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle
from tests.core.billing.conftest import OPERATOR, unique_code
from tests.core.billing.test_billing_entitlements import make_sandbox


async def test_an_overdue_tenant_reads_the_banner_changes_seats_and_downloads_an_invoice(
    page: Page, live_server: str, tenant_a: TenantHandle, owner_engine: AsyncEngine
) -> None:
    await make_sandbox(owner_engine, tenant_a)
    code = unique_code("ui")
    async with httpx.AsyncClient(timeout=60, base_url=live_server) as api:
        created = await api.post(
            "/api/v1/billing/plans",
            json={
                "code": code,
                "name": "协作版",
                "modules": ["crm"],
                "price_month": "99.00",
                "price_year": "990.00",
                "seats": 10,
            },
            headers=OPERATOR,
        )
        assert created.status_code == 201, created.text
        base = f"/api/v1/billing/tenants/{tenant_a.id}/subscription"
        assert (
            await api.put(base, json={"plan": code, "trial": False, "seats": 2}, headers=OPERATOR)
        ).status_code == 200
        assert (
            await api.post(f"{base}/status", json={"status": "past_due"}, headers=OPERATOR)
        ).status_code == 200
        advanced = await api.post("/api/v1/sandbox/clock/advance", json={"days": 8}, headers=tenant_a.headers)
        assert advanced.status_code == 200

    await sign_in(page, tenant_a.owner.email)
    await expect(page.get_by_test_id("billing-banner")).to_contain_text("只读")
    await page.get_by_test_id("billing-banner").get_by_role("link").click()
    await page.wait_for_url("**/admin/billing")
    await expect(page.get_by_test_id("phase")).to_have_text("付款前只读")
    await expect(page.get_by_test_id("subscription")).to_contain_text("协作版")

    await page.fill("#f-seats", "3")
    await page.get_by_test_id("seats-form").get_by_role("button").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("席位已调整")
    await expect(page.locator("#f-seats")).to_have_value("3")

    async with page.expect_download() as download:
        await page.get_by_test_id("invoices").get_by_role("link").first.click()
    assert (await download.value).suggested_filename.startswith("INV-")

    refused = await page.goto("/contracts")
    assert refused is not None and refused.status == 403
