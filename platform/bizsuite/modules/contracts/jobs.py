"""Contracts background work: the hourly alert sweep over every tenant with contracts (each on its
own clock and time zone), and the same sweep as a clock sweep a sandbox's clock advance runs."""

from __future__ import annotations

import logging
import weakref
from datetime import date, datetime
from typing import Any

from procrastinate.job_context import JobContext
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bizsuite.core.context import Context
from bizsuite.core.jobs.queue import JobRuntime, queue_app, sweep_tenants
from bizsuite.core.sandbox.sweeps import clock_sweep
from bizsuite.modules.contracts.services import alerts
from bizsuite.modules.contracts.services.settings import today

log = logging.getLogger(__name__)


async def sweep_all_tenants(sessionmaker: async_sessionmaker[Any]) -> int:
    """The contract alerts of every active tenant with contracts, each in its own transaction (one
    tenant's failure is retried on the next run and holds back no other); how many were new."""
    return await sweep_tenants(sessionmaker, alerts.sweep, actor="job:contracts.alerts", module="contracts")


@queue_app.periodic(cron="7 * * * *", periodic_id="contracts-alerts")
@queue_app.task(name="contracts.alerts", pass_context=True)
async def contract_alerts(context: JobContext, timestamp: int) -> None:
    """Every hour: contracts expiring, milestones due or overdue, qualifications expiring."""
    runtime = context.additional_context["runtime"]
    assert isinstance(runtime, JobRuntime)
    raised = await sweep_all_tenants(runtime.sessionmaker)
    if raised:
        log.info("contract alerts: %d raised", raised)


async def _next_day(ctx: Context) -> datetime | None:
    return alerts.next_local_midnight(ctx)


#: The tenant day each session last swept: an advance stops at every instant any sweep has due
#: (SLA minutes too), but the contract alerts change only once a day.
_SWEPT: weakref.WeakKeyDictionary[AsyncSession, date] = weakref.WeakKeyDictionary()


@clock_sweep("contracts.alerts", next_due=_next_day, module="contracts")
async def alerts_sweep(ctx: Context, now: datetime) -> int:
    """The contract alerts of one tenant on the day of ``now`` (a sandbox's clock advance runs
    this), once per day of the advance."""
    day = today(ctx)
    if _SWEPT.get(ctx.session) == day:
        return 0
    _SWEPT[ctx.session] = day
    return await alerts.sweep(ctx, day)
