"""Tenant B's key gets 404 on tenant A's jobs and schedules and never sees them in lists."""

from __future__ import annotations

from typing import Any

import pytest
from bizsuite.core.jobs.queue import enqueue
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncEngine

import tests.core.jobs.probe_tasks  # noqa: F401
from tests.conftest import TenantHandle
from tests.core.jobs.helpers import tenant_tx

Client = AsyncTestClient[Any]


async def _job(client: Client, engine: AsyncEngine, tenant: TenantHandle) -> str:
    async with tenant_tx(engine, tenant.id) as ctx:
        job = await enqueue(ctx, "tests.fails_until", {"succeed_from_attempt": 1})
    assert job is not None
    return str(job.id)


async def _schedule(client: Client, engine: AsyncEngine, tenant: TenantHandle) -> str:
    body = {"name": "Nightly", "task_name": "alerts.remind", "cron": "0 2 * * *", "args": {"title": "Hi"}}
    response = await client.post("/api/v1/job-schedules", json=body, headers=tenant.headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


RESOURCES = {
    "jobs": ("/api/v1/jobs", _job, "/api/v1/jobs/{id}", [("POST", "/retry", None)]),
    "job_schedules": (
        "/api/v1/job-schedules",
        _schedule,
        "/api/v1/job-schedules/{id}",
        [("PATCH", "", {"enabled": False}), ("DELETE", "", None)],
    ),
}


@pytest.mark.parametrize("resource", sorted(RESOURCES))
async def test_other_tenant_gets_404_and_never_sees_the_row(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle, resource: str
) -> None:
    list_path, make, item_path, writes = RESOURCES[resource]
    row_id = await make(client, app_engine, tenant_a)
    listed = await client.get(list_path, params={"limit": 200}, headers=tenant_b.headers)
    assert listed.status_code == 200
    assert row_id not in [item["id"] for item in listed.json()["items"]]
    read = await client.get(item_path.format(id=row_id), headers=tenant_b.headers)
    assert read.status_code == 404
    assert read.json()["type"].endswith("/not-found")
    for method, suffix, body in writes:
        path = item_path.format(id=row_id) + suffix
        response = await client.request(
            method, path, json=body, headers={**tenant_b.headers, "If-Match": "1"}
        )
        assert response.status_code == 404, f"{method} {path}: {response.status_code} {response.text}"
    own = await client.get(item_path.format(id=row_id), headers=tenant_a.headers)
    assert own.status_code == 200
    assert own.json()["version"] == 1


async def test_jobs_and_schedules_need_an_admin(client: Client, make_tenant: Any) -> None:
    from bizsuite.core.identity.models import Role

    member = await make_tenant(role=Role.MEMBER)
    assert (await client.get("/api/v1/jobs", headers=member.headers)).status_code == 403
    assert (await client.get("/api/v1/job-schedules", headers=member.headers)).status_code == 403
