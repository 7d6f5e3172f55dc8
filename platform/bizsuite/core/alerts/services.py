"""Alert workflows: raise (once per dedup key), inbox, channel preferences, outbox dispatch."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.alerts import rules
from bizsuite.core.alerts.models import (
    Alert,
    Channel,
    Notification,
    NotificationPreference,
    OutboxMessage,
    OutboxStatus,
    Severity,
)
from bizsuite.core.alerts.providers import OutgoingMessage, provider_for
from bizsuite.core.alerts.schemas import AlertCreate, PreferencesUpdate
from bizsuite.core.context import Context, Principal, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import (
    ForbiddenProblem,
    NotFoundProblem,
    PreconditionFailedProblem,
    ValidationProblem,
)
from bizsuite.core.identity.models import Membership, Role, User
from bizsuite.core.jobs.queue import context_for, enqueue
from bizsuite.core.repository import check_version, fetch, list_page, parse_if_match
from bizsuite.core.webhooks.services import emit_event
from bizsuite.kit import registry
from bizsuite.settings import Settings
from bizsuite.web.i18n import negotiate

DISPATCH_TASK = "alerts.dispatch"
#: Who hears of an alert raised without recipients.
DEFAULT_AUDIENCE = Role.MANAGER


@dataclass(frozen=True, slots=True)
class RaisedAlert:
    """The alert, and whether this call created it (``False``: it had been raised before)."""

    alert: Alert
    created: bool


async def _recipients(
    ctx: Context, recipients: Sequence[uuid.UUID] | None, audience: Role
) -> list[uuid.UUID]:
    """Members to notify: the given users who belong to the tenant, or everyone at ``audience`` and up."""
    if recipients is not None:
        wanted = rules.unique_users(recipients)
        members = set(
            (
                await ctx.session.scalars(select(Membership.user_id).where(Membership.user_id.in_(wanted)))
            ).all()
        )
        return [user_id for user_id in wanted if user_id in members]
    rows = (await ctx.session.execute(select(Membership.user_id, Membership.role))).all()
    return [user_id for user_id, role in rows if Role(role).at_least(audience)]


async def raise_alert(
    ctx_or_session: Context | AsyncSession,
    *,
    alert_type: str,
    severity: Severity,
    title: str | None = None,
    title_msgid: str | None = None,
    body_msgid: str | None = None,
    params: Mapping[str, Any] | None = None,
    target: Any | None = None,
    target_type: str | None = None,
    target_id: uuid.UUID | None = None,
    due_at: datetime | None = None,
    body: str | None = None,
    dedup_key: str | None = None,
    recipients: Sequence[uuid.UUID] | None = None,
    audience: Role = DEFAULT_AUDIENCE,
    data: dict[str, Any] | None = None,
) -> RaisedAlert:
    """Raise an alert in the caller's transaction; a dedup key already raised changes nothing.

    Say what it is with ``title_msgid`` (and ``body_msgid``): msgids marked with ``N_()`` and
    filled with ``params`` (preformatted strings and numbers), so each reader sees it in their
    language; ``title``/``body`` then default to the tenant's language (for emails, SMS and
    webhooks). A plain ``title`` is shown as it is. ``target`` is the row the alert is about (or name it with ``target_type``/``target_id``).
    Recipients get it in their inbox at once; email and SMS follow from a job, each message
    sent once per alert, user and channel whatever retries happen. Webhooks get ``alert.raised``.
    """
    ctx = await context_for(ctx_or_session, actor="alerts")
    params = dict(params or {})
    locale = negotiate(ctx.tenant.locale)
    title = title or rules.render_message(title_msgid, params, None, locale, limit=rules.TITLE_MAX_LENGTH)
    if not title:
        raise ValueError("an alert needs a title or a title msgid")
    body = body or rules.render_message(body_msgid, params, None, locale)
    if target is not None:
        target_type = target_type or getattr(target, "__tablename__", type(target).__name__)
        target_id = target_id or getattr(target, "id", None)
    key = rules.alert_dedup_key(
        alert_type, target_type=target_type, target_id=target_id, due_at=due_at, key=dedup_key
    )
    created = await ctx.session.scalar(
        insert(Alert)
        .values(
            tenant_id=ctx.tenant_id,
            type=alert_type,
            severity=severity,
            title=title,
            body=body,
            title_msgid=title_msgid,
            body_msgid=body_msgid,
            message_params=msgspec.to_builtins(params),
            target_type=target_type,
            target_id=target_id,
            due_at=due_at,
            dedup_key=key,
            data=msgspec.to_builtins(data or {}),
        )
        .on_conflict_do_nothing(index_elements=["tenant_id", "dedup_key"])
        .returning(Alert)
    )
    if created is None:
        existing = await ctx.session.scalar(select(Alert).where(Alert.dedup_key == key))
        assert existing is not None, "a conflicting alert exists in this tenant"
        return RaisedAlert(alert=existing, created=False)
    user_ids = await _recipients(ctx, recipients, audience)
    ctx.session.add_all([Notification(alert_id=created.id, user_id=user_id) for user_id in user_ids])
    await ctx.session.flush()
    ctx.audit("alert.raised", created, after=snapshot(created))
    if user_ids:
        await enqueue(ctx, DISPATCH_TASK, {"alert_id": str(created.id)})
    await emit_event(ctx, "alert.raised", {**snapshot(created), "recipient_ids": [str(u) for u in user_ids]})
    return RaisedAlert(alert=created, created=True)


async def create_alert(ctx: Context, data: AlertCreate) -> RaisedAlert:
    """Raise an alert from the API."""
    return await raise_alert(
        ctx,
        alert_type=data.type,
        severity=data.severity,
        title=data.title,
        body=data.body,
        target_type=data.target_type,
        target_id=data.target_id,
        due_at=data.due_at,
        dedup_key=data.dedup_key,
        recipients=data.recipient_ids,
    )


async def list_alerts(
    ctx: Context,
    *,
    limit: int,
    cursor: str | None,
    alert_type: str | None = None,
    severity: Severity | None = None,
) -> tuple[list[Alert], str | None]:
    """Return a page of the tenant's alerts, newest first."""
    statement = select(Alert)
    if alert_type:
        statement = statement.where(Alert.type == alert_type)
    if severity is not None:
        statement = statement.where(Alert.severity == severity)
    return await list_page(ctx.session, statement, Alert, limit=limit, cursor=cursor, descending=True)


async def get_alert(ctx: Context, alert_id: uuid.UUID) -> Alert:
    """Return one alert or 404."""
    return await fetch(ctx.session, Alert, alert_id, what="alert")


# ---------------------------------------------------------------------------------------------
# How an alert reads: in the reader's language, with its kind's label and its record's page


@dataclass(frozen=True, slots=True)
class AlertView:
    """An alert as one reader sees it."""

    title: str
    body: str | None
    #: The kind's label msgid (translate it where it is shown).
    kind_label: str
    #: The page of the alert's record, when there is one this reader may open.
    href: str | None


def kind_label(alert_type: str) -> str:
    """The label msgid of an alert kind (declared by its area's ``alert_kinds``), never the raw type."""
    return registry().alert_kinds.get(alert_type, rules.UNKNOWN_KIND)


def present(alert: Alert, principal: Principal, locale: str) -> AlertView:
    """How ``alert`` reads for ``principal`` in ``locale``."""
    params = alert.message_params or {}
    return AlertView(
        title=rules.render_message(
            alert.title_msgid, params, alert.title, locale, limit=rules.TITLE_MAX_LENGTH
        )
        or alert.title,
        body=rules.render_message(alert.body_msgid, params, alert.body, locale),
        kind_label=kind_label(alert.type),
        href=registry().link_for(alert.target_type, alert.target_id, principal),
    )


# ---------------------------------------------------------------------------------------------
# The inbox


async def inbox_owner(ctx: Context, user_id: uuid.UUID | None) -> uuid.UUID:
    """Whose inbox (or preferences) a call is about: the caller's own, or, for admins, a member's."""
    own = ctx.principal.user_id
    if user_id is None:
        if own is None:
            raise ValidationProblem.for_field("user_id", "an API key must name the member", source="query")
        return own
    if user_id != own and not (ctx.principal.role and ctx.principal.role.at_least(Role.ADMIN)):
        raise ForbiddenProblem("Only admins may act on another member's inbox.")
    member = await ctx.session.scalar(select(Membership.id).where(Membership.user_id == user_id))
    if member is None:
        raise NotFoundProblem(f"No member with user id {user_id}.")
    return user_id


async def unread_count(ctx: Context, user_id: uuid.UUID) -> int:
    """How many of the user's inbox items are unread."""
    count = await ctx.session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
    )
    return int(count or 0)


async def list_inbox(
    ctx: Context,
    user_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
    unread_only: bool = False,
    severity: Severity | None = None,
) -> tuple[list[tuple[Notification, Alert]], str | None]:
    """Return a page of the user's inbox, newest first, each item with its alert."""
    statement = select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        statement = statement.where(Notification.read_at.is_(None))
    if severity is not None:
        statement = statement.where(
            Notification.alert_id.in_(select(Alert.id).where(Alert.severity == severity))
        )
    items, next_cursor = await list_page(
        ctx.session, statement, Notification, limit=limit, cursor=cursor, descending=True
    )
    alert_ids = {item.alert_id for item in items}
    alerts = {
        a.id: a for a in (await ctx.session.scalars(select(Alert).where(Alert.id.in_(alert_ids)))).all()
    }
    return [(item, alerts[item.alert_id]) for item in items], next_cursor


async def mark_read(ctx: Context, user_id: uuid.UUID, notification_id: uuid.UUID) -> int:
    """Mark one of the user's inbox items read; return how many changed (0 if it already was)."""
    item = await ctx.session.scalar(
        select(Notification).where(Notification.id == notification_id, Notification.user_id == user_id)
    )
    if item is None:
        raise NotFoundProblem(f"No inbox item with id {notification_id}.")
    if item.read_at is not None:
        return 0
    item.read_at = utcnow()
    await ctx.session.flush()
    ctx.audit("notification.read", item, after={"user_id": str(user_id), "alert_id": str(item.alert_id)})
    return 1


async def mark_many_read(ctx: Context, user_id: uuid.UUID, notification_ids: Sequence[uuid.UUID]) -> int:
    """Mark the given inbox items of the user read, all or none; return how many changed.

    An id that is not one of the user's inbox items (another member's, another tenant's, or
    unknown) is a 404 and nothing is marked.
    """
    wanted = list(dict.fromkeys(notification_ids))
    if not wanted:
        return 0
    rows = (
        await ctx.session.execute(
            select(Notification.id, Notification.read_at).where(
                Notification.id.in_(wanted), Notification.user_id == user_id
            )
        )
    ).all()
    found = {row_id for row_id, _read in rows}
    missing = [str(i) for i in wanted if i not in found]
    if missing:
        raise NotFoundProblem(f"No inbox item with id {', '.join(missing[:5])}.")
    unread = [row_id for row_id, read_at in rows if read_at is None]
    if not unread:
        return 0
    await ctx.session.execute(
        update(Notification)
        .where(Notification.id.in_(unread), Notification.read_at.is_(None))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    ctx.audit(
        "notification.read_many",
        None,
        target_type="notifications",
        target_id=user_id,
        after={"user_id": str(user_id), "marked": len(unread), "ids": [str(i) for i in unread]},
    )
    return len(unread)


async def open_item(ctx: Context, user_id: uuid.UUID, notification_id: uuid.UUID) -> str | None:
    """Open one of the user's inbox items: mark it read; return its record's page, if any."""
    await mark_read(ctx, user_id, notification_id)
    alert = await ctx.session.scalar(
        select(Alert)
        .join(Notification, Notification.alert_id == Alert.id)
        .where(Notification.id == notification_id)
    )
    assert alert is not None, "an inbox item's alert is in the same tenant"
    return registry().link_for(alert.target_type, alert.target_id, ctx.principal)


async def mark_all_read(ctx: Context, user_id: uuid.UUID) -> int:
    """Mark every unread inbox item of the user read; return how many changed."""
    result = await ctx.session.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    marked = int(getattr(result, "rowcount", 0) or 0)
    if marked:
        ctx.audit(
            "notification.read_all",
            None,
            target_type="notifications",
            target_id=user_id,
            after={"user_id": str(user_id), "marked": marked},
        )
    return marked


# ---------------------------------------------------------------------------------------------
# Preferences


async def get_preferences(ctx: Context, user_id: uuid.UUID) -> NotificationPreference:
    """The user's stored preferences, or the defaults (``version`` 0, not stored)."""
    stored = await ctx.session.scalar(
        select(NotificationPreference).where(NotificationPreference.user_id == user_id)
    )
    if stored is not None:
        return stored
    defaults = rules.ChannelPreferences()
    return NotificationPreference(
        user_id=user_id,
        email_enabled=defaults.email_enabled,
        email_min_severity=defaults.email_min_severity,
        sms_enabled=defaults.sms_enabled,
        sms_min_severity=defaults.sms_min_severity,
        sms_number=None,
        muted_types=[],
        version=0,
    )


async def update_preferences(
    ctx: Context, user_id: uuid.UUID, data: PreferencesUpdate, if_match: str | None
) -> NotificationPreference:
    """Change the user's channel preferences (``If-Match: 0`` the first time)."""
    preferences = await get_preferences(ctx, user_id)
    stored = preferences.version != 0
    if stored:
        check_version(preferences, if_match)
    elif parse_if_match(if_match) != 0:
        raise PreconditionFailedProblem("These preferences were never saved: send If-Match: 0.")
    before = snapshot(preferences) if stored else None
    for field in ("email_enabled", "email_min_severity", "sms_enabled", "sms_min_severity", "sms_number"):
        value = getattr(data, field)
        if value is not msgspec.UNSET:
            setattr(preferences, field, value)
    if data.muted_types is not msgspec.UNSET:
        preferences.muted_types = sorted(set(data.muted_types))
    if preferences.sms_enabled and not preferences.sms_number:
        raise ValidationProblem.for_field("sms_number", "SMS needs a phone number")
    if not stored:
        preferences.version = 1
        ctx.session.add(preferences)
    await ctx.session.flush()
    ctx.audit("notification_preferences.updated", preferences, before=before, after=snapshot(preferences))
    return preferences


# ---------------------------------------------------------------------------------------------
# The outbox


async def list_outbox(
    ctx: Context,
    *,
    limit: int,
    cursor: str | None,
    channel: Channel | None = None,
    alert_id: uuid.UUID | None = None,
) -> tuple[list[OutboxMessage], str | None]:
    """Return a page of outgoing messages, newest first."""
    statement = select(OutboxMessage)
    if channel is not None:
        statement = statement.where(OutboxMessage.channel == channel)
    if alert_id is not None:
        statement = statement.where(OutboxMessage.alert_id == alert_id)
    return await list_page(ctx.session, statement, OutboxMessage, limit=limit, cursor=cursor, descending=True)


async def get_outbox_message(ctx: Context, message_id: uuid.UUID) -> OutboxMessage:
    """Return one outgoing message or 404."""
    return await fetch(ctx.session, OutboxMessage, message_id, what="outbox message")


def _channel_preferences(stored: NotificationPreference | None) -> rules.ChannelPreferences:
    if stored is None:
        return rules.ChannelPreferences()
    return rules.ChannelPreferences(
        email_enabled=stored.email_enabled,
        email_min_severity=stored.email_min_severity,
        sms_enabled=stored.sms_enabled,
        sms_min_severity=stored.sms_min_severity,
        sms_number=stored.sms_number,
        muted_types=frozenset(stored.muted_types),
    )


async def dispatch_alert(ctx: Context, alert_id: uuid.UUID, settings: Settings) -> int:
    """Send an alert by email and SMS to its recipients, as their preferences say.

    Each (alert, user, channel) message is claimed with a keyed insert before its provider is
    called, so a retried or replayed dispatch never sends it twice. Returns how many it sent.
    """
    alert = await ctx.session.scalar(select(Alert).where(Alert.id == alert_id))
    if alert is None:
        return 0
    recipients = (
        await ctx.session.execute(
            select(Notification.user_id, User.email, User.locale)
            .join(User, User.id == Notification.user_id)
            .where(Notification.alert_id == alert.id)
        )
    ).all()
    stored = {
        p.user_id: p
        for p in (
            await ctx.session.scalars(
                select(NotificationPreference).where(
                    NotificationPreference.user_id.in_([user_id for user_id, _, _ in recipients])
                )
            )
        ).all()
    }
    sent = 0
    for user_id, email, user_locale in recipients:
        preferences = _channel_preferences(stored.get(user_id))
        # Each recipient reads it in their own language (else the tenant's).
        locale = negotiate(user_locale, ctx.tenant.locale)
        params = alert.message_params or {}
        title = (
            rules.render_message(alert.title_msgid, params, alert.title, locale, limit=rules.TITLE_MAX_LENGTH)
            or alert.title
        )
        body = rules.render_message(alert.body_msgid, params, alert.body, locale)
        for channel in rules.channels_for(preferences, alert.severity, alert.type):
            if channel is Channel.EMAIL:
                subject, text = rules.email_message(alert.severity, title, body, alert.due_at)
                address = email
            else:
                subject, text = None, rules.sms_message(alert.severity, title)
                address = preferences.sms_number or ""
            provider = provider_for(settings, channel)
            message = await ctx.session.scalar(
                insert(OutboxMessage)
                .values(
                    tenant_id=ctx.tenant_id,
                    channel=channel,
                    recipient=address,
                    user_id=user_id,
                    alert_id=alert.id,
                    subject=subject,
                    body=text,
                    provider=provider.name,
                    status=OutboxStatus.RECORDED,
                    dedup_key=rules.outbox_dedup_key(alert.id, user_id, channel),
                )
                .on_conflict_do_nothing(index_elements=["tenant_id", "dedup_key"])
                .returning(OutboxMessage)
            )
            if message is None:
                continue  # sent by an earlier attempt
            try:
                message.status = await provider.send(
                    OutgoingMessage(channel=channel, recipient=address, subject=subject, body=text)
                )
            except Exception as exc:
                message.status = OutboxStatus.FAILED
                message.error = f"{type(exc).__name__}: {exc}"[:2000]
            if message.status is OutboxStatus.SENT:
                message.sent_at = utcnow()
            sent += 1
    await ctx.session.flush()
    return sent
