"""The worker outlives a database restart and its own death: a job whose database restarts
mid-run and whose worker is then killed (`kill -9`) still completes, and its effect happens once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bizsuite.core.alerts.models import Alert
from bizsuite.core.database import runtime_url
from bizsuite.core.jobs.models import BackgroundJob, JobStatus
from bizsuite.core.jobs.queue import enqueue, in_tenant
from bizsuite.settings import REPO_ROOT, Settings
from sqlalchemy import func, pool, select
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

import tests.core.jobs.probe_tasks  # noqa: F401  (registers the probe tasks here too)
from tests.conftest import create_tenant_with_key
from tests.faults.conftest import PrivatePostgres


def _worker(settings: Settings) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "BIZSUITE_DATABASE_URL": settings.database_url,
        "BIZSUITE_DATA_DIR": str(settings.data_dir),
        "BIZSUITE_WORKER_HEARTBEAT_MS": "200",
        "BIZSUITE_WORKER_STALLED_MS": "6000",
        "BIZSUITE_WORKER_POLL_MS": "100",
        "BIZSUITE_DB_POOL_TIMEOUT_SECONDS": "2",
        "BIZSUITE_LOG_JSON": "false",
        "BIZSUITE_LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "bizsuite.cli", "worker", "--import", "tests.core.jobs.probe_tasks"]
    return subprocess.Popen(
        command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


async def _until(
    check: Callable[[], Awaitable[bool]], worker: subprocess.Popen[bytes], seconds: float
) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        if worker.poll() is not None:
            raise AssertionError(
                f"the worker exited ({worker.returncode}): {worker.stderr.read().decode()[-2000:]}"
            )  # type: ignore[union-attr]
        if time.monotonic() > deadline:
            worker.kill()
            _, err = worker.communicate(timeout=20)
            raise AssertionError(f"not done after {seconds} s; worker said: {err.decode()[-3000:]}")
        await asyncio.sleep(0.1)


async def test_a_job_survives_a_database_restart_and_its_worker_killed_and_runs_once(
    private_postgres: PrivatePostgres, fault_settings: Settings
) -> None:
    # No pool: the test's own connections must not outlive the restart either.
    engine: AsyncEngine = create_async_engine(runtime_url(fault_settings), poolclass=pool.NullPool)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    tenant = await create_tenant_with_key(engine)

    async def queue(key: str, hold: float) -> Any:
        async with in_tenant(sessions, tenant.id, actor="test") as ctx:
            job = await enqueue(ctx, "tests.raise_then_hold", {"key": key, "hold_seconds": hold})
        assert job is not None
        return job.id

    async def job(job_id: Any) -> BackgroundJob:
        async with in_tenant(sessions, tenant.id, actor="test") as ctx:
            found = await ctx.session.scalar(select(BackgroundJob).where(BackgroundJob.id == job_id))
        assert found is not None
        return found

    async def alerts(key: str) -> int:
        async with in_tenant(sessions, tenant.id, actor="test") as ctx:
            count = await ctx.session.scalar(select(func.count()).where(Alert.dedup_key == f"probe:{key}"))
        return int(count or 0)

    # Held far longer than the test takes (only its first attempt holds): a busy machine's slow
    # database restart must not let it finish before its worker is killed (it once did at 60 s).
    held = await queue("held", 3600)
    first = _worker(fault_settings)
    second: subprocess.Popen[bytes] | None = None
    try:

        async def effect_committed() -> bool:
            return await alerts("held") == 1

        await _until(effect_committed, first, 30)

        # The database restarts while the job runs: the worker rides it out (it used to exit 0).
        await asyncio.to_thread(private_postgres.stop)
        await asyncio.sleep(2)
        await asyncio.to_thread(private_postgres.start)
        after_restart = await queue("after-restart", 0)

        async def new_job_done() -> bool:
            return (await job(after_restart)).status is JobStatus.SUCCEEDED

        await _until(new_job_done, first, 30)
        assert (await job(held)).status is JobStatus.RUNNING

        # Now its worker dies mid-job; another worker takes the job over once the heartbeat is stale.
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        second = _worker(fault_settings)

        async def held_job_done() -> bool:
            return (await job(held)).status is JobStatus.SUCCEEDED

        await _until(held_job_done, second, 30)
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=20)
    finished = await job(held)
    assert finished.attempts == 2
    assert await alerts("held") == 1
    assert await alerts("after-restart") == 1
    # A worker stopped on purpose exits cleanly.
    assert second is not None and second.returncode == 0, (
        second.stderr.read().decode()[-2000:] if second.stderr else ""
    )
    await engine.dispose()
