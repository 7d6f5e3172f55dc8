"""Background tasks of activities and the chatter: every minute, for every active tenant, the
activity reminders (on the tenant clock) and the announcements of followed records' changes."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from procrastinate.job_context import JobContext
from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from bizsuite.core import clock
from bizsuite.core.activities import services
from bizsuite.core.chatter.services import announce_changes
from bizsuite.core.context import Context
from bizsuite.core.jobs.queue import JobRuntime, in_tenant, queue_app
from bizsuite.core.sandbox.sweeps import clock_sweep
from bizsuite.core.tenants.models import Tenant, TenantStatus

log = logging.getLogger(__name__)


async def sweep_all_tenants(sessionmaker: async_sessionmaker[Any]) -> int:
    """Reminders and change announcements for every active tenant, each in its own transaction
    (one tenant's failure is retried on the next tick and holds back no other)."""
    async with sessionmaker() as session:
        tenant_ids = list(
            (await session.scalars(select(Tenant.id).where(Tenant.status == TenantStatus.ACTIVE))).all()
        )
    done = 0
    for tenant_id in tenant_ids:
        try:
            async with in_tenant(sessionmaker, tenant_id, actor="job:activities.reminders") as ctx:
                done += await services.send_reminders(ctx, clock.now(ctx))
                done += await announce_changes(ctx)
        except Exception:
            log.exception("activity reminders failed for tenant %s", tenant_id)
    return done


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
