"""Venue audio edited in a browser: an operator schedules background music for floor 9 with the
board's form (a missing end time is named on the form first), sees it in the schedules and
floor 9 playing music on the board, then edits it on its page to a zone group."""

from __future__ import annotations

from typing import Any

import httpx
from playwright.async_api import Page, expect

from tests.browser.conftest import sign_in
from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, make_building, window_around_now


async def test_a_schedule_made_on_the_board_plays_on_the_venue(
    page: Page, client: httpx.AsyncClient, make_tenant: Any
) -> None:
    building = await make_building(client, await make_tenant(modules=["venue_audio"]))
    await post_ok(
        client,
        f"{BASE}/zone-groups",
        {
            "venue_id": building.venue["id"],
            "code": "TOP",
            "name": "顶层",
            "zone_ids": [building.zones["F12"]],
        },
        building.headers,
    )
    start, end = window_around_now()
    await sign_in(page, building.tenant.owner.email)
    await page.goto(f"/venue-audio/venues/{building.venue['id']}")
    await expect(page.locator("[data-testid=zone-F9]")).to_have_attribute("data-kind", "silent")

    await page.get_by_test_id("add-schedule-summary").click()
    form = page.get_by_test_id("schedule-form")
    await form.get_by_label("名称").fill("九楼背景音乐")
    await form.get_by_label("或以文字填写歌单、曲目或广播内容").fill("playlist:lounge")
    await form.locator("select[name=zone_id]").select_option(building.zones["F9"])
    await form.get_by_label("开始").fill(start[:5])
    await page.get_by_test_id("add-schedule").click()
    form = page.get_by_test_id("schedule-form")
    await expect(form.get_by_test_id("error-end_time")).to_be_visible()
    await expect(form.get_by_label("名称")).to_have_value("九楼背景音乐")  # the typing is kept

    await form.get_by_label("结束（背景音乐）").fill(end[:5])
    await page.get_by_test_id("add-schedule").click()
    await expect(page.get_by_test_id("schedule-row")).to_have_count(1)
    await expect(page.get_by_test_id("schedule-row")).to_contain_text("九楼背景音乐")
    await expect(page.locator("[data-testid=zone-F9]")).to_have_attribute("data-kind", "music")
    await expect(page.locator("[data-testid=zone-F9] [data-testid=playing]")).to_contain_text("九楼背景音乐")
    await expect(page.locator("[data-testid=zone-F8]")).to_have_attribute("data-kind", "silent")

    await page.get_by_test_id("edit-schedule").click()
    edit = page.get_by_test_id("schedule-form")
    await edit.locator("select[name=zone_id]").select_option("")
    await edit.locator("select[name=zone_group_id]").select_option(label="顶层")
    await page.get_by_test_id("save-schedule").click()
    await expect(page.locator("[data-testid=zone-F12]")).to_have_attribute("data-kind", "music")
    await expect(page.locator("[data-testid=zone-F9]")).to_have_attribute("data-kind", "silent")
