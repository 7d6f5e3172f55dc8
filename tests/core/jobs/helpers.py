"""Test helpers for background work: fast worker settings, running the real worker for a while."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from bizsuite.core.database import make_sessionmaker
from bizsuite.core.jobs.queue import in_tenant
from bizsuite.core.jobs.worker import run_worker
from bizsuite.settings import Settings
from sqlalchemy.ext.asyncio import AsyncEngine


def fast(settings: Settings, **overrides: Any) -> Settings:
    """Worker settings with short heartbeats and backoffs (milliseconds instead of minutes)."""
    values: dict[str, Any] = {
        "worker_concurrency": 2,
        "worker_heartbeat_ms": 200,
        "worker_stalled_ms": 1000,
        "worker_poll_ms": 50,
        "job_retry_max_attempts": 2,
        "job_retry_base_ms": 20,
        "webhook_retry_max_attempts": 4,
        "webhook_retry_base_ms": 20,
        "webhook_timeout_ms": 3000,
        "webhook_allow_private_targets": True,
        **overrides,
    }
    return replace(settings, **values)


async def run_jobs_until(
    settings: Settings, done: Callable[[], Awaitable[bool]], *, limit_seconds: float = 240.0
) -> None:
    """Run bizsuite's worker in this process until ``done()`` holds (or fail after ``limit_seconds``).

    The worker also runs whatever other tests left in the shared queue (webhook deliveries to
    hosts that do not resolve, venue audio's acknowledgement watches...) before it reaches this
    test's job: the limit is a ceiling for a hung run, not the expected time."""
    stop = asyncio.Event()
    worker = asyncio.create_task(run_worker(settings, install_signal_handlers=False, stop=stop))
    deadline = time.monotonic() + limit_seconds
    try:
        while not await done():
            if worker.done():
                worker.result()
                raise AssertionError("the worker stopped early")
            if time.monotonic() > deadline:
                raise AssertionError(f"not done after {limit_seconds} s")
            await asyncio.sleep(0.05)
    finally:
        # Asked to stop as an operator's SIGTERM does (running jobs finish), then cancelled if
        # that takes too long; never awaited without a bound.
        stop.set()
        await asyncio.wait({worker}, timeout=120)
        if not worker.done():
            worker.cancel()
            await asyncio.wait({worker}, timeout=30)
        if not worker.done():
            raise AssertionError("the worker did not stop")
        if not worker.cancelled():
            worker.result()  # raises what ended it


def tenant_tx(engine: AsyncEngine, tenant_id: Any) -> Any:
    """A transaction in a tenant, as the application role (the helper jobs use)."""
    return in_tenant(make_sessionmaker(engine), tenant_id, actor="test")
