"""A player's open connection follows its tenant's standing, not only its key: suspending the
tenant, giving it a plan without venue audio or taking the module away closes its players' open
WebSockets (4403, with the problem's title) and ends their feeds at once, in another server than
the one that made the change; their reconnection is refused with the problem; other tenants'
players stay connected. The reference player keeps trying and comes back when the tenant is
resumed. A subscription that lapses with time, with no write, is caught in memory when quiet."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from bizsuite.core.errors import ProblemError
from bizsuite.core.tenants.models import Tenant, TenantStatus
from bizsuite.modules.venue_audio.access import Standing, _TenantPlayers, refusal
from bizsuite_sdk.player import Player as ReferencePlayer
from websockets.exceptions import ConnectionClosed

from tests.conftest import OPERATOR_TOKEN, TenantHandle
from tests.core.billing.conftest import make_plan  # noqa: F401 (a fixture)
from tests.modules.venue_audio.conftest import (
    BASE,
    Building,
    add_player,
    alarm_on_floor_5,
    events_of,
    make_building,
    music_everywhere,
)
from tests.modules.venue_audio.test_venue_audio_player_processes import _now_playing, _until
from tests.modules.venue_audio.test_venue_audio_player_socket import receive, refused, socket
from tests.modules.venue_audio.test_venue_audio_players import server  # noqa: F401

WAIT_S = 20
OPERATOR = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}


# --- Why a tenant no longer admits players (a plain function) ------------------------------------


def _tenant(**entitlements: Any) -> Tenant:
    row = Tenant(
        slug="t", name="t", modules=["venue_audio"], status=TenantStatus.ACTIVE, sandbox=False,
        clock_offset=dt.timedelta(0),
    )  # fmt: skip
    plan = {
        "plan": "pro",
        "plan_name": "Pro",
        "plan_version": 1,
        "modules": ["venue_audio"],
        "status": "active",
    }
    row.entitlements = {**plan, **entitlements} if entitlements else None
    return row


def _ago(days: int) -> str:
    return (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat()


def test_a_tenant_admits_players_while_active_with_venue_audio_in_its_plan() -> None:
    assert refusal(_tenant()) is None  # no subscription: as the operator assigned
    assert refusal(_tenant(status="active")) is None
    # Read-only grace still admits them (a connection reads); the writes it carries are refused.
    assert refusal(_tenant(status="past_due", lapse=_ago(10))) is None


def test_a_suspended_tenant_a_plan_without_venue_audio_or_a_suspended_subscription_refuse_players() -> None:
    suspended = _tenant()
    suspended.status = TenantStatus.SUSPENDED
    assert (problem := refusal(suspended)) is not None and (problem.status, problem.slug) == (
        403,
        "tenant-suspended",
    )
    assert (problem := refusal(_tenant(modules=["crm"]))) is not None
    assert (problem.status, problem.slug) == (403, "module-not-in-plan")
    disabled = _tenant()
    disabled.modules = ["crm"]
    assert (problem := refusal(disabled)) is not None and problem.status == 403
    assert (problem := refusal(_tenant(status="suspended"))) is not None
    assert (problem.status, problem.slug) == (402, "subscription-inactive")
    assert (problem := refusal(None)) is not None and problem.status == 401  # the tenant is gone


def test_a_subscription_that_lapses_with_time_is_caught_when_the_connection_is_quiet() -> None:
    # Past due for long enough that read-only grace is over: suspended by time, with no write.
    players = _TenantPlayers(_tenant(status="past_due", lapse=_ago(400)))
    woken: list[bool] = []
    standing = Standing(players, lambda: woken.append(True))
    standing.check()  # nothing was told: a busy connection does not look
    with pytest.raises(ProblemError) as lapsed:
        standing.check(quiet=True)
    assert lapsed.value.status == 402 and standing.refused is lapsed.value


# --- Open connections, on a real server -------------------------------------------------------------


async def _closed(ws: Any) -> ConnectionClosed:
    with pytest.raises(ConnectionClosed) as closed:
        while True:  # whatever was on its way, then the close
            await asyncio.wait_for(ws.recv(), WAIT_S)
    return closed.value


async def test_suspending_a_tenant_closes_its_players_sockets_and_theirs_only(
    client: httpx.AsyncClient, live_server: str, building: Building, make_tenant: Any
) -> None:
    ours = await add_player(client, building, "F5")
    other: TenantHandle = await make_tenant(modules=["venue_audio"])
    theirs_building = await make_building(client, other)
    theirs = await add_player(client, theirs_building, "F5")
    async with socket(live_server, ours.key) as mine, socket(live_server, theirs.key) as foreign:
        assert (await receive(mine))["seq"] == 1 and (await receive(foreign))["seq"] == 1
        # The operator suspends our tenant through the test app: the live server hears of it
        # through PostgreSQL, as another process would.
        suspended = await client.post(f"/api/v1/tenants/{building.tenant.id}/suspend", headers=OPERATOR)
        assert suspended.status_code == 200, suspended.text
        closed = await _closed(mine)
        assert closed.rcvd is not None and (closed.rcvd.code, closed.rcvd.reason) == (
            4403,
            "Tenant suspended",
        )
        # The other tenant's player is still connected and still commanded.
        await alarm_on_floor_5(client, theirs_building)
        assert (await receive(foreign))["command"]["program_kind"] == "emergency"
    assert await refused(live_server, ours.key) == 403
    resumed = await client.post(f"/api/v1/tenants/{building.tenant.id}/resume", headers=OPERATOR)
    assert resumed.status_code == 200, resumed.text
    async with socket(live_server, ours.key, last_event_id=0) as again:
        assert (await receive(again))["seq"] == 1


async def test_a_plan_without_venue_audio_closes_the_players_sockets(
    client: httpx.AsyncClient,
    live_server: str,
    building: Building,
    make_plan: Any,  # noqa: F811
) -> None:
    player = await add_player(client, building, "F5")
    plan = await make_plan(modules=["crm"])
    async with socket(live_server, player.key) as ws:
        await receive(ws)
        assigned = await client.put(
            f"/api/v1/billing/tenants/{building.tenant.id}/subscription",
            json={"plan": plan["code"]},
            headers=OPERATOR,
        )
        assert assigned.status_code == 200, assigned.text
        closed = await _closed(ws)
        assert closed.rcvd is not None and (closed.rcvd.code, closed.rcvd.reason) == (
            4403,
            "Not in your plan",
        )
    assert await refused(live_server, player.key) == 403


async def test_taking_venue_audio_away_closes_the_players_sockets(
    client: httpx.AsyncClient, live_server: str, building: Building
) -> None:
    player = await add_player(client, building, "F5")
    tenant = f"/api/v1/tenants/{building.tenant.id}"
    async with socket(live_server, player.key) as ws:
        await receive(ws)
        version = str((await client.get(tenant, headers=OPERATOR)).json()["version"])
        changed = await client.patch(
            tenant, json={"modules": ["crm"]}, headers={**OPERATOR, "If-Match": version}
        )
        assert changed.status_code == 200, changed.text
        closed = await _closed(ws)
        assert closed.rcvd is not None and closed.rcvd.code == 4403
    assert await refused(live_server, player.key) == 403


async def test_suspending_a_tenant_ends_its_players_feeds(
    client: httpx.AsyncClient,
    server: httpx.AsyncClient,  # noqa: F811
    building: Building,
) -> None:
    player = await add_player(client, building, "F5")
    async with server.stream("GET", f"{BASE}/player/feed", headers=player.headers) as feed:
        events = events_of(feed)
        await asyncio.wait_for(anext(events), WAIT_S)
        suspended = await client.post(f"/api/v1/tenants/{building.tenant.id}/suspend", headers=OPERATOR)
        assert suspended.status_code == 200, suspended.text
        with pytest.raises(StopAsyncIteration):
            await asyncio.wait_for(anext(events), WAIT_S)
    again = await server.get(f"{BASE}/player/feed", headers=player.headers)
    assert again.status_code == 403 and again.json()["type"].endswith("/tenant-suspended")


async def test_the_reference_player_waits_out_a_suspension_and_comes_back_with_its_tenant(
    client: httpx.AsyncClient, live_server: str, building: Building, tmp_path: Path
) -> None:
    await music_everywhere(client, building)
    player = await add_player(client, building, "F5")
    reference = ReferencePlayer(live_server, player.key, tmp_path / "F5", heartbeat=3600, max_backoff=2)
    thread = threading.Thread(target=reference.run, daemon=True)
    thread.start()
    try:
        await _until(lambda: _now_playing(tmp_path / "F5").get("program_kind") == "music", "the music plays")
        assert reference.via == "websocket" and reference.connections == 1
        suspended = await client.post(f"/api/v1/tenants/{building.tenant.id}/suspend", headers=OPERATOR)
        assert suspended.status_code == 200, suspended.text
        await _until(lambda: reference.refused == "Tenant suspended", "the server closes the player's socket")
        # Refused again and again while suspended, it keeps trying: a suspension is not a bad key.
        await asyncio.sleep(3)
        assert not reference.stop.is_set() and reference.connections == 1
        resumed = await client.post(f"/api/v1/tenants/{building.tenant.id}/resume", headers=OPERATOR)
        assert resumed.status_code == 200, resumed.text
        await _until(lambda: reference.connections == 2 and reference.refused is None, "the player is back")
        assert reference.via == "websocket"
    finally:
        reference.stop.set()
        await asyncio.to_thread(thread.join, 15)
