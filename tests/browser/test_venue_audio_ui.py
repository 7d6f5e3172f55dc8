"""Venue audio in an operator's browser: the status board of a 12-floor tower follows a fire
alarm's all call without a reload (its live feed, server-sent events), the operator clears it on
the page with a reason and the music comes back in every zone."""

from __future__ import annotations

from typing import Any

import httpx
from playwright.async_api import Page, expect

from tests.browser.conftest import sign_in
from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, make_building, music_everywhere


async def test_every_zone_switches_to_the_emergency_on_the_board_and_back(
    page: Page, client: httpx.AsyncClient, make_tenant: Any
) -> None:
    building = await make_building(client, await make_tenant(modules=["venue_audio"]))
    await music_everywhere(client, building)
    await sign_in(page, building.tenant.owner.email)
    await page.goto(f"/venue-audio/venues/{building.venue['id']}")
    zones = page.locator("[data-testid=zones-table] tbody tr")
    await expect(zones).to_have_count(15)
    await expect(page.locator("tr[data-kind=music]")).to_have_count(15)
    await expect(page.get_by_test_id("board-live")).to_have_attribute("data-live", "open")
    await page.evaluate("window.sameDocument = true")  # gone if the page were reloaded

    # A fire-alarm signal through the API: the open board follows without a reload.
    await post_ok(
        client,
        f"{BASE}/broadcasts/emergencies",
        {
            "venue_id": building.venue["id"],
            "alarm_id": "FACP-ALL-1",
            "all_call": True,
            "reason": "fire alarm",
        },
        building.headers,
    )
    await expect(page.locator("tr[data-kind=emergency]")).to_have_count(15)
    await expect(page.locator("[data-testid=zone-F5] [data-testid=volume]")).to_contain_text("100")
    assert await page.evaluate("window.sameDocument === true")

    live = page.get_by_test_id("live-emergency")
    await live.get_by_test_id("clear-reason").fill("drill over")
    await live.get_by_test_id("close-emergency").click()
    await expect(page.locator("tr[data-kind=music]")).to_have_count(15)
    await expect(page.locator("[data-testid=zone-F5] [data-testid=volume]")).to_contain_text("60")
