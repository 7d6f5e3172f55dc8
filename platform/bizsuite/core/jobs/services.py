"""Job workflows: the tenant's job list and dead-letter retries, schedules and their firing."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import select, text

from bizsuite.core import clock
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.ids import new_id
from bizsuite.core.jobs.models import BackgroundJob, JobSchedule, JobStatus
from bizsuite.core.jobs.queue import (
    TENANT_TASKS,
    TenantTask,
    cancel_queued,
    defer_in_session,
    enqueue,
    load_task_modules,
    requeue_failed,
)
from bizsuite.core.jobs.rules import catch_up_fire_time, is_valid_cron, next_fire_time
from bizsuite.core.jobs.schemas import JobOut, JobScheduleCreate, JobScheduleUpdate
from bizsuite.core.repository import check_version, fetch, list_page

#: The internal task that fires one occurrence of a schedule (see ``tasks.py``).
FIRE_SCHEDULE_TASK = "jobs.fire_schedule"


async def list_jobs(
    ctx: Context,
    *,
    limit: int,
    cursor: str | None,
    status: JobStatus | None = None,
    task_name: str | None = None,
) -> tuple[list[BackgroundJob], str | None]:
    """Return a page of the tenant's jobs, newest first (``status=failed`` is the dead-letter view)."""
    statement = select(BackgroundJob)
    if status is not None:
        statement = statement.where(BackgroundJob.status == status)
    if task_name:
        statement = statement.where(BackgroundJob.task_name == task_name)
    return await list_page(ctx.session, statement, BackgroundJob, limit=limit, cursor=cursor, descending=True)


#: procrastinate's running jobs whose worker is silent for longer than the threshold, or gone
#: (the heartbeat rule of the workers' handover, ``worker.py`` ``_HANDOVER``).
_STALLED = text(
    """
    SELECT job.id
      FROM procrastinate_jobs job
      LEFT JOIN procrastinate_workers worker ON worker.id = job.worker_id
     WHERE job.id = ANY(:ids)
       AND job.status = 'doing'
       AND (worker.id IS NULL
            OR worker.last_heartbeat < now() - make_interval(secs => :seconds))
    """
)


async def stalled_job_ids(
    ctx: Context, jobs: list[BackgroundJob], *, stalled_after_seconds: float
) -> set[uuid.UUID]:
    """The ids of those of ``jobs`` (the tenant's own rows) that are running on a worker which
    stopped sending heartbeats, until another worker hands them over: one query for the lot."""
    running = {
        job.procrastinate_job_id: job.id
        for job in jobs
        if job.status is JobStatus.RUNNING and job.procrastinate_job_id is not None
    }
    if not running:
        return set()
    rows = await ctx.session.execute(
        _STALLED, {"ids": list(running), "seconds": float(stalled_after_seconds)}
    )
    return {running[queue_id] for (queue_id,) in rows}


async def job_views(ctx: Context, jobs: list[BackgroundJob], *, stalled_after_seconds: float) -> list[JobOut]:
    """The jobs as the API shows them, each marked ``stalled`` or not."""
    stalled = await stalled_job_ids(ctx, jobs, stalled_after_seconds=stalled_after_seconds)
    return [
        msgspec.structs.replace(msgspec.convert(job, JobOut, from_attributes=True), stalled=job.id in stalled)
        for job in jobs
    ]


async def get_job(ctx: Context, job_id: uuid.UUID) -> BackgroundJob:
    """Return one job or 404."""
    return await fetch(ctx.session, BackgroundJob, job_id, what="job")


async def retry_job(ctx: Context, job_id: uuid.UUID, if_match: str | None) -> BackgroundJob:
    """Give a dead-lettered job one more attempt."""
    job = await get_job(ctx, job_id)
    check_version(job, if_match)
    if job.status is not JobStatus.FAILED:
        raise ConflictProblem(f"Only failed jobs can be retried; this one is {job.status.value}.")
    before = snapshot(job)
    requeued = job.procrastinate_job_id is not None and await requeue_failed(
        ctx.session, job.procrastinate_job_id
    )
    if not requeued:
        # procrastinate's row was cleaned up: queue the same work again.
        kwargs = {**job.args, "tenant_id": str(ctx.tenant_id), "job_record_id": str(job.id)}
        job.procrastinate_job_id = await defer_in_session(ctx.session, job.task_name, kwargs)
    job.status = JobStatus.QUEUED
    job.run_after = None
    job.finished_at = None
    await ctx.session.flush()
    ctx.audit("job.retried", job, before=before, after=snapshot(job))
    return job


def schedulable_tasks() -> list[TenantTask]:
    """The tasks a schedule may name, by name."""
    load_task_modules()
    return sorted((t for t in TENANT_TASKS.values() if t.schedulable), key=lambda t: t.name)


def task_args_schema(task: TenantTask) -> dict[str, Any]:
    """The JSON schema of a task's ``args``."""
    if task.args_type is None:
        return {"type": "object"}
    return msgspec.json.schema(task.args_type)


def _schedulable(task_name: str) -> TenantTask:
    task = next((t for t in schedulable_tasks() if t.name == task_name), None)
    if task is None:
        raise ValidationProblem.for_field("task_name", "no schedulable task has this name")
    return task


def _checked_args(task: TenantTask, args: dict[str, Any]) -> dict[str, Any]:
    if task.args_type is None:
        return args
    try:
        msgspec.convert(args, task.args_type)
    except msgspec.ValidationError as exc:
        raise ValidationProblem.for_field("args", str(exc)) from exc
    return args


def _checked_cron(cron: str) -> str:
    cron = " ".join(cron.split())
    if not is_valid_cron(cron):
        raise ValidationProblem.for_field("cron", "not a five-field cron expression")
    return cron


async def _name_taken(ctx: Context, name: str, other_than: uuid.UUID | None = None) -> bool:
    statement = select(JobSchedule.id).where(JobSchedule.name == name)
    if other_than is not None:
        statement = statement.where(JobSchedule.id != other_than)
    return (await ctx.session.scalar(statement)) is not None


async def _plan_next_firing(ctx: Context, schedule: JobSchedule, fire_at: datetime | None) -> None:
    """Queue the job that fires ``fire_at`` (dropping the previously queued one)."""
    if schedule.fire_job_id is not None:
        await cancel_queued(ctx.session, schedule.fire_job_id)
        schedule.fire_job_id = None
    schedule.next_fire_at = fire_at
    if fire_at is None:
        return
    schedule.fire_job_id = await defer_in_session(
        ctx.session,
        FIRE_SCHEDULE_TASK,
        {"tenant_id": str(ctx.tenant_id), "schedule_id": str(schedule.id), "fire_at": fire_at.isoformat()},
        run_at=clock.to_real(ctx.tenant, fire_at),  # a sandbox's clock runs ahead of the queue's
    )


async def list_schedules(
    ctx: Context, *, limit: int, cursor: str | None
) -> tuple[list[JobSchedule], str | None]:
    """Return a page of the tenant's schedules, oldest first."""
    return await list_page(ctx.session, select(JobSchedule), JobSchedule, limit=limit, cursor=cursor)


async def get_schedule(ctx: Context, schedule_id: uuid.UUID) -> JobSchedule:
    """Return one schedule or 404."""
    return await fetch(ctx.session, JobSchedule, schedule_id, what="schedule")


async def create_schedule(ctx: Context, data: JobScheduleCreate) -> JobSchedule:
    """Create a schedule and queue its first firing (in the tenant's time zone)."""
    task = _schedulable(data.task_name)
    cron = _checked_cron(data.cron)
    args = _checked_args(task, data.args)
    if await _name_taken(ctx, data.name):
        raise ConflictProblem.for_field("name", "a schedule with this name exists")
    schedule = JobSchedule(
        id=new_id(), name=data.name, task_name=task.name, cron=cron, args=args, enabled=data.enabled
    )
    if schedule.enabled:
        await _plan_next_firing(ctx, schedule, next_fire_time(cron, ctx.tenant.time_zone, clock.now(ctx)))
    ctx.session.add(schedule)
    await ctx.session.flush()
    ctx.audit("job_schedule.created", schedule, after=snapshot(schedule))
    return schedule


async def update_schedule(
    ctx: Context, schedule_id: uuid.UUID, data: JobScheduleUpdate, if_match: str | None
) -> JobSchedule:
    """Rename, re-time, re-argue, pause or resume a schedule."""
    schedule = await get_schedule(ctx, schedule_id)
    check_version(schedule, if_match)
    before = snapshot(schedule)
    if not isinstance(data.name, msgspec.UnsetType) and data.name != schedule.name:
        if await _name_taken(ctx, data.name, other_than=schedule.id):
            raise ConflictProblem.for_field("name", "a schedule with this name exists")
        schedule.name = data.name
    if not isinstance(data.args, msgspec.UnsetType):
        schedule.args = _checked_args(_schedulable(schedule.task_name), data.args)
    retime = False
    if not isinstance(data.cron, msgspec.UnsetType):
        cron = _checked_cron(data.cron)
        retime = cron != schedule.cron
        schedule.cron = cron
    if not isinstance(data.enabled, msgspec.UnsetType) and data.enabled != schedule.enabled:
        schedule.enabled = data.enabled
        retime = True
    if retime:
        fire_at = (
            next_fire_time(schedule.cron, ctx.tenant.time_zone, clock.now(ctx)) if schedule.enabled else None
        )
        await _plan_next_firing(ctx, schedule, fire_at)
    await ctx.session.flush()
    ctx.audit("job_schedule.updated", schedule, before=before, after=snapshot(schedule))
    return schedule


async def delete_schedule(ctx: Context, schedule_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a schedule and its queued firing (jobs it already ran stay in the list)."""
    schedule = await get_schedule(ctx, schedule_id)
    check_version(schedule, if_match)
    before = snapshot(schedule)
    await _plan_next_firing(ctx, schedule, None)
    await ctx.session.delete(schedule)
    await ctx.session.flush()
    ctx.audit("job_schedule.deleted", schedule, before=before, target_id=schedule_id)


async def fire_schedule(ctx: Context, schedule_id: uuid.UUID, fire_at: datetime) -> BackgroundJob | None:
    """Run one occurrence of a schedule, exactly once: queue its task and its next firing.

    Everything happens in the caller's transaction, under a row lock: a firing that is replayed
    (a worker died after committing) or superseded (the schedule changed) does nothing.
    """
    schedule = await ctx.session.scalar(
        select(JobSchedule).where(JobSchedule.id == schedule_id).with_for_update()
    )
    if schedule is None or not schedule.enabled or schedule.next_fire_at != fire_at:
        return None
    job = await enqueue(
        ctx,
        schedule.task_name,
        {**schedule.args, "schedule_id": str(schedule.id), "fired_at": fire_at.isoformat()},
        schedule_id=schedule.id,
    )
    schedule.last_fired_at = fire_at
    schedule.fire_job_id = None  # this job is running now; nothing to cancel
    upcoming = catch_up_fire_time(schedule.cron, ctx.tenant.time_zone, fire_at, clock.now(ctx))
    await _plan_next_firing(ctx, schedule, upcoming)
    await ctx.session.flush()
    return job
