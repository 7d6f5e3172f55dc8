"""Background tasks of activities and the chatter: every minute, for every active tenant, the
activity reminders (on the tenant clock) and the announcements of followed records' changes."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from procrastinate.job_context import JobContext
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker

from bizsuite.core import clock
from bizsuite.core.activities import services
from bizsuite.core.chatter.services import ANNOUNCE_WINDOW, announce_changes
from bizsuite.core.clock import real_now
from bizsuite.core.context import Context
from bizsuite.core.jobs.queue import JobRuntime, queue_app, sweep_tenants
from bizsuite.core.sandbox.sweeps import clock_sweep
from bizsuite.kit import registry

log = logging.getLogger(__name__)


async def sweep_all_tenants(sessionmaker: async_sessionmaker[Any]) -> int:
    """Reminders and change announcements for the active tenants that have some due (one
    statement finds them), each in its own transaction."""

    async def remind_and_announce(ctx: Context) -> int:
        return await services.send_reminders(ctx, clock.now(ctx)) + await announce_changes(ctx)

    due = text("SELECT bizsuite_due_activity_tenants(:since, :record_types)").bindparams(
        since=real_now() - ANNOUNCE_WINDOW, record_types=list(registry().record_types)
    )
    return await sweep_tenants(sessionmaker, remind_and_announce, actor="job:activities.reminders", due=due)


@queue_app.periodic(cron="* * * * *", periodic_id="activities-reminders")
@queue_app.task(name="activities.reminders", pass_context=True)
async def reminders(context: JobContext, timestamp: int) -> None:
    """Every minute: activity reminders and followed changes, for every tenant."""
    runtime = context.additional_context["runtime"]
    assert isinstance(runtime, JobRuntime)
    sent = await sweep_all_tenants(runtime.sessionmaker)
    if sent:
        log.info("activities: %d reminders and announcements", sent)


@clock_sweep("activities.reminders", next_due=services.next_reminder)
async def reminder_sweep(ctx: Context, now: datetime) -> int:
    """The reminders of one tenant at ``now`` (a sandbox's clock advance runs this)."""
    return await services.send_reminders(ctx, now)
