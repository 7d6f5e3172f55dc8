"""A job whose worker stopped sending heartbeats shows as stalled (API and jobs page) until
another worker hands it over and runs it again."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from bizsuite.core.jobs.models import BackgroundJob, JobStatus
from bizsuite.core.jobs.queue import enqueue
from bizsuite.settings import Settings
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

import tests.core.jobs.probe_tasks  # noqa: F401  (registers the probe tasks)
from tests.conftest import PASSWORD, TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until, tenant_tx


async def _running_on_worker(
    engine: AsyncEngine, tenant: TenantHandle, *, heartbeat_age_seconds: float
) -> uuid.UUID:
    """Queue a job and put it in the state a worker leaves it in mid-run: ``doing`` in the queue
    on a worker whose last heartbeat is ``heartbeat_age_seconds`` old, ``running`` for the tenant."""
    async with tenant_tx(engine, tenant.id) as ctx:
        job = await enqueue(ctx, "tests.fails_until", {"succeed_from_attempt": 1})
        assert job is not None and job.procrastinate_job_id is not None
        worker_id = await ctx.session.scalar(
            text(
                "INSERT INTO procrastinate_workers (last_heartbeat) "
                "VALUES (now() - make_interval(secs => :age)) RETURNING id"
            ),
            {"age": heartbeat_age_seconds},
        )
        await ctx.session.execute(
            text("UPDATE procrastinate_jobs SET status = 'doing', worker_id = :worker WHERE id = :id"),
            {"worker": worker_id, "id": job.procrastinate_job_id},
        )
        await ctx.session.execute(
            update(BackgroundJob)
            .where(BackgroundJob.id == job.id)
            .values(status=JobStatus.RUNNING, attempts=1)
        )
        return job.id


async def _listed(client: httpx.AsyncClient, tenant: TenantHandle) -> dict[str, dict[str, Any]]:
    response = await client.get("/api/v1/jobs", headers=tenant.headers)
    assert response.status_code == 200, response.text
    return {item["id"]: item for item in response.json()["items"]}


async def test_a_job_of_a_silent_worker_shows_as_stalled_until_another_worker_takes_it_over(
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    settings: Settings,
    tenant_a: TenantHandle,
    tenant_b: TenantHandle,
) -> None:
    stalled_id = await _running_on_worker(app_engine, tenant_a, heartbeat_age_seconds=3600.0)
    alive_id = await _running_on_worker(app_engine, tenant_a, heartbeat_age_seconds=0.0)

    listed = await _listed(client, tenant_a)
    assert listed[str(stalled_id)]["status"] == "running"
    assert listed[str(stalled_id)]["stalled"] is True
    assert listed[str(alive_id)]["status"] == "running"
    assert listed[str(alive_id)]["stalled"] is False
    one = await client.get(f"/api/v1/jobs/{stalled_id}", headers=tenant_a.headers)
    assert one.status_code == 200 and one.json()["stalled"] is True
    assert str(stalled_id) not in await _listed(client, tenant_b)

    # The jobs page shows the badge on that row only, in the reader's language.
    login = await client.post(
        "/api/v1/auth/login", json={"email": tenant_a.owner.email, "password": PASSWORD}
    )
    assert login.status_code == 200, login.text
    page = await client.get("/admin/jobs", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    stalled_row = page.text.split(f'data-testid="job-{stalled_id}"', 1)[1].split("</tr>", 1)[0]
    alive_row = page.text.split(f'data-testid="job-{alive_id}"', 1)[1].split("</tr>", 1)[0]
    assert (
        'data-testid="job-stalled"' in stalled_row and ">已停滞<" in stalled_row
    )  # the tenant reads Chinese
    assert 'data-testid="job-stalled"' not in alive_row

    # A worker hands the job over: it runs again and is no longer stalled.
    async def done() -> bool:
        async with tenant_tx(app_engine, tenant_a.id) as ctx:
            status = await ctx.session.scalar(
                select(BackgroundJob.status).where(BackgroundJob.id == stalled_id)
            )
        return status is JobStatus.SUCCEEDED

    await run_jobs_until(fast(settings), done)
    after = await _listed(client, tenant_a)
    assert after[str(stalled_id)]["status"] == "succeeded"
    assert after[str(stalled_id)]["stalled"] is False
    page = await client.get("/admin/jobs", headers={"Accept-Language": "en"})
    stalled_row = page.text.split(f'data-testid="job-{stalled_id}"', 1)[1].split("</tr>", 1)[0]
    assert 'data-testid="job-stalled"' not in stalled_row
