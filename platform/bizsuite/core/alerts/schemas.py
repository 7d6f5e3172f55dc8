"""Request and response bodies for alerts, the inbox, preferences and the outbox."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

import msgspec

from bizsuite.core.alerts.models import Channel, OutboxStatus, Severity

AlertType = Annotated[
    str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
]
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
PhoneNumber = Annotated[str, msgspec.Meta(min_length=3, max_length=32, pattern=r"^\+?[0-9 ()-]{3,31}$")]


class AlertCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Raise an alert by hand; the same ``dedup_key`` (or type, target and due time) is raised once."""

    type: AlertType
    severity: Severity
    title: Title
    body: Annotated[str, msgspec.Meta(max_length=5000)] | None = None
    target_type: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    target_id: uuid.UUID | None = None
    due_at: datetime | None = None
    dedup_key: Annotated[str, msgspec.Meta(min_length=1, max_length=255)] | None = None
    #: Members to notify; without it, managers and above.
    recipient_ids: list[uuid.UUID] | None = None


class AlertOut(msgspec.Struct, kw_only=True):
    """An alert; its title and body in the caller's language (``Accept-Language``, else theirs)."""

    id: uuid.UUID
    type: str
    #: The kind's name in the caller's language.
    type_label: str
    severity: Severity
    title: str
    body: str | None
    #: The page of the alert's record (relative to the app), when there is one the caller may open.
    href: str | None
    target_type: str | None
    target_id: uuid.UUID | None
    due_at: datetime | None
    dedup_key: str
    data: dict[str, Any]
    created_at: datetime


class AlertPage(msgspec.Struct, kw_only=True):
    """A page of alerts, newest first."""

    items: list[AlertOut]
    next_cursor: str | None


class InboxItemOut(msgspec.Struct, kw_only=True):
    """An alert in a user's inbox."""

    id: uuid.UUID
    user_id: uuid.UUID
    read_at: datetime | None
    created_at: datetime
    alert: AlertOut


class InboxPage(msgspec.Struct, kw_only=True):
    """A page of a user's inbox, newest first, with the unread count."""

    items: list[InboxItemOut]
    next_cursor: str | None
    unread_count: int


class UnreadCount(msgspec.Struct, kw_only=True):
    """How many inbox items are unread."""

    user_id: uuid.UUID
    unread_count: int


class InboxItemsRead(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Inbox items to mark read (all of them the caller's, else nothing is marked)."""

    ids: Annotated[list[uuid.UUID], msgspec.Meta(min_length=1, max_length=200)]


class MarkedRead(msgspec.Struct, kw_only=True):
    """How many items were marked read, and what is left unread."""

    marked: int
    unread_count: int


class PreferencesOut(msgspec.Struct, kw_only=True):
    """A user's channels beyond the inbox; ``version`` 0 means the defaults were never changed."""

    user_id: uuid.UUID
    email_enabled: bool
    email_min_severity: Severity
    sms_enabled: bool
    sms_min_severity: Severity
    sms_number: str | None
    muted_types: list[str]
    version: int


class PreferencesUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; send ``If-Match`` with the version you read (0 for the defaults)."""

    email_enabled: bool | msgspec.UnsetType = msgspec.UNSET
    email_min_severity: Severity | msgspec.UnsetType = msgspec.UNSET
    sms_enabled: bool | msgspec.UnsetType = msgspec.UNSET
    sms_min_severity: Severity | msgspec.UnsetType = msgspec.UNSET
    #: ``null`` clears the number (SMS must be off then).
    sms_number: PhoneNumber | msgspec.UnsetType | None = msgspec.UNSET
    muted_types: Annotated[list[AlertType], msgspec.Meta(max_length=100)] | msgspec.UnsetType = msgspec.UNSET


class OutboxFilters(msgspec.Struct, kw_only=True, frozen=True):
    """The outbox list's filters."""

    channel: Channel | None = None
    alert_id: uuid.UUID | None = None


class InboxFilters(msgspec.Struct, kw_only=True, frozen=True):
    """An inbox list's filters."""

    unread_only: bool = False
    severity: Severity | None = None


class OutboxMessageOut(msgspec.Struct, kw_only=True):
    """An email or SMS as handed to its provider."""

    id: uuid.UUID
    channel: Channel
    recipient: str
    user_id: uuid.UUID | None
    alert_id: uuid.UUID | None
    subject: str | None
    body: str
    provider: str
    status: OutboxStatus
    error: str | None
    sent_at: datetime | None
    created_at: datetime


class OutboxPage(msgspec.Struct, kw_only=True):
    """A page of outgoing messages, newest first."""

    items: list[OutboxMessageOut]
    next_cursor: str | None
