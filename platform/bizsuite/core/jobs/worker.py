"""``bizsuite worker``: procrastinate's worker, connected as the application role."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import URL

from bizsuite.core.database import make_engine, make_sessionmaker, runtime_url
from bizsuite.core.jobs.queue import JobRuntime, SessionAwareConnector, load_task_modules, queue_app
from bizsuite.settings import Settings

log = logging.getLogger(__name__)


def psycopg_conninfo(url: URL) -> str:
    """The libpq URL procrastinate's psycopg pool connects with (same role and database)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


@asynccontextmanager
async def worker_runtime(settings: Settings) -> AsyncIterator[JobRuntime]:
    """Open procrastinate's pool and the task code's SQLAlchemy engine, both as the application role."""
    url = runtime_url(settings)
    concurrency = max(1, settings.worker_concurrency)
    engine = make_engine(url, settings, pool_size=concurrency + 1, max_overflow=concurrency)
    connector = SessionAwareConnector(
        conninfo=psycopg_conninfo(url),
        min_size=1,
        max_size=concurrency + 3,
        kwargs={"application_name": "bizsuite-worker"},
    )
    try:
        with queue_app.replace_connector(connector):
            async with queue_app.open_async():
                yield JobRuntime(settings=settings, sessionmaker=make_sessionmaker(engine))
    finally:
        await engine.dispose()


async def recover_stalled_jobs(settings: Settings) -> int:
    """Put back in the queue the jobs of workers that stopped sending heartbeats (killed, lost).

    Their transactions died with their connections, so the jobs run again from the start.
    """
    stalled = await queue_app.job_manager.get_stalled_jobs(
        seconds_since_heartbeat=settings.worker_stalled_ms / 1000
    )
    count = 0
    for job in stalled:
        await queue_app.job_manager.retry_job(job)
        count += 1
    if count:
        log.warning("requeued %d job(s) of stalled workers", count)
    return count


def worker_options(settings: Settings, runtime: JobRuntime) -> dict[str, Any]:
    """procrastinate worker options from the settings."""
    return {
        "name": "bizsuite",
        "concurrency": max(1, settings.worker_concurrency),
        "additional_context": {"runtime": runtime},
        "update_heartbeat_interval": settings.worker_heartbeat_ms / 1000,
        "stalled_worker_timeout": settings.worker_stalled_ms / 1000,
        "fetch_job_polling_interval": settings.worker_poll_ms / 1000,
        # Finished work is kept per tenant in background_jobs; failed jobs stay for retries.
        "delete_jobs": "successful",
    }


async def run_worker(
    settings: Settings,
    *,
    import_paths: Iterable[str] = (),
    wait: bool = True,
    install_signal_handlers: bool = True,
) -> None:
    """Run queued and scheduled jobs until stopped (or, with ``wait=False``, until none is due)."""
    load_task_modules(import_paths)
    async with worker_runtime(settings) as runtime:
        await recover_stalled_jobs(settings)
        await queue_app.run_worker_async(
            wait=wait, install_signal_handlers=install_signal_handlers, **worker_options(settings, runtime)
        )
