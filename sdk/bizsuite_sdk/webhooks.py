"""Verify BizSuite webhook deliveries (Standard Webhooks) and read their events.

BizSuite signs every delivery as https://www.standardwebhooks.com describes: the headers
``webhook-id``, ``webhook-timestamp`` and ``webhook-signature`` (``v1,<base64 HMAC-SHA256>``
of ``"{id}.{timestamp}.{body}"``, one per signing secret during a rotation), keyed with the
endpoint's ``whsec_...`` secret. The body is ``{"type", "timestamp", "data"}``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from bizsuite_sdk.errors import BizSuiteError

SECRET_PREFIX = "whsec_"
#: How old (or how far in the future) a delivery's timestamp may be, in seconds.
DEFAULT_TOLERANCE = 300


class WebhookVerificationError(BizSuiteError):
    """The delivery is not genuine: missing headers, a bad signature or a stale timestamp."""


@dataclass(frozen=True)
class WebhookEvent:
    """A verified webhook event; a known type's event is its subclass (``bizsuite_client.events``).

    ``id`` is the ``webhook-id`` header: the same for every retry and redelivery of one event,
    so store it and skip events you have already processed.
    """

    id: str
    type: str
    timestamp: dt.datetime
    data: dict[str, Any] = field(default_factory=dict)

    #: The event type a subclass stands for (``""`` on the base class, any type).
    TYPE: ClassVar[str] = ""


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    raise WebhookVerificationError(f"the {name} header is missing")


def _key(secret: str) -> bytes:
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise WebhookVerificationError("the secret is not a whsec_ signing secret") from exc


class Webhooks:
    """``client.webhooks``: verify a delivery with the endpoint's signing secret."""

    def __init__(
        self,
        tolerance: int = DEFAULT_TOLERANCE,
        event_classes: Mapping[str, type[WebhookEvent]] | None = None,
    ) -> None:
        self.tolerance = tolerance
        if event_classes is None:  # the classes generated from the API's event types
            from bizsuite_client.events import EVENT_CLASSES

            event_classes = EVENT_CLASSES
        self.event_classes = event_classes

    def verify(
        self,
        payload: bytes | str,
        headers: Mapping[str, str],
        secret: str,
        *,
        now: float | None = None,
    ) -> WebhookEvent:
        """Check the delivery's signature and age; return its event, typed.

        The event is an instance of its type's class (``CrmTicketCreated`` for
        ``crm.ticket.created``, see ``bizsuite_client.events``), or a plain ``WebhookEvent``
        for a type this version of the SDK does not know.

        ``payload`` is the raw request body, exactly as received (not re-serialised JSON);
        ``headers`` the request's headers; ``secret`` the endpoint's ``whsec_...`` secret.
        Raises ``WebhookVerificationError`` when the signature does not match or the
        timestamp is more than five minutes away from ``now`` (replays).
        """
        body = payload.decode("utf-8") if isinstance(payload, bytes) else payload
        msg_id = _header(headers, "webhook-id")
        stamp = _header(headers, "webhook-timestamp")
        signatures = _header(headers, "webhook-signature")
        try:
            sent_at = int(stamp)
        except ValueError as exc:
            raise WebhookVerificationError("the webhook-timestamp header is not a number") from exc
        current = time.time() if now is None else now
        if abs(current - sent_at) > self.tolerance:
            raise WebhookVerificationError("the delivery's timestamp is too old or too new")
        signed = f"{msg_id}.{sent_at}.{body}".encode()
        expected = base64.b64encode(hmac.new(_key(secret), signed, hashlib.sha256).digest()).decode()
        for candidate in signatures.split():
            version, _, signature = candidate.partition(",")
            if version == "v1" and hmac.compare_digest(signature, expected):
                return self._event(msg_id, body)
        raise WebhookVerificationError("no signature matches the secret")

    def _event(self, msg_id: str, body: str) -> WebhookEvent:
        try:
            data = json.loads(body)
            event_type = str(data["type"])
            return self.event_classes.get(event_type, WebhookEvent)(
                id=msg_id,
                type=event_type,
                timestamp=dt.datetime.fromisoformat(str(data["timestamp"])),
                data=dict(data.get("data") or {}),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise WebhookVerificationError("the payload is not a BizSuite event") from exc


__all__ = ["DEFAULT_TOLERANCE", "WebhookEvent", "WebhookVerificationError", "Webhooks"]
