"""Fee billing in a Chinese-speaking user's browser: the quarterly cycle (reconcile, each side by
its own people: HQ, then the subsidiary's clerk; generate, read why the line is that number,
submit, approve, issue, record a payment) and the year-end settlement (a band rate outside
refused on the form, naming the band; one inside settles)."""

from __future__ import annotations

import re

import httpx
from bizsuite.core.identity import security
from playwright.async_api import Page, expect
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.conftest import PASSWORD, TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.fees.conftest import BASE, approve, build, customs, reconcile


async def test_the_quarterly_cycle_and_the_year_end_settlement(
    page: Page,
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    owner_engine: AsyncEngine,
    make_tenant: object,
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    g = await build(client, app_engine, tenant)
    await customs(client, g, g.trade, "2026-01-15", "10000000.00")
    await customs(client, g, g.trade, "2026-03-31", "2345678.90", "import")
    await sign_in(page, tenant.owner.email)

    # Reconcile: HQ opens the quarter and confirms HQ's side; the subsidiary's side is not HQ's to
    # confirm (no button), so the trading subsidiary's own clerk signs in and confirms it.
    await page.goto("/fees/reconciliations")
    form = page.get_by_test_id("open-reconciliation")
    await form.locator("select[name=org_unit_id]").select_option(g.trade)
    await form.locator("input[name=year]").fill("2026")
    await form.locator("select[name=quarter]").select_option("1")
    await form.locator("button[type=submit]").click()
    row = page.get_by_test_id("reconciliation-row")
    await expect(row).to_contain_text("12345678.90")
    await expect(row.get_by_test_id("confirm-subsidiary")).to_have_count(0)
    await row.get_by_test_id("confirm-hq").locator("button").click()
    await expect(page.get_by_test_id("reconciliation-row").get_by_test_id("confirm-hq")).to_have_count(0)
    async with owner_engine.begin() as connection:
        await connection.execute(
            text("UPDATE users SET password_hash = :h WHERE id = :u"),
            {"h": await security.hash_password(PASSWORD), "u": g.trade_staff.user_id},
        )
    await page.context.clear_cookies()
    await sign_in(page, g.trade_staff.email)
    await page.goto("/fees/reconciliations")
    row = page.get_by_test_id("reconciliation-row")
    await expect(row.get_by_test_id("confirm-hq")).to_have_count(0)
    await row.get_by_test_id("confirm-subsidiary").locator("button").click()
    # Both confirmations are saved: the row says 已确认 (confirmed) and names the clerk.
    await expect(
        page.get_by_test_id("reconciliation-row").get_by_test_id("confirm-subsidiary")
    ).to_have_count(0)
    await expect(page.get_by_test_id("reconciliation-row")).to_contain_text("已确认")
    await expect(page.get_by_test_id("reconciliation-row")).to_contain_text("trade")
    await page.context.clear_cookies()
    await sign_in(page, tenant.owner.email)

    # Generate and read why.
    await page.goto("/fees/statements")
    form = page.get_by_test_id("generate-statement")
    await form.locator("select[name=org_unit_id]").select_option(g.trade)
    await form.locator("input[name=year]").fill("2026")
    await form.locator("select[name=quarter]").select_option("1")
    await form.locator("button[type=submit]").click()
    await expect(page.get_by_test_id("statement-total")).to_contain_text("86419.75")
    why = page.get_by_test_id("line-why").first
    await why.locator("summary").click()
    await expect(why).to_contain_text("12,345,678.90 USD ÷ 100 × 0.70 CNY = 86,419.75 CNY")
    await expect(why).to_contain_text("来源记录 (2)")
    await expect(why).to_contain_text("进口海关数据")

    # Submit, approve (the general manager, through the API), issue, record a payment.
    await page.get_by_test_id("submit-statement").locator("button").click()
    await expect(page.get_by_test_id("statement-status")).to_contain_text("审批中")
    found = re.search(r"/fees/statements/([0-9a-f-]{36})", page.url)
    assert found is not None
    statement_id = found.group(1)
    await approve(client, g, statement_id)
    await page.reload()
    await page.get_by_test_id("issue-statement").locator("button").click()
    await expect(page.get_by_test_id("statement-status")).to_contain_text("已开具")
    pay = page.get_by_test_id("record-payment")
    await pay.locator("input[name=amount]").fill("50,000.00")
    await pay.locator("button[type=submit]").click()
    await expect(page.get_by_test_id("statement-outstanding")).to_have_text("36419.75")

    # Year end: a rate outside the band is refused on the form; one inside settles the year.
    await customs(client, g, g.retail, "2026-11-30", "40000000.00")
    await reconcile(client, g, g.retail, 2026, 4, g.retail_staff)
    await page.goto("/fees/statements")
    form = page.get_by_test_id("generate-statement")
    await form.locator("select[name=org_unit_id]").select_option(g.retail)
    await form.locator("input[name=year]").fill("2026")
    await form.locator("select[name=quarter]").select_option("4")
    await form.locator("input[name=settlement_rate]").fill("0.30")
    await form.locator("button[type=submit]").click()
    await expect(page.get_by_test_id("error-settlement_rate")).to_contain_text("0.10–0.25")
    form = page.get_by_test_id("generate-statement")
    await form.locator("input[name=settlement_rate]").fill("0.20")
    await form.locator("button[type=submit]").click()
    await expect(page.get_by_test_id("statement-lines")).to_contain_text("年度总体结算")
    await expect(page.get_by_test_id("statement-total")).to_contain_text("80000.00")
    listed = await post_ok(
        client, f"{BASE}/reconciliations", {"org_unit_id": g.retail, "year": 2026, "quarter": 3}, g.headers
    )
    assert listed["status"] == "open"


async def test_a_new_schedule_version_and_the_report_chart_on_a_phone(
    page: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: object
) -> None:
    """At 390 px: a new schedule version whose band is upside down is refused next to the field,
    then added (the older version kept); the report's chart draws."""
    tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    g = await build(client, app_engine, tenant)
    await page.set_viewport_size({"width": 390, "height": 844})
    await sign_in(page, tenant.owner.email)
    await page.goto("/fees/schedules/new")
    form = page.get_by_test_id("schedule-form")
    await form.locator("input[name=effective_from]").fill("2027-01-01")
    await form.locator('input[name="components[1].band_low"]').fill("0.30")
    await form.locator('input[name="components[1].band_high"]').fill("0.10")
    await form.get_by_test_id("save-schedule").click()
    await expect(page.get_by_test_id("error-components[1].band_high")).to_be_visible()
    await page.get_by_test_id("schedule-form").locator('input[name="components[1].band_high"]').fill("0.30")
    await page.get_by_test_id("schedule-form").locator('input[name="components[1].band_low"]').fill("0.10")
    await page.get_by_test_id("schedule-form").get_by_test_id("save-schedule").click()
    await expect(page.get_by_test_id("schedule-in-use")).to_have_count(0)
    await expect(page).to_have_url(re.compile(r"/fees/schedules/[0-9a-f-]{36}(\?notice=.*)?$"))
    await page.goto("/fees/schedules")
    await expect(page.get_by_test_id("schedule")).to_have_count(2)
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390
    await customs(client, g, g.trade, "2026-02-01", "12345678.90")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    from tests.modules.fees.conftest import issued

    await issued(client, g, {"org_unit_id": g.trade, "year": 2026, "quarter": 1})
    await page.goto("/fees/reports?year=2026")
    await expect(page.get_by_test_id("fees-chart")).to_have_attribute("data-rendered", "true")
    await expect(page.get_by_test_id("export-fees-xlsx")).to_be_visible()
