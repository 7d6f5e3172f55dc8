"""Webhook rows: endpoints, the events emitted, one delivery per event and endpoint, each attempt."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Enum, Index, Integer, String, Text, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk, utcnow


class DeliveryStatus(enum.StrEnum):
    """Where a delivery stands."""

    PENDING = "pending"
    RETRYING = "retrying"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class AttemptOutcome(enum.StrEnum):
    """How one HTTP attempt ended."""

    SUCCEEDED = "succeeded"
    FAILED = "failed"


class WebhookEndpoint(TenantScoped, Timestamped, Versioned, Base):
    """A URL of the tenant's that receives the event types it chose, signed with its secret."""

    __tablename__ = "webhook_endpoints"
    __table_args__ = (Index("ix_webhook_endpoints_tenant_created", "tenant_id", "created_at", "id"),)

    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str | None] = mapped_column(String(500))
    #: Exact types (``org_unit.created``), prefixes (``org_unit.*``) or ``*``.
    event_types: Mapped[list[str]] = mapped_column(ARRAY(String(100)))
    enabled: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    #: ``whsec_``-prefixed base64 key (Standard Webhooks); needed in clear to sign.
    secret: Mapped[str] = mapped_column(String(100))
    #: After a rotation the old secret also signs until ``previous_secret_expires_at``.
    previous_secret: Mapped[str | None] = mapped_column(String(100))
    previous_secret_expires_at: Mapped[datetime | None]


class WebhookEvent(TenantScoped, Base):
    """Something that happened, as sent to endpoints (its id is the ``webhook-id``)."""

    __tablename__ = "webhook_events"
    __table_args__ = (Index("ix_webhook_events_tenant_created", "tenant_id", "created_at", "id"),)

    event_type: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))


class WebhookDelivery(TenantScoped, Timestamped, Base):
    """One event on its way to one endpoint, through as many attempts as it takes."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        tenant_fk("event_id", "webhook_events.id", ondelete="CASCADE"),
        tenant_fk("endpoint_id", "webhook_endpoints.id", ondelete="CASCADE"),
        Index("ix_webhook_deliveries_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_webhook_deliveries_tenant_endpoint", "tenant_id", "endpoint_id", "created_at", "id"),
    )

    event_id: Mapped[uuid.UUID]
    endpoint_id: Mapped[uuid.UUID]
    status: Mapped[DeliveryStatus] = mapped_column(
        Enum(DeliveryStatus, name="webhook_delivery_status", values_callable=lambda e: [m.value for m in e]),
        default=DeliveryStatus.PENDING,
        server_default=DeliveryStatus.PENDING.value,
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    last_response_code: Mapped[int | None]
    last_attempt_at: Mapped[datetime | None]
    next_attempt_at: Mapped[datetime | None]
    #: The ``background_jobs`` row that carries it.
    job_id: Mapped[uuid.UUID | None]


class WebhookAttempt(TenantScoped, Base):
    """One HTTP POST of a delivery: outcome, response code, latency."""

    __tablename__ = "webhook_attempts"
    __table_args__ = (
        tenant_fk("delivery_id", "webhook_deliveries.id", ondelete="CASCADE"),
        Index(
            "uq_webhook_attempts_tenant_delivery_attempt", "tenant_id", "delivery_id", "attempt", unique=True
        ),
        Index("ix_webhook_attempts_tenant_created", "tenant_id", "created_at", "id"),
    )

    delivery_id: Mapped[uuid.UUID]
    attempt: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[AttemptOutcome] = mapped_column(
        Enum(AttemptOutcome, name="webhook_attempt_outcome", values_callable=lambda e: [m.value for m in e])
    )
    response_code: Mapped[int | None]
    latency_ms: Mapped[int] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    #: The first characters of the receiver's answer, for debugging.
    response_excerpt: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))
