"""Activity pages: "My activities" (navigation), the home page's panel, and the forms of the
chatter's activity block (schedule, mark done, edit, cancel)."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.activities import services
from bizsuite.core.activities.models import ActivityStatus
from bizsuite.core.activities.schemas import (
    ScheduledActivityCreate,
    ScheduledActivityDone,
    ScheduledActivityFilters,
    ScheduledActivityUpdate,
)
from bizsuite.core.chatter.pages import STATE_LABELS, render_chatter
from bizsuite.core.context import Context, principal_of
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem, ProblemError
from bizsuite.core.identity.models import Role
from bizsuite.web.forms import FormErrors, Submission, form_version, problem_errors, read_form
from bizsuite.web.i18n import N_
from bizsuite.web.pages import Form
from bizsuite.web.support import redirect, savepoint, signed_in
from bizsuite.web.templating import page

PAGE_SIZE = 50
PANEL_SIZE = 8
SCHEDULE_FIELDS = ("activity_type", "summary", "due_date", "note", "assignee_user_id")
DONE_FIELDS = ("feedback",)
NOTICES = {
    "activity.done": N_("Activity marked done."),
    "activity.updated": N_("Activity saved."),
    "activity.deleted": N_("Activity cancelled."),
}


async def _answer(
    ctx: Context,
    request: Request[Any, Any, Any],
    data: dict[str, Any],
    target: tuple[str, uuid.UUID],
    *,
    errors: FormErrors | None = None,
    form: str | None = None,
    values: dict[str, Any] | None = None,
    notice: str,
    code: str,
) -> Response[Any]:
    """Answer a form of the chatter's activity block with the chatter, or of My activities with a redirect."""
    if data.get("from") == "mine":
        if errors:
            return redirect("/activities", notice=f"error.{'validation' if form else 'forbidden'}")
        return redirect("/activities", notice=code)
    return await render_chatter(
        ctx,
        request,
        *target,
        status_code=422 if errors else 200,
        errors=errors,
        form=form,
        values=values,
        notice=None if errors else notice,
    )


class ActivityPages(Controller):
    """My activities, the home panel, and the activity forms."""

    path = "/activities"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.VIEWER}

    async def _mine(
        self, ctx: Ctx, request: Request[Any, Any, Any], *, limit: int
    ) -> tuple[list[Any], str | None]:
        status = (
            ActivityStatus.DONE if request.query_params.get("status") == "done" else ActivityStatus.PLANNED
        )
        found = await services.list_activities(
            ctx,
            ScheduledActivityFilters(
                assignee_user_id=ctx.principal.user_id or uuid.UUID(int=0), status=status
            ),
            limit=limit,
            cursor=request.query_params.get("cursor"),
        )
        return found.items, found.next_cursor

    @get()
    async def mine(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """My activities, soonest due first (overdue in red, today in orange, planned in green)."""
        items, next_cursor = await self._mine(ctx, request, limit=PAGE_SIZE)
        return page(
            request,
            "activities/mine.html",
            activities=items,
            next_cursor=next_cursor,
            params={"status": request.query_params.get("status", "")},
            showing_done=request.query_params.get("status") == "done",
            activity_types=services.TYPE_LABELS,
            state_labels=STATE_LABELS,
        )

    @get("/panel")
    async def panel(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The home page's panel: my next planned activities."""
        items, next_cursor = await self._mine(ctx, request, limit=PANEL_SIZE)
        return Template(
            template_name="activities/_panel.html",
            media_type="text/html",
            context={
                "request": request,
                "principal": principal_of(request),
                "activities": items,
                "more": next_cursor is not None,
                "activity_types": services.TYPE_LABELS,
                "state_labels": STATE_LABELS,
            },
        )

    @post("/schedule/{target_type:str}/{target_id:uuid}", opt={"min_role": Role.MEMBER})
    async def schedule(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        target_type: FromPath[str],
        target_id: FromPath[uuid.UUID],
        data: Form,
    ) -> Response[Any]:
        """Schedule an activity on a record (from its chatter)."""
        submission: Submission[Any] = read_form(
            {**data, "target_type": target_type, "target_id": str(target_id)},
            ScheduledActivityCreate,
            ("target_type", "target_id", *SCHEDULE_FIELDS),
        )
        errors = submission.errors
        if submission.body is not None:
            try:
                await savepoint(ctx, services.create_activity(ctx, submission.body))
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                errors = problem_errors(problem)
        return await _answer(
            ctx,
            request,
            data,
            (target_type, target_id),
            errors=errors or None,
            form="schedule",
            values=submission.values,
            notice=N_("Activity scheduled."),
            code="activity.updated",
        )

    @post("/{scheduled_activity_id:uuid}/{action:str}", opt={"min_role": Role.MEMBER})
    async def change(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        scheduled_activity_id: FromPath[uuid.UUID],
        action: FromPath[str],
        data: Form,
    ) -> Response[Any]:
        """Mark done (with feedback), edit or cancel an activity."""
        activity = await services.get_activity(ctx, scheduled_activity_id)
        version = form_version(data)
        form_name = f"{action}-{activity.id}"
        errors = FormErrors()
        submission: Submission[Any] | None = None
        notice, code = "", ""
        try:
            if action == "done":
                submission = read_form(data, ScheduledActivityDone, DONE_FIELDS)
                if submission.body is not None:
                    await savepoint(
                        ctx, services.complete_activity(ctx, activity.id, submission.body, version)
                    )
                notice, code = N_("Activity marked done."), "activity.done"
            elif action == "edit":
                submission = read_form(
                    data,
                    ScheduledActivityUpdate,
                    SCHEDULE_FIELDS,
                    update=True,
                    required=("activity_type", "summary", "due_date", "assignee_user_id"),
                )
                if submission.body is not None:
                    await savepoint(ctx, services.update_activity(ctx, activity.id, submission.body, version))
                notice, code = N_("Activity saved."), "activity.updated"
            elif action == "delete":
                await savepoint(ctx, services.delete_activity(ctx, activity.id, version))
                notice, code = N_("Activity cancelled."), "activity.deleted"
            else:
                raise NotFoundProblem("No such action.")
            if submission is not None:
                errors = submission.errors
        except ProblemError as problem:
            if problem.status == 404:
                raise
            errors = problem_errors(problem)
        return await _answer(
            ctx,
            request,
            data,
            (activity.target_type, activity.target_id),
            errors=errors or None,
            form=form_name,
            values=submission.values if submission is not None else {},
            notice=notice,
            code=code,
        )


PAGES = [ActivityPages]
