"""Webhook endpoints: endpoints and secrets, test events, the delivery log and redelivery."""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.core.webhooks import rules, services
from bizsuite.core.webhooks.models import DeliveryStatus, WebhookEndpoint
from bizsuite.core.webhooks.schemas import (
    AttemptOut,
    AttemptPage,
    DeliveryFilters,
    DeliveryOut,
    DeliveryPage,
    EndpointCreate,
    EndpointOut,
    EndpointPage,
    EndpointUpdate,
    EndpointWithSecret,
    EventTypeList,
    EventTypeOut,
    SecretRotation,
)


def delivery_filters(
    endpoint_id: FromQuery[uuid.UUID | None] = None, status: FromQuery[DeliveryStatus | None] = None
) -> DeliveryFilters:
    """The delivery log's filters from their typed query parameters (the API list, an endpoint's
    page and its export)."""
    return DeliveryFilters(endpoint_id=endpoint_id, status=status)


#: Inject :func:`delivery_filters` as ``filters``.
DELIVERY_FILTERS = {"filters": Provide(delivery_filters, sync_to_thread=False)}


def _endpoint_out(endpoint: WebhookEndpoint) -> EndpointOut:
    return msgspec.convert(endpoint, EndpointOut, from_attributes=True)


def _delivery_out(view: services.DeliveryView) -> DeliveryOut:
    delivery, event = view.delivery, view.event
    return DeliveryOut(
        id=delivery.id,
        event_id=event.id,
        event_type=event.event_type,
        endpoint_id=delivery.endpoint_id,
        webhook_id=rules.message_id(event.id),
        status=delivery.status,
        attempts=delivery.attempts,
        last_response_code=delivery.last_response_code,
        last_attempt_at=delivery.last_attempt_at,
        next_attempt_at=delivery.next_attempt_at,
        payload=event.payload,
        created_at=delivery.created_at,
        updated_at=delivery.updated_at,
    )


class WebhookEndpointController(Controller):
    """The tenant's webhook endpoints."""

    path = "/api/v1/webhooks/endpoints"
    tags = ["webhooks"]
    guards = [tenant_guard]
    opt = {"min_role": Role.ADMIN}

    @get(operation_id="list_webhook_endpoints", summary="List webhook endpoints")
    async def list_webhook_endpoints(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> EndpointPage:
        """List endpoints, oldest first."""
        endpoints, next_cursor = await services.list_endpoints(ctx, limit=limit, cursor=cursor)
        return EndpointPage(items=[_endpoint_out(e) for e in endpoints], next_cursor=next_cursor)

    @post(
        operation_id="create_webhook_endpoint",
        summary="Register a webhook endpoint",
        opt={"shows_secret_once": True},
    )
    async def create_webhook_endpoint(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[EndpointCreate]
    ) -> EndpointWithSecret:
        """Register an endpoint; the answer shows its signing secret this once.

        A URL whose host is (or resolves to) a private, loopback, link-local or reserved address
        is refused (422 naming `url`) unless the server allows private targets."""
        allow = rules.private_targets_allowed(request.app.state.settings)
        endpoint = await services.create_endpoint(ctx, data, allow_private=allow)
        return EndpointWithSecret(endpoint=_endpoint_out(endpoint), secret=endpoint.secret)

    @get("/{endpoint_id:uuid}", operation_id="get_webhook_endpoint", summary="Get a webhook endpoint")
    async def get_webhook_endpoint(self, ctx: Ctx, endpoint_id: FromPath[uuid.UUID]) -> EndpointOut:
        """Return one endpoint."""
        return _endpoint_out(await services.get_endpoint(ctx, endpoint_id))

    @patch("/{endpoint_id:uuid}", operation_id="update_webhook_endpoint", summary="Update a webhook endpoint")
    async def update_webhook_endpoint(
        self,
        ctx: Ctx,
        endpoint_id: FromPath[uuid.UUID],
        request: Request[Any, Any, Any],
        data: JSONBody[EndpointUpdate],
        if_match: IfMatch = None,
    ) -> EndpointOut:
        """Change an endpoint's URL, event types, description, or pause it (URLs checked as at
        registration)."""
        allow = rules.private_targets_allowed(request.app.state.settings)
        return _endpoint_out(
            await services.update_endpoint(ctx, endpoint_id, data, if_match, allow_private=allow)
        )

    @delete(
        "/{endpoint_id:uuid}", operation_id="delete_webhook_endpoint", summary="Delete a webhook endpoint"
    )
    async def delete_webhook_endpoint(
        self, ctx: Ctx, endpoint_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete an endpoint and its delivery log."""
        await services.delete_endpoint(ctx, endpoint_id, if_match)

    @post(
        "/{endpoint_id:uuid}/rotate-secret",
        operation_id="rotate_webhook_secret",
        summary="Rotate an endpoint's signing secret",
        opt={"shows_secret_once": True},
        status_code=200,
    )
    async def rotate_webhook_secret(
        self,
        ctx: Ctx,
        endpoint_id: FromPath[uuid.UUID],
        data: JSONBody[SecretRotation],
        if_match: IfMatch = None,
    ) -> EndpointWithSecret:
        """Make a new secret; deliveries carry signatures by both until the overlap ends."""
        endpoint = await services.rotate_secret(ctx, endpoint_id, data, if_match)
        return EndpointWithSecret(endpoint=_endpoint_out(endpoint), secret=endpoint.secret)

    @post(
        "/{endpoint_id:uuid}/test",
        operation_id="send_webhook_test_event",
        summary="Send a test event",
        status_code=202,
    )
    async def send_webhook_test_event(self, ctx: Ctx, endpoint_id: FromPath[uuid.UUID]) -> DeliveryOut:
        """Queue a signed ``webhook.test`` delivery to this endpoint."""
        delivery = await services.send_test_event(ctx, endpoint_id)
        return _delivery_out(await services.get_delivery(ctx, delivery.id))


class WebhookDeliveryController(Controller):
    """The delivery log."""

    path = "/api/v1/webhooks/deliveries"
    tags = ["webhooks"]
    guards = [tenant_guard]
    opt = {"min_role": Role.ADMIN}

    @get(
        operation_id="list_webhook_deliveries",
        summary="List webhook deliveries",
        dependencies=DELIVERY_FILTERS,
    )
    async def list_webhook_deliveries(
        self,
        ctx: Ctx,
        filters: NamedDependency[DeliveryFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> DeliveryPage:
        """List deliveries, newest first, optionally of one endpoint or status."""
        views, next_cursor = await services.list_deliveries(
            ctx, limit=limit, cursor=cursor, endpoint_id=filters.endpoint_id, status=filters.status
        )
        return DeliveryPage(items=[_delivery_out(v) for v in views], next_cursor=next_cursor)

    @get("/{delivery_id:uuid}", operation_id="get_webhook_delivery", summary="Get a webhook delivery")
    async def get_webhook_delivery(self, ctx: Ctx, delivery_id: FromPath[uuid.UUID]) -> DeliveryOut:
        """Return one delivery with its payload."""
        return _delivery_out(await services.get_delivery(ctx, delivery_id))

    @get(
        "/{delivery_id:uuid}/attempts",
        operation_id="list_webhook_attempts",
        summary="List a delivery's attempts",
    )
    async def list_webhook_attempts(
        self,
        ctx: Ctx,
        delivery_id: FromPath[uuid.UUID],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> AttemptPage:
        """List attempts in order: outcome, response code, latency."""
        attempts, next_cursor = await services.list_attempts(ctx, delivery_id, limit=limit, cursor=cursor)
        return AttemptPage(
            items=[msgspec.convert(a, AttemptOut, from_attributes=True) for a in attempts],
            next_cursor=next_cursor,
        )

    @post(
        "/{delivery_id:uuid}/redeliver",
        operation_id="redeliver_webhook",
        summary="Redeliver an event",
        status_code=202,
    )
    async def redeliver_webhook(self, ctx: Ctx, delivery_id: FromPath[uuid.UUID]) -> DeliveryOut:
        """Queue a new delivery of the same event (same ``webhook-id``) to the same endpoint."""
        return _delivery_out(await services.redeliver(ctx, delivery_id))


class WebhookEventTypeController(Controller):
    """The event catalogue."""

    path = "/api/v1/webhooks/event-types"
    tags = ["webhooks"]
    guards = [tenant_guard]
    opt = {"min_role": Role.ADMIN}

    @get(operation_id="list_webhook_event_types", summary="List webhook event types")
    async def list_webhook_event_types(self) -> EventTypeList:
        """List the event types endpoints can subscribe to."""
        return EventTypeList(
            items=[EventTypeOut(name=n, description=d) for n, d in sorted(rules.event_types().items())]
        )
