"""Budgets background work: the hourly calendar over every tenant with budgets, each on its own
clock and time zone (submission reminders, late submissions, overrun explanations), and the same
run as a clock sweep a sandbox's clock advance runs."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from procrastinate.job_context import JobContext
from sqlalchemy.ext.asyncio import async_sessionmaker

from bizsuite.core.context import Context
from bizsuite.core.jobs.queue import JobRuntime, queue_app, sweep_tenants
from bizsuite.core.sandbox.sweeps import clock_sweep
from bizsuite.modules.budgets.services import calendar

log = logging.getLogger(__name__)


async def calendar_all_tenants(sessionmaker: async_sessionmaker[Any]) -> int:
    """The budgets calendar of every active tenant with budgets, each in its own transaction
    (one tenant's failure holds back no other); how many alerts were new."""

    async def run(ctx: Context) -> int:
        return (await calendar.run_calendar(ctx)).raised

    return await sweep_tenants(sessionmaker, run, actor="job:budgets.calendar", module="budgets")


@queue_app.periodic(cron="17 * * * *", periodic_id="budgets-calendar")
@queue_app.task(name="budgets.calendar", pass_context=True)
async def budgets_calendar(context: JobContext, timestamp: int) -> None:
    """Every hour: submission reminders and late alerts, overrun explanations due."""
    runtime = context.additional_context["runtime"]
    assert isinstance(runtime, JobRuntime)
    raised = await calendar_all_tenants(runtime.sessionmaker)
    if raised:
        log.info("budgets calendar: %d alerts raised", raised)


async def _next_day(ctx: Context) -> datetime | None:
    return calendar.next_local_midnight(ctx)


@clock_sweep("budgets.calendar", next_due=_next_day, module="budgets")
async def calendar_sweep(ctx: Context, now: datetime) -> int:
    """The budgets calendar of one tenant on the day of ``now`` (a sandbox's clock advance runs this)."""
    return (await calendar.run_calendar(ctx)).raised
