"""Fee billing background work: the hourly alert sweep over every tenant with fees (each on its own
clock and time zone), and the same sweep as a clock sweep a sandbox's clock advance runs."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from procrastinate.job_context import JobContext
from sqlalchemy.ext.asyncio import async_sessionmaker

from bizsuite.core import clock
from bizsuite.core.context import Context
from bizsuite.core.jobs.queue import JobRuntime, queue_app, sweep_tenants
from bizsuite.core.sandbox.sweeps import clock_sweep
from bizsuite.modules.fees.services import alerts

log = logging.getLogger(__name__)


async def sweep_all_tenants(sessionmaker: async_sessionmaker[Any]) -> int:
    """The fee alerts of every active tenant with fees, each in its own transaction; how many were new."""
    return await sweep_tenants(sessionmaker, alerts.sweep, actor="job:fees.alerts", module="fees")


@queue_app.periodic(cron="17 * * * *", periodic_id="fees-alerts")
@queue_app.task(name="fees.alerts", pass_context=True)
async def fee_alerts(context: JobContext, timestamp: int) -> None:
    """Every hour: reconciliation reminders and overdue alerts, overdue fee payments."""
    runtime = context.additional_context["runtime"]
    assert isinstance(runtime, JobRuntime)
    raised = await sweep_all_tenants(runtime.sessionmaker)
    if raised:
        log.info("fee alerts: %d raised", raised)


async def _next_day(ctx: Context) -> dt.datetime | None:
    tenant = ctx.principal.tenant
    zone = ZoneInfo(tenant.time_zone) if tenant is not None and tenant.time_zone else dt.UTC
    now = clock.now(ctx).astimezone(zone)
    return dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(0, 1), tzinfo=zone).astimezone(
        dt.UTC
    )


@clock_sweep("fees.alerts", next_due=_next_day, module="fees")
async def alerts_sweep(ctx: Context, now: dt.datetime) -> int:
    """The fee alerts of one tenant on the day of ``now`` (a sandbox's clock advance runs this)."""
    return await alerts.sweep(ctx)
