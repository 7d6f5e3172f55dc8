"""Alert pages: each user's inbox and channel preferences, and the outbox of recorded messages."""

from __future__ import annotations

import enum
import uuid
from typing import Any, TypeVar

from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.alerts import services as alerts
from bizsuite.core.alerts.models import Channel, Severity
from bizsuite.core.alerts.schemas import PreferencesUpdate
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ProblemError
from bizsuite.core.identity.models import Role
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, decode_form, problem_errors
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import enum_or_none, query_params, redirect, signed_in
from bizsuite.web.templating import page

E = TypeVar("E", bound=enum.Enum)
PAGE_SIZE = 25
SEVERITY_LABELS = {
    Severity.INFO.value: N_("Info"),
    Severity.WARNING.value: N_("Warning"),
    Severity.CRITICAL.value: N_("Critical"),
}
CHANNEL_LABELS = {Channel.EMAIL.value: N_("Email"), Channel.SMS.value: N_("SMS")}
OUTBOX_STATUS_LABELS = {
    "recorded": N_("Recorded (not sent)"),
    "sent": N_("Sent"),
    "failed": N_("Failed"),
}
#: Field messages of the alert services, translated when a form shows them.
SERVICE_MESSAGES = (N_("SMS needs a phone number"),)
INBOX_FILTERS = ("unread", "severity", "cursor")
OUTBOX_FILTERS = ("channel", "cursor")


def back_to(data: dict[str, Any], default: str) -> str:
    """The local page a form came from (its filters kept), never another site."""
    target = str(data.get("next") or "")
    return target if target.startswith("/") and not target.startswith("//") else default


class InboxPages(Controller):
    """The signed-in user's alerts, newest first, and how they want them by email and SMS."""

    path = "/inbox"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def inbox(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """A page of the user's inbox with filters."""
        owner = await alerts.inbox_owner(ctx, None)
        params = request.query_params
        items, next_cursor = await alerts.list_inbox(
            ctx,
            owner,
            limit=PAGE_SIZE,
            cursor=params.get("cursor"),
            unread_only=params.get("unread") == "1",
            severity=enum_or_none(Severity, params.get("severity")),
        )
        return page(
            request,
            "alerts/inbox.html",
            items=items,
            next_cursor=next_cursor,
            params=query_params(request, *INBOX_FILTERS),
            filters=params,
            severities=SEVERITY_LABELS,
        )

    @post("/{notification_id:uuid}/read")
    async def mark_read(self, ctx: Ctx, notification_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Mark one alert read."""
        owner = await alerts.inbox_owner(ctx, None)
        await alerts.mark_read(ctx, owner, notification_id)
        return redirect(back_to(data, "/inbox"), notice="alert.read")

    @post("/read-all")
    async def mark_all_read(self, ctx: Ctx, data: Form) -> Response[Any]:
        """Mark every unread alert read."""
        owner = await alerts.inbox_owner(ctx, None)
        await alerts.mark_all_read(ctx, owner)
        return redirect(back_to(data, "/inbox"), notice="alert.read_all")

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the (filtered) inbox as CSV or XLSX."""
        owner = await alerts.inbox_owner(ctx, None)
        items = await every_page(
            lambda cursor: alerts.list_inbox(
                ctx,
                owner,
                limit=200,
                cursor=cursor,
                unread_only=request.query_params.get("unread") == "1",
                severity=enum_or_none(Severity, request.query_params.get("severity")),
            )
        )
        rows = [
            (
                item.created_at,
                _(SEVERITY_LABELS[alert.severity.value]),
                alert.type,
                alert.title,
                alert.body or "",
                alert.due_at or "",
                item.read_at or "",
            )
            for item, alert in items
        ]
        headers = [_("Received"), _("Severity"), _("Type"), _("Title"), _("Details"), _("Due"), _("Read")]
        return export_response(request.query_params.get("format", "csv"), "inbox", headers, rows)

    async def _preferences(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
    ) -> Template:
        owner = await alerts.inbox_owner(ctx, None)
        return page(
            request,
            "alerts/preferences.html",
            status_code=status_code,
            preferences=await alerts.get_preferences(ctx, owner),
            severities=SEVERITY_LABELS,
            errors=errors or FormErrors(),
            values=values,
        )

    @get("/preferences")
    async def preferences(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The user's channels beyond the inbox."""
        return await self._preferences(ctx, request)

    @post("/preferences")
    async def save_preferences(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Save email and SMS preferences (the first save stores the defaults' version 0)."""
        muted = str(data.get("muted_types") or "").replace("\uff0c", ",").replace("\n", ",")
        values: dict[str, Any] = {
            # An unticked checkbox sends nothing: that means off.
            "email_enabled": bool(data.get("email_enabled")),
            "email_min_severity": data.get("email_min_severity"),
            "sms_enabled": bool(data.get("sms_enabled")),
            "sms_min_severity": data.get("sms_min_severity"),
            "sms_number": data.get("sms_number"),
            "muted_types": [t.strip() for t in muted.split(",") if t.strip()],
        }
        update, errors = decode_form(values, PreferencesUpdate, lists=("muted_types",))
        if update is not None:
            try:
                owner = await alerts.inbox_owner(ctx, None)
                await alerts.update_preferences(ctx, owner, update, str(data.get("version", "")) or None)
                return redirect("/inbox/preferences", notice="notification_preferences.saved")
            except ProblemError as problem:
                if problem.status == 412:
                    return redirect("/inbox/preferences", notice="error.precondition-failed")
                errors = problem_errors(problem)
        return await self._preferences(
            ctx, request, status_code=422, errors=errors, values={**data, "muted_types": muted}
        )


class OutboxPages(Controller):
    """Emails and SMS handed to providers; the default providers only record them here."""

    path = "/admin/messages"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @get()
    async def messages(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """A page of outgoing messages, newest first."""
        messages, next_cursor = await alerts.list_outbox(
            ctx,
            limit=PAGE_SIZE,
            cursor=request.query_params.get("cursor"),
            channel=enum_or_none(Channel, request.query_params.get("channel")),
        )
        return page(
            request,
            "alerts/outbox.html",
            messages=messages,
            next_cursor=next_cursor,
            params=query_params(request, *OUTBOX_FILTERS),
            filters=request.query_params,
            channels=CHANNEL_LABELS,
            statuses=OUTBOX_STATUS_LABELS,
        )

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the (filtered) outbox as CSV or XLSX."""
        channel = enum_or_none(Channel, request.query_params.get("channel"))
        messages = await every_page(
            lambda cursor: alerts.list_outbox(ctx, limit=200, cursor=cursor, channel=channel)
        )
        rows = [
            (
                m.created_at,
                _(CHANNEL_LABELS[m.channel.value]),
                m.recipient,
                m.subject or "",
                m.body,
                m.provider,
                _(OUTBOX_STATUS_LABELS[m.status.value]),
                m.error or "",
            )
            for m in messages
        ]
        headers = [
            _("Time"),
            _("Channel"),
            _("Recipient"),
            _("Subject"),
            _("Message"),
            _("Provider"),
            _("Status"),
            _("Error"),
        ]
        return export_response(request.query_params.get("format", "csv"), "outgoing-messages", headers, rows)
