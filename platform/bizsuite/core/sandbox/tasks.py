"""The kernel's clock sweeps (a module registers its own in its task module): schedule firings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from bizsuite.core.context import Context
from bizsuite.core.jobs import services as jobs
from bizsuite.core.jobs.models import JobSchedule
from bizsuite.core.jobs.queue import cancel_queued
from bizsuite.core.sandbox.sweeps import clock_sweep


async def next_schedule_firing(ctx: Context) -> datetime | None:
    """The earliest next firing of the tenant's enabled schedules."""
    return await ctx.session.scalar(
        select(func.min(JobSchedule.next_fire_at)).where(JobSchedule.enabled.is_(True))
    )


@clock_sweep("jobs.schedules", next_due=next_schedule_firing)
async def fire_due_schedules(ctx: Context, now: datetime) -> int:
    """Fire every occurrence due by ``now``, oldest first, as the worker would have at the time
    (its task is queued; the next occurrence is planned from ``now``)."""
    due = (
        await ctx.session.execute(
            select(JobSchedule.id, JobSchedule.next_fire_at, JobSchedule.fire_job_id)
            .where(JobSchedule.enabled.is_(True), JobSchedule.next_fire_at <= now)
            .order_by(JobSchedule.next_fire_at, JobSchedule.id)
        )
    ).all()
    fired = 0
    for schedule_id, fire_at, fire_job_id in due:
        assert fire_at is not None  # selected by next_fire_at <= now
        if fire_job_id is not None:
            # The queued firing would only find the occurrence already fired; drop it now.
            await cancel_queued(ctx.session, fire_job_id)
        if await jobs.fire_schedule(ctx, schedule_id, fire_at) is not None:
            fired += 1
    return fired
