"""Alert pages: each user's inbox and channel preferences, and the outbox of recorded messages."""

from __future__ import annotations

import enum
import uuid
from typing import Any, TypeVar

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.alerts import services as alerts
from bizsuite.core.alerts.api import (
    OutboxFilterParams,
    inbox_filters,
    outbox_filters,
)
from bizsuite.core.alerts.models import Channel, Severity
from bizsuite.core.alerts.schemas import InboxFilters, PreferencesUpdate
from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.kit import registry
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, Submission, read_form
from bizsuite.web.i18n import N_, current_locale, service_messages
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    query_as_sent,
    redirect,
    run_action,
    run_form,
    signed_in,
)
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
SERVICE_MESSAGES = service_messages(
    N_("SMS needs a phone number"),
)
#: The inbox page's own query parameters (kept in its pager, export and mark-read links).
INBOX_PARAMS = ("unread", "severity", "cursor")
InboxFilterParams = NamedDependency[InboxFilters]
OUTBOX_PARAMS = ("channel", "alert_id", "cursor")
OUTBOX_PAGE_FILTERS = filtered_by(outbox_filters)


def back_to(data: dict[str, Any], default: str) -> str:
    """The local page a form came from (its filters kept), never another site."""
    target = str(data.get("next") or "")
    return target if target.startswith("/") and not target.startswith("//") else default


#: The inbox page reads the API's typed inbox filters; its checkbox is called ``unread``.
INBOX_PAGE_FILTERS = filtered_by(inbox_filters, renames={"unread": "unread_only"})
PREFERENCE_FIELDS = ("email_min_severity", "sms_min_severity", "sms_number", "muted_types")


class InboxPages(Controller):
    """The signed-in user's alerts, newest first, and how they want them by email and SMS."""

    path = "/inbox"
    include_in_schema = False
    guards = [signed_in]

    @get(**INBOX_PAGE_FILTERS)
    async def inbox(self, ctx: Ctx, request: Request[Any, Any, Any], filters: InboxFilterParams) -> Template:
        """A page of the user's inbox with filters."""
        owner = await alerts.inbox_owner(ctx, None)
        items, next_cursor = await alerts.list_inbox(
            ctx,
            owner,
            limit=PAGE_SIZE,
            cursor=request.query_params.get("cursor"),
            unread_only=filters.unread_only,
            severity=filters.severity,
        )
        sent = query_as_sent(request)
        locale = current_locale()
        return page(
            request,
            "alerts/inbox.html",
            items=items,
            next_cursor=next_cursor,
            params={name: value for name in INBOX_PARAMS if (value := sent.get(name))},
            filters=sent,
            severities=SEVERITY_LABELS,
            views={item.id: alerts.present(alert, ctx.principal, locale) for item, alert in items},
        )

    @post("/{notification_id:uuid}/open")
    async def open_item(self, ctx: Ctx, notification_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Open an alert: mark it read and land on its record (or back on the inbox without one)."""
        owner = await alerts.inbox_owner(ctx, None)
        href = await alerts.open_item(ctx, owner, notification_id)
        return redirect(href) if href else redirect(back_to(data, "/inbox"), notice="alert.read")

    @post("/read")
    async def mark_selected_read(self, ctx: Ctx, data: Form) -> Response[Any]:
        """Mark the ticked alerts read (none ticked: nothing happens)."""
        owner = await alerts.inbox_owner(ctx, None)
        back = back_to(data, "/inbox")
        raw = data.get("ids") or []
        try:
            ids = [uuid.UUID(str(v)) for v in (raw if isinstance(raw, list) else [raw]) if v]
        except ValueError:
            ids = []
        if not ids:
            return redirect(back, notice="alert.none_selected")
        return await run_action(
            lambda: alerts.mark_many_read(ctx, owner, ids), back=back, notice="alert.read_selected"
        )

    @post("/{notification_id:uuid}/read")
    async def mark_read(self, ctx: Ctx, notification_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Mark one alert read."""
        owner = await alerts.inbox_owner(ctx, None)
        back = back_to(data, "/inbox")
        return await run_action(
            lambda: alerts.mark_read(ctx, owner, notification_id), back=back, notice="alert.read"
        )

    @post("/read-all")
    async def mark_all_read(self, ctx: Ctx, data: Form) -> Response[Any]:
        """Mark every unread alert read."""
        owner = await alerts.inbox_owner(ctx, None)
        back = back_to(data, "/inbox")
        return await run_action(lambda: alerts.mark_all_read(ctx, owner), back=back, notice="alert.read_all")

    @get("/export", **INBOX_PAGE_FILTERS)
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: InboxFilterParams
    ) -> Response[bytes]:
        """Download the (filtered) inbox as CSV or XLSX."""
        owner = await alerts.inbox_owner(ctx, None)
        locale = current_locale()
        items = await every_page(
            lambda cursor: alerts.list_inbox(
                ctx,
                owner,
                limit=200,
                cursor=cursor,
                unread_only=filters.unread_only,
                severity=filters.severity,
            )
        )
        rows = [
            (
                item.created_at,
                _(SEVERITY_LABELS[alert.severity.value]),
                _((view := alerts.present(alert, ctx.principal, locale)).kind_label),
                view.title,
                view.body or "",
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
            alert_kinds=sorted(registry().alert_kinds.items()),
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
        typed = {**data, "muted_types": [t.strip() for t in muted.split(",") if t.strip()]}
        owner = await alerts.inbox_owner(ctx, None)

        async def again(form: Submission[PreferencesUpdate]) -> Response[Any]:
            # A clash with a save made elsewhere (412): the form shows what the user typed.
            return await self._preferences(
                ctx,
                request,
                status_code=form.status_code,
                errors=form.errors,
                values={**data, "muted_types": muted},
            )

        return await run_form(
            read_form(
                typed,
                PreferencesUpdate,
                PREFERENCE_FIELDS,
                update=True,
                checkboxes=("email_enabled", "sms_enabled"),
                lists=("muted_types",),
            ),
            lambda body, version: alerts.update_preferences(ctx, owner, body, version),
            done=lambda _saved: redirect("/inbox/preferences", notice="notification_preferences.saved"),
            again=again,
        )


class OutboxPages(Controller):
    """Emails and SMS handed to providers; the default providers only record them here."""

    path = "/admin/messages"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @get(**OUTBOX_PAGE_FILTERS)
    async def messages(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: OutboxFilterParams
    ) -> Template:
        """A page of outgoing messages, newest first."""
        messages, next_cursor = await alerts.list_outbox(
            ctx,
            limit=PAGE_SIZE,
            cursor=request.query_params.get("cursor"),
            channel=filters.channel,
            alert_id=filters.alert_id,
        )
        sent = query_as_sent(request)
        return page(
            request,
            "alerts/outbox.html",
            messages=messages,
            next_cursor=next_cursor,
            params={name: value for name in OUTBOX_PARAMS if (value := sent.get(name))},
            filters=sent,
            channels=CHANNEL_LABELS,
            statuses=OUTBOX_STATUS_LABELS,
        )

    @get("/export", **OUTBOX_PAGE_FILTERS)
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: OutboxFilterParams
    ) -> Response[bytes]:
        """Download the (filtered) outbox as CSV or XLSX."""
        messages = await every_page(
            lambda cursor: alerts.list_outbox(
                ctx, limit=200, cursor=cursor, channel=filters.channel, alert_id=filters.alert_id
            )
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
