"""Contracts in a Chinese-speaking user's browser: register a contract through the form, submit
it for approval, and see a payment beyond the project's receipts refused with its figures (also
at 390 px wide); the list grouped by project with its subtotals and sorted by a header click, and
the contract's history in its chatter; a change order approved; and the whole flow from a
template: register (the maximum amount refused first) → approve → sign → receive → pay."""

from __future__ import annotations

import re

import httpx
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.contracts.conftest import BASE, active, approve_request, build, move, register
from tests.modules.contracts.test_contracts_templates import make_template, upload


async def test_register_submit_and_a_refused_payment(
    page: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    setup = await build(client, app_engine, tenant_a)
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/contracts")
    await page.click("[data-testid=new-contract]")
    form = page.locator("[data-testid=create-contract]")
    await form.locator("select[name=direction]").select_option("income")
    await form.locator("input[name=title]").fill("仓储中心机电安装合同")
    await form.locator("select[name=account_id]").select_option(setup.account)
    await form.locator("select[name=project_id]").select_option(setup.project)
    await form.locator("input[name=amount]").fill("1,200,000.00")
    await form.locator("button[type=submit]").click()
    await expect(page.locator("[data-testid=contract-status]")).to_have_text("草稿")
    await expect(page.locator("h1")).to_contain_text("HT-")
    await page.click("[data-testid=move-in_approval]")
    await expect(page.locator("[data-testid=contract-status]")).to_have_text("审批中")

    income = await active(client, setup, "income")
    spend = await active(client, setup, "expenditure")
    await post_ok(
        client, f"{BASE}/contracts/{income['id']}/receipts", {"amount": "1000000.00"}, setup.headers
    )
    await post_ok(client, f"{BASE}/contracts/{spend['id']}/payments", {"amount": "950000.00"}, setup.headers)
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(f"/contracts/{spend['id']}")
    await expect(page.locator("[data-testid=position-available]")).to_contain_text("50,000.00")
    record = page.locator("[data-testid=record-settlement]")
    await record.locator("input[name=amount]").fill("60000.00")
    await record.locator("[data-testid=record-payment]").click()
    error = page.locator("[data-testid=error-amount]")
    await expect(error).to_contain_text("以收定支")
    for figure in ("1,000,000.00", "950,000.00", "60,000.00", "10,000.00"):
        await expect(error).to_contain_text(figure)
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1


async def test_the_list_groups_and_sorts_and_the_chatter_shows_the_history(
    page: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    setup = await build(client, app_engine, tenant_a)
    small = await register(client, setup, "expenditure", "100.00", title="设备采购合同")
    await register(client, setup, "expenditure", "900.00", title="安装分包合同")
    submitted = await move(client, setup.clerk, small, "in_approval")
    assert submitted.status_code == 200, submitted.text
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/contracts?group=project")
    group = page.get_by_test_id("group-row")
    await expect(group).to_have_count(1)
    await expect(group).to_contain_text("P-1 华东仓储中心")
    await expect(group.get_by_test_id("group-sum-amount")).to_contain_text("1,000.00")

    await page.goto("/contracts")
    await page.get_by_test_id("sort-amount").click()
    await expect(page.locator("th[aria-sort=ascending]")).to_contain_text("金额")
    await expect(page.get_by_test_id("contract-row").first).to_contain_text("设备采购合同")

    await page.get_by_test_id("contract-row").first.locator("a").click()
    changes = page.get_by_test_id("tracked-change")
    await expect(changes.first).to_contain_text("状态")
    await expect(changes.first).to_contain_text("草稿 → 审批中")


async def test_a_change_order_proposed_on_the_page_and_approved_changes_the_amount(
    page: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    setup = await build(client, app_engine, tenant_a)
    contract = await active(client, setup, "expenditure", "1000000.00")
    await sign_in(page, tenant_a.owner.email)
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(f"/contracts/{contract['id']}")
    await page.get_by_text("提出变更/洽商").click()
    form = page.get_by_test_id("propose-change")
    await form.locator("input[name=proposer]").fill("项目经理 王磊")
    await form.locator("input[name=cost_impact]").fill("150,000.00")
    await form.locator("input[name=reason]").fill("业主要求增加消防喷淋")
    await form.locator("button[type=submit]").click()
    row = page.get_by_test_id("change-order")
    await expect(row).to_contain_text("审批中")

    await approve_request(
        client,
        setup,
        (await client.get(f"{BASE}/contracts/{contract['id']}/change-orders", headers=setup.headers)).json()[
            "items"
        ][0]["id"],
    )
    await page.reload()
    await expect(row).to_contain_text("¥1,000,000.00 → ¥1,150,000.00")
    await expect(page.get_by_test_id("tracked-change").first).to_contain_text("1000000.00 → 1150000.00")
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1


async def test_register_from_a_template_then_approve_sign_receive_and_pay(
    page: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    setup = await build(client, app_engine, tenant_a)
    await make_template(client, setup)
    quote = await upload(client, setup, "报价单.pdf")
    income = await active(client, setup, "income", "2000000.00")
    await sign_in(page, tenant_a.owner.email)

    # Register from the template: the maximum amount refuses first, naming the indicator.
    await page.goto("/contracts/templates")
    await page.get_by_test_id("template-row").get_by_role("link").click()
    form = page.get_by_test_id("register-from-template")
    await form.locator("input[name=title]").fill("二期机电安装分包")
    await form.locator("select[name=counterparty_id]").select_option(setup.supplier)
    await form.locator("select[name=project_id]").select_option(setup.project)
    await form.locator("input[name=amount]").fill("600,000.00")
    await form.locator("input[name='placeholders.site']").fill("苏州工业园区")
    await form.locator("select[name='attachment.0']").select_option(quote)
    await form.get_by_test_id("register").click()
    await expect(page.get_by_test_id("error-amount")).to_contain_text("最高金额")
    await expect(page.get_by_test_id("error-amount")).to_contain_text("100,000.00")
    form = page.get_by_test_id("register-from-template")
    await form.locator("input[name=amount]").fill("480,000.00")
    await form.get_by_test_id("register").click()
    await expect(page.get_by_test_id("contract-status")).to_have_text("草稿")
    await expect(page.get_by_test_id("contract-template")).to_contain_text("T-SUB")
    await expect(page.get_by_test_id("contract-document")).to_contain_text(".pdf")

    # Submit; the approver approves; sign it.
    await page.get_by_test_id("move-in_approval").click()
    await expect(page.get_by_test_id("contract-status")).to_have_text("审批中")
    found = re.search(r"/contracts/([0-9a-f-]{36})", page.url)
    assert found is not None, page.url
    contract_id = found.group(1)
    await approve_request(client, setup, contract_id)
    await page.reload()
    await expect(page.get_by_test_id("contract-status")).to_have_text("已同意")
    await page.get_by_test_id("move-active").click()
    await expect(page.get_by_test_id("contract-status")).to_have_text("履行中(已签订)")

    # Receive on the income contract, then pay within what was received.
    await page.goto(f"/contracts/{income['id']}")
    record = page.get_by_test_id("record-settlement")
    await record.locator("input[name=amount]").fill("500,000.00")
    await record.get_by_test_id("record-receipt").click()
    await expect(page.get_by_test_id("settlement-status").first).to_have_text("已登记")
    await page.goto(f"/contracts/{contract_id}")
    await expect(page.get_by_test_id("position-available")).to_contain_text("500,000.00")
    record = page.get_by_test_id("record-settlement")
    await record.locator("input[name=amount]").fill("480,000.00")
    await record.get_by_test_id("record-payment").click()
    await expect(page.get_by_test_id("settlement-status").first).to_have_text("已登记")
    await expect(page.get_by_test_id("contract-settled")).to_contain_text("480,000.00")
