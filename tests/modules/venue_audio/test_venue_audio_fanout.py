"""The emergency fan-out: an alarm tells every player of the venue its own command in a few
notifications (one per venue, split under PostgreSQL's limit), each server process handing the
commands to the connections it holds; a command reaches a connection exactly as the player reads
it back; a revoked key ends its own connections only."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import httpx
import msgspec
from bizsuite.core.context import Context, Principal
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity.security import sha256_hex
from bizsuite.modules.venue_audio import services
from bizsuite.modules.venue_audio.connections import PlayerLine, player_room
from bizsuite.modules.venue_audio.models import Device, DeviceKey, DeviceKind
from bizsuite.modules.venue_audio.schemas import PlayerCommandView, ProgramKindName
from bizsuite.modules.venue_audio.services.board import latest_commands
from bizsuite.modules.venue_audio.services.players import command_view
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, Building, add_player, music_everywhere

WAIT_S = 20
#: PostgreSQL refuses a notification payload of 8,000 bytes or more.
PAYLOAD_LIMIT = 8000


def _device_ids(count: int) -> list[str]:
    return [str(uuid.uuid4()) for _ in range(count)]


def test_hundreds_of_new_commands_fit_in_a_few_notifications_each_naming_every_player_once() -> None:
    body = '"issued_at":"2026-12-06T10:00:00Z","program_kind":"emergency","source":"evacuation.mp3"}'
    zones = [(str(uuid.uuid4()), body, _device_ids(10)) for _ in range(48)]
    zones.append((str(uuid.uuid4()), '"program_kind":"music"}', _device_ids(400)))  # a huge hall
    issued = [
        (zone, zone_body, "[" + ",".join(f'["{d}",{n + 2}]' for n, d in enumerate(devices)) + "]")
        for zone, zone_body, devices in zones
    ]
    payloads = services.news_payloads(due=3600.0, everyone=True, zones=issued)
    prefix = f"{uuid.uuid4()} {services.players_topic(uuid.uuid4())} "
    assert all(len((prefix + p).encode()) < PAYLOAD_LIMIT for p in payloads)
    assert 5 <= len(payloads) <= 8  # 880 players, some 130 a notification
    told: dict[str, tuple[str, int, str]] = {}
    for payload in payloads:
        news = services.read_news(payload)
        assert news.due == 3600.0
        for zone, index, players in news.zones:
            for device, seq in players:
                assert device not in told
                told[device] = (zone, seq, news.bodies[index])
    assert [services.read_news(p).everyone for p in payloads] == [True] + [False] * (len(payloads) - 1)
    for zone, zone_body, devices in zones:
        assert [told[d] for d in devices] == [(zone, n + 2, zone_body) for n in range(len(devices))]


def test_a_change_that_commands_nobody_still_tells_when_the_venue_next_changes() -> None:
    [payload] = services.news_payloads(due=None, everyone=True)
    news = services.read_news(payload)
    assert news.everyone and news.due is None and news.zones == []


def test_a_command_spliced_from_its_zones_body_reads_as_the_command_itself() -> None:
    view = PlayerCommandView(
        seq=17, zone_id=uuid.uuid4(), issued_at=datetime(2026, 12, 6, 10, 0, 1, 250000, tzinfo=UTC),
        program_kind=ProgramKindName.EMERGENCY, program_id=str(uuid.uuid4()), broadcast_id=uuid.uuid4(),
        source="evacuation-zh-en.mp3", volume=100, priority=4, position_s=0.0, acked_at=None,
        reported_source=None, reported_volume=None,
    )  # fmt: skip
    whole = services.command_json(view)
    body = whole[whole.index('"issued_at"') :]
    assert services.spliced_command(view.seq, str(view.zone_id), body) == whole


# --- Through the database and the live hub ------------------------------------------------------


async def _players(app_engine: AsyncEngine, b: Building, per_zone: int) -> list[tuple[uuid.UUID, str]]:
    """``per_zone`` players in every zone, written as rows (through the API each would recompute
    the venue's commands): their ids and keys."""
    made: list[tuple[uuid.UUID, str]] = []
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await bind_tenant(session, b.tenant.id)
        for code, zone_id in b.zones.items():
            for n in range(per_zone):
                device = Device(
                    tenant_id=b.tenant.id, venue_id=uuid.UUID(b.venue["id"]), zone_id=uuid.UUID(zone_id),
                    kind=DeviceKind.PLAYER.value, code=f"P-{code}-{n}", name=f"{code} {n}",
                )  # fmt: skip
                session.add(device)
                await session.flush()
                key = f"bzd_test{uuid.uuid4().hex}"
                session.add(
                    DeviceKey(
                        tenant_id=b.tenant.id, device_id=device.id, prefix=key[:12],
                        key_hash=sha256_hex(key), created_by="test",
                    )
                )  # fmt: skip
                made.append((device.id, key))
    return made


async def _principals(app: Litestar, keys: list[str]) -> list[Principal]:
    found = []
    for key in keys:
        async with app.state.sessionmaker() as session, session.begin():
            found.append(await services.device_principal(session, key))
    return found


@asynccontextmanager
async def _connected(
    app: Litestar, principals: list[Principal], venue_id: str
) -> AsyncIterator[list[PlayerLine]]:
    """Each player's connection in this process, as its socket or feed holds one."""
    with ExitStack() as stack:
        room = player_room(app)
        lines = [stack.enter_context(room.join(p, uuid.UUID(venue_id))) for p in principals]
        await app.state.live.listening()
        yield lines


async def _told(lines: list[PlayerLine]) -> list[tuple[int, str]]:
    """What each line was told, once every one was told something."""
    told: dict[int, tuple[int, str]] = {}
    async with asyncio.timeout(WAIT_S):
        while len(told) < len(lines):
            for n, line in enumerate(lines):
                latest = line.take()
                if latest is not None:
                    told[n] = latest
            await asyncio.sleep(0.02)
    return [told[n] for n in range(len(lines))]


@asynccontextmanager
async def _notifications(app: Litestar, b: Building) -> AsyncIterator[list[str | None]]:
    seen: list[str | None] = []
    topic = services.players_topic(uuid.UUID(b.venue["id"]))
    with app.state.live.listen(b.tenant.id, topic, seen.append):
        yield seen


async def test_an_all_call_tells_every_connected_player_its_own_command_in_a_few_notifications(
    app: Litestar, app_engine: AsyncEngine, client: httpx.AsyncClient, building: Building
) -> None:
    players = await _players(app_engine, building, per_zone=20)  # 300 players in 15 zones
    await music_everywhere(client, building)  # their first command each
    principals = await _principals(app, [key for _, key in players])
    async with (
        _connected(app, principals, building.venue["id"]) as lines,
        _notifications(app, building) as seen,
    ):
        alarm = await post_ok(
            client,
            f"{BASE}/broadcasts/emergencies",
            {"venue_id": building.venue["id"], "all_call": True, "reason": "fire panel: general alarm"},
            building.headers,
        )
        told = await _told(lines)
    # Every player was told the emergency exactly as it reads it back from the server.
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await bind_tenant(session, building.tenant.id)
        ctx = Context(session=session, principal=principals[0])
        latest = await latest_commands(ctx, [device_id for device_id, _ in players])
    for (device_id, _), (seq, command) in zip(players, told, strict=True):
        assert command == services.command_json(command_view(latest[device_id]))
        decoded = msgspec.json.decode(command, type=dict[str, Any])
        assert decoded["seq"] == seq == 3  # after silence (the group) and the music
        assert decoded["broadcast_id"] == alarm["id"]
        assert decoded["volume"] == 100 and decoded["program_kind"] == "emergency"
    # 300 players: a few notifications (a first one telling everyone when the venue changes next).
    assert 2 <= len(seen) <= 4
    assert all(data is not None and len(data.encode()) < PAYLOAD_LIMIT - 200 for data in seen)


async def test_a_revoked_key_ends_its_own_connections_and_not_those_of_the_devices_other_key(
    app: Litestar, client: httpx.AsyncClient, building: Building
) -> None:
    await music_everywhere(client, building)
    player = await add_player(client, building, "F5")
    second = await post_ok(client, f"{BASE}/devices/{player.id}/keys", {}, building.headers)
    first_principal, second_principal = await _principals(app, [player.key, second["key"]])
    async with _connected(app, [first_principal, second_principal], building.venue["id"]) as (first, other):
        keys = (await client.get(f"{BASE}/devices/{player.id}/keys", headers=building.headers)).json()
        first_key = next(k for k in keys["items"] if k["id"] == str(first_principal.api_key_id))
        revoked = await client.post(
            f"{BASE}/devices/{player.id}/keys/{first_key['id']}/revoke", headers=building.headers
        )
        assert revoked.status_code == 200, revoked.text
        async with asyncio.timeout(WAIT_S):
            while not first.ended:
                await first.wait(time.monotonic() + WAIT_S)
        # The other key's connection goes on and hears the next command.
        await post_ok(
            client,
            f"{BASE}/broadcasts/emergencies",
            {"venue_id": building.venue["id"], "floor": 5, "reason": "smoke detector 5F"},
            building.headers,
        )
        [(seq, command)] = await _told([other])
    assert not other.ended and seq == 2 and '"program_kind":"emergency"' in command
