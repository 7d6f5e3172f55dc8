"""Venue audio fixtures: a tenant with venue audio, a venue org unit and a 12-floor building with
two basements and a scenic area, made through the API."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from bizsuite_sdk.player import sse_events

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import make_unit, post_ok

BASE = "/api/v1/venue-audio"
TIME_ZONE = "Asia/Shanghai"


@dataclass
class Building:
    """A venue and its zones by code (F1…F12, B1, B2, PLAZA)."""

    tenant: TenantHandle
    venue: dict[str, Any]
    zones: dict[str, str] = field(default_factory=dict)

    @property
    def headers(self) -> dict[str, str]:
        return self.tenant.headers

    def codes(self, zone_ids: list[str]) -> list[str]:
        by_id = {v: k for k, v in self.zones.items()}
        return sorted(by_id[z] for z in zone_ids)


async def make_building(
    client: httpx.AsyncClient, tenant: TenantHandle, policy: str = "phased", code: str | None = None
) -> Building:
    """Tower: floors 1–12 (1 = ground), basements B1 and B2, and a plaza without floors."""
    unit = await make_unit(client, tenant, f"V{uuid.uuid4().hex[:5]}", "venue")
    venue = await post_ok(
        client,
        f"{BASE}/venues",
        {
            "org_unit_id": unit,
            "code": code or f"tower-{uuid.uuid4().hex[:4]}",
            "name": "华信大厦",
            "time_zone": TIME_ZONE,
            "emergency_policy": policy,
            "evacuation_source": "evacuation-zh-en.mp3",
        },
        tenant.headers,
    )
    building = Building(tenant, venue)
    places: list[dict[str, Any]] = [{"code": f"F{n}", "name": f"{n}F", "floor": n} for n in range(1, 13)]
    places += [{"code": f"B{n}", "name": f"B{n}", "floor": n, "basement": True} for n in (1, 2)]
    places.append({"code": "PLAZA", "name": "景观广场", "area": "south plaza"})
    for place in places:
        zone = await post_ok(client, f"{BASE}/zones", {"venue_id": venue["id"], **place}, tenant.headers)
        building.zones[place["code"]] = zone["id"]
    return building


def window_around_now(minutes: int = 60) -> tuple[str, str]:
    """A local start and end time around now (Shanghai), so a music window contains the present."""
    now = datetime.now(UTC).astimezone(ZoneInfo(TIME_ZONE))
    start, end = now - timedelta(minutes=minutes), now + timedelta(minutes=minutes)
    return start.strftime("%H:%M:%S"), end.strftime("%H:%M:%S")


async def music_everywhere(client: httpx.AsyncClient, b: Building) -> dict[str, Any]:
    """Background music for a group of every zone, playing now."""
    group = await post_ok(
        client,
        f"{BASE}/zone-groups",
        {"venue_id": b.venue["id"], "code": "ALL", "name": "全部区域", "zone_ids": list(b.zones.values())},
        b.headers,
    )
    start, end = window_around_now()
    return await post_ok(
        client,
        f"{BASE}/schedules",
        {
            "venue_id": b.venue["id"],
            "kind": "music",
            "name": "背景音乐",
            "source": "playlist:lobby-jazz",
            "zone_group_id": group["id"],
            "start_time": start,
            "end_time": end,
        },
        b.headers,
    )


async def board(client: httpx.AsyncClient, b: Building) -> dict[str, dict[str, Any]]:
    """The venue's board, zone code → status."""
    got = await client.get(f"{BASE}/venues/{b.venue['id']}/board", headers=b.headers)
    assert got.status_code == 200, got.text
    return {z["code"]: z for z in got.json()["zones"]}


@pytest.fixture
async def venue_tenant(make_tenant: Any) -> TenantHandle:
    tenant: TenantHandle = await make_tenant(modules=["venue_audio"])
    return tenant


@pytest.fixture
async def building(client: httpx.AsyncClient, venue_tenant: TenantHandle) -> Building:
    return await make_building(client, venue_tenant)


async def events_of(response: httpx.Response) -> AsyncIterator[dict[str, str]]:
    """The events of a server-sent event stream (``event``, ``id``, ``data``), read as the SDK's
    player reads them (``bizsuite_sdk.player.sse_events``), from an async client's response."""
    lines: list[str] = []
    async for line in response.aiter_lines():
        lines.append(line)
        if line == "":
            for event in sse_events(iter(lines)):
                yield event
            lines = []


@dataclass
class Player:
    id: str
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


async def add_player(client: httpx.AsyncClient, b: Building, zone: str) -> Player:
    device = await post_ok(
        client,
        f"{BASE}/devices",
        {
            "venue_id": b.venue["id"],
            "zone_id": b.zones[zone],
            "kind": "player",
            "code": f"P-{zone}",
            "name": zone,
        },
        b.headers,
    )
    key = await post_ok(client, f"{BASE}/devices/{device['id']}/keys", {}, b.headers)
    return Player(device["id"], key["key"])


async def command(client: httpx.AsyncClient, player: Player, after: int = 0, wait: int = 0) -> httpx.Response:
    return await client.get(
        f"{BASE}/player/command", params={"after": after, "wait": wait}, headers=player.headers
    )


async def alarm_on_floor_5(
    client: httpx.AsyncClient, b: Building, alarm_id: str = "FACP-5"
) -> dict[str, Any]:
    return await post_ok(
        client,
        f"{BASE}/broadcasts/emergencies",
        {"venue_id": b.venue["id"], "alarm_id": alarm_id, "floor": 5, "reason": "smoke detector 5F"},
        b.headers,
    )
