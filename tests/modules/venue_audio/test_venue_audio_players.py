"""Players with their own device keys: what they may reach, the commands an emergency sends them
(from the same arbitration as the board), acknowledgements, commanded vs acknowledged on the board,
the 2-second acknowledgement alert, long polling and the live feed with ``Last-Event-ID``."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from bizsuite.core import clock
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.jobs.queue import in_tenant
from bizsuite.modules.venue_audio import services
from litestar import Litestar
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.modules.venue_audio.conftest import (
    BASE,
    Building,
    add_player,
    alarm_on_floor_5,
    board,
    command,
    events_of,
    music_everywhere,
)
from tests.web.test_language_walk import sign_in

WAIT_S = 20


async def test_a_device_key_is_shown_once_and_reaches_only_the_player_routes(
    client: httpx.AsyncClient, building: Building
) -> None:
    player = await add_player(client, building, "F5")
    assert player.key.startswith("bzd_")
    keys = (await client.get(f"{BASE}/devices/{player.id}/keys", headers=building.headers)).json()["items"]
    assert len(keys) == 1 and player.key.startswith(keys[0]["prefix"]) and "key" not in keys[0]
    assert player.key not in json.dumps(keys)

    assert (await command(client, player)).status_code == 200
    for path in (
        f"{BASE}/venues",
        f"{BASE}/devices/{player.id}",
        "/api/v1/org-units",
        "/api/v1/crm/accounts",
    ):
        refused = await client.get(path, headers=player.headers)
        assert refused.status_code == 403, (path, refused.text)
    assert (await command(client, type(player)(player.id, building.tenant.api_key))).status_code == 403
    assert (await client.get(f"{BASE}/player/command")).status_code == 401

    revoked = await client.post(
        f"{BASE}/devices/{player.id}/keys/{keys[0]['id']}/revoke", headers=building.headers
    )
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert (await command(client, player)).status_code == 401


async def test_an_alarm_commands_the_players_of_its_zones_who_acknowledge_and_music_resumes_on_clear(
    client: httpx.AsyncClient, building: Building
) -> None:
    await music_everywhere(client, building)
    on_5, on_8 = await add_player(client, building, "F5"), await add_player(client, building, "F8")
    first = (await command(client, on_5)).json()
    assert first["program_kind"] == "music" and first["source"] == "playlist:lobby-jazz" and first["seq"] == 1

    emergency = await alarm_on_floor_5(client, building)
    during = (await command(client, on_5, after=1)).json()
    assert during["seq"] == 2 and during["program_kind"] == "emergency" and during["volume"] == 100
    assert during["broadcast_id"] == emergency["id"] and during["source"] == "evacuation-zh-en.mp3"
    assert (await command(client, on_8, after=1)).status_code == 204  # floor 8 is outside N+1: still music

    late = await client.post(
        f"{BASE}/player/acks", json={"seq": 9, "source": "x", "volume": 1}, headers=on_5.headers
    )
    assert late.status_code == 422 and "seq" in late.text
    acked = await client.post(
        f"{BASE}/player/acks",
        json={"seq": 2, "source": "evacuation-zh-en.mp3", "volume": 100},
        headers=on_5.headers,
    )
    assert acked.status_code == 200 and acked.json()["acked_at"]
    zones = await board(client, building)
    [state] = zones["F5"]["players"]
    assert state["state"] == "acknowledged" and state["commanded_kind"] == "emergency"
    assert state["reported_source"] == "evacuation-zh-en.mp3" and state["reported_volume"] == 100
    assert zones["F8"]["players"][0]["state"] == "waiting"  # its music command was never acknowledged

    cleared = await client.post(
        f"{BASE}/broadcasts/{emergency['id']}/close", json={"reason": "false alarm"}, headers=building.headers
    )
    assert cleared.status_code == 200, cleared.text
    after = (await command(client, on_5, after=2)).json()
    assert after["seq"] == 3 and after["program_kind"] == "music" and after["position_s"] > 0
    history = (await client.get(f"{BASE}/devices/{on_5.id}/commands", headers=building.headers)).json()
    assert [c["seq"] for c in history["items"]] == [3, 2, 1]
    assert history["items"][1]["acked_at"] and history["items"][1]["reported_volume"] == 100
    # The compliance log keeps who acknowledged the emergency: one of the one player on floors 4–6.
    logged = (await client.get(f"{BASE}/broadcasts/{emergency['id']}", headers=building.headers)).json()
    assert (logged["players_commanded"], logged["players_acknowledged"]) == (1, 1)
    assert 0 <= logged["slowest_ack_s"] < 60
    listed = (await client.get(f"{BASE}/broadcasts", headers=building.headers)).json()["items"]
    assert [(b["players_commanded"], b["players_acknowledged"]) for b in listed] == [(1, 1)]


async def test_an_emergency_not_acknowledged_within_2_seconds_raises_one_alert(
    app: Litestar, client: httpx.AsyncClient, building: Building, owner_engine: AsyncEngine
) -> None:
    await music_everywhere(client, building)
    silent, quick = await add_player(client, building, "F4"), await add_player(client, building, "F6")
    await alarm_on_floor_5(client, building)
    quick_command = (await command(client, quick, after=0)).json()
    acked = await client.post(
        f"{BASE}/player/acks",
        json={"seq": quick_command["seq"], "source": quick_command["source"], "volume": 100},
        headers=quick.headers,
    )
    assert acked.status_code == 200
    async with owner_engine.connect() as owner:
        queued = await owner.scalar(
            text(
                "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'venue_audio.ack_watch' "
                "AND args->>'tenant_id' = :tenant AND scheduled_at IS NOT NULL"
            ),
            {"tenant": str(building.tenant.id)},
        )
    assert queued == 1  # the watch runs 2 s after the commands went out

    tenant_id = building.tenant.tenant.id
    async with in_tenant(app.state.sessionmaker, tenant_id, actor="test") as ctx:
        assert await services.watch_acknowledgements(ctx, now=datetime.now(UTC) + timedelta(seconds=0.5)) == 0
    async with in_tenant(app.state.sessionmaker, tenant_id, actor="test") as ctx:
        assert await services.watch_acknowledgements(ctx, now=datetime.now(UTC) + timedelta(seconds=3)) == 1
    async with in_tenant(app.state.sessionmaker, tenant_id, actor="test") as ctx:
        assert await services.watch_acknowledgements(ctx, now=datetime.now(UTC) + timedelta(seconds=9)) == 0
    zones = await board(client, building)
    assert (
        zones["F4"]["players"][0]["state"] == "late" and zones["F6"]["players"][0]["state"] == "acknowledged"
    )
    inbox = await client.get("/api/v1/alerts", params={"type": services.ACK_ALERT}, headers=building.headers)
    assert inbox.status_code == 200, inbox.text
    titles = [a["title"] for a in inbox.json()["items"]]
    assert titles and all("P-F4" in t for t in titles), titles
    _ = silent


async def test_a_long_poll_returns_as_soon_as_a_newer_command_is_issued(
    client: httpx.AsyncClient, building: Building
) -> None:
    player = await add_player(client, building, "F5")
    current = (await command(client, player)).json()  # silence: nothing scheduled
    assert current["program_kind"] is None and current["source"] == ""
    waiting = asyncio.create_task(command(client, player, after=current["seq"], wait=25))
    await asyncio.sleep(0.5)
    assert not waiting.done()
    await alarm_on_floor_5(client, building)
    answer = await asyncio.wait_for(waiting, WAIT_S)
    assert answer.status_code == 200 and answer.json()["program_kind"] == "emergency"
    assert (await command(client, player, after=answer.json()["seq"], wait=1)).status_code == 204


@pytest.fixture
async def server(live_server: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=live_server, timeout=WAIT_S) as web:
        yield web


async def test_the_feed_sends_the_current_command_then_each_new_one_and_resumes_from_the_last_event_id(
    client: httpx.AsyncClient, server: httpx.AsyncClient, building: Building
) -> None:
    await music_everywhere(client, building)
    player = await add_player(client, building, "F5")
    async with server.stream("GET", f"{BASE}/player/feed", headers=player.headers) as feed:
        assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/event-stream")
        events = events_of(feed)
        first = await asyncio.wait_for(anext(events), WAIT_S)
        assert first["event"] == "command" and json.loads(first["data"])["program_kind"] == "music"
        emergency = await alarm_on_floor_5(client, building)
        second = await asyncio.wait_for(anext(events), WAIT_S)
        assert int(second["id"]) == int(first["id"]) + 1
        assert json.loads(second["data"])["program_kind"] == "emergency"
    # Reconnecting with the last id received: the emergency is not sent again; the next change is.
    headers = {**player.headers, "Last-Event-ID": second["id"]}
    async with server.stream("GET", f"{BASE}/player/feed", headers=headers) as feed:
        events = events_of(feed)
        await client.post(
            f"{BASE}/broadcasts/{emergency['id']}/close",
            json={"reason": "drill over"},
            headers=building.headers,
        )
        third = await asyncio.wait_for(anext(events), WAIT_S)
        assert (
            int(third["id"]) == int(second["id"]) + 1 and json.loads(third["data"])["program_kind"] == "music"
        )


async def test_revoking_the_key_ends_its_open_feed(
    client: httpx.AsyncClient, server: httpx.AsyncClient, building: Building
) -> None:
    player = await add_player(client, building, "F5")
    async with server.stream("GET", f"{BASE}/player/feed", headers=player.headers) as feed:
        events = events_of(feed)
        await asyncio.wait_for(anext(events), WAIT_S)
        [key] = (await client.get(f"{BASE}/devices/{player.id}/keys", headers=building.headers)).json()[
            "items"
        ]
        await client.post(f"{BASE}/devices/{player.id}/keys/{key['id']}/revoke", headers=building.headers)
        with pytest.raises(StopAsyncIteration):
            await asyncio.wait_for(anext(events), WAIT_S)


async def test_the_board_page_shows_each_players_acknowledgement(
    client: httpx.AsyncClient, building: Building
) -> None:
    await music_everywhere(client, building)
    on_5, on_4 = await add_player(client, building, "F5"), await add_player(client, building, "F4")
    await alarm_on_floor_5(client, building)
    current = (await command(client, on_5)).json()
    await client.post(
        f"{BASE}/player/acks",
        json={"seq": current["seq"], "source": current["source"], "volume": 100},
        headers=on_5.headers,
    )
    await sign_in(client, building.tenant)
    page = await client.get(
        f"/venue-audio/venues/{building.venue['id']}", headers={"Accept-Language": "zh-CN"}
    )
    assert page.status_code == 200
    row_5 = page.text.split('data-testid="zone-F5"', 1)[1].split("</tr>", 1)[0]
    row_4 = page.text.split('data-testid="zone-F4"', 1)[1].split("</tr>", 1)[0]
    assert 'data-state="acknowledged"' in row_5 and "P-F5 · 已确认" in row_5
    assert 'data-state="waiting"' in row_4 and "P-F4 · 尚未确认" in row_4
    _ = on_4


async def test_an_acknowledgement_keeps_its_first_time_and_is_a_heartbeat_that_ends_a_fault(
    client: httpx.AsyncClient, app_engine: AsyncEngine, building: Building
) -> None:
    await music_everywhere(client, building)
    player = await add_player(client, building, "F5")
    first = (await command(client, player)).json()
    async with in_tenant(make_sessionmaker(app_engine), building.tenant.id, actor="test") as ctx:
        faulty = await services.mark_faults(ctx, now=clock.now(ctx) + timedelta(minutes=10))
    assert [str(d) for d in faulty] == [player.id]
    assert (await board(client, building))["F5"]["devices_in_fault"] == 1

    def ack(volume: int) -> Any:
        body = {"seq": first["seq"], "source": first["source"], "volume": volume}
        return client.post(f"{BASE}/player/acks", json=body, headers=player.headers)

    once = await ack(40)
    assert once.status_code == 200, once.text
    device = (await client.get(f"{BASE}/devices/{player.id}", headers=building.headers)).json()
    assert device["health"] == "ok" and device["fault_since"] is None and device["last_heartbeat_at"]
    assert (await board(client, building))["F5"]["devices_in_fault"] == 0
    again = await ack(55)
    assert again.status_code == 200
    # The first acknowledgement's time stays; what the player reports is the latest.
    assert again.json()["acked_at"] == once.json()["acked_at"] and again.json()["reported_volume"] == 55
    beat = (await client.get(f"{BASE}/devices/{player.id}", headers=building.headers)).json()
    assert beat["last_heartbeat_at"] > device["last_heartbeat_at"]
