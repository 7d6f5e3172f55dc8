"""The player's WebSocket (``GET …/player/socket``), end to end on a real server: the same commands
as the feed (resumed from ``Last-Event-ID``), acknowledgements and heartbeats on the same
connection, recorded in batches and answered once committed, shown on the board, in the commands
and the log; a repeated acknowledgement recorded once; wrong, revoked and tenant keys refused; a
player of another tenant neither hears nor acknowledges this tenant's commands."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from bizsuite.core import clock
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.jobs.queue import in_tenant
from bizsuite.modules.venue_audio import services
from bizsuite.modules.venue_audio.connections import ReportBatcher
from bizsuite.modules.venue_audio.schemas import PlayerAck
from litestar import Litestar
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from tests.conftest import TenantHandle
from tests.modules.venue_audio.conftest import (
    BASE,
    Building,
    add_player,
    alarm_on_floor_5,
    board,
    command,
    make_building,
    music_everywhere,
)

WAIT_S = 20


def _socket_url(live_server: str) -> str:
    return live_server.replace("http://", "ws://") + f"{BASE}/player/socket"


@asynccontextmanager
async def socket(
    live_server: str, key: str, last_event_id: int | None = None
) -> AsyncIterator[ClientConnection]:
    headers = {"Authorization": f"Bearer {key}"}
    if last_event_id is not None:
        headers["Last-Event-ID"] = str(last_event_id)
    async with connect(_socket_url(live_server), additional_headers=headers, compression=None) as ws:
        yield ws


async def receive(ws: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), WAIT_S))
    return message


async def ack(ws: ClientConnection, command: dict[str, Any], volume: int | None = None) -> dict[str, Any]:
    body = {
        "type": "ack",
        "seq": command["seq"],
        "source": command["source"],
        "volume": volume or command["volume"],
    }
    await ws.send(json.dumps(body))
    return await receive(ws)


async def refused(live_server: str, key: str) -> int:
    with pytest.raises(InvalidStatus) as refusal:
        async with socket(live_server, key):
            pass
    status: int = refusal.value.response.status_code
    return status


async def test_commands_come_down_the_socket_and_acknowledgements_go_up_it_and_show_per_zone(
    client: httpx.AsyncClient, live_server: str, building: Building, app: Litestar
) -> None:
    await music_everywhere(client, building)
    on_5, on_4 = await add_player(client, building, "F5"), await add_player(client, building, "F4")
    on_8 = await add_player(client, building, "F8")
    async with socket(live_server, on_5.key) as ws_5, socket(live_server, on_4.key) as ws_4:
        first = await receive(ws_5)
        assert first["type"] == "command" and first["seq"] == 1
        assert first["command"]["program_kind"] == "music" and first["command"]["seq"] == 1
        assert (await receive(ws_4))["command"]["program_kind"] == "music"
        music_acked = await ack(ws_5, first["command"])
        assert music_acked["type"] == "acked" and music_acked["seq"] == 1

        emergency = await alarm_on_floor_5(client, building)
        command = (await receive(ws_5))["command"]
        assert command["seq"] == 2 and command["program_kind"] == "emergency" and command["volume"] == 100
        assert command["broadcast_id"] == emergency["id"] and command["source"] == "evacuation-zh-en.mp3"
        assert (await receive(ws_4))["command"]["program_kind"] == "emergency"  # floor 4 is in N+1
        acked = await ack(ws_5, command)
        assert acked == {"type": "acked", "seq": 2, "acked_at": acked["acked_at"]}

        zones = await board(client, building)
        [state] = zones["F5"]["players"]
        assert state["state"] == "acknowledged" and state["commanded_kind"] == "emergency"
        assert state["reported_source"] == "evacuation-zh-en.mp3" and state["reported_volume"] == 100
        assert zones["F4"]["players"][0]["state"] == "waiting"  # received, not acknowledged
        # Floor 8 is outside N+1: its player (never connected) was only ever commanded the music.
        assert zones["F8"]["players"][0]["commanded_kind"] == "music"
        history = (await client.get(f"{BASE}/devices/{on_5.id}/commands", headers=building.headers)).json()
        assert [(c["seq"], c["acked_at"] is not None) for c in history["items"]] == [(2, True), (1, True)]
        logged = (await client.get(f"{BASE}/broadcasts/{emergency['id']}", headers=building.headers)).json()
        assert (logged["players_commanded"], logged["players_acknowledged"]) == (2, 1)

        # The 2-second rule reads the same records: only the player that did not acknowledge is late.
        async with in_tenant(app.state.sessionmaker, building.tenant.tenant.id, actor="test") as ctx:
            assert (
                await services.watch_acknowledgements(ctx, now=datetime.now(UTC) + timedelta(seconds=3)) == 1
            )
        zones = await board(client, building)
        assert zones["F4"]["players"][0]["state"] == "late"
        assert zones["F5"]["players"][0]["state"] == "acknowledged"
    _ = on_8


async def test_the_socket_resumes_from_the_last_event_id(
    client: httpx.AsyncClient, live_server: str, building: Building
) -> None:
    await music_everywhere(client, building)
    player = await add_player(client, building, "F5")
    async with socket(live_server, player.key) as ws:
        assert (await receive(ws))["seq"] == 1
        emergency = await alarm_on_floor_5(client, building)
        assert (await receive(ws))["seq"] == 2
    # Reconnecting with the last id received: the emergency is not sent again; the next change is.
    async with socket(live_server, player.key, last_event_id=2) as ws:
        cleared = await client.post(
            f"{BASE}/broadcasts/{emergency['id']}/close",
            json={"reason": "drill over"},
            headers=building.headers,
        )
        assert cleared.status_code == 200
        again = await receive(ws)
        assert again["seq"] == 3 and again["command"]["program_kind"] == "music"
    # Without it, the current command comes first.
    async with socket(live_server, player.key) as ws:
        assert (await receive(ws))["seq"] == 3


async def test_a_repeated_acknowledgement_is_recorded_once_whichever_way_it_comes(
    client: httpx.AsyncClient, live_server: str, building: Building
) -> None:
    player = await add_player(client, building, "F5")
    await alarm_on_floor_5(client, building)
    async with socket(live_server, player.key) as ws:
        command = (await receive(ws))["command"]
        once = await ack(ws, command)
        twice = await ack(ws, command)
        assert once["type"] == twice["type"] == "acked" and once["acked_at"] == twice["acked_at"]
        # Five more in a row: still the one command, acknowledged when it first was.
        for _ in range(5):
            await ws.send(json.dumps({"type": "ack", "seq": command["seq"], "source": "x", "volume": 90}))
        answers = [await receive(ws) for _ in range(5)]
        assert {a["acked_at"] for a in answers} == {once["acked_at"]}
    posted = await client.post(
        f"{BASE}/player/acks",
        json={"seq": command["seq"], "source": command["source"], "volume": 100},
        headers=player.headers,
    )
    assert posted.status_code == 200
    assert datetime.fromisoformat(posted.json()["acked_at"]) == datetime.fromisoformat(once["acked_at"])
    history = (await client.get(f"{BASE}/devices/{player.id}/commands", headers=building.headers)).json()
    [latest] = [c for c in history["items"] if c["seq"] == command["seq"]]
    assert latest["reported_volume"] == 100 and latest["acked_at"] == posted.json()["acked_at"]


async def test_bad_messages_are_answered_and_the_socket_stays_open(
    client: httpx.AsyncClient, live_server: str, building: Building
) -> None:
    player = await add_player(client, building, "F5")
    async with socket(live_server, player.key) as ws:
        command = (await receive(ws))["command"]
        await ws.send("not json")
        assert (await receive(ws))["status"] == 422
        await ws.send(json.dumps({"type": "ack", "seq": 0, "source": "", "volume": 100}))
        assert (await receive(ws))["status"] == 422
        unknown = await ack(ws, {**command, "seq": 99})
        assert unknown == {
            "type": "error",
            "status": 422,
            "title": "Invalid request",
            "seq": 99,
            "detail": unknown["detail"],
        }
        assert (await ack(ws, command))["type"] == "acked"


async def test_a_heartbeat_on_the_socket_is_recorded_and_ends_a_fault(
    client: httpx.AsyncClient, live_server: str, building: Building, app_engine: AsyncEngine
) -> None:
    player = await add_player(client, building, "F5")
    async with in_tenant(make_sessionmaker(app_engine), building.tenant.id, actor="test") as ctx:
        faulty = await services.mark_faults(ctx, now=clock.now(ctx) + timedelta(minutes=10))
    assert [str(d) for d in faulty] == [player.id]
    async with socket(live_server, player.key) as ws:
        await receive(ws)
        await ws.send(json.dumps({"type": "heartbeat"}))
        assert await receive(ws) == {"type": "alive"}
        device = (await client.get(f"{BASE}/devices/{player.id}", headers=building.headers)).json()
        assert device["health"] == "ok" and device["fault_since"] is None and device["last_heartbeat_at"]
        await ws.send(json.dumps({"type": "heartbeat"}))
        assert await receive(ws) == {"type": "alive"}
        later = (await client.get(f"{BASE}/devices/{player.id}", headers=building.headers)).json()
        assert later["last_heartbeat_at"] > device["last_heartbeat_at"]


async def test_wrong_revoked_and_tenant_keys_are_refused(
    client: httpx.AsyncClient, live_server: str, building: Building
) -> None:
    player = await add_player(client, building, "F5")
    assert await refused(live_server, "bzd_" + "x" * 40) == 401
    assert await refused(live_server, building.tenant.api_key) == 403
    with pytest.raises(InvalidStatus) as no_key:
        async with connect(_socket_url(live_server)):
            pass
    assert no_key.value.response.status_code == 401
    async with socket(live_server, player.key) as ws:
        await receive(ws)
        [key] = (await client.get(f"{BASE}/devices/{player.id}/keys", headers=building.headers)).json()[
            "items"
        ]
        revoked = await client.post(
            f"{BASE}/devices/{player.id}/keys/{key['id']}/revoke", headers=building.headers
        )
        assert revoked.status_code == 200
        with pytest.raises(ConnectionClosed) as closed:
            await receive(ws)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401
    assert await refused(live_server, player.key) == 401


async def test_a_suspended_tenants_player_is_refused(
    client: httpx.AsyncClient, live_server: str, make_tenant: Any, owner_engine: AsyncEngine
) -> None:
    other: TenantHandle = await make_tenant(modules=["venue_audio"])
    player = await add_player(client, await make_building(client, other), "F5")
    async with socket(live_server, player.key) as ws:
        assert (await receive(ws))["seq"] == 1
    async with owner_engine.begin() as owner:
        await owner.execute(text("UPDATE tenants SET status = 'suspended' WHERE id = :t"), {"t": other.id})
    assert await refused(live_server, player.key) == 403


async def test_a_player_of_another_tenant_hears_and_acknowledges_nothing_here(
    client: httpx.AsyncClient, live_server: str, building: Building, make_tenant: Any
) -> None:
    other: TenantHandle = await make_tenant(modules=["venue_audio"])
    theirs = await make_building(client, other)
    ours, stranger = await add_player(client, building, "F5"), await add_player(client, theirs, "F5")
    async with socket(live_server, ours.key) as mine, socket(live_server, stranger.key) as foreign:
        assert (await receive(mine))["seq"] == 1
        assert (await receive(foreign))["seq"] == 1
        await alarm_on_floor_5(client, building)
        command = (await receive(mine))["command"]
        assert command["seq"] == 2 and command["program_kind"] == "emergency"
        # Their player acknowledges our command's number: it has no such command (the answer is
        # the first thing it hears: nothing of ours came before), and ours stays unacknowledged.
        answer = await ack(foreign, command)
        assert answer["type"] == "error" and answer["status"] == 422 and answer["seq"] == 2
    [state] = (await board(client, building))["F5"]["players"]
    assert state["seq"] == 2 and state["state"] == "waiting"
    history = (await client.get(f"{BASE}/devices/{stranger.id}/commands", headers=other.headers)).json()
    assert [c["seq"] for c in history["items"]] == [1]


async def test_acknowledgements_arriving_together_are_written_in_one_statement(
    app: Litestar, client: httpx.AsyncClient, building: Building
) -> None:
    players = [await add_player(client, building, zone) for zone in ("F4", "F5", "F6")]
    await alarm_on_floor_5(client, building)
    principals, commands = [], []
    for player in players:
        commands.append((await command(client, player)).json())
        async with app.state.sessionmaker() as session, session.begin():
            principals.append(await services.device_principal(session, player.key))
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(str(args[2]))

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        batcher = ReportBatcher(app.state.sessionmaker)
        answers = await asyncio.gather(
            *(
                batcher.submit(principal, PlayerAck(seq=c["seq"], source=c["source"], volume=c["volume"]))
                for principal, c in zip(principals, commands, strict=True)
            ),
            batcher.submit(principals[0], None),  # a heartbeat in the same batch
        )
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert [a.seq if a is not None else None for a in answers] == [c["seq"] for c in commands] + [None]
    assert len([s for s in statements if "UPDATE venue_audio_player_commands" in s]) == 1
    zones = await board(client, building)
    assert {zones[z]["players"][0]["state"] for z in ("F4", "F5", "F6")} == {"acknowledged"}
