"""Alert endpoints: alerts, each member's inbox, channel preferences and the outbox."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from bizsuite.core.alerts import services
from bizsuite.core.alerts.models import Alert, Channel, NotificationPreference, Severity
from bizsuite.core.alerts.schemas import (
    AlertCreate,
    AlertOut,
    AlertPage,
    InboxFilters,
    InboxItemOut,
    InboxItemsRead,
    InboxPage,
    MarkedRead,
    OutboxFilters,
    OutboxMessageOut,
    OutboxPage,
    PreferencesOut,
    PreferencesUpdate,
    UnreadCount,
)
from bizsuite.core.context import Context, tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch, api_locale
from bizsuite.core.identity.models import Role
from bizsuite.core.openapi import problems
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.web.i18n import translations

AlertTypeParam = Annotated[str | None, QueryParameter(max_length=64, description="Only alerts of this type.")]
UserIdParam = Annotated[
    uuid.UUID | None,
    QueryParameter(
        description="The member whose inbox it is (default: the signed-in user; admins may name any)."
    ),
]
#: Routes taking ``user_id`` answer 404 when it names no member of the tenant.
OTHER_MEMBER = problems({404: "No member with this user_id"})


def inbox_filters(
    unread_only: FromQuery[bool] = False,
    severity: FromQuery[Severity | None] = None,
) -> InboxFilters:
    """An inbox's filters from their typed query parameters (the API list, the inbox page and its export)."""
    return InboxFilters(unread_only=unread_only, severity=severity)


#: Inject :func:`inbox_filters` as ``filters``.
INBOX_FILTERS = {"filters": Provide(inbox_filters, sync_to_thread=False)}
Filters = NamedDependency[InboxFilters]


def outbox_filters(
    channel: FromQuery[Channel | None] = None,
    alert_id: FromQuery[uuid.UUID | None] = None,
) -> OutboxFilters:
    """The outbox's filters from their typed query parameters (the API list, the outbox page and its export)."""
    return OutboxFilters(channel=channel, alert_id=alert_id)


#: Inject :func:`outbox_filters` as ``filters``.
OUTBOX_FILTERS = {"filters": Provide(outbox_filters, sync_to_thread=False)}
OutboxFilterParams = NamedDependency[OutboxFilters]


def reader_locale(request: Request[Any, Any, Any], ctx: Context) -> str:
    """The language an API caller reads alerts in: ``Accept-Language``, else theirs, else the tenant's."""
    return api_locale(request)


def _alert_out(alert: Alert, ctx: Context, locale: str) -> AlertOut:
    view = services.present(alert, ctx.principal, locale)
    return AlertOut(
        id=alert.id,
        type=alert.type,
        type_label=translations(locale).gettext(view.kind_label),
        severity=alert.severity,
        title=view.title,
        body=view.body,
        href=view.href,
        target_type=alert.target_type,
        target_id=alert.target_id,
        due_at=alert.due_at,
        dedup_key=alert.dedup_key,
        data=alert.data,
        created_at=alert.created_at,
    )


def _preferences_out(preferences: NotificationPreference) -> PreferencesOut:
    return msgspec.convert(preferences, PreferencesOut, from_attributes=True)


class AlertController(Controller):
    """Alerts raised in the tenant."""

    path = "/api/v1/alerts"
    tags = ["alerts"]
    guards = [tenant_guard]

    @get(operation_id="list_alerts", summary="List alerts", opt={"min_role": Role.MANAGER})
    async def list_alerts(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        type: AlertTypeParam = None,
        severity: FromQuery[Severity | None] = None,
    ) -> AlertPage:
        """List alerts, newest first, optionally of one type or severity."""
        alerts, next_cursor = await services.list_alerts(
            ctx, limit=limit, cursor=cursor, alert_type=type, severity=severity
        )
        locale = reader_locale(request, ctx)
        return AlertPage(items=[_alert_out(a, ctx, locale) for a in alerts], next_cursor=next_cursor)

    @post(
        operation_id="create_alert",
        summary="Raise an alert",
        opt={"min_role": Role.ADMIN},
        responses={200: ResponseSpec(AlertOut, description="An alert with this dedup key was raised before")},
    )
    async def create_alert(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[AlertCreate]
    ) -> Response[AlertOut]:
        """Raise an alert (201); one with the same dedup key was raised before: that one (200)."""
        raised = await services.create_alert(ctx, data)
        return Response(
            _alert_out(raised.alert, ctx, reader_locale(request, ctx)),
            status_code=201 if raised.created else 200,
        )

    @get("/{alert_id:uuid}", operation_id="get_alert", summary="Get an alert", opt={"min_role": Role.MANAGER})
    async def get_alert(
        self, ctx: Ctx, request: Request[Any, Any, Any], alert_id: FromPath[uuid.UUID]
    ) -> AlertOut:
        """Return one alert."""
        return _alert_out(await services.get_alert(ctx, alert_id), ctx, reader_locale(request, ctx))


class InboxController(Controller):
    """Each member's in-app inbox."""

    path = "/api/v1/inbox"
    tags = ["alerts"]
    guards = [tenant_guard]
    opt = {"min_role": Role.VIEWER}

    @get(
        operation_id="list_inbox",
        summary="List my inbox",
        dependencies=INBOX_FILTERS,
        responses=OTHER_MEMBER,
    )
    async def list_inbox(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        user_id: UserIdParam = None,
        *,
        filters: Filters,  # after the page parameters: the OpenAPI lists them first
    ) -> InboxPage:
        """List inbox items, newest first, with the unread count; optionally unread only or of one severity."""
        owner = await services.inbox_owner(ctx, user_id)
        items, next_cursor = await services.list_inbox(
            ctx, owner, limit=limit, cursor=cursor, unread_only=filters.unread_only, severity=filters.severity
        )
        locale = reader_locale(request, ctx)
        return InboxPage(
            items=[
                InboxItemOut(
                    id=item.id,
                    user_id=item.user_id,
                    read_at=item.read_at,
                    created_at=item.created_at,
                    alert=_alert_out(alert, ctx, locale),
                )
                for item, alert in items
            ],
            next_cursor=next_cursor,
            unread_count=await services.unread_count(ctx, owner),
        )

    @get(
        "/unread-count",
        operation_id="get_inbox_unread_count",
        summary="Count my unread alerts",
        responses=OTHER_MEMBER,
    )
    async def get_inbox_unread_count(self, ctx: Ctx, user_id: UserIdParam = None) -> UnreadCount:
        """Return how many inbox items are unread (for the badge in the shell)."""
        owner = await services.inbox_owner(ctx, user_id)
        return UnreadCount(user_id=owner, unread_count=await services.unread_count(ctx, owner))

    @post(
        "/{notification_id:uuid}/read",
        operation_id="mark_inbox_item_read",
        summary="Mark an inbox item read",
        status_code=200,
    )
    async def mark_inbox_item_read(
        self, ctx: Ctx, notification_id: FromPath[uuid.UUID], user_id: UserIdParam = None
    ) -> MarkedRead:
        """Mark one inbox item read."""
        owner = await services.inbox_owner(ctx, user_id)
        marked = await services.mark_read(ctx, owner, notification_id)
        return MarkedRead(marked=marked, unread_count=await services.unread_count(ctx, owner))

    @post(
        "/read",
        operation_id="mark_inbox_items_read",
        summary="Mark several inbox items read",
        status_code=200,
        responses=problems({404: "An id is not one of this member's inbox items (nothing was marked)"}),
    )
    async def mark_inbox_items_read(
        self, ctx: Ctx, data: JSONBody[InboxItemsRead], user_id: UserIdParam = None
    ) -> MarkedRead:
        """Mark the given inbox items read, all or none (an id not in this inbox: 404)."""
        owner = await services.inbox_owner(ctx, user_id)
        marked = await services.mark_many_read(ctx, owner, data.ids)
        return MarkedRead(marked=marked, unread_count=await services.unread_count(ctx, owner))

    @post(
        "/read-all",
        operation_id="mark_inbox_read",
        summary="Mark my whole inbox read",
        status_code=200,
        responses=OTHER_MEMBER,
    )
    async def mark_inbox_read(self, ctx: Ctx, user_id: UserIdParam = None) -> MarkedRead:
        """Mark every unread inbox item read."""
        owner = await services.inbox_owner(ctx, user_id)
        marked = await services.mark_all_read(ctx, owner)
        return MarkedRead(marked=marked, unread_count=0)


class NotificationPreferenceController(Controller):
    """How each member wants alerts by email and SMS."""

    path = "/api/v1/notification-preferences"
    tags = ["alerts"]
    guards = [tenant_guard]
    opt = {"min_role": Role.VIEWER}

    @get(
        operation_id="get_notification_preferences",
        summary="Get my notification preferences",
        responses=OTHER_MEMBER,
    )
    async def get_notification_preferences(self, ctx: Ctx, user_id: UserIdParam = None) -> PreferencesOut:
        """Return the member's channel preferences (the defaults, version 0, until first saved)."""
        owner = await services.inbox_owner(ctx, user_id)
        return _preferences_out(await services.get_preferences(ctx, owner))

    @patch(
        operation_id="update_notification_preferences",
        summary="Update my notification preferences",
        responses=OTHER_MEMBER,
    )
    async def update_notification_preferences(
        self,
        ctx: Ctx,
        data: JSONBody[PreferencesUpdate],
        user_id: UserIdParam = None,
        if_match: IfMatch = None,
    ) -> PreferencesOut:
        """Change channel preferences; ``If-Match`` is the version read (0 for the defaults)."""
        owner = await services.inbox_owner(ctx, user_id)
        return _preferences_out(await services.update_preferences(ctx, owner, data, if_match))


class OutboxController(Controller):
    """Emails and SMS as handed to their providers (the default providers only record them)."""

    path = "/api/v1/outbox"
    tags = ["alerts"]
    guards = [tenant_guard]
    opt = {"min_role": Role.ADMIN}

    @get(operation_id="list_outbox_messages", summary="List outgoing messages", dependencies=OUTBOX_FILTERS)
    async def list_outbox_messages(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        *,
        filters: OutboxFilterParams,  # after the page parameters: the OpenAPI lists them first
    ) -> OutboxPage:
        """List emails and SMS, newest first."""
        messages, next_cursor = await services.list_outbox(
            ctx, limit=limit, cursor=cursor, channel=filters.channel, alert_id=filters.alert_id
        )
        return OutboxPage(
            items=[msgspec.convert(m, OutboxMessageOut, from_attributes=True) for m in messages],
            next_cursor=next_cursor,
        )

    @get("/{message_id:uuid}", operation_id="get_outbox_message", summary="Get an outgoing message")
    async def get_outbox_message(self, ctx: Ctx, message_id: FromPath[uuid.UUID]) -> OutboxMessageOut:
        """Return one outgoing message."""
        return msgspec.convert(
            await services.get_outbox_message(ctx, message_id), OutboxMessageOut, from_attributes=True
        )
