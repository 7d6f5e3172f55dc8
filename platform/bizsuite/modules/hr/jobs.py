"""HR background work: the hourly questionnaire reminders over every tenant with HR (each on its
own clock and time zone), and the same as a clock sweep a sandbox's clock advance runs."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from procrastinate.job_context import JobContext
from sqlalchemy.ext.asyncio import async_sessionmaker

from bizsuite.core.context import Context
from bizsuite.core.jobs.queue import JobRuntime, queue_app, sweep_tenants
from bizsuite.core.sandbox.sweeps import clock_sweep
from bizsuite.modules.hr.services import invitations

log = logging.getLogger(__name__)


async def remind_all_tenants(sessionmaker: async_sessionmaker[Any]) -> int:
    """The questionnaire reminders of every active tenant with HR, each in its own transaction
    (one tenant's failure is retried on the next run and holds back no other); how many went out."""
    return await sweep_tenants(
        sessionmaker, invitations.send_reminders, actor="job:hr.reminders", module="hr"
    )


@queue_app.periodic(cron="23 * * * *", periodic_id="hr-questionnaire-reminders")
@queue_app.task(name="hr.questionnaire_reminders", pass_context=True)
async def questionnaire_reminders(context: JobContext, timestamp: int) -> None:
    """Every hour: remind raters who have not answered a questionnaire due soon."""
    runtime = context.additional_context["runtime"]
    assert isinstance(runtime, JobRuntime)
    sent = await remind_all_tenants(runtime.sessionmaker)
    if sent:
        log.info("questionnaire reminders: %d sent", sent)


async def _next_day(ctx: Context) -> datetime | None:
    return invitations.next_local_midnight(ctx)


@clock_sweep("hr.questionnaire_reminders", next_due=_next_day, module="hr")
async def reminders_sweep(ctx: Context, now: datetime) -> int:
    """The questionnaire reminders of one tenant on the day of ``now`` (a sandbox's clock advance)."""
    return await invitations.send_reminders(ctx)
