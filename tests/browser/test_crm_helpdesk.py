"""Helpdesk parity and deal permissions in a real browser (issue 12): move a ticket on its kanban
(drag and drop, and the keyboard's move menu), reassign it and change its priority; a waiting
ticket reads 等待中 with one resume button, at 390 px too; a member cannot drag a colleague's
deal; the forecast page shows its figures with their formulas."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx
from bizsuite.core.identity.models import Role
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user, sign_in
from tests.conftest import TenantHandle
from tests.modules.crm.conftest import make_account
from tests.modules.crm.tickets.conftest import HOTLINE_1234, act, create_policy, open_ticket


def column(page: Page, status: str) -> Any:
    return page.locator(f"[data-testid=status-column][data-status={status}]")


def ticket_card(page: Page, number: str) -> Any:
    return page.locator(f'[data-testid=ticket-card][data-number="{number}"]')


async def test_move_a_ticket_on_its_kanban_and_reassign_it(
    page: Page,
    client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    app_engine: AsyncEngine,
    screenshot_dir: Path,
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    account = await make_account(app_engine, tenant_a, name="上海浦东物业")
    engineer = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    first = await open_ticket(client, tenant_a, account, title="小区路灯不亮")
    second = await open_ticket(client, tenant_a, account, title="电梯异响")
    await sign_in(page, tenant_a.owner.email)

    await page.goto("/crm/tickets/board")
    await expect(page.get_by_test_id("status-column")).to_have_count(5)
    await expect(column(page, "waiting").get_by_test_id("column-title")).to_have_text("等待中")
    card = ticket_card(page, first["number"])
    await expect(card).to_contain_text("小区路灯不亮")
    await expect(card.get_by_test_id("card-account")).to_have_text("上海浦东物业")
    await expect(card.get_by_test_id("card-sla")).to_contain_text("Recorded and dispatched")

    # Drag and drop: open -> in progress, stored.
    await card.drag_to(column(page, "in_progress"))
    await expect(column(page, "in_progress").get_by_test_id("ticket-card")).to_have_count(1)
    await expect(column(page, "open").get_by_test_id("ticket-card")).to_have_count(1)
    stored = await client.get(f"/api/v1/crm/tickets/{first['id']}", headers=tenant_a.headers)
    assert stored.json()["status"] == "in_progress"

    # The keyboard way: the card's move menu (summary, then a target), focus stays on the card.
    other = ticket_card(page, second["number"])
    await other.get_by_test_id("move-menu").locator("summary").focus()
    await page.keyboard.press("Enter")
    await other.get_by_test_id("move-to-waiting").focus()
    await page.keyboard.press("Enter")
    await expect(column(page, "waiting").get_by_test_id("ticket-card")).to_have_count(1)
    await expect(column(page, "waiting").locator("[data-testid=card-sla]")).to_have_attribute(
        "data-sla", "paused"
    )
    stored = await client.get(f"/api/v1/crm/tickets/{second['id']}", headers=tenant_a.headers)
    assert stored.json()["status"] == "waiting"
    # A closed column takes no drop: refused, naming where the ticket can go.
    await ticket_card(page, first["number"]).drag_to(column(page, "closed"))
    await expect(page.get_by_test_id("toast").last).to_contain_text("等待中")
    await expect(column(page, "closed").get_by_test_id("ticket-card")).to_have_count(0)
    await page.screenshot(path=str(screenshot_dir / "crm-ticket-board.zh-CN.png"), full_page=True)

    # Reassign and re-prioritise on the ticket's page; the history says who changed what.
    await ticket_card(page, first["number"]).get_by_role("link", name=first["number"]).click()
    await expect(page.get_by_test_id("ticket-account").get_by_role("link")).to_have_text("上海浦东物业")
    await page.get_by_test_id("ticket-edit").locator("summary").click()
    await page.get_by_test_id("edit-assignee").select_option(str(engineer.id))
    await page.get_by_test_id("reassign").click()
    await expect(page.get_by_test_id("ticket-assignee")).to_have_text(engineer.name)
    reassigned = page.locator("[data-testid=history-row][data-kind=reassigned]")
    await expect(reassigned).to_contain_text(f"未分配 → {engineer.name}")
    await page.get_by_test_id("ticket-edit").locator("summary").click()
    await page.get_by_test_id("edit-priority").select_option("urgent")
    await page.get_by_test_id("change-priority").click()
    await expect(page.locator("[data-testid=history-row][data-kind=priority_changed]")).to_contain_text(
        "普通"
    )
    # The SLA clock explains itself: policy, rule, inputs; history names milestones, not keys.
    await expect(page.get_by_test_id("sla-explained")).to_contain_text("1234 hotline")
    await expect(page.get_by_test_id("milestone-inputs").first).to_be_visible()
    await page.get_by_test_id("reach-dispatched").click()
    met = page.locator("[data-testid=history-row][data-kind=milestone_met]")
    await expect(met).to_contain_text("Recorded and dispatched")
    await expect(met).not_to_contain_text("dispatched：")


async def test_a_waiting_ticket_reads_waiting_with_one_resume_button_also_on_a_phone(
    page: Page, client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    account = await make_account(app_engine, tenant_a, name="杭州西湖物业")
    ticket = await open_ticket(client, tenant_a, account, title="缺配件")
    assert (await act(client, tenant_a, ticket["id"], "status", {"status": "waiting"})).status_code == 200
    await sign_in(page, tenant_a.owner.email)
    for width in (1280, 390):
        await page.set_viewport_size({"width": width, "height": 844})
        await page.goto(f"/crm/tickets/{ticket['id']}")
        await expect(page.get_by_test_id("ticket-status").first).to_have_text("等待中")
        actions = page.get_by_test_id("ticket-actions")
        await expect(actions.get_by_role("button", name="恢复（重新计时）")).to_have_count(1)
        await expect(actions.locator("[data-action=resume]")).to_have_count(1)
        await expect(actions.locator("[data-action=requeue]")).to_have_text("退回待处理")
        if width == 390:
            # Stacked SLA rows: each cell as wide as the row, the action a thumb-sized button.
            name = page.locator("[data-testid=milestone] .sla-name").first
            box = await name.bounding_box()
            assert box is not None and box["width"] > 250, box
            button = actions.get_by_role("button", name="恢复（重新计时）")
            button_box = await button.bounding_box()
            assert button_box is not None and button_box["height"] >= 44 and button_box["width"] > 250
            assert await page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    await page.get_by_role("button", name="恢复（重新计时）").click()
    await expect(page.get_by_test_id("ticket-status").first).to_have_text("处理中")
    stored = await client.get(f"/api/v1/crm/tickets/{ticket['id']}", headers=tenant_a.headers)
    assert stored.json()["status"] == "in_progress"


async def test_a_member_cannot_drag_a_colleagues_deal_but_moves_their_own(
    page: Page, client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a, name="苏州工业园物业")
    seller = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    colleague = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    for name, owner in (("我的商机", seller), ("同事的商机", colleague)):
        response = await client.post(
            "/api/v1/crm/opportunities",
            json={
                "account_id": str(account),
                "name": name,
                "amount": "100000.00",
                "owner_user_id": str(owner.id),
            },
            headers=tenant_a.headers,
        )
        assert response.status_code == 201, response.text
    await sign_in(page, seller.email)
    await page.goto("/crm/pipeline")
    theirs = page.locator('[data-testid=opportunity-card][data-name="同事的商机"]')
    mine = page.locator('[data-testid=opportunity-card][data-name="我的商机"]')
    await expect(theirs).to_have_attribute("draggable", "false")
    await expect(theirs.get_by_test_id("move-menu")).to_have_count(0)
    await expect(mine).to_have_attribute("draggable", "true")
    target = page.locator('[data-testid=stage-column][data-stage-name="方案报价"]')
    await mine.drag_to(target)
    await expect(target.get_by_test_id("opportunity-card")).to_have_count(1)
    # The colleague's card does not move when dragged.
    await theirs.drag_to(target)
    await expect(target.get_by_test_id("opportunity-card")).to_have_count(1)
    await expect(target).to_contain_text("我的商机")
    # The colleague's deal page offers no move, hand-over or delete, and says why.
    await theirs.get_by_role("link", name="同事的商机").click()
    await expect(page.get_by_test_id("move-rule")).to_be_visible()
    await expect(page.get_by_test_id("move-form")).to_have_count(0)
    await expect(page.get_by_test_id("owner-fixed")).to_have_text(colleague.name)
    await expect(page.get_by_test_id("opportunity-account-link")).to_have_text("苏州工业园物业")


async def test_the_forecast_page_shows_figures_with_their_formulas(
    page: Page,
    client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    app_engine: AsyncEngine,
    screenshot_dir: Path,
) -> None:
    account = await make_account(app_engine, tenant_a, name="上海明辉贸易有限公司")
    stages = (await client.get("/api/v1/crm/pipeline-stages", headers=tenant_a.headers)).json()["items"]
    proposal = next(s for s in stages if s["probability"] == 50)
    close = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    response = await client.post(
        "/api/v1/crm/opportunities",
        json={
            "account_id": str(account),
            "name": "仓储系统",
            "amount": "120000.00",
            "stage_id": proposal["id"],
            "expected_close": close,
        },
        headers=tenant_a.headers,
    )
    assert response.status_code == 201, response.text
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/crm/pipeline")
    await page.get_by_test_id("forecast-link").click()
    await expect(page.get_by_test_id("forecast-rule")).to_contain_text("加权金额 = ")
    month = page.locator(f"[data-testid=forecast-month][data-month='{close[:7]}']")
    await expect(month.get_by_test_id("month-weighted")).to_contain_text("60,000.00")
    await expect(month.get_by_test_id("month-formula")).to_contain_text("1")
    lines = page.get_by_test_id("month-lines")
    await lines.locator("summary").click()
    await expect(lines.get_by_test_id("line-formula")).to_contain_text("120,000.00 × 50% = ")
    stage = page.locator(f"[data-testid=forecast-stage][data-stage-name='{proposal['name']}']")
    await expect(stage.get_by_test_id("stage-formula")).to_contain_text("120,000.00 × 50%")
    await expect(page.locator("#chart-forecast svg")).to_be_visible()
    await page.screenshot(path=str(screenshot_dir / "crm-pipeline-forecast.zh-CN.png"), full_page=True)
