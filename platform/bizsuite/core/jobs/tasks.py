"""Kernel job tasks: firing tenant schedules, and handing stalled jobs to live workers."""

from __future__ import annotations

import uuid
from datetime import datetime

from procrastinate.job_context import JobContext

from bizsuite.core.jobs import services
from bizsuite.core.jobs.queue import JobRun, JobRuntime, queue_app, tenant_task
from bizsuite.core.jobs.worker import recover_stalled_jobs
from bizsuite.web.i18n import N_


@tenant_task(
    services.FIRE_SCHEDULE_TASK,
    label=N_("Run a schedule"),
    description=N_("Fire one occurrence of a schedule and queue the next one."),
    recorded=False,
)
async def fire_schedule(run: JobRun, *, schedule_id: str, fire_at: str) -> None:
    """Queue the schedule's task and its next firing, in one tenant transaction."""
    async with run.transaction() as ctx:
        await services.fire_schedule(ctx, uuid.UUID(schedule_id), datetime.fromisoformat(fire_at))


@queue_app.periodic(cron="* * * * *", periodic_id="recover-stalled")
@queue_app.task(name="jobs.recover_stalled", pass_context=True)
async def recover_stalled(context: JobContext, timestamp: int) -> None:
    """Every minute: requeue the jobs of workers that stopped sending heartbeats."""
    runtime = context.additional_context["runtime"]
    assert isinstance(runtime, JobRuntime)
    await recover_stalled_jobs(runtime.settings)
