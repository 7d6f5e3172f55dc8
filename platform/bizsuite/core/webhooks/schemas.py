"""Request and response bodies for webhook endpoints, deliveries and attempts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

import msgspec

from bizsuite.core.webhooks.models import AttemptOutcome, DeliveryStatus

Url = Annotated[
    str, msgspec.Meta(min_length=8, max_length=2000, examples=["https://example.com/hooks/bizsuite"])
]
EventPattern = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=100,
        description="An event type, `prefix.*` or `*`.",
        examples=["org_unit.created", "org_unit.*"],
    ),
]
EventPatterns = Annotated[list[EventPattern], msgspec.Meta(min_length=1, max_length=100)]
Description = Annotated[str, msgspec.Meta(max_length=500)]


class EndpointCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new endpoint; the answer carries its signing secret, shown this once."""

    url: Url
    event_types: EventPatterns
    description: Description | None = None
    enabled: bool = True


class EndpointUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value. Send ``If-Match: <version>``."""

    url: Url | msgspec.UnsetType = msgspec.UNSET
    event_types: EventPatterns | msgspec.UnsetType = msgspec.UNSET
    #: ``null`` clears the description.
    description: Description | msgspec.UnsetType | None = msgspec.UNSET
    enabled: bool | msgspec.UnsetType = msgspec.UNSET


class SecretRotation(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Rotate the signing secret; the old one keeps signing for ``overlap_hours`` (at most 168)."""

    overlap_hours: Annotated[int, msgspec.Meta(ge=0, le=168)] = 24


class EndpointOut(msgspec.Struct, kw_only=True):
    """An endpoint (its secret is never listed)."""

    id: uuid.UUID
    url: str
    description: str | None
    event_types: list[str]
    enabled: bool
    previous_secret_expires_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class EndpointWithSecret(msgspec.Struct, kw_only=True):
    """An endpoint and its (new) signing secret, to store on the receiving side."""

    endpoint: EndpointOut
    secret: str


class EndpointPage(msgspec.Struct, kw_only=True):
    """A page of endpoints, oldest first."""

    items: list[EndpointOut]
    next_cursor: str | None


class DeliveryOut(msgspec.Struct, kw_only=True):
    """One event on its way to one endpoint."""

    id: uuid.UUID
    event_id: uuid.UUID
    event_type: str
    endpoint_id: uuid.UUID
    webhook_id: str
    status: DeliveryStatus
    attempts: int
    last_response_code: int | None
    last_attempt_at: datetime | None
    next_attempt_at: datetime | None
    payload: dict[str, Any]
    created_at: datetime
    updated_at: datetime


class DeliveryFilters(msgspec.Struct, kw_only=True, frozen=True):
    """The delivery log's filters: one endpoint, one status."""

    endpoint_id: uuid.UUID | None = None
    status: DeliveryStatus | None = None


class DeliveryPage(msgspec.Struct, kw_only=True):
    """A page of deliveries, newest first."""

    items: list[DeliveryOut]
    next_cursor: str | None


class AttemptOut(msgspec.Struct, kw_only=True):
    """One HTTP attempt of a delivery."""

    id: uuid.UUID
    delivery_id: uuid.UUID
    attempt: int
    outcome: AttemptOutcome
    response_code: int | None
    latency_ms: int
    error: str | None
    response_excerpt: str | None
    created_at: datetime


class AttemptPage(msgspec.Struct, kw_only=True):
    """A page of attempts, in order."""

    items: list[AttemptOut]
    next_cursor: str | None


class EventTypeOut(msgspec.Struct, kw_only=True):
    """An event type endpoints can subscribe to."""

    name: str
    description: str


class EventTypeList(msgspec.Struct, kw_only=True):
    """Every event type."""

    items: list[EventTypeOut]
