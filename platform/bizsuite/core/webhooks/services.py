"""Webhook workflows: ``emit_event`` for modules, endpoints and secrets, deliveries and their log."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
import msgspec
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import distinct_on, insert

from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.jobs.queue import JobRun, enqueue
from bizsuite.core.repository import check_version, fetch, list_page
from bizsuite.core.webhooks import rules
from bizsuite.core.webhooks.models import (
    AttemptOutcome,
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from bizsuite.core.webhooks.schemas import EndpointCreate, EndpointUpdate, SecretRotation
from bizsuite.settings import Settings

DELIVER_TASK = "webhooks.deliver"
#: Endpoint columns never copied to the audit log.
_SECRET_FIELDS = ("secret", "previous_secret")
_EXCERPT = 500


def _audit_view(endpoint: WebhookEndpoint) -> dict[str, Any]:
    return {k: v for k, v in snapshot(endpoint).items() if k not in _SECRET_FIELDS}


async def _queue_delivery(ctx: Context, event: WebhookEvent, endpoint_id: uuid.UUID) -> WebhookDelivery:
    delivery = WebhookDelivery(event_id=event.id, endpoint_id=endpoint_id)
    ctx.session.add(delivery)
    await ctx.session.flush()
    job = await enqueue(ctx, DELIVER_TASK, {"delivery_id": str(delivery.id)})
    delivery.job_id = job.id if job else None
    return delivery


async def emit_event(ctx: Context, event_type: str, payload: dict[str, Any]) -> WebhookEvent | None:
    """Send ``event_type`` with ``payload`` to every enabled endpoint subscribed to it.

    The one call modules make. Runs in the caller's transaction: if it rolls back, nothing is
    sent; if it commits, each endpoint gets a signed delivery, retried for about a day.
    Returns the event, or ``None`` when no endpoint wants it (nothing is stored then).
    """
    if event_type not in rules.event_types():
        raise ValueError(f"unknown event type {event_type!r}: register it in webhooks.rules")
    endpoints = (await ctx.session.scalars(select(WebhookEndpoint).where(WebhookEndpoint.enabled))).all()
    targets = [e.id for e in endpoints if rules.subscribes(e.event_types, event_type)]
    if not targets:
        return None
    event = WebhookEvent(event_type=event_type, payload=msgspec.to_builtins(payload))
    ctx.session.add(event)
    await ctx.session.flush()
    for endpoint_id in targets:
        await _queue_delivery(ctx, event, endpoint_id)
    await ctx.session.flush()
    return event


# ---------------------------------------------------------------------------------------------
# Endpoints


def _checked_url(url: str) -> str:
    problem = rules.url_problem(url)
    if problem:
        raise ValidationProblem.for_field("url", problem)
    return url


def _checked_event_types(patterns: list[str]) -> list[str]:
    unknown = [p for p in patterns if not rules.is_valid_subscription(p)]
    if unknown:
        raise ValidationProblem.for_field("event_types", f"unknown event types: {', '.join(unknown)}")
    return sorted(set(patterns))


async def list_endpoints(
    ctx: Context, *, limit: int, cursor: str | None
) -> tuple[list[WebhookEndpoint], str | None]:
    """Return a page of the tenant's endpoints, oldest first."""
    return await list_page(ctx.session, select(WebhookEndpoint), WebhookEndpoint, limit=limit, cursor=cursor)


async def get_endpoint(ctx: Context, endpoint_id: uuid.UUID) -> WebhookEndpoint:
    """Return one endpoint or 404."""
    return await fetch(ctx.session, WebhookEndpoint, endpoint_id, what="webhook endpoint")


async def _checked_target(url: str, *, allow_private: bool) -> str:
    """The URL, unless its host is (or resolves to) a private, loopback, link-local or reserved
    address and such targets are not allowed: then a 422 naming ``url`` with the rule."""
    url = _checked_url(url)
    if not allow_private:
        problem = await _target_problem(url, allow_private=False, unresolved_ok=True)
        if problem:
            raise ValidationProblem.for_field("url", problem)
    return url


async def create_endpoint(
    ctx: Context, data: EndpointCreate, *, allow_private: bool = False
) -> WebhookEndpoint:
    """Register an endpoint with a new signing secret (``allow_private``: see
    :func:`rules.private_targets_allowed`)."""
    endpoint = WebhookEndpoint(
        url=await _checked_target(data.url, allow_private=allow_private),
        description=data.description,
        event_types=_checked_event_types(data.event_types),
        enabled=data.enabled,
        secret=rules.new_secret(),
    )
    ctx.session.add(endpoint)
    await ctx.session.flush()
    ctx.audit("webhook_endpoint.created", endpoint, after=_audit_view(endpoint))
    return endpoint


async def update_endpoint(
    ctx: Context,
    endpoint_id: uuid.UUID,
    data: EndpointUpdate,
    if_match: str | None,
    *,
    allow_private: bool = False,
) -> WebhookEndpoint:
    """Change an endpoint's URL, event types, description or enabled flag."""
    endpoint = await get_endpoint(ctx, endpoint_id)
    check_version(endpoint, if_match)
    before = _audit_view(endpoint)
    if not isinstance(data.url, msgspec.UnsetType):
        endpoint.url = await _checked_target(data.url, allow_private=allow_private)
    if not isinstance(data.event_types, msgspec.UnsetType):
        endpoint.event_types = _checked_event_types(data.event_types)
    if not isinstance(data.description, msgspec.UnsetType):
        endpoint.description = data.description
    if not isinstance(data.enabled, msgspec.UnsetType):
        endpoint.enabled = data.enabled
    await ctx.session.flush()
    ctx.audit("webhook_endpoint.updated", endpoint, before=before, after=_audit_view(endpoint))
    return endpoint


async def delete_endpoint(ctx: Context, endpoint_id: uuid.UUID, if_match: str | None) -> None:
    """Delete an endpoint with its delivery log."""
    endpoint = await get_endpoint(ctx, endpoint_id)
    check_version(endpoint, if_match)
    before = _audit_view(endpoint)
    await ctx.session.delete(endpoint)
    await ctx.session.flush()
    ctx.audit("webhook_endpoint.deleted", endpoint, before=before, target_id=endpoint_id)


async def rotate_secret(
    ctx: Context, endpoint_id: uuid.UUID, data: SecretRotation, if_match: str | None
) -> WebhookEndpoint:
    """Give the endpoint a new secret; the old one also signs during the overlap window."""
    endpoint = await get_endpoint(ctx, endpoint_id)
    check_version(endpoint, if_match)
    before = _audit_view(endpoint)
    now = utcnow()
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_expires_at = rules.overlap_until(now, dt.timedelta(hours=data.overlap_hours))
    endpoint.secret = rules.new_secret()
    await ctx.session.flush()
    ctx.audit("webhook_endpoint.secret_rotated", endpoint, before=before, after=_audit_view(endpoint))
    return endpoint


async def send_test_event(ctx: Context, endpoint_id: uuid.UUID) -> WebhookDelivery:
    """Send a ``webhook.test`` event to one endpoint, whatever it subscribed to."""
    endpoint = await get_endpoint(ctx, endpoint_id)
    event = WebhookEvent(
        event_type=rules.TEST_EVENT,
        payload={"endpoint_id": str(endpoint.id), "message": "Test event from BizSuite"},
    )
    ctx.session.add(event)
    await ctx.session.flush()
    delivery = await _queue_delivery(ctx, event, endpoint.id)
    await ctx.session.flush()
    ctx.audit("webhook_delivery.test_sent", delivery, after=snapshot(delivery))
    return delivery


# ---------------------------------------------------------------------------------------------
# Deliveries


@dataclass(frozen=True, slots=True)
class DeliveryView:
    """A delivery with its event."""

    delivery: WebhookDelivery
    event: WebhookEvent


async def _with_events(ctx: Context, deliveries: list[WebhookDelivery]) -> list[DeliveryView]:
    ids = {d.event_id for d in deliveries}
    events = {
        e.id: e
        for e in (await ctx.session.scalars(select(WebhookEvent).where(WebhookEvent.id.in_(ids)))).all()
    }
    return [DeliveryView(delivery=d, event=events[d.event_id]) for d in deliveries]


async def list_deliveries(
    ctx: Context,
    *,
    limit: int,
    cursor: str | None,
    endpoint_id: uuid.UUID | None = None,
    status: DeliveryStatus | None = None,
) -> tuple[list[DeliveryView], str | None]:
    """Return a page of the delivery log, newest first."""
    statement = select(WebhookDelivery)
    if endpoint_id is not None:
        statement = statement.where(WebhookDelivery.endpoint_id == endpoint_id)
    if status is not None:
        statement = statement.where(WebhookDelivery.status == status)
    deliveries, next_cursor = await list_page(
        ctx.session, statement, WebhookDelivery, limit=limit, cursor=cursor, descending=True
    )
    return await _with_events(ctx, deliveries), next_cursor


async def get_delivery(ctx: Context, delivery_id: uuid.UUID) -> DeliveryView:
    """Return one delivery or 404."""
    delivery = await fetch(ctx.session, WebhookDelivery, delivery_id, what="webhook delivery")
    return (await _with_events(ctx, [delivery]))[0]


async def list_attempts(
    ctx: Context, delivery_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[WebhookAttempt], str | None]:
    """Return a page of a delivery's attempts, first attempt first."""
    await fetch(ctx.session, WebhookDelivery, delivery_id, what="webhook delivery")
    statement = select(WebhookAttempt).where(WebhookAttempt.delivery_id == delivery_id)
    return await list_page(ctx.session, statement, WebhookAttempt, limit=limit, cursor=cursor)


async def latest_attempts(ctx: Context, delivery_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, WebhookAttempt]:
    """The most recent attempt of each delivery (its latency and outcome, for the log)."""
    if not delivery_ids:
        return {}
    attempts = await ctx.session.scalars(
        select(WebhookAttempt)
        .where(WebhookAttempt.delivery_id.in_(delivery_ids))
        .order_by(WebhookAttempt.delivery_id, WebhookAttempt.attempt.desc())
        .ext(distinct_on(WebhookAttempt.delivery_id))
    )
    return {attempt.delivery_id: attempt for attempt in attempts}


async def redeliver(ctx: Context, delivery_id: uuid.UUID) -> DeliveryView:
    """Send a delivery's event to its endpoint again, as a new delivery with the same ``webhook-id``."""
    original = await get_delivery(ctx, delivery_id)
    endpoint = await get_endpoint(ctx, original.delivery.endpoint_id)
    if not endpoint.enabled:
        raise ConflictProblem("The endpoint is disabled; enable it first.")
    delivery = await _queue_delivery(ctx, original.event, endpoint.id)
    await ctx.session.flush()
    ctx.audit("webhook_delivery.redelivered", delivery, after={**snapshot(delivery), "of": str(delivery_id)})
    return DeliveryView(delivery=delivery, event=original.event)


# ---------------------------------------------------------------------------------------------
# Sending (the ``webhooks.deliver`` job)


class DeliveryFailedError(Exception):
    """An attempt did not get a 2xx answer (the job retries it with backoff)."""


@dataclass(frozen=True, slots=True)
class _Prepared:
    url: str
    attempt: int
    body: str
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Outcome:
    response_code: int | None
    latency_ms: int
    error: str | None
    excerpt: str | None

    @property
    def succeeded(self) -> bool:
        return self.response_code is not None and rules.is_success(self.response_code)


async def _prepare(ctx: Context, delivery_id: uuid.UUID) -> _Prepared | None:
    delivery = await ctx.session.scalar(select(WebhookDelivery).where(WebhookDelivery.id == delivery_id))
    if delivery is None or delivery.status is DeliveryStatus.SUCCEEDED:
        return None  # deleted with its endpoint, or delivered by an earlier run of this job
    endpoint = await ctx.session.scalar(
        select(WebhookEndpoint).where(WebhookEndpoint.id == delivery.endpoint_id)
    )
    event = await ctx.session.scalar(select(WebhookEvent).where(WebhookEvent.id == delivery.event_id))
    if endpoint is None or event is None:
        return None
    now = utcnow()
    body = rules.payload_body(event.event_type, event.created_at, event.payload)
    keys = rules.signing_secrets(
        endpoint.secret, endpoint.previous_secret, endpoint.previous_secret_expires_at, now
    )
    return _Prepared(
        url=endpoint.url,
        attempt=delivery.attempts + 1,
        body=body,
        headers=rules.signed_headers(keys, rules.message_id(event.id), now, body),
    )


async def _resolve(host: str) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, None)
    return [str(info[4][0]) for info in infos]


async def _target_problem(url: str, *, allow_private: bool, unresolved_ok: bool = False) -> str | None:
    """Why ``url``'s host may not be reached (server-side request forgery), or ``None``."""
    if allow_private:
        return None
    host = urlsplit(url).hostname or ""
    try:
        addresses = await _resolve(host)
    except OSError as exc:
        return None if unresolved_ok else f"cannot resolve {host}: {exc}"
    for address in addresses:
        if not rules.address_allowed(address, allow_private=False):
            return rules.PRIVATE_TARGET.format(host=host, address=address)
    return None


async def _pinned(url: str, allow_private: bool) -> tuple[str, dict[str, str], dict[str, Any]] | str:
    """The URL to connect to, with the Host header and TLS name to send: the address checked is
    the address used, so a DNS answer that changes between the check and the connection (DNS
    rebinding) cannot lead the delivery to a private address. A string is the refusal reason."""
    if allow_private:
        return url, {}, {}
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        addresses = await _resolve(host)
    except OSError as exc:
        return f"cannot resolve {host}: {exc}"
    for address in addresses:
        if not rules.address_allowed(address, allow_private=False):
            return rules.PRIVATE_TARGET.format(host=host, address=address)
    if not addresses:
        return f"cannot resolve {host}"
    address = addresses[0].split("%")[0]
    literal = f"[{address}]" if ":" in address else address
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    host_header = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl(), {"Host": host_header}, {"sni_hostname": host}


async def _post(prepared: _Prepared, settings: Settings) -> _Outcome:
    started = time.perf_counter()
    pinned = await _pinned(prepared.url, rules.private_targets_allowed(settings))
    if isinstance(pinned, str):
        return _Outcome(response_code=None, latency_ms=0, error=pinned, excerpt=None)
    target, host_header, extensions = pinned
    try:
        async with httpx.AsyncClient(
            timeout=settings.webhook_timeout_ms / 1000, follow_redirects=False
        ) as client:
            response = await client.post(
                target,
                content=prepared.body.encode(),
                headers={**prepared.headers, **host_header},
                extensions=extensions,
            )
    except httpx.HTTPError as exc:
        latency = int((time.perf_counter() - started) * 1000)
        return _Outcome(
            response_code=None, latency_ms=latency, error=f"{type(exc).__name__}: {exc}", excerpt=None
        )
    latency = int((time.perf_counter() - started) * 1000)
    return _Outcome(
        response_code=response.status_code,
        latency_ms=latency,
        error=None if rules.is_success(response.status_code) else f"HTTP {response.status_code}",
        excerpt=response.text[:_EXCERPT] or None,
    )


async def _record(
    ctx: Context, delivery_id: uuid.UUID, prepared: _Prepared, outcome: _Outcome, retry_delay: float | None
) -> None:
    logged = await ctx.session.scalar(
        insert(WebhookAttempt)
        .values(
            tenant_id=ctx.tenant_id,
            delivery_id=delivery_id,
            attempt=prepared.attempt,
            outcome=AttemptOutcome.SUCCEEDED if outcome.succeeded else AttemptOutcome.FAILED,
            response_code=outcome.response_code,
            latency_ms=outcome.latency_ms,
            error=outcome.error,
            response_excerpt=outcome.excerpt,
        )
        .on_conflict_do_nothing(index_elements=["tenant_id", "delivery_id", "attempt"])
        .returning(WebhookAttempt.id)
    )
    delivery = await ctx.session.scalar(select(WebhookDelivery).where(WebhookDelivery.id == delivery_id))
    if logged is None or delivery is None:
        return  # this attempt was logged by a run that died before finishing its job
    now = utcnow()
    delivery.attempts = prepared.attempt
    delivery.last_attempt_at = now
    delivery.last_response_code = outcome.response_code
    if outcome.succeeded:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.next_attempt_at = None
    elif retry_delay is None:
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.status = DeliveryStatus.RETRYING
        delivery.next_attempt_at = now + dt.timedelta(seconds=retry_delay)
    await ctx.session.flush()


async def deliver(run: JobRun, delivery_id: uuid.UUID) -> None:
    """One attempt of a delivery: read it, POST it signed (no transaction open meanwhile), log it.

    Raises :class:`DeliveryFailedError` on a non-2xx answer or a network error, so the job is
    retried with the webhook backoff; the last failed attempt marks the delivery failed.
    """
    async with run.transaction() as ctx:
        prepared = await _prepare(ctx, delivery_id)
    if prepared is None:
        return
    outcome = await _post(prepared, run.runtime.settings)
    async with run.transaction() as ctx:
        await _record(ctx, delivery_id, prepared, outcome, run.retry_delay)
    if not outcome.succeeded:
        raise DeliveryFailedError(outcome.error or "delivery failed")
