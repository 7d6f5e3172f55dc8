"""Service tickets in the browser: open a ticket, follow its SLA milestone chain, reach one, pause
the clock, see a breach once time has moved on, close a complaint with the customer's
satisfaction, and the admin's SLA policies. Checked through test ids (the zh-CN entries arrive
with the catalog merge)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from bizsuite.modules.crm.tickets import services
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle
from tests.core.jobs.helpers import tenant_tx
from tests.modules.crm.conftest import make_account
from tests.modules.crm.tickets.conftest import HOTLINE_1234, create_policy


async def test_open_a_ticket_follow_its_sla_chain_and_see_a_breach(
    page: Page,
    client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    tenant_b: TenantHandle,
    app_engine: AsyncEngine,
    screenshot_dir: Path,
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    account = await make_account(app_engine, tenant_a, name="上海浦东物业")
    other_account = await make_account(app_engine, tenant_b, name="别家客户")
    await sign_in(page, tenant_a.owner.email)

    # The navigation leads to the tickets; a new ticket is opened from the form.
    await page.goto("/crm/tickets")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()
    await page.get_by_test_id("new-ticket").click()
    await page.select_option("#f-account_id", str(account))
    await page.fill("#f-title", "小区路灯不亮")
    await page.select_option("#f-category", "fault")
    await page.get_by_test_id("create-ticket").click()
    await expect(page.get_by_test_id("ticket-number")).to_have_text("T-000001")
    await expect(page.get_by_test_id("ticket-policy")).to_have_text("1234 hotline")

    chain = page.get_by_test_id("milestone")
    await expect(chain).to_have_count(4)
    for key in ("dispatched", "on_site", "plan", "feedback"):
        await expect(page.locator(f"[data-testid=milestone][data-key={key}]")).to_have_attribute(
            "data-state", "due"
        )
    await expect(page.get_by_test_id("due-in").first).to_be_visible()
    ticket_id = page.url.rstrip("/").split("/")[-1]

    # Reaching the first milestone in time marks it met.
    await page.get_by_test_id("reach-dispatched").click()
    dispatched = page.locator("[data-testid=milestone][data-key=dispatched]")
    await expect(dispatched).to_have_attribute("data-state", "met")
    await page.screenshot(path=str(screenshot_dir / "crm-ticket.en.png"), full_page=True)

    # Waiting pauses the clocks; resuming restarts them.
    await page.get_by_test_id("status-waiting").click()
    await expect(page.get_by_test_id("ticket-status")).to_have_attribute("data-status", "waiting")
    await expect(page.locator("[data-testid=milestone][data-key=on_site]")).to_have_attribute(
        "data-state", "paused"
    )
    await page.get_by_test_id("status-in_progress").click()
    await expect(page.locator("[data-testid=milestone][data-key=on_site]")).to_have_attribute(
        "data-state", "due"
    )

    # An hour later the SLA clock has run: the remaining milestones are breached, shown on reload.
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        breaches = await services.mark_breaches(ctx, now=datetime.now(UTC) + timedelta(hours=1))
    assert {b.milestone_key for b in breaches} == {"on_site", "plan", "feedback"}
    await page.reload()
    await expect(page.locator("[data-testid=milestone][data-key=on_site]")).to_have_attribute(
        "data-state", "breached"
    )
    await expect(dispatched).to_have_attribute("data-state", "met")
    await expect(page.locator("[data-testid=history-row][data-kind=sla_breached]")).to_have_count(3)

    # The list filters breached tickets; the account page's panel lists the ticket.
    await page.goto("/crm/tickets?breached=yes")
    await expect(page.get_by_test_id("ticket-row")).to_have_count(1)
    await expect(page.get_by_test_id("row-breached")).to_be_visible()
    await page.goto("/crm/tickets?breached=no")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()
    panel = await page.goto(f"/crm/accounts/{account}/tickets-panel")
    assert panel is not None and panel.status == 200
    await expect(page.get_by_test_id("panel-ticket")).to_have_count(1)
    foreign = await page.goto(f"/crm/accounts/{other_account}/tickets-panel")
    assert foreign is not None and foreign.status == 404

    # Closing needs nothing more for a fault.
    await page.goto(f"/crm/tickets/{ticket_id}")
    await page.get_by_test_id("close-ticket").click()
    await expect(page.get_by_test_id("ticket-status")).to_have_attribute("data-status", "closed")


async def test_a_complaint_is_closed_with_a_satisfaction_score(
    page: Page, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a, name="投诉客户")
    await sign_in(page, tenant_a.owner.email)
    await page.goto(f"/crm/tickets/new?account_id={account}")
    await page.fill("#f-title", "维修人员态度差")
    await page.select_option("#f-category", "complaint")
    await page.get_by_test_id("create-ticket").click()
    await expect(page.get_by_test_id("no-milestones")).to_be_visible()

    await page.get_by_test_id("close-ticket").click()
    await expect(page.get_by_test_id("error-satisfaction")).to_be_visible()
    await page.select_option("[data-testid=close-satisfaction]", "4")
    await page.get_by_test_id("close-ticket").click()
    await expect(page.get_by_test_id("ticket-satisfaction")).to_have_text("4 / 5")


async def test_an_admin_edits_an_sla_policy_chain(page: Page, tenant_a: TenantHandle) -> None:
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/crm/sla-policies")
    await page.get_by_test_id("new-policy").click()
    await page.fill("#f-code", "elevator-fault")
    await page.fill("#f-name", "电梯故障")
    await page.select_option("#f-category", "elevator_fault")
    await page.fill("[data-testid=m-0-key]", "on_site")
    await page.fill("[data-testid=m-0-name]", "30 分钟内到场")
    await page.fill("[data-testid=m-0-target_minutes]", "30")
    await page.get_by_test_id("save-policy").click()
    policy = page.locator("[data-testid=policy][data-code=elevator-fault]")
    await expect(policy.get_by_test_id("policy-milestone")).to_have_count(1)

    await policy.get_by_test_id("edit-policy").click()
    await page.wait_for_url(re.compile(r"/crm/sla-policies/[0-9a-f-]{36}$"))
    await page.fill("[data-testid=m-1-key]", "fixed")
    await page.fill("[data-testid=m-1-name]", "当天修复")
    await page.fill("[data-testid=m-1-target_minutes]", "5")
    same_day = page.locator("input[name=m-1-same_day]")
    await same_day.check()
    await expect(same_day).to_be_checked()
    await page.get_by_test_id("save-policy").click()
    # The error names the second row (in the page's language) and marks its minutes field.
    await expect(page.get_by_test_id("error-milestone")).to_contain_text(
        re.compile(r"Milestone 2:|第 2 个节点")
    )
    await expect(page.get_by_test_id("m-1-target_minutes")).to_have_attribute("aria-invalid", "true")
    await page.fill("[data-testid=m-1-target_minutes]", "")
    await page.get_by_test_id("save-policy").click()
    await expect(policy.get_by_test_id("policy-milestone")).to_have_count(2)
