"""The global search finds venues, zones and devices (code, name) anywhere and in any case, links
each to the page showing it (a venue's board for it and its zones, the venue's devices for a
device), leaves them out for a member without venue audio, and never shows another tenant's."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.core.global_search import hrefs, open_as_owner, search, search_as_member
from tests.modules.venue_audio.conftest import BASE, Building, make_building


async def _player(client: httpx.AsyncClient, b: Building) -> dict[str, Any]:
    body = {
        "venue_id": b.venue["id"],
        "zone_id": b.zones["PLAZA"],
        "kind": "player",
        "code": "pl-plaza",
        "name": "广场播放器",
    }
    return await post_ok(client, f"{BASE}/devices", body, b.headers)


async def test_venues_zones_and_devices_are_found_in_this_tenant_only(
    client: httpx.AsyncClient, make_tenant: Any
) -> None:
    tenant = await make_tenant(modules=["venue_audio"])
    other = await make_tenant(modules=["venue_audio"])
    mine = await make_building(client, tenant)
    await _player(client, mine)
    theirs = await make_building(client, other, code=mine.venue["code"])
    await _player(client, theirs)
    board = f"/venue-audio/venues/{mine.venue['id']}"
    devices = f"/venue-audio/devices?venue_id={mine.venue['id']}"

    venues = await search(client, "华信", tenant.headers)
    assert hrefs(venues, "venue_audio.venues") == [board]
    assert venues["venue_audio.venues"]["hits"][0]["title"] == "华信大厦"
    assert hrefs(
        await search(client, mine.venue["code"][2:].lower(), tenant.headers), "venue_audio.venues"
    ) == [board]

    zones = await search(client, "景观", tenant.headers)
    assert zones["venue_audio.zones"]["label"] == "Broadcast zones"
    assert zones["venue_audio.zones"]["hits"] == [
        {"title": "景观广场", "href": board, "detail": "PLAZA · 华信大厦"}
    ]
    assert hrefs(await search(client, "plaz", tenant.headers), "venue_audio.zones") == [board]

    found = await search(client, "广场", tenant.headers)
    assert found["venue_audio.devices"]["hits"] == [
        {"title": "广场播放器", "href": devices, "detail": "PL-PLAZA · 华信大厦"}
    ]
    assert hrefs(await search(client, "Pl-Pla", tenant.headers), "venue_audio.devices") == [devices]

    pages = await open_as_owner(client, tenant, [board, devices])
    assert 'data-testid="zone-PLAZA"' in pages[0] and "PL-PLAZA" in pages[1]


async def test_a_member_without_venue_audio_gets_none_of_its_groups(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: Any
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["crm", "venue_audio"])
    await _player(client, await make_building(client, tenant))
    granted = await search_as_member(client, app_engine, tenant, "广场", ["venue_audio"])
    assert set(granted) == {"venue_audio.zones", "venue_audio.devices"}
    assert await search_as_member(client, app_engine, tenant, "广场", ["crm"]) == {}
