"""Heartbeat faults: a device silent past its interval raises one critical alert (the watch may run
any number of times), its health shows on the board, and its next heartbeat clears the fault and
takes the alert out of the inboxes; the watch reads the tenant clock."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
from bizsuite.core import clock
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.jobs.queue import in_tenant
from bizsuite.modules.venue_audio import services
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, Building, board


async def _watch(engine: AsyncEngine, tenant_id: uuid.UUID, *, after: timedelta) -> list[uuid.UUID]:
    async with in_tenant(make_sessionmaker(engine), tenant_id, actor="test") as ctx:
        return await services.mark_faults(ctx, now=clock.now(ctx) + after)


async def test_a_silent_device_raises_one_fault_alert_and_its_heartbeat_clears_it(
    client: httpx.AsyncClient, app_engine: AsyncEngine, building: Building
) -> None:
    device = await post_ok(
        client,
        f"{BASE}/devices",
        {
            "venue_id": building.venue["id"],
            "zone_id": building.zones["F5"],
            "kind": "amplifier",
            "code": "AMP-5",
            "name": "5F amplifier",
            "heartbeat_interval_s": 30,
        },
        building.headers,
    )
    tenant_id = building.tenant.id
    assert await _watch(app_engine, tenant_id, after=timedelta(seconds=10)) == []
    assert await _watch(app_engine, tenant_id, after=timedelta(seconds=40)) == [uuid.UUID(device["id"])]
    assert await _watch(app_engine, tenant_id, after=timedelta(seconds=90)) == []  # already in fault

    faulty = (await client.get(f"{BASE}/devices/{device['id']}", headers=building.headers)).json()
    assert faulty["health"] == "fault" and faulty["fault_since"] is not None
    assert (await board(client, building))["F5"]["devices_in_fault"] == 1
    listed = await client.get(f"{BASE}/devices", headers=building.headers, params={"health": "fault"})
    assert [d["id"] for d in listed.json()["items"]] == [device["id"]]
    alerts = await client.get(
        "/api/v1/alerts", headers=building.headers, params={"type": services.FAULT_ALERT}
    )
    (alert,) = alerts.json()["items"]
    assert alert["severity"] == "critical" and "AMP-5" in alert["title"]
    assert alert["href"] == "/venue-audio/devices?health=fault"
    inbox = await client.get(
        "/api/v1/inbox", headers=building.headers, params={"user_id": str(building.tenant.owner.id)}
    )
    assert inbox.json()["unread_count"] == 1

    back = await client.post(f"{BASE}/devices/{device['id']}/heartbeat", headers=building.headers)
    assert back.json()["health"] == "ok" and back.json()["fault_since"] is None
    assert (await board(client, building))["F5"]["devices_in_fault"] == 0
    inbox = await client.get(
        "/api/v1/inbox", headers=building.headers, params={"user_id": str(building.tenant.owner.id)}
    )
    assert inbox.json()["unread_count"] == 0
    # Silent again later: a new fault and a new alert.
    assert await _watch(app_engine, tenant_id, after=timedelta(seconds=45)) == [uuid.UUID(device["id"])]
    alerts = await client.get(
        "/api/v1/alerts", headers=building.headers, params={"type": services.FAULT_ALERT}
    )
    assert len(alerts.json()["items"]) == 2
