"""A venue's history in its chatter: a change of its emergency policy shows with the field's and
the values' labels in the reader's language; the board page carries the chatter."""

from __future__ import annotations

import httpx

from tests.core.chatter.helpers import feed
from tests.modules.venue_audio.conftest import BASE, Building
from tests.web.test_language_walk import sign_in


async def test_a_policy_change_shows_in_the_venue_chatter(
    client: httpx.AsyncClient, building: Building
) -> None:
    venue = building.venue
    changed = await client.patch(
        f"{BASE}/venues/{venue['id']}",
        json={"emergency_policy": "all_zones"},
        headers={**building.headers, "If-Match": str(venue["version"])},
    )
    assert changed.status_code == 200, changed.text
    client.headers["Accept-Language"] = "zh-CN"
    entries = (await feed(client, building.tenant, f"venue_audio_venues/{venue['id']}"))["items"]
    shown = {(c["label"], c["old"], c["new"]) for e in entries if e["kind"] == "change" for c in e["changes"]}
    assert ("紧急广播策略", "分区疏散（N + 1）", "全部分区同时疏散") in shown
    assert entries[-1]["kind"] == "created"
    await sign_in(client, building.tenant)
    board = await client.get(f"/venue-audio/venues/{venue['id']}")
    assert "venue_audio_venues" in board.text
