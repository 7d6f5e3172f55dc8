"""The chatter and activities in the browser (zh-CN): schedule a follow-up call for tomorrow on an
account and find it in My activities and on the home page; mention a colleague in a note (typing
@ and picking them with the keyboard) and see it in the colleague's inbox, which leads back; a
note on a ticket and on a deal shows in their chatter, beside the ticket's tracked reassignment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable

import httpx
from bizsuite.core.identity.models import Role, User
from playwright.async_api import BrowserContext, Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import htmx_settled, sign_in
from tests.conftest import TenantHandle
from tests.core.activities.test_activities_api import today_of
from tests.modules.crm.conftest import create_opportunity, make_account
from tests.modules.crm.tickets.conftest import open_ticket


async def test_schedule_a_follow_up_call_for_tomorrow_and_see_it_in_my_activities(
    context: BrowserContext, page: Page, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await make_account(
        app_engine, tenant_a, "上海明辉贸易有限公司", owner_user_id=tenant_a.owner.id
    )
    tomorrow = await today_of(app_engine, tenant_a) + dt.timedelta(days=1)
    await sign_in(page, tenant_a.owner.email)
    await page.goto(f"/crm/accounts/{account}")
    chatter = page.get_by_test_id("chatter")
    await expect(chatter).to_be_visible()
    await expect(page.get_by_test_id("followers-count")).to_contain_text("1")  # the owner, by default

    await page.get_by_test_id("schedule-activity").click()
    form = page.get_by_test_id("schedule-form")
    await form.locator("select[name=activity_type]").select_option("call")
    await form.locator("input[name=due_date]").fill(tomorrow.isoformat())
    await form.locator("input[name=summary]").fill("跟进续约电话")
    await page.get_by_test_id("save-activity-plan").click()
    planned = page.get_by_test_id("planned-activity")
    await expect(planned).to_contain_text("跟进续约电话")
    await expect(planned.get_by_test_id("activity-state")).to_have_attribute("data-state", "planned")
    await expect(page.get_by_test_id("chatter-notice")).to_have_text("活动已安排。")

    await page.goto("/activities")
    mine = page.get_by_test_id("my-activity")
    await expect(mine).to_contain_text("跟进续约电话")
    await expect(mine.get_by_test_id("activity-state")).to_have_text("计划中")
    await mine.get_by_test_id("activity-record").click()
    await page.wait_for_url(f"**/crm/accounts/{account}*")
    await page.goto("/")
    await expect(page.get_by_test_id("panel-activity")).to_contain_text("跟进续约电话")


async def test_mention_a_colleague_in_a_note_and_it_reaches_their_inbox_with_a_link_back(
    context: BrowserContext,
    page: Page,
    app_engine: AsyncEngine,
    tenant_a: TenantHandle,
    user_in: Callable[..., Awaitable[User]],
) -> None:
    colleague = await user_in(tenant_a, Role.MEMBER, modules=["crm"])
    account = await make_account(app_engine, tenant_a, "上海明辉贸易有限公司")
    await sign_in(page, tenant_a.owner.email)
    await page.goto(f"/crm/accounts/{account}")
    body = page.get_by_test_id("note-body")
    await expect(body).to_be_visible()
    await body.click()
    await body.press_sequentially("客户要求下周上门，@" + colleague.name[:3])
    option = page.locator("[data-mention-list] li", has_text=colleague.name)
    await expect(option).to_be_visible()
    await body.press("Enter")
    await expect(body).to_have_value(f"客户要求下周上门，@{colleague.name} ")
    await body.press_sequentially("请安排")
    await page.get_by_test_id("post-note").click()
    await expect(page.get_by_test_id("note-text").first).to_have_text(
        f"客户要求下周上门，@{colleague.name} 请安排"
    )
    await expect(page.get_by_test_id("chatter-notice")).to_have_text("备注已发布。")

    await context.clear_cookies()
    await sign_in(page, colleague.email)
    await page.goto("/inbox")
    item = page.get_by_test_id("inbox-item").first
    await expect(item).to_contain_text("上海明辉贸易有限公司")
    await expect(item.get_by_test_id("alert-kind")).to_have_text("提及")
    await item.get_by_test_id("open-alert").click()
    await page.wait_for_url(f"**/crm/accounts/{account}*")
    await expect(page.get_by_test_id("note-text").first).to_contain_text("请安排")


async def post_note(page: Page, text: str) -> None:
    """Write a note in the record's chatter and post it; it heads the feed."""
    body = page.get_by_test_id("note-body")
    await expect(body).to_be_visible()
    await htmx_settled(page)  # the chatter is swapped in after the page loads
    await body.fill(text)
    await page.get_by_test_id("post-note").click()
    await expect(page.get_by_test_id("chatter-notice")).to_have_text("备注已发布。")
    await expect(page.get_by_test_id("note-text").first).to_have_text(text)


async def test_a_note_on_a_ticket_and_on_a_deal_shows_in_their_chatter(
    page: Page,
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    tenant_a: TenantHandle,
    user_in: Callable[..., Awaitable[User]],
) -> None:
    engineer = await user_in(tenant_a, Role.MEMBER, modules=["crm"])
    account = await make_account(app_engine, tenant_a, "上海浦东物业")
    ticket = await open_ticket(client, tenant_a, account, title="小区路灯不亮")
    deal = await create_opportunity(client, tenant_a, account, name="路灯改造")
    await sign_in(page, tenant_a.owner.email)

    # A ticket: reassigned (a tracked change in its chatter), then a note under it.
    await page.goto(f"/crm/tickets/{ticket['id']}")
    await expect(page.get_by_test_id("chatter")).to_be_visible()
    await page.get_by_test_id("ticket-edit").locator("summary").click()
    await page.get_by_test_id("edit-assignee").select_option(str(engineer.id))
    await page.get_by_test_id("reassign").click()
    await expect(page.get_by_test_id("ticket-assignee")).to_have_text(engineer.name)
    await expect(page.get_by_test_id("tracked-change").filter(has_text=engineer.name)).to_be_visible()
    await post_note(page, "已联系物业，明早派人")
    entries = page.get_by_test_id("chatter-entry")
    await expect(entries.first).to_have_attribute("data-kind", "note")
    await page.reload()
    await expect(page.get_by_test_id("note-text").first).to_have_text("已联系物业，明早派人")

    # A deal: the same chatter on the opportunity's page.
    await page.goto(f"/crm/pipeline/opportunities/{deal['id']}")
    await expect(page.get_by_test_id("chatter")).to_be_visible()
    await post_note(page, "客户要求下周报价")
    await page.reload()
    await expect(page.get_by_test_id("note-text").first).to_have_text("客户要求下周报价")
    # Each record keeps its own notes.
    await expect(page.get_by_test_id("note-text")).to_have_count(1)
