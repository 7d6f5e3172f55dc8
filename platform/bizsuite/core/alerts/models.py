"""Alert rows: the alerts modules raise, each user's inbox, channel preferences and the outbox."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Enum, ForeignKey, Index, String, Text, event, text, update
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk, utcnow


class Severity(enum.StrEnum):
    """How urgent an alert is, mildest first."""

    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


class Channel(enum.StrEnum):
    """A way to reach a user outside the in-app inbox."""

    EMAIL = "email"
    SMS = "sms"


class OutboxStatus(enum.StrEnum):
    """What became of an outgoing message."""

    RECORDED = "recorded"
    SENT = "sent"
    FAILED = "failed"


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, values_callable=lambda e: [m.value for m in e])


SEVERITY_ENUM = _enum(Severity, "alert_severity")


class Alert(TenantScoped, Timestamped, Base):
    """Something a person should look at: a contract expiring, a budget overrun, an SLA breach."""

    __tablename__ = "alerts"
    __table_args__ = (
        Index("ix_alerts_tenant_created", "tenant_id", "created_at", "id"),
        Index("uq_alerts_tenant_dedup_key", "tenant_id", "dedup_key", unique=True),
        Index("ix_alerts_tenant_target", "tenant_id", "target_type", "target_id"),
    )

    #: Dotted kind, e.g. ``contract.expiry``, ``budget.overrun``.
    type: Mapped[str] = mapped_column(String(64))
    severity: Mapped[Severity] = mapped_column(SEVERITY_ENUM)
    #: The title (and body) in the tenant's language when raised: emails, SMS, webhooks, old alerts.
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str | None] = mapped_column(Text)
    #: The title's and body's msgids (``N_()``), rendered with ``message_params`` in each reader's
    #: language when shown; ``None``: the stored text is shown as it is.
    title_msgid: Mapped[str | None] = mapped_column(String(200))
    body_msgid: Mapped[str | None] = mapped_column(Text)
    message_params: Mapped[dict[str, Any]] = mapped_column(
        JSONB, default=dict, server_default=text("'{}'::jsonb")
    )
    target_type: Mapped[str | None] = mapped_column(String(64))
    target_id: Mapped[uuid.UUID | None]
    due_at: Mapped[datetime | None]
    #: The same key is never raised (or sent) twice in a tenant.
    dedup_key: Mapped[str] = mapped_column(String(255))
    data: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))


class Notification(TenantScoped, Base):
    """An alert in one user's in-app inbox."""

    __tablename__ = "notifications"
    __table_args__ = (
        tenant_fk("alert_id", "alerts.id", ondelete="CASCADE"),
        Index("uq_notifications_tenant_alert_user", "tenant_id", "alert_id", "user_id", unique=True),
        Index("ix_notifications_tenant_user_created", "tenant_id", "user_id", "created_at", "id"),
        Index(
            "ix_notifications_tenant_user_unread",
            "tenant_id",
            "user_id",
            postgresql_where=text("read_at IS NULL"),
        ),
    )

    alert_id: Mapped[uuid.UUID]
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))
    read_at: Mapped[datetime | None]


class NotificationPreference(TenantScoped, Timestamped, Versioned, Base):
    """How one user wants alerts beyond the inbox (which always receives them)."""

    __tablename__ = "notification_preferences"
    __table_args__ = (Index("uq_notification_preferences_tenant_user", "tenant_id", "user_id", unique=True),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    email_enabled: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    email_min_severity: Mapped[Severity] = mapped_column(
        SEVERITY_ENUM, default=Severity.WARNING, server_default=Severity.WARNING.value
    )
    sms_enabled: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    sms_min_severity: Mapped[Severity] = mapped_column(
        SEVERITY_ENUM, default=Severity.CRITICAL, server_default=Severity.CRITICAL.value
    )
    sms_number: Mapped[str | None] = mapped_column(String(32))
    #: Alert types this user wants in the inbox only.
    muted_types: Mapped[list[str]] = mapped_column(
        ARRAY(String(64)), default=list, server_default=text("'{}'::varchar[]")
    )


class OutboxMessage(TenantScoped, Timestamped, Base):
    """An email or SMS handed to a provider; the default providers only record it here."""

    __tablename__ = "outbox_messages"
    __table_args__ = (
        # No ON DELETE SET NULL (alert_id): Citus refuses that action on a key holding the
        # distribution column; deleting an alert clears the reference first (below).
        tenant_fk("alert_id", "alerts.id"),
        Index("ix_outbox_messages_tenant_created", "tenant_id", "created_at", "id"),
        Index("uq_outbox_messages_tenant_dedup_key", "tenant_id", "dedup_key", unique=True),
    )

    channel: Mapped[Channel] = mapped_column(_enum(Channel, "outbox_channel"))
    recipient: Mapped[str] = mapped_column(String(254))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    alert_id: Mapped[uuid.UUID | None]
    subject: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    provider: Mapped[str] = mapped_column(String(32))
    status: Mapped[OutboxStatus] = mapped_column(_enum(OutboxStatus, "outbox_status"))
    error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    #: One message per alert, user and channel, whatever retries happen.
    dedup_key: Mapped[str] = mapped_column(String(255))


@event.listens_for(Alert, "before_delete")
def _keep_the_messages_of_a_deleted_alert(
    mapper: Mapper[Alert], connection: Connection, target: Alert
) -> None:
    """Messages sent for a deleted alert stay in the outbox, without their alert.

    What ``ON DELETE SET NULL (alert_id)`` did until migration 0025, done by the ORM's delete (a
    bulk ``DELETE`` of alerts must clear ``alert_id`` itself; the foreign key refuses it otherwise).
    """
    connection.execute(
        update(OutboxMessage)
        .where(OutboxMessage.tenant_id == target.tenant_id, OutboxMessage.alert_id == target.id)
        .values(alert_id=None)
    )
