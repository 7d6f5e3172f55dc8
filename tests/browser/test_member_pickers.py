"""Member pickers in a tenant with more members than a page lists (zh-CN): type part of a name
into the account owner's combobox and into the activity's assignee, pick the match with the
keyboard, save, and see the owner and the assignee saved; mention a colleague with "@" and with
the "Mention a colleague" picker, both filled from the server as one types. axe finds nothing
serious on the account page with a picker open."""

from __future__ import annotations

import datetime as dt
import re

import httpx
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.a11y import axe_violations, describe
from tests.browser.conftest import htmx_settled, sign_in
from tests.conftest import TenantHandle
from tests.core.activities.test_activities_api import today_of
from tests.core.chatter.helpers import feed
from tests.core.members.helpers import MANY, add_members, member_name
from tests.modules.crm.conftest import make_account

PEOPLE = [*(member_name(n) for n in range(1, MANY)), "赵子龙", "赵云飞"]


async def choose(page: Page, scope: str, typed: str, name: str, *, shown: str | None = None) -> None:
    """Type into the member combobox inside ``scope`` (a test id) and pick ``name`` with the keys;
    the box then shows ``shown`` (the name, unless said)."""
    box = page.get_by_test_id(scope).get_by_role("combobox")
    await box.click()
    await box.fill("")
    await box.press_sequentially(typed)
    listbox = page.get_by_test_id(scope).get_by_role("listbox")
    await expect(listbox.get_by_role("option", name=re.compile(name))).to_have_count(1)
    await expect(box).to_have_attribute("aria-expanded", "true")
    await box.press("ArrowDown")
    option_id = await box.get_attribute("aria-activedescendant")
    assert option_id
    await expect(page.locator(f"#{option_id}")).to_contain_text(name)
    await box.press("Enter")
    await expect(box).to_have_value(name if shown is None else shown)
    await expect(box).to_have_attribute("aria-expanded", "false")


async def test_pick_an_owner_and_an_assignee_by_typing_in_a_large_tenant(
    page: Page, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(app_engine, tenant_a, names=PEOPLE)
    account = await make_account(app_engine, tenant_a, "上海明辉贸易有限公司")
    tomorrow = await today_of(app_engine, tenant_a) + dt.timedelta(days=1)
    await sign_in(page, tenant_a.owner.email)
    await page.goto(f"/crm/accounts/{account}")
    await htmx_settled(page)

    # The owner: the edit form's picker lists nobody until one types.
    await page.get_by_test_id("edit-account").click()
    form = page.get_by_test_id("edit-account-form")
    await expect(form.locator("select[name=owner_user_id]")).to_have_count(0)
    await choose(page, "picker-owner_user_id", "赵子", "赵子龙")
    await expect(form.locator("input[type=hidden][name=owner_user_id]")).to_have_value(str(ids["赵子龙"]))
    found = await axe_violations(page)
    assert not found, describe(f"/crm/accounts/{account}", found)
    await page.get_by_test_id("save-account").click()
    await expect(page.get_by_test_id("account-owner")).to_have_text("赵子龙")
    await expect(page.get_by_test_id("picker-owner_user_id").locator("[data-member-input]")).to_have_value(
        "赵子龙"
    )

    # The assignee of a planned call, in the chatter's schedule form.
    await htmx_settled(page)
    await page.get_by_test_id("schedule-activity").click()
    schedule = page.get_by_test_id("schedule-form")
    await schedule.locator("input[name=due_date]").fill(tomorrow.isoformat())
    await schedule.locator("input[name=summary]").fill("回访大客户")
    assignee = schedule.get_by_test_id("picker-assignee_user_id").get_by_role("combobox")
    await expect(assignee).to_have_value("Owner")  # the one scheduling, by default
    await assignee.click()
    await assignee.fill("")
    await assignee.press_sequentially("赵云")
    await expect(schedule.get_by_role("option", name=re.compile("赵云飞"))).to_be_visible()
    await assignee.press("Enter")
    await expect(assignee).to_have_value("赵云飞")
    await page.get_by_test_id("save-activity-plan").click()
    await expect(page.get_by_test_id("chatter-notice")).to_have_text("活动已安排。")
    planned = page.get_by_test_id("planned-activity")
    await expect(planned).to_contain_text("回访大客户")
    await expect(planned).to_contain_text("赵云飞")


async def test_mention_a_colleague_of_a_large_tenant(
    page: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(app_engine, tenant_a, names=PEOPLE)
    account = await make_account(app_engine, tenant_a, "上海明辉贸易有限公司")
    await sign_in(page, tenant_a.owner.email)
    await page.goto(f"/crm/accounts/{account}")
    body = page.get_by_test_id("note-body")
    await expect(body).to_be_visible()
    await htmx_settled(page)

    # "@" and part of a name: the list comes from the server; Enter picks the highlighted match.
    await body.click()
    await body.press_sequentially("请 @" + member_name(MANY - 1)[:-1])
    option = page.locator("[data-mention-list] li", has_text=member_name(MANY - 1))
    await expect(option).to_be_visible()
    await expect(page.locator("[data-mention-list] li")).to_have_count(11)  # Member 0014, 0140 … 0149
    await body.press_sequentially(member_name(MANY - 1)[-1])
    await expect(page.locator("[data-mention-list] li")).to_have_count(1)
    await body.press("Enter")
    await expect(body).to_have_value(f"请 @{member_name(MANY - 1)} ")

    # The "Mention a colleague" picker: a combobox too, which adds "@Name " to the note.
    await choose(page, "mention-picker", "赵子", "赵子龙", shown="")
    await expect(body).to_have_value(f"请 @{member_name(MANY - 1)} @赵子龙 ")
    await expect(body).to_be_focused()
    await body.press_sequentially("回电")
    await page.get_by_test_id("post-note").click()
    await expect(page.get_by_test_id("chatter-notice")).to_have_text("备注已发布。")
    await expect(page.get_by_test_id("note-text").first).to_have_text(
        f"请 @{member_name(MANY - 1)} @赵子龙 回电"
    )

    note = (await feed(client, tenant_a, f"crm_accounts/{account}"))["items"][0]["message"]
    assert [m["id"] for m in note["mentions"]] == [str(ids[member_name(MANY - 1)]), str(ids["赵子龙"])]
