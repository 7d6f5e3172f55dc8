"""Schedules: cron fields read in the tenant's time zone, fired once per occurrence by the worker."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bizsuite.core.db import utcnow
from bizsuite.core.jobs.rules import next_fire_time
from bizsuite.settings import Settings
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until

Client = AsyncTestClient[Any]
NEW_YORK = "America/New_York"
REMINDER = {
    "name": "Budget reminder",
    "task_name": "alerts.remind",
    "cron": "0 9 25 * *",
    "args": {"title": "Submit next month's budget", "severity": "warning"},
}


async def _set_time_zone(engine: AsyncEngine, tenant: TenantHandle, zone: str) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text("UPDATE tenants SET time_zone = :z WHERE id = :t"), {"z": zone, "t": tenant.id}
        )


async def test_a_schedule_fires_at_the_tenants_local_time_and_queues_the_next_occurrence(
    client: Client,
    app_engine: AsyncEngine,
    owner_engine: AsyncEngine,
    settings: Settings,
    tenant_a: TenantHandle,
) -> None:
    await _set_time_zone(app_engine, tenant_a, NEW_YORK)
    created = await client.post("/api/v1/job-schedules", json=REMINDER, headers=tenant_a.headers)
    assert created.status_code == 201, created.text
    schedule = created.json()
    assert schedule["time_zone"] == NEW_YORK
    fire_at = datetime.fromisoformat(schedule["next_fire_at"])
    assert fire_at == next_fire_time("0 9 25 * *", NEW_YORK, utcnow())
    local = fire_at.astimezone(ZoneInfo(NEW_YORK))
    assert (local.day, local.hour, local.minute) == (25, 9, 0)

    # Skip the wait: the firing job becomes due now (it still fires the 09:00 occurrence).
    async with owner_engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE procrastinate_jobs SET scheduled_at = now() WHERE id = "
                "(SELECT fire_job_id FROM job_schedules WHERE id = :s)"
            ),
            {"s": schedule["id"]},
        )

    async def reminded() -> bool:
        inbox = await client.get(
            "/api/v1/inbox", params={"user_id": str(tenant_a.owner.id)}, headers=tenant_a.headers
        )
        return inbox.json()["unread_count"] == 1

    await run_jobs_until(fast(settings), reminded)
    [item] = (
        await client.get(
            "/api/v1/inbox", params={"user_id": str(tenant_a.owner.id)}, headers=tenant_a.headers
        )
    ).json()["items"]
    assert item["alert"]["type"] == "reminder"
    assert item["alert"]["title"] == "Submit next month's budget"
    assert item["alert"]["severity"] == "warning"
    assert datetime.fromisoformat(item["alert"]["data"]["fired_at"]) == fire_at

    after = (await client.get(f"/api/v1/job-schedules/{schedule['id']}", headers=tenant_a.headers)).json()
    assert datetime.fromisoformat(after["last_fired_at"]) == fire_at
    following = datetime.fromisoformat(after["next_fire_at"])
    assert following == next_fire_time("0 9 25 * *", NEW_YORK, fire_at)
    assert following.astimezone(ZoneInfo(NEW_YORK)).hour == 9
    jobs = (
        await client.get("/api/v1/jobs", params={"task_name": "alerts.remind"}, headers=tenant_a.headers)
    ).json()
    assert [(j["schedule_id"], j["status"]) for j in jobs["items"]] == [(schedule["id"], "succeeded")]
    async with owner_engine.connect() as conn:
        queued = await conn.scalar(
            text(
                "SELECT scheduled_at FROM procrastinate_jobs WHERE status = 'todo' AND id = "
                "(SELECT fire_job_id FROM job_schedules WHERE id = :s)"
            ),
            {"s": schedule["id"]},
        )
    assert queued == following


async def test_schedules_are_validated_updated_with_if_match_and_deleted(
    client: Client, owner_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    bad_cron = await client.post(
        "/api/v1/job-schedules", json={**REMINDER, "cron": "0 9 * *"}, headers=tenant_a.headers
    )
    assert bad_cron.status_code == 422
    assert bad_cron.json()["errors"][0]["field"] == "cron"
    bad_task = await client.post(
        "/api/v1/job-schedules", json={**REMINDER, "task_name": "webhooks.deliver"}, headers=tenant_a.headers
    )
    assert bad_task.json()["errors"][0]["field"] == "task_name"
    bad_args = await client.post(
        "/api/v1/job-schedules", json={**REMINDER, "args": {"tittle": "x"}}, headers=tenant_a.headers
    )
    assert bad_args.status_code == 422
    assert bad_args.json()["errors"][0]["field"] == "args"

    schedule = (await client.post("/api/v1/job-schedules", json=REMINDER, headers=tenant_a.headers)).json()
    duplicate = await client.post("/api/v1/job-schedules", json=REMINDER, headers=tenant_a.headers)
    assert duplicate.status_code == 409 and duplicate.json()["errors"][0]["field"] == "name"
    tasks = (await client.get("/api/v1/jobs/tasks", headers=tenant_a.headers)).json()["items"]
    assert "alerts.remind" in [t["name"] for t in tasks]

    path = f"/api/v1/job-schedules/{schedule['id']}"
    async with owner_engine.connect() as conn:
        fire_job = await conn.scalar(
            text("SELECT fire_job_id FROM job_schedules WHERE id = :s"), {"s": schedule["id"]}
        )
    assert fire_job is not None
    assert (await client.patch(path, json={"enabled": False}, headers=tenant_a.headers)).status_code == 428
    paused = await client.patch(path, json={"enabled": False}, headers={**tenant_a.headers, "If-Match": "1"})
    assert paused.status_code == 200, paused.text
    assert paused.json()["next_fire_at"] is None
    async with owner_engine.connect() as conn:
        waiting = await conn.scalar(
            text("SELECT count(*) FROM procrastinate_jobs WHERE id = :j"), {"j": fire_job}
        )
    assert waiting == 0  # the queued firing was dropped
    resumed = await client.patch(
        path, json={"enabled": True, "cron": "30 18 * * 1-5"}, headers={**tenant_a.headers, "If-Match": "2"}
    )
    assert resumed.json()["next_fire_at"] is not None
    assert (
        await client.patch(path, json={"name": "x"}, headers={**tenant_a.headers, "If-Match": "2"})
    ).status_code == 412
    deleted = await client.delete(
        path, headers={**tenant_a.headers, "If-Match": str(resumed.json()["version"])}
    )
    assert deleted.status_code == 204
    assert (await client.get(path, headers=tenant_a.headers)).status_code == 404
    actions = [
        e["action"]
        for e in (
            await client.get(
                "/api/v1/audit-log", params={"target_id": schedule["id"]}, headers=tenant_a.headers
            )
        ).json()["items"]
    ]
    assert actions == [
        "job_schedule.deleted",
        "job_schedule.updated",
        "job_schedule.updated",
        "job_schedule.created",
    ]
