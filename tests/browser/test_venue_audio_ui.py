"""Venue audio in an operator's browser: the status board of a 12-floor tower follows a fire
alarm's all call without a reload (its live feed, server-sent events), the operator clears it on
the page with a reason and the music comes back in every zone."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from playwright.async_api import Page, Response, Route, expect

from tests.browser.conftest import sign_in
from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, make_building, music_everywhere


async def clear(page: Page) -> None:
    """Click "Clear the emergency" on the board: the click reaches the server, which clears it
    (a failure says which of the two did not happen)."""

    def closing(response: Response) -> bool:
        return response.request.method == "POST" and response.url.endswith("/close")

    async with page.expect_response(closing) as answer:
        await page.get_by_test_id("live-emergency").get_by_test_id("close-emergency").click()
    cleared = await answer.value
    assert cleared.status == 303, f"{cleared.status}: {await cleared.text()}"


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
    await clear(page)
    await expect(page.locator("tr[data-kind=music]")).to_have_count(15)
    await expect(page.locator("[data-testid=zone-F5] [data-testid=volume]")).to_contain_text("60")
    await expect(page.get_by_test_id("toast")).to_be_visible()  # the page says it was cleared


async def test_clearing_an_emergency_is_not_lost_while_the_board_refreshes(
    page: Page, client: httpx.AsyncClient, make_tenant: Any
) -> None:
    """The board re-reads itself on every change, one refresh at a time; the clear form sits on
    the board. Its POST must not wait in the board's refresh queue, where the next refresh would
    replace it: the operator clicked "Clear" and the evacuation message would go on playing."""
    building = await make_building(client, await make_tenant(modules=["venue_audio"]))
    await music_everywhere(client, building)
    await post_ok(
        client,
        f"{BASE}/broadcasts/emergencies",
        {"venue_id": building.venue["id"], "alarm_id": "FACP-RACE-1", "all_call": True, "reason": "fire"},
        building.headers,
    )
    await sign_in(page, building.tenant.owner.email)
    board_url = f"/venue-audio/venues/{building.venue['id']}"
    await page.goto(board_url)
    await expect(page.locator("tr[data-kind=emergency]")).to_have_count(15)
    await expect(page.get_by_test_id("board-live")).to_have_attribute("data-live", "open")

    # A slow server: every refresh of the board takes a second and a half.
    async def slow(route: Route) -> None:
        if route.request.method == "GET":
            await asyncio.sleep(1.5)
        await route.continue_()

    await page.route(f"**{board_url}", slow)
    zone = f"{BASE}/zones/{building.zones['PLAZA']}"

    async def touch_the_venue(volume: int) -> None:
        version = (await client.get(zone, headers=building.headers)).json()["version"]
        changed = await client.patch(
            zone, json={"volume": volume}, headers={**building.headers, "If-Match": str(version)}
        )
        assert changed.status_code == 200, changed.text

    async with page.expect_request(lambda r: r.method == "GET" and r.url.endswith(board_url)):
        await touch_the_venue(50)  # a change elsewhere: the board starts a (slow) refresh
    live = page.get_by_test_id("live-emergency")
    await live.get_by_test_id("clear-reason").fill("drill over")
    await clear(page)
    await touch_the_venue(55)  # and another change: a second refresh is queued behind the first

    await expect(page.locator("tr[data-kind=music]")).to_have_count(15, timeout=20_000)
    cleared = await client.get(
        f"{BASE}/broadcasts", params={"venue_id": building.venue["id"]}, headers=building.headers
    )
    assert [b["ended_at"] is not None for b in cleared.json()["items"] if b["kind"] == "emergency"] == [True]
