"""The per-minute sweeps ask which tenants have something due, in one statement (migration 0037),
and open a transaction for those only: a tenant with nothing due costs no transaction a minute.
The functions run as the application role, under row-level security like any request."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
from bizsuite.core.activities import tasks as activity_tasks
from bizsuite.core.database import make_sessionmaker
from bizsuite.modules.venue_audio import services as venue_services
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.activities.test_activities_api import schedule, today_of
from tests.core.approvals.conftest import post_ok
from tests.core.chatter.helpers import add_member, inbox_of
from tests.modules.crm.conftest import make_account
from tests.modules.venue_audio.conftest import BASE, make_building


async def _due(engine: AsyncEngine, statement: str, **params: Any) -> set[uuid.UUID]:
    async with engine.connect() as conn:  # the application role
        return {row[0] for row in await conn.execute(text(statement), params)}


async def test_only_tenants_with_a_reminder_due_are_swept(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: Any
) -> None:
    due_today: TenantHandle = await make_tenant()
    due_later: TenantHandle = await make_tenant()
    people = {}
    for tenant, days in ((due_today, 0), (due_later, 30)):
        people[tenant.id] = await add_member(app_engine, tenant, "陈静")
        account = await make_account(app_engine, tenant, "明辉")
        due = await today_of(app_engine, tenant) + dt.timedelta(days=days)
        await schedule(
            client, tenant, account, due_date=due.isoformat(), assignee_user_id=str(people[tenant.id])
        )

    found = await _due(
        app_engine,
        "SELECT bizsuite_due_activity_tenants(:since, :types)",
        since=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=30),
        types=["crm_accounts"],
    )
    assert due_today.id in found and due_later.id not in found

    await activity_tasks.sweep_all_tenants(make_sessionmaker(app_engine))
    assert [i["alert"]["type"] for i in await inbox_of(client, due_today, people[due_today.id])] == [
        "activity.due"
    ]
    assert await inbox_of(client, due_later, people[due_later.id]) == []


async def test_only_tenants_with_a_silent_device_are_swept(
    client: httpx.AsyncClient, app_engine: AsyncEngine, owner_engine: AsyncEngine, make_tenant: Any
) -> None:
    silent = await make_building(client, await make_tenant(modules=["venue_audio"]))
    just_registered = await make_building(client, await make_tenant(modules=["venue_audio"]))
    devices = {}
    for building in (silent, just_registered):
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
        devices[building.tenant.id] = device["id"]
    async with owner_engine.begin() as conn:  # registered a minute ago, never heard from
        await conn.execute(
            text("UPDATE venue_audio_devices SET created_at = now() - interval '1 minute' WHERE id = :id"),
            {"id": devices[silent.tenant.id]},
        )

    found = await _due(app_engine, "SELECT bizsuite_due_heartbeat_tenants()")
    assert silent.tenant.id in found and just_registered.tenant.id not in found

    assert await venue_services.sweep_all_tenants(make_sessionmaker(app_engine)) >= 1
    for building, health in ((silent, "fault"), (just_registered, "unknown")):
        got = await client.get(f"{BASE}/devices/{devices[building.tenant.id]}", headers=building.headers)
        assert got.json()["health"] == health, got.text
