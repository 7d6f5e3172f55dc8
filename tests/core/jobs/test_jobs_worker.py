"""The worker: tenant jobs run under isolation, failures back off into the dead-letter list, a
job whose worker is killed runs again and its committed work happens once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from typing import Any

import pytest
from bizsuite.core.alerts.models import Alert
from bizsuite.core.audit.models import AuditEntry
from bizsuite.core.jobs.models import BackgroundJob, JobStatus
from bizsuite.core.jobs.queue import enqueue
from bizsuite.core.jobs.worker import recover_stalled_jobs, worker_runtime
from bizsuite.settings import REPO_ROOT, Settings
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

import tests.core.jobs.probe_tasks  # noqa: F401  (registers the probe tasks here too)
from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until, tenant_tx

Client = AsyncTestClient[Any]


async def _job(engine: AsyncEngine, tenant: TenantHandle, job_id: Any) -> BackgroundJob:
    async with tenant_tx(engine, tenant.id) as ctx:
        job = await ctx.session.scalar(select(BackgroundJob).where(BackgroundJob.id == job_id))
    assert job is not None
    return job


async def _queue(engine: AsyncEngine, tenant: TenantHandle, task: str, args: dict[str, Any]) -> Any:
    async with tenant_tx(engine, tenant.id) as ctx:
        job = await enqueue(ctx, task, args)
    assert job is not None
    return job.id


async def test_a_failing_job_backs_off_into_the_dead_letter_list_and_can_be_retried(
    client: Client,
    app_engine: AsyncEngine,
    settings: Settings,
    tenant_a: TenantHandle,
    tenant_b: TenantHandle,
) -> None:
    job_id = await _queue(app_engine, tenant_a, "tests.fails_until", {"succeed_from_attempt": 3})

    async def dead() -> bool:
        return (await _job(app_engine, tenant_a, job_id)).status is JobStatus.FAILED

    await run_jobs_until(fast(settings, job_retry_max_attempts=2), dead)
    failed = await client.get("/api/v1/jobs", params={"status": "failed"}, headers=tenant_a.headers)
    assert failed.status_code == 200
    [item] = [j for j in failed.json()["items"] if j["id"] == str(job_id)]
    assert item["attempts"] == 2
    assert "attempt 2 fails on purpose" in item["last_error"]
    assert item["args"] == {"succeed_from_attempt": 3}

    # Tenant B neither sees it nor can retry it.
    other = await client.get("/api/v1/jobs", params={"status": "failed"}, headers=tenant_b.headers)
    assert str(job_id) not in [j["id"] for j in other.json()["items"]]
    stolen = await client.post(
        f"/api/v1/jobs/{job_id}/retry", headers={**tenant_b.headers, "If-Match": str(item["version"])}
    )
    assert stolen.status_code == 404

    stale = await client.post(f"/api/v1/jobs/{job_id}/retry", headers={**tenant_a.headers, "If-Match": "1"})
    assert stale.status_code == 412
    retried = await client.post(
        f"/api/v1/jobs/{job_id}/retry", headers={**tenant_a.headers, "If-Match": str(item["version"])}
    )
    assert retried.status_code == 200, retried.text
    assert retried.json()["status"] == "queued"
    again = await client.post(
        f"/api/v1/jobs/{job_id}/retry",
        headers={**tenant_a.headers, "If-Match": str(retried.json()["version"])},
    )
    assert again.status_code == 409

    async def done() -> bool:
        return (await _job(app_engine, tenant_a, job_id)).status is JobStatus.SUCCEEDED

    await run_jobs_until(fast(settings), done)
    finished = (await client.get(f"/api/v1/jobs/{job_id}", headers=tenant_a.headers)).json()
    assert finished["attempts"] == 3
    audit = await client.get("/api/v1/audit-log", params={"action": "job.retried"}, headers=tenant_a.headers)
    assert [e["target_id"] for e in audit.json()["items"]] == [str(job_id)]


async def test_a_rolled_back_transaction_queues_nothing(
    app_engine: AsyncEngine, owner_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    async with owner_engine.connect() as conn:
        before = await conn.scalar(text("SELECT count(*) FROM procrastinate_jobs"))
    with pytest.raises(RuntimeError, match="changed my mind"):
        async with tenant_tx(app_engine, tenant_a.id) as ctx:
            await enqueue(ctx, "tests.fails_until", {"succeed_from_attempt": 1})
            raise RuntimeError("changed my mind")
    async with owner_engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM procrastinate_jobs")) == before
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        assert await ctx.session.scalar(select(func.count()).select_from(BackgroundJob)) == 0


async def test_jobs_run_as_the_application_role_inside_their_tenant(
    app_engine: AsyncEngine, settings: Settings, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    job_id = await _queue(app_engine, tenant_a, "tests.raise_then_hold", {"key": "scoped"})

    async def done() -> bool:
        return (await _job(app_engine, tenant_a, job_id)).status is JobStatus.SUCCEEDED

    await run_jobs_until(fast(settings), done)
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        assert await ctx.session.scalar(select(func.count()).where(Alert.dedup_key == "probe:scoped")) == 1
    async with tenant_tx(app_engine, tenant_b.id) as ctx:
        assert await ctx.session.scalar(select(func.count()).where(Alert.dedup_key == "probe:scoped")) == 0


def _worker_process(settings: Settings) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "BIZSUITE_DATABASE_URL": settings.database_url,
        "BIZSUITE_DATA_DIR": str(settings.data_dir),
        "BIZSUITE_WORKER_HEARTBEAT_MS": "200",
        "BIZSUITE_WORKER_STALLED_MS": "1000",
        "BIZSUITE_LOG_JSON": "false",
        "BIZSUITE_LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "bizsuite.cli", "worker", "--import", "tests.core.jobs.probe_tasks"]
    return subprocess.Popen(
        command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


async def test_a_job_killed_mid_run_runs_again_and_its_effect_happens_once(
    app_engine: AsyncEngine, settings: Settings, tenant_a: TenantHandle
) -> None:
    job_id = await _queue(
        app_engine,
        tenant_a,
        "tests.raise_then_hold",
        {"key": "killed", "hold_seconds": 3600},  # only the first attempt holds
    )

    async def alerts() -> int:
        async with tenant_tx(app_engine, tenant_a.id) as ctx:
            count = await ctx.session.scalar(select(func.count()).where(Alert.dedup_key == "probe:killed"))
        return int(count or 0)

    worker = _worker_process(settings)
    try:
        for _ in range(300):  # the first attempt commits its alert, then holds
            if await alerts() == 1 or worker.poll() is not None:
                break
            await asyncio.sleep(0.05)
        assert worker.poll() is None, worker.stderr.read().decode() if worker.stderr else ""
        assert await alerts() == 1
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert (await _job(app_engine, tenant_a, job_id)).status is JobStatus.RUNNING

    # The dead worker's heartbeat goes stale for the worker that takes over. Its threshold is
    # wider than the killed one's, so a busy machine that stalls the second attempt's own
    # heartbeat for a second or two does not hand the job over yet again.
    stalled_ms = 5000
    await asyncio.sleep(stalled_ms / 1000 + 0.2)

    async def done() -> bool:
        return (await _job(app_engine, tenant_a, job_id)).status is JobStatus.SUCCEEDED

    await run_jobs_until(fast(settings, worker_stalled_ms=stalled_ms), done)
    job = await _job(app_engine, tenant_a, job_id)
    assert job.attempts == 2
    assert await alerts() == 1
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        raised = await ctx.session.scalar(
            select(func.count()).where(
                AuditEntry.action == "alert.raised", AuditEntry.actor_label == "job:tests.raise_then_hold"
            )
        )
    assert raised == 1


async def _queue_row(engine: AsyncEngine, job_id: Any) -> tuple[str, int | None]:
    """The queue's view of a job: its procrastinate status and worker."""
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text(
                    "SELECT q.status::text, q.worker_id FROM procrastinate_jobs q"
                    " JOIN background_jobs b ON b.procrastinate_job_id = q.id WHERE b.id = :id"
                ),
                {"id": job_id},
            )
        ).one()
    return row[0], row[1]


async def test_a_worker_never_hands_over_a_job_it_is_running_itself(
    app_engine: AsyncEngine, owner_engine: AsyncEngine, settings: Settings, tenant_a: TenantHandle
) -> None:
    # A job that looks stalled to the queue: running, its worker row gone.
    job_id = await _queue(app_engine, tenant_a, "tests.raise_then_hold", {"key": "own"})
    async with owner_engine.begin() as conn:
        queue_id = await conn.scalar(
            text(
                "UPDATE procrastinate_jobs q SET status = 'doing', worker_id = NULL FROM background_jobs b"
                " WHERE b.id = :id AND q.id = b.procrastinate_job_id RETURNING q.id"
            ),
            {"id": job_id},
        )
    quick = fast(settings)
    async with worker_runtime(quick):
        # The worker running it (whose heartbeat a busy machine delayed) leaves it alone...
        assert await recover_stalled_jobs(quick, running=[queue_id]) == 0
        assert (await _queue_row(owner_engine, job_id))[0] == "doing"
        # ...any other worker puts it back in the queue.
        assert await recover_stalled_jobs(quick) >= 1
        assert (await _queue_row(owner_engine, job_id))[0] == "todo"


async def test_a_live_worker_pruned_while_away_takes_its_job_back_and_nobody_runs_it_twice(
    app_engine: AsyncEngine, owner_engine: AsyncEngine, settings: Settings, tenant_a: TenantHandle
) -> None:
    job_id = await _queue(
        app_engine, tenant_a, "tests.raise_then_hold", {"key": "pruned", "hold_seconds": 3600}
    )
    worker = _worker_process(settings)
    try:
        for _ in range(600):  # the first attempt commits its alert, then holds
            status, running_on = await _queue_row(owner_engine, job_id)
            if (status == "doing" and running_on is not None) or worker.poll() is not None:
                break
            await asyncio.sleep(0.05)
        assert worker.poll() is None, worker.stderr.read().decode() if worker.stderr else ""
        assert status == "doing" and running_on is not None
        # Another worker that started while the database was away pruned this one (its heartbeat
        # looked stale): the queue forgets which worker runs the job.
        async with owner_engine.begin() as conn:
            await conn.execute(text("DELETE FROM procrastinate_workers WHERE id = :id"), {"id": running_on})
        # Its next heartbeat (every 0.2 s) puts the row back and re-attaches the job; the bound
        # is for a machine so busy that the worker process waits seconds for a core.
        for _ in range(600):
            status, now_on = await _queue_row(owner_engine, job_id)
            if now_on is not None:
                break
            await asyncio.sleep(0.05)
        assert (status, now_on) == ("doing", running_on)

        # A second worker runs beside it for several stalled periods and leaves the job alone.
        deadline = asyncio.get_running_loop().time() + 4

        async def later() -> bool:
            return asyncio.get_running_loop().time() > deadline

        await run_jobs_until(fast(settings, worker_stalled_ms=1000), later)
        job = await _job(app_engine, tenant_a, job_id)
        assert (job.status, job.attempts) == (JobStatus.RUNNING, 1)
        assert await _queue_row(owner_engine, job_id) == ("doing", running_on)
    finally:
        worker.kill()
        worker.wait()
