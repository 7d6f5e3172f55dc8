"""Webhook rules as plain functions: event types, subscriptions, secrets, signatures, targets."""

from __future__ import annotations

import base64
import ipaddress
import re
import secrets
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import msgspec
from standardwebhooks import Webhook

from bizsuite.kit import registry

SECRET_PREFIX = "whsec_"
TEST_EVENT = "webhook.test"
MAX_OVERLAP = timedelta(days=7)
_EVENT_TYPE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


def event_types() -> dict[str, str]:
    """Every event type endpoints can subscribe to, with what it means (declared by the areas)."""
    return registry().event_types


def valid_event_type_name(name: str) -> bool:
    """Whether ``name`` has the shape of an event type (``area.thing_happened``)."""
    return bool(_EVENT_TYPE.match(name))


def is_valid_subscription(pattern: str) -> bool:
    """``*``, a known event type, or ``prefix.*`` covering at least one known type."""
    known = event_types()
    if pattern == "*" or pattern in known:
        return True
    if pattern.endswith(".*"):
        prefix = pattern[:-1]
        return any(name.startswith(prefix) for name in known)
    return False


def subscribes(patterns: Iterable[str], event_type: str) -> bool:
    """Whether an endpoint subscribed to ``patterns`` receives ``event_type``."""
    for pattern in patterns:
        if pattern == "*" or pattern == event_type:
            return True
        if pattern.endswith(".*") and event_type.startswith(pattern[:-1]):
            return True
    return False


def new_secret() -> str:
    """A new signing secret: ``whsec_`` and 24 random bytes in base64 (Standard Webhooks format)."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def signing_secrets(
    current: str, previous: str | None, previous_expires_at: datetime | None, now: datetime
) -> list[str]:
    """The secrets that sign a delivery at ``now``: the current one, and the previous one while
    its overlap window after a rotation lasts (receivers switch secrets without losing events)."""
    keys = [current]
    if previous and previous_expires_at and now < previous_expires_at:
        keys.append(previous)
    return keys


def message_id(event_id: uuid.UUID) -> str:
    """The ``webhook-id`` of an event: the same for every attempt and redelivery (receivers dedupe on it)."""
    return f"msg_{event_id.hex}"


def payload_body(event_type: str, created_at: datetime, data: dict[str, Any]) -> str:
    """The JSON body: ``{"type", "timestamp", "data"}`` as Standard Webhooks recommends."""
    return msgspec.json.encode(
        {"type": event_type, "timestamp": created_at.isoformat(), "data": data}
    ).decode()


def signature_header(keys: Iterable[str], msg_id: str, timestamp: datetime, body: str) -> str:
    """``webhook-signature``: one ``v1,<base64>`` signature per key, space-separated."""
    return " ".join(Webhook(key).sign(msg_id=msg_id, timestamp=timestamp, data=body) for key in keys)


def signed_headers(keys: Iterable[str], msg_id: str, timestamp: datetime, body: str) -> dict[str, str]:
    """The headers of a signed delivery."""
    return {
        "content-type": "application/json",
        "user-agent": "BizSuite-Webhooks/1",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signature_header(keys, msg_id, timestamp, body),
    }


def is_success(status_code: int) -> bool:
    """A 2xx answer means the receiver took the event."""
    return 200 <= status_code < 300


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be an endpoint, or ``None`` if it can."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return "use an http or https URL"
    if not parts.hostname:
        return "the URL has no host"
    if parts.username or parts.password:
        return "credentials in the URL are not allowed"
    return None


#: Why a target is refused (at creation, and at each delivery against the address resolved then).
PRIVATE_TARGET = (
    "{host} resolves to a non-public address ({address}): private, loopback, link-local and "
    "reserved addresses are not allowed as webhook targets"
)


def private_targets_allowed(settings: Any) -> bool:
    """Whether endpoints may target private and loopback addresses: with
    ``BIZSUITE_WEBHOOK_ALLOW_PRIVATE_TARGETS=true`` or on the embedded default (``make demo``)."""
    return bool(settings.webhook_allow_private_targets or settings.embedded)


def address_allowed(address: str, *, allow_private: bool) -> bool:
    """Whether a delivery may connect to ``address`` (public unless private targets are allowed)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if allow_private:
        return not ip.is_multicast and not ip.is_unspecified
    return ip.is_global


def overlap_until(now: datetime, overlap: timedelta) -> datetime:
    """When the previous secret stops signing after a rotation (at most a week)."""
    return now + min(max(overlap, timedelta(0)), MAX_OVERLAP)
