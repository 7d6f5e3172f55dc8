"""Budgets in a Chinese-speaking user's browser: enter forecast sales, start next year's plan for
a store, compile it by ratio and submit it; once the general manager approves it, file an expense
within the budget and one beyond it (soft control: the special over-budget approval), take an
advance and settle it with a reimbursement, and read the line's figures."""

from __future__ import annotations

import re

import httpx
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.modules.budgets.conftest import YEAR, MakeTenant, approve_through, build, request_of, set_mode


async def test_compile_approve_spend_over_budget_and_reimburse_an_advance(
    page: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: MakeTenant
) -> None:
    s = await build(client, app_engine, await make_tenant(modules=["budgets"]))
    await set_mode(client, s, "UTILITIES", "soft")
    await sign_in(page, s.tenant.owner.email)
    await page.goto("/budgets")
    forecast = page.get_by_test_id("set-forecast")
    await forecast.locator("select[name=org_unit_id]").select_option(s.units["SH"])
    await forecast.locator("input[name=period]").fill(f"{YEAR}-01")
    await forecast.locator("input[name=amount]").fill("10,000,000.00")
    await forecast.locator("button[type=submit]").click()
    await page.wait_for_url(re.compile("notice=budgets.forecast.saved"))
    plan = page.get_by_test_id("create-plan")
    await plan.locator("input[name=title]").fill("上海店 2027 年度费用预算")
    await plan.locator("select[name=org_unit_id]").select_option(s.units["SH"])
    await plan.locator("button[type=submit]").click()
    await expect(page.get_by_test_id("plan-status")).to_have_text("草稿")
    await page.get_by_test_id("compile-plan").click()
    await expect(page.get_by_test_id("lines-table")).to_contain_text(
        "forecast sales 10,000,000.00 × 6.5% = 650,000.00"
    )
    await expect(page.get_by_test_id("plan-total")).to_contain_text("2,860,000.00")
    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_test_id("submit-plan").click()
    await expect(page.get_by_test_id("plan-status")).to_have_text("审批中")

    plan_id = page.url.split("?")[0].rstrip("/").rsplit("/", 1)[1]
    await approve_through(client, s, plan_id)
    await page.reload()
    await expect(page.get_by_test_id("plan-status")).to_have_text("已同意")
    await page.get_by_role("link", name=re.compile("UTILITIES")).click()
    await expect(page.get_by_test_id("figure-budget")).to_contain_text("70,000.00")

    async def file(kind: str, title: str, amount: str, advance: str | None = None) -> None:
        form = page.get_by_test_id("file-expense")
        await form.locator("select[name=kind]").select_option(kind)
        await form.locator("input[name=title]").fill(title)
        await form.locator("input[name=amount]").fill(amount)
        if advance is not None:
            await form.locator("select[name=advance_id]").select_option(label=f"{advance} (5000.00)")
        await form.locator("button[type=submit]").click()
        await expect(page.get_by_test_id("expense-amount")).to_be_visible()

    line_url = page.url.split("?")[0]
    await file("request", "一月水电费", "60,000.00")
    await expect(page.get_by_test_id("check-outcome")).to_have_text("预算内")
    await page.goto(line_url)
    await file("request", "空调电费超支", "10,000.01")
    await expect(page.get_by_test_id("check-outcome")).to_have_text("超预算：特殊费用审批")
    await expect(page.get_by_test_id("check-shortfall")).to_contain_text("0.01")
    over_id = page.url.split("?")[0].rsplit("/", 1)[1]
    special = await request_of(client, s, over_id)
    assert special["category"] == "over_budget"
    await approve_through(client, s, over_id)

    # An advance for next month's meter deposit, then its reimbursement.
    await set_mode(client, s, "UTILITIES", "off")
    await page.goto(line_url)
    await file("advance", "电表押金借款", "5,000.00")
    advance_id = page.url.split("?")[0].rsplit("/", 1)[1]
    await approve_through(client, s, advance_id)
    await page.reload()
    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_test_id("pay-expense").click()
    await expect(page.get_by_test_id("expense-status")).to_have_text("已支付")
    await page.goto(line_url)
    # 10,000.01 approved over budget + the advance paid out.
    await expect(page.get_by_test_id("figure-committed")).to_contain_text("15,000.01")
    await file("reimbursement", "电表押金报销", "4,800.00", advance="电表押金借款")
    reimbursement_id = page.url.split("?")[0].rsplit("/", 1)[1]
    await approve_through(client, s, reimbursement_id)
    await page.reload()
    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_test_id("pay-expense").click()
    await expect(page.get_by_test_id("expense-status")).to_have_text("已支付")
    await page.goto(line_url)
    await expect(page.get_by_test_id("figure-actual")).to_contain_text("4,800.00")
    # The advance is settled: its commitment is the reimbursement's actual now.
    await expect(page.get_by_test_id("figure-committed")).to_contain_text("10,000.01")
    await expect(page.get_by_test_id("figure-pending")).to_contain_text("60,000.00")
    await page.goto(f"/budgets/analysis?fiscal_year={YEAR}&group_by=category")
    await expect(page.get_by_test_id("analysis-chart")).to_have_attribute("data-rendered", "true")
    utilities = page.get_by_test_id("analysis-row").filter(has_text="UTILITIES")
    await expect(utilities).to_contain_text("-¥4,800.01")  # 70,000 − (60,000 + 10,000.01 + 4,800): over
    await expect(utilities).to_contain_text("106.86")
