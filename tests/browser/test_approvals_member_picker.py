"""Delegating an approval in a tenant with more members than a page lists (zh-CN): the delegate
field is a combobox that lists nobody until one types; typing part of a name offers the matches
but never the request's author; the match picked with the keyboard takes the step. axe finds
nothing serious with the list open."""

from __future__ import annotations

import re

import httpx
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.a11y import axe_violations, describe
from tests.browser.conftest import htmx_settled, sign_in
from tests.browser.test_member_pickers import PEOPLE, choose
from tests.conftest import TenantHandle
from tests.core.approvals.test_approval_member_pickers import pending_request
from tests.core.members.helpers import add_members


async def test_delegate_a_request_by_typing_part_of_a_name_in_a_large_tenant(
    page: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(app_engine, tenant_a, names=PEOPLE, modules=())
    request = await pending_request(client, tenant_a, ids["赵云飞"])  # the author
    page.on("dialog", lambda dialog: dialog.accept())  # "Hand this step to the chosen member?"
    await sign_in(page, tenant_a.owner.email)
    await page.goto(f"/approvals/requests/{request['id']}")
    await htmx_settled(page)

    form = page.get_by_test_id("delegate-form")
    await expect(form.locator("select[name=to_user_id]")).to_have_count(0)
    box = page.get_by_test_id("delegate-to").get_by_role("combobox")
    await expect(box).to_have_attribute("placeholder", "请选择成员")

    # "赵" matches both 赵s, but the author is not offered: only 赵子龙 is.
    await box.click()
    await box.press_sequentially("赵")
    options = page.get_by_test_id("delegate-to").get_by_role("option")
    await expect(options).to_have_count(1)
    await expect(options.first).to_contain_text("赵子龙")
    found = await axe_violations(page)
    assert not found, describe(f"/approvals/requests/{request['id']}", found)
    await choose(page, "delegate-to", "赵子", "赵子龙")
    await expect(form.locator("input[type=hidden][name=to_user_id]")).to_have_value(str(ids["赵子龙"]))

    await page.get_by_test_id("delegate-comment").fill("本周休假")
    await page.get_by_test_id("delegate").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("已转交。")
    delegated = page.locator("[data-testid=history-row][data-action=delegated]")
    await expect(delegated).to_contain_text("赵子龙")
    await expect(delegated.get_by_test_id("history-comment")).to_have_text("本周休假")
    step = page.get_by_test_id("route-step").first.get_by_test_id("step-approver")
    await expect(step).to_have_text(re.compile("赵子龙"))
    # The owner no longer decides it (as an admin they may still hand it on).
    await expect(page.get_by_test_id("approve-form")).to_have_count(0)
