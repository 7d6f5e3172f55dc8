"""Job endpoints: the job list (``status=failed`` is the dead-letter view), retries, schedules."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from litestar import Controller, Request, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from bizsuite.core.context import Context, tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch, app_settings
from bizsuite.core.identity.models import Role
from bizsuite.core.jobs import services
from bizsuite.core.jobs.models import BackgroundJob, JobSchedule, JobStatus
from bizsuite.core.jobs.schemas import (
    JobFilters,
    JobOut,
    JobPage,
    JobScheduleCreate,
    JobScheduleOut,
    JobSchedulePage,
    JobScheduleUpdate,
    TaskList,
    TaskOut,
)
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam

TaskNameParam = Annotated[str | None, QueryParameter(max_length=128, description="Only jobs of this task.")]


def job_filters(status: FromQuery[JobStatus | None] = None, task_name: TaskNameParam = None) -> JobFilters:
    """The job list's filters from their typed query parameters (the API list, the jobs page and
    its export)."""
    return JobFilters(status=status, task_name=task_name)


#: Inject :func:`job_filters` as ``filters``.
JOB_FILTERS = {"filters": Provide(job_filters, sync_to_thread=False)}


def stalled_after_seconds(request: Request[Any, Any, Any]) -> float:
    """How long a worker may stay silent before its running jobs count as stalled: the
    threshold the workers themselves use to hand such jobs over (``worker_stalled_ms``)."""
    settings = app_settings(request)
    return settings.worker_stalled_ms / 1000


#: Inject :func:`stalled_after_seconds` as ``stalled_after``.
STALLED_AFTER = {"stalled_after": Provide(stalled_after_seconds, sync_to_thread=False)}


async def _job_out(ctx: Context, job: BackgroundJob, stalled_after: float) -> JobOut:
    [view] = await services.job_views(ctx, [job], stalled_after_seconds=stalled_after)
    return view


def _schedule_out(ctx: Context, schedule: JobSchedule) -> JobScheduleOut:
    return JobScheduleOut(
        id=schedule.id,
        name=schedule.name,
        task_name=schedule.task_name,
        cron=schedule.cron,
        args=schedule.args,
        enabled=schedule.enabled,
        time_zone=ctx.tenant.time_zone,
        next_fire_at=schedule.next_fire_at,
        last_fired_at=schedule.last_fired_at,
        created_at=schedule.created_at,
        updated_at=schedule.updated_at,
        version=schedule.version,
    )


class JobController(Controller):
    """The tenant's background jobs."""

    path = "/api/v1/jobs"
    tags = ["jobs"]
    guards = [tenant_guard]
    opt = {"min_role": Role.ADMIN}

    @get(
        operation_id="list_jobs",
        summary="List background jobs",
        dependencies={**JOB_FILTERS, **STALLED_AFTER},
    )
    async def list_jobs(
        self,
        ctx: Ctx,
        filters: NamedDependency[JobFilters],
        stalled_after: NamedDependency[float],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> JobPage:
        """List jobs, newest first; ``status=failed`` lists the dead letters. A ``running`` job
        whose worker stopped sending heartbeats is marked ``stalled``."""
        jobs, next_cursor = await services.list_jobs(
            ctx, limit=limit, cursor=cursor, status=filters.status, task_name=filters.task_name
        )
        items = await services.job_views(ctx, jobs, stalled_after_seconds=stalled_after)
        return JobPage(items=items, next_cursor=next_cursor)

    @get("/tasks", operation_id="list_job_tasks", summary="List schedulable tasks")
    async def list_job_tasks(self) -> TaskList:
        """List the tasks a schedule can run, with the JSON schema of their arguments."""
        return TaskList(
            items=[
                TaskOut(name=t.name, description=t.description, args_schema=services.task_args_schema(t))
                for t in services.schedulable_tasks()
            ]
        )

    @get("/{job_id:uuid}", operation_id="get_job", summary="Get a background job", dependencies=STALLED_AFTER)
    async def get_job(
        self, ctx: Ctx, job_id: FromPath[uuid.UUID], stalled_after: NamedDependency[float]
    ) -> JobOut:
        """Return one job with its attempts and last error (and whether it is stalled)."""
        return await _job_out(ctx, await services.get_job(ctx, job_id), stalled_after)

    @post(
        "/{job_id:uuid}/retry",
        operation_id="retry_job",
        summary="Retry a failed job",
        status_code=200,
        dependencies=STALLED_AFTER,
    )
    async def retry_job(
        self,
        ctx: Ctx,
        job_id: FromPath[uuid.UUID],
        stalled_after: NamedDependency[float],
        if_match: IfMatch = None,
    ) -> JobOut:
        """Queue a dead-lettered job for one more attempt."""
        return await _job_out(ctx, await services.retry_job(ctx, job_id, if_match), stalled_after)


class JobScheduleController(Controller):
    """Cron-like schedules, fired in the tenant's time zone."""

    path = "/api/v1/job-schedules"
    tags = ["jobs"]
    guards = [tenant_guard]
    opt = {"min_role": Role.ADMIN}

    @get(operation_id="list_job_schedules", summary="List schedules")
    async def list_job_schedules(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> JobSchedulePage:
        """List schedules, oldest first."""
        schedules, next_cursor = await services.list_schedules(ctx, limit=limit, cursor=cursor)
        return JobSchedulePage(items=[_schedule_out(ctx, s) for s in schedules], next_cursor=next_cursor)

    @post(operation_id="create_job_schedule", summary="Create a schedule")
    async def create_job_schedule(self, ctx: Ctx, data: JSONBody[JobScheduleCreate]) -> JobScheduleOut:
        """Create a schedule; its cron fields are read in the tenant's time zone."""
        return _schedule_out(ctx, await services.create_schedule(ctx, data))

    @get("/{schedule_id:uuid}", operation_id="get_job_schedule", summary="Get a schedule")
    async def get_job_schedule(self, ctx: Ctx, schedule_id: FromPath[uuid.UUID]) -> JobScheduleOut:
        """Return one schedule with its next firing time."""
        return _schedule_out(ctx, await services.get_schedule(ctx, schedule_id))

    @patch("/{schedule_id:uuid}", operation_id="update_job_schedule", summary="Update a schedule")
    async def update_job_schedule(
        self,
        ctx: Ctx,
        schedule_id: FromPath[uuid.UUID],
        data: JSONBody[JobScheduleUpdate],
        if_match: IfMatch = None,
    ) -> JobScheduleOut:
        """Change a schedule's name, cron, arguments, or pause/resume it."""
        return _schedule_out(ctx, await services.update_schedule(ctx, schedule_id, data, if_match))

    @delete("/{schedule_id:uuid}", operation_id="delete_job_schedule", summary="Delete a schedule")
    async def delete_job_schedule(
        self, ctx: Ctx, schedule_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete a schedule and its queued firing."""
        await services.delete_schedule(ctx, schedule_id, if_match)
