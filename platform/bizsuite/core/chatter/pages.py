"""The chatter partial every record page loads lazily (``chatter/_chatter.html``): followers, a
note form with mentions and an attachment, the record's planned activities with the schedule
form, and the feed. Its forms post here (htmx swaps the partial in place; errors come back 422)."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, get, post
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.activities import services as activities
from bizsuite.core.activities.schemas import ScheduledActivityFilters
from bizsuite.core.chatter import services
from bizsuite.core.chatter.schemas import ChatterNoteUpdate
from bizsuite.core.context import Context, principal_of
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem, ProblemError
from bizsuite.core.files import services as files
from bizsuite.core.files.api import provide_storage
from bizsuite.core.identity.members import member_choices
from bizsuite.core.identity.models import Role
from bizsuite.web.forms import FormErrors, form_version, problem_errors
from bizsuite.web.i18n import N_, gettext
from bizsuite.web.pages import Form
from bizsuite.web.support import savepoint, signed_in
from bizsuite.web.uploads import MultipartUpload, refusal_message, upload_policy

FEED_SIZE = 20
RECORD = "/{target_type:str}/{target_id:uuid}"
STATE_LABELS = {"overdue": N_("Overdue"), "today": N_("Today"), "planned": N_("Planned")}


async def render_chatter(
    ctx: Context,
    request: Request[Any, Any, Any],
    target_type: str,
    target_id: uuid.UUID,
    *,
    status_code: int = 200,
    errors: FormErrors | None = None,
    form: str | None = None,
    values: dict[str, Any] | None = None,
    notice: str | None = None,
) -> Template:
    """The chatter of one record (404 for a record that is not the caller's tenant's)."""
    declared, info = await services.record_of(ctx, target_type, target_id)
    feed = await services.list_feed(
        ctx, target_type, target_id, limit=FEED_SIZE, cursor=request.query_params.get("chatter_cursor")
    )
    planned = await activities.list_activities(
        ctx, ScheduledActivityFilters(target_type=target_type, target_id=target_id), limit=50, cursor=None
    )
    return Template(
        template_name="chatter/_chatter.html",
        status_code=status_code,
        media_type="text/html",
        context={
            "request": request,
            "principal": principal_of(request),
            "csrf_token": request.scope.get("state", {}).get("csrf_token", ""),
            "target_type": target_type,
            "target_id": target_id,
            "record_label": info.label,
            "record_url": declared.url.format(id=target_id),
            "feed": feed,
            "followers": await services.list_followers(ctx, target_type, target_id),
            "planned": planned.items,
            "members": await member_choices(
                ctx,
                module=declared.module,
                selected=[
                    ctx.principal.user_id,
                    (values or {}).get("assignee_user_id"),
                    *(a.assignee_user_id for a in planned.items),
                ],
            ),
            "activity_types": activities.TYPE_LABELS,
            "state_labels": STATE_LABELS,
            "today": activities.today(ctx),
            "errors": errors or FormErrors(),
            "form": form,
            "values": values or {},
            "chatter_notice": notice,
            "Role": Role,
        },
    )


class ChatterPages(Controller):
    """The chatter partial and its forms."""

    path = "/chatter"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.VIEWER}

    @get(RECORD)
    async def chatter(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        target_type: FromPath[str],
        target_id: FromPath[uuid.UUID],
    ) -> Template:
        """The record's chatter (lazily loaded into its page)."""
        return await render_chatter(ctx, request, target_type, target_id)

    @post(
        f"{RECORD}/notes",
        opt={"min_role": Role.MEMBER, "streams_body": True},
        request_max_body_size=None,
    )
    async def note(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        target_type: FromPath[str],
        target_id: FromPath[uuid.UUID],
    ) -> Template:
        """Write a note (with an optional attached file); mentions are ``@Name`` in the text."""
        await services.record_of(ctx, target_type, target_id)
        fields: dict[str, str] = {}
        file_ids: list[uuid.UUID] = []
        errors = FormErrors()
        media_type, options = request.content_type
        if media_type == "multipart/form-data" and options.get("boundary"):
            policy = upload_policy(request)
            body = MultipartUpload(request.stream(), options["boundary"].encode())
            try:
                await body.start()
                fields = body.fields
                if body.file is not None and body.file.filename:
                    meta = files.Upload(
                        name=body.file.filename, content_type=body.file.content_type, declared_size=None
                    )
                    stored = await savepoint(
                        ctx, files.upload(ctx, provide_storage(request), body.file_chunks(), meta, policy)
                    )
                    file_ids.append(stored.id)
                await body.drain()
            except ProblemError as problem:
                errors = FormErrors({"file": refusal_message(problem, policy)})
        else:
            fields = {k: str(v) for k, v in (await request.form()).items()}
        text = (fields.get("body") or "").strip()
        if not text and not errors:
            errors = FormErrors({"body": _required()})
        if not errors:
            try:
                await savepoint(
                    ctx, services.post_message(ctx, target_type, target_id, text, file_ids=file_ids)
                )
            except ProblemError as problem:
                errors = problem_errors(problem)
        if errors:
            return await render_chatter(
                ctx,
                request,
                target_type,
                target_id,
                status_code=422,
                errors=errors,
                form="note",
                values={"body": text},
            )
        return await render_chatter(ctx, request, target_type, target_id, notice=N_("Note posted."))

    @post(f"{RECORD}/follow", opt={"min_role": Role.VIEWER})
    async def follow(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        target_type: FromPath[str],
        target_id: FromPath[uuid.UUID],
    ) -> Template:
        """Follow the record."""
        await services.follow(ctx, target_type, target_id, None)
        return await render_chatter(
            ctx, request, target_type, target_id, notice=N_("You follow this record.")
        )

    @post(f"{RECORD}/unfollow", opt={"min_role": Role.VIEWER})
    async def unfollow(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        target_type: FromPath[str],
        target_id: FromPath[uuid.UUID],
    ) -> Template:
        """Stop following the record."""
        if ctx.principal.user_id is not None:
            await services.unfollow(ctx, target_type, target_id, ctx.principal.user_id)
        return await render_chatter(
            ctx, request, target_type, target_id, notice=N_("You no longer follow this record.")
        )

    @post("/notes/{chatter_message_id:uuid}/{action:str}", opt={"min_role": Role.MEMBER})
    async def change_note(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        chatter_message_id: FromPath[uuid.UUID],
        action: FromPath[str],
        data: Form,
    ) -> Template:
        """Edit (its author) or delete (its author or a manager) a note."""
        message = await services.get_message(ctx, chatter_message_id)
        version = form_version(data)
        errors = FormErrors()
        try:
            if action == "edit":
                text = str(data.get("body") or "").strip()
                if not text:
                    errors = FormErrors({"body": _required()})
                else:
                    await savepoint(
                        ctx, services.update_message(ctx, message.id, ChatterNoteUpdate(body=text), version)
                    )
            elif action == "delete":
                await savepoint(ctx, services.delete_message(ctx, message.id, version))
            else:
                raise NotFoundProblem("No such action.")
        except ProblemError as problem:
            if problem.status == 404:
                raise
            errors = problem_errors(problem)
        if errors:
            return await render_chatter(
                ctx,
                request,
                message.target_type,
                message.target_id,
                status_code=422 if action == "edit" else 409,
                errors=errors,
                form=f"note-{message.id}",
                values={"body": data.get("body")},
            )
        notice = N_("Note saved.") if action == "edit" else N_("Note deleted.")
        return await render_chatter(ctx, request, message.target_type, message.target_id, notice=notice)


def _required() -> str:
    return gettext("This field is required.")


PAGES = [ChatterPages]
