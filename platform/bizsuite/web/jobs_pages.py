"""Job pages (admins): background jobs with the dead-letter view and retries, and schedules."""

from __future__ import annotations

import json
import uuid
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem
from bizsuite.core.identity.models import Role
from bizsuite.core.jobs import services as jobs
from bizsuite.core.jobs.api import job_filters, stalled_after_seconds
from bizsuite.core.jobs.models import JobStatus
from bizsuite.core.jobs.queue import TENANT_TASKS, TenantTask, load_task_modules
from bizsuite.core.jobs.schemas import JobFilters, JobScheduleCreate, JobScheduleUpdate
from bizsuite.web.alerts_pages import back_to
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, Submission, form_version, read_form
from bizsuite.web.i18n import N_, service_messages
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    query_as_sent,
    query_params,
    redirect,
    run_action,
    run_form,
    signed_in,
)
from bizsuite.web.templating import page

PAGE_SIZE = 25
JOB_PARAMS = ("status", "task_name", "cursor")
STATUS_LABELS = {
    JobStatus.QUEUED.value: N_("Queued"),
    JobStatus.RUNNING.value: N_("Running"),
    JobStatus.RETRYING.value: N_("Retrying"),
    JobStatus.SUCCEEDED.value: N_("Succeeded"),
    JobStatus.FAILED.value: N_("Failed"),
}
#: The kernel's task descriptions, translated where they are shown (modules' own show as written).
TASK_DESCRIPTIONS = (
    N_("Send an alert to its recipients by email and SMS."),
    N_("Raise a reminder alert (for example: submit next month's budget by the 25th)."),
    N_("Deliver a webhook event to an endpoint."),
    N_("Fire one occurrence of a schedule and queue the next one."),
)
#: Field messages of the job services, translated when a form shows them.
SERVICE_MESSAGES = service_messages(
    N_("no schedulable task has this name"),
    N_("not a five-field cron expression"),
    N_("a schedule with this name exists"),
)
#: Example arguments shown next to the schedule form, by task (texts in the user's language).
ARGS_EXAMPLES = {"alerts.remind": {"title": N_("Submit next month's budget by the 25th"), "severity": "info"}}


def _example(task: TenantTask) -> str | None:
    example = ARGS_EXAMPLES.get(task.name)
    if example is None:
        return None
    return json.dumps({k: _(v) if k == "title" else v for k, v in example.items()}, ensure_ascii=False)


def _tasks() -> dict[str, TenantTask]:
    load_task_modules()
    return dict(sorted(TENANT_TASKS.items()))


def _arg_fields(task: TenantTask) -> list[tuple[str, bool]]:
    """A schedulable task's argument names, each with whether it is required."""
    schema = jobs.task_args_schema(task)
    if "$ref" in schema:
        schema = schema.get("$defs", {}).get(schema["$ref"].rsplit("/", 1)[-1], {})
    required = set(schema.get("required", []))
    return [(name, name in required) for name in schema.get("properties", {})]


class JobPages(Controller):
    """The tenant's background jobs; the failed ones are the dead letters."""

    path = "/admin/jobs"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @get(**filtered_by(job_filters))
    async def jobs(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[JobFilters]
    ) -> Template:
        """A page of jobs, newest first, by status and task."""
        items, next_cursor = await jobs.list_jobs(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor"), **msgspec.structs.asdict(filters)
        )
        stalled = await jobs.stalled_job_ids(ctx, items, stalled_after_seconds=stalled_after_seconds(request))
        sent = query_as_sent(request)
        return page(
            request,
            "jobs/jobs.html",
            jobs=items,
            stalled=stalled,
            next_cursor=next_cursor,
            params={name: value for name in JOB_PARAMS if (value := sent.get(name))},
            filters=sent,
            statuses=STATUS_LABELS,
            tasks=_tasks(),
        )

    @post("/{job_id:uuid}/retry")
    async def retry(self, ctx: Ctx, job_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Give a dead-lettered job one more attempt."""
        return await run_action(
            lambda: jobs.retry_job(ctx, job_id, form_version(data)),
            back=back_to(data, "/admin/jobs?status=failed"),
            notice="job.retried",
        )

    @get("/export", **filtered_by(job_filters))
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[JobFilters]
    ) -> Response[bytes]:
        """Download the (filtered) jobs as CSV or XLSX."""
        items = await every_page(
            lambda cursor: jobs.list_jobs(ctx, limit=200, cursor=cursor, **msgspec.structs.asdict(filters))
        )
        rows = [
            (
                j.created_at,
                j.task_name,
                _(STATUS_LABELS[j.status.value]),
                j.attempts,
                j.run_after or "",
                j.finished_at or "",
                j.last_error or "",
                json.dumps(j.args, ensure_ascii=False),
            )
            for j in items
        ]
        headers = [
            _("Queued at"),
            _("Task"),
            _("Status"),
            _("Attempts"),
            _("Next attempt"),
            _("Finished"),
            _("Last error"),
            _("Arguments"),
        ]
        return export_response(request.query_params.get("format", "csv"), "jobs", headers, rows)


class JobSchedulePages(Controller):
    """Cron-like schedules, read in the tenant's time zone."""

    path = "/admin/jobs/schedules"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    async def _render(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
    ) -> Template:
        schedules, next_cursor = await jobs.list_schedules(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        schedulable = jobs.schedulable_tasks()
        return page(
            request,
            "jobs/schedules.html",
            status_code=status_code,
            schedules=schedules,
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            schedulable=[(t, _arg_fields(t), _example(t)) for t in schedulable],
            tasks=_tasks(),
            errors=errors or FormErrors(),
            values=values or {},
        )

    @get()
    async def schedules(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """List schedules with a form to add one."""
        return await self._render(ctx, request)

    @post()
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Create a schedule; its arguments are a JSON object checked against the task's schema."""
        submission = read_form(
            data, JobScheduleCreate, ("name", "task_name", "cron"), checkboxes=("enabled",)
        )
        try:
            args = json.loads(str(data.get("args") or "").strip() or "{}")
        except ValueError:
            args = None
        if not isinstance(args, dict):
            submission.body = None
            submission.errors["args"] = _("Enter a JSON object, for example {}.")
        elif submission.body is not None:
            submission.body = msgspec.structs.replace(submission.body, args=args)

        async def again(failed: Submission[JobScheduleCreate]) -> Template:
            values = {**data, "enabled": failed.values["enabled"]}
            return await self._render(
                ctx, request, status_code=failed.status_code, errors=failed.errors, values=values
            )

        return await run_form(
            submission,
            lambda create, _version: jobs.create_schedule(ctx, create),
            done=lambda _created: redirect("/admin/jobs/schedules", notice="job_schedule.created"),
            again=again,
        )

    @post("/{schedule_id:uuid}/{action:str}")
    async def change(
        self, ctx: Ctx, schedule_id: FromPath[uuid.UUID], action: FromPath[str], data: Form
    ) -> Response[Any]:
        """Pause, resume or delete a schedule."""
        version = form_version(data)
        notices = {"pause": "paused", "resume": "resumed", "delete": "deleted"}
        if action not in notices:
            raise NotFoundProblem(f"No action {action!r}.")

        async def change() -> None:
            if action == "delete":
                await jobs.delete_schedule(ctx, schedule_id, version)
            else:
                update = JobScheduleUpdate(enabled=action == "resume")
                await jobs.update_schedule(ctx, schedule_id, update, version)

        return await run_action(
            change, back="/admin/jobs/schedules", notice=f"job_schedule.{notices[action]}"
        )

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the schedules as CSV or XLSX."""
        schedules = await every_page(lambda cursor: jobs.list_schedules(ctx, limit=200, cursor=cursor))
        rows = [
            (
                s.name,
                s.task_name,
                s.cron,
                ctx.tenant.time_zone,
                _("Yes") if s.enabled else _("No"),
                s.next_fire_at or "",
                s.last_fired_at or "",
                json.dumps(s.args, ensure_ascii=False),
            )
            for s in schedules
        ]
        headers = [
            _("Name"),
            _("Task"),
            _("Cron"),
            _("Time zone"),
            _("Enabled"),
            _("Next run"),
            _("Last run"),
            _("Arguments"),
        ]
        return export_response(request.query_params.get("format", "csv"), "job-schedules", headers, rows)
