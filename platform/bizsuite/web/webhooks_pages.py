"""Webhook pages (admins): endpoints and their secrets, test events, the delivery log, redelivery."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem
from bizsuite.core.identity.models import Role
from bizsuite.core.webhooks import rules
from bizsuite.core.webhooks import services as webhooks
from bizsuite.core.webhooks.api import delivery_filters
from bizsuite.core.webhooks.models import DeliveryStatus, WebhookEndpoint
from bizsuite.core.webhooks.schemas import DeliveryFilters, EndpointCreate, EndpointUpdate, SecretRotation
from bizsuite.web.alerts_pages import back_to
from bizsuite.web.exports import EXPORT_LIMIT, every_page, export_response
from bizsuite.web.forms import FormErrors, Submission, form_version, read_form, saved_values
from bizsuite.web.i18n import N_, service_messages
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    query_as_sent,
    query_params,
    redirect,
    run_action,
    run_form,
    signed_in,
)
from bizsuite.web.templating import page

PAGE_SIZE = 25
DELIVERY_STATUS_LABELS = {
    DeliveryStatus.PENDING.value: N_("Pending"),
    DeliveryStatus.RETRYING.value: N_("Retrying"),
    DeliveryStatus.SUCCEEDED.value: N_("Delivered"),
    DeliveryStatus.FAILED.value: N_("Failed"),
}
ATTEMPT_OUTCOME_LABELS = {"succeeded": N_("Succeeded"), "failed": N_("Failed")}
#: Field messages of the webhook services, translated when a form shows them.
SERVICE_MESSAGES = service_messages(
    N_("use an http or https URL"),
    N_("the URL has no host"),
    N_("credentials in the URL are not allowed"),
)
ENDPOINT_FIELDS = ("url", "description", "event_types")


def event_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Event types grouped by prefix (``org_unit``, ``alert``...), each with its description."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name, description in sorted(rules.event_types().items()):
        if name != rules.TEST_EVENT:  # sent on request to one endpoint, whatever it subscribed to
            groups.setdefault(name.split(".", 1)[0], []).append((name, description))
    return sorted(groups.items())


class WebhookPages(Controller):
    """The tenant's webhook endpoints and their delivery logs."""

    path = "/admin/webhooks"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    async def _list(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
    ) -> Template:
        endpoints, next_cursor = await webhooks.list_endpoints(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "webhooks/endpoints.html",
            status_code=status_code,
            endpoints=endpoints,
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            event_groups=event_choices(),
            errors=errors or FormErrors(),
            values=values or {},
        )

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        endpoint: WebhookEndpoint,
        *,
        status_code: int = 200,
        secret: str | None = None,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
        filters: DeliveryFilters | None = None,
    ) -> Template:
        views, next_cursor = await webhooks.list_deliveries(
            ctx,
            limit=PAGE_SIZE,
            cursor=request.query_params.get("cursor"),
            endpoint_id=endpoint.id,
            status=filters.status if filters is not None else None,
        )
        sent = query_as_sent(request)
        template = page(
            request,
            "webhooks/endpoint.html",
            status_code=status_code,
            endpoint=endpoint,
            deliveries=views,
            last_attempts=await webhooks.latest_attempts(ctx, [v.delivery.id for v in views]),
            next_cursor=next_cursor,
            params={name: value for name in ("status", "cursor") if (value := sent.get(name))},
            filters=sent,
            statuses=DELIVERY_STATUS_LABELS,
            event_groups=event_choices(),
            secret=secret,
            overlapping=endpoint.previous_secret_expires_at is not None
            and endpoint.previous_secret_expires_at > dt.datetime.now(dt.UTC),
            errors=errors or FormErrors(),
            values=values,
            message_id=rules.message_id,
        )
        # A page showing a secret answers a POST: reloading it must show the plain page instead.
        template.headers["HX-Replace-Url"] = f"/admin/webhooks/{endpoint.id}"
        if secret is not None:
            template.headers["Cache-Control"] = "no-store"  # a secret shown once stays out of caches
        return template

    @get()
    async def endpoints(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """List endpoints with a form to register one."""
        return await self._list(ctx, request)

    @post()
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Register an endpoint and show its signing secret once."""
        submission = read_form(data, EndpointCreate, ENDPOINT_FIELDS, lists=("event_types",))

        async def create(body: EndpointCreate, _version: str | None) -> Template:
            allow = rules.private_targets_allowed(request.app.state.settings)
            endpoint = await webhooks.create_endpoint(ctx, body, allow_private=allow)
            return await self._detail(ctx, request, endpoint, secret=endpoint.secret)

        async def again(failed: Submission[EndpointCreate]) -> Template:
            return await self._list(
                ctx, request, status_code=failed.status_code, errors=failed.errors, values=failed.values
            )

        return await run_form(submission, create, done=lambda shown: shown, again=again)

    @get("/{endpoint_id:uuid}", **filtered_by(delivery_filters))
    async def endpoint(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        endpoint_id: FromPath[uuid.UUID],
        filters: NamedDependency[DeliveryFilters],
    ) -> Template:
        """One endpoint: its settings, actions and delivery log."""
        endpoint = await webhooks.get_endpoint(ctx, endpoint_id)
        return await self._detail(ctx, request, endpoint, filters=filters)

    @post("/{endpoint_id:uuid}/edit")
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], endpoint_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Change the URL, description or event types."""
        submission = read_form(
            data, EndpointUpdate, ENDPOINT_FIELDS, update=True, required=("url",), lists=("event_types",)
        )

        async def saved() -> dict[str, Any]:
            return saved_values(await webhooks.get_endpoint(ctx, endpoint_id), ENDPOINT_FIELDS)

        async def again(failed: Submission[EndpointUpdate]) -> Template:
            endpoint = await webhooks.get_endpoint(ctx, endpoint_id)
            return await self._detail(
                ctx,
                request,
                endpoint,
                status_code=failed.status_code,
                errors=failed.errors,
                values=failed.values,
            )

        return await run_form(
            submission,
            lambda update, version: webhooks.update_endpoint(
                ctx,
                endpoint_id,
                update,
                version,
                allow_private=rules.private_targets_allowed(request.app.state.settings),
            ),
            done=lambda _saved: redirect(f"/admin/webhooks/{endpoint_id}", notice="webhook.updated"),
            again=again,
            saved=saved,
        )

    @post("/{endpoint_id:uuid}/rotate-secret")
    async def rotate(
        self, ctx: Ctx, request: Request[Any, Any, Any], endpoint_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Make a new secret and show it once; the old one keeps signing during the overlap."""
        submission = read_form(data, SecretRotation, ("overlap_hours",))

        async def rotate(rotation: SecretRotation, version: str | None) -> Template:
            endpoint = await webhooks.rotate_secret(ctx, endpoint_id, rotation, version)
            return await self._detail(ctx, request, endpoint, secret=endpoint.secret)

        async def again(failed: Submission[SecretRotation]) -> Template:
            endpoint = await webhooks.get_endpoint(ctx, endpoint_id)
            return await self._detail(
                ctx, request, endpoint, status_code=failed.status_code, errors=failed.errors
            )

        return await run_form(
            submission,
            rotate,
            done=lambda shown: shown,
            again=again,
            back=f"/admin/webhooks/{endpoint_id}",
        )

    @post("/{endpoint_id:uuid}/test")
    async def test(self, ctx: Ctx, endpoint_id: FromPath[uuid.UUID]) -> Response[Any]:
        """Queue a signed ``webhook.test`` delivery to this endpoint."""
        await webhooks.send_test_event(ctx, endpoint_id)
        return redirect(f"/admin/webhooks/{endpoint_id}", notice="webhook.test_sent")

    @post("/{endpoint_id:uuid}/{action:str}")
    async def lifecycle(
        self, ctx: Ctx, endpoint_id: FromPath[uuid.UUID], action: FromPath[str], data: Form
    ) -> Response[Any]:
        """Enable, disable or delete an endpoint."""
        version = form_version(data)
        back = f"/admin/webhooks/{endpoint_id}"
        if action == "delete":
            return await run_action(
                lambda: webhooks.delete_endpoint(ctx, endpoint_id, version),
                back=back,
                done="/admin/webhooks",
                notice="webhook.deleted",
            )
        if action not in {"enable", "disable"}:
            raise NotFoundProblem(f"No action {action!r}.")
        update = EndpointUpdate(enabled=action == "enable")
        return await run_action(
            lambda: webhooks.update_endpoint(ctx, endpoint_id, update, version),
            back=back,
            notice=f"webhook.{action}d",
        )

    @get(
        "/{endpoint_id:uuid}/deliveries/export",
        **filtered_by(delivery_filters),
    )
    async def export_deliveries(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        endpoint_id: FromPath[uuid.UUID],
        filters: NamedDependency[DeliveryFilters],
    ) -> Response[bytes]:
        """Download the endpoint's (filtered) delivery log as CSV or XLSX."""
        endpoint = await webhooks.get_endpoint(ctx, endpoint_id)
        status = filters.status
        rows: list[tuple[Any, ...]] = []
        cursor = None
        while True:
            views, cursor = await webhooks.list_deliveries(
                ctx, limit=200, cursor=cursor, endpoint_id=endpoint.id, status=status
            )
            last = await webhooks.latest_attempts(ctx, [v.delivery.id for v in views])
            rows += [
                (
                    v.delivery.created_at,
                    v.event.event_type,
                    rules.message_id(v.event.id),
                    _(DELIVERY_STATUS_LABELS[v.delivery.status.value]),
                    v.delivery.last_response_code or "",
                    last[v.delivery.id].latency_ms if v.delivery.id in last else "",
                    v.delivery.attempts,
                    v.delivery.last_attempt_at or "",
                    v.delivery.next_attempt_at or "",
                )
                for v in views
            ]
            if cursor is None or len(rows) >= EXPORT_LIMIT:
                break
        headers = [
            _("Time"),
            _("Event type"),
            _("Webhook id"),
            _("Status"),
            _("Response code"),
            _("Latency (ms)"),
            _("Attempts"),
            _("Last attempt"),
            _("Next attempt"),
        ]
        return export_response(request.query_params.get("format", "csv"), "webhook-deliveries", headers, rows)

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the endpoints (never their secrets) as CSV or XLSX."""
        endpoints = await every_page(lambda cursor: webhooks.list_endpoints(ctx, limit=200, cursor=cursor))
        rows = [
            (
                e.url,
                e.description or "",
                list(e.event_types),
                _("Enabled") if e.enabled else _("Disabled"),
                e.created_at,
            )
            for e in endpoints
        ]
        headers = [_("URL"), _("Description"), _("Event types"), _("Status"), _("Created")]
        return export_response(request.query_params.get("format", "csv"), "webhook-endpoints", headers, rows)


class WebhookDeliveryPages(Controller):
    """One delivery: its event, every attempt, and redelivery."""

    path = "/admin/webhooks/deliveries"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @get("/{delivery_id:uuid}")
    async def delivery(
        self, ctx: Ctx, request: Request[Any, Any, Any], delivery_id: FromPath[uuid.UUID]
    ) -> Template:
        """The delivery's payload and attempts, first attempt first."""
        view = await webhooks.get_delivery(ctx, delivery_id)
        attempts, next_cursor = await webhooks.list_attempts(
            ctx, delivery_id, limit=50, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "webhooks/delivery.html",
            view=view,
            endpoint=await webhooks.get_endpoint(ctx, view.delivery.endpoint_id),
            attempts=attempts,
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            statuses=DELIVERY_STATUS_LABELS,
            outcomes=ATTEMPT_OUTCOME_LABELS,
            webhook_id=rules.message_id(view.event.id),
        )

    @post("/{delivery_id:uuid}/redeliver")
    async def redeliver(self, ctx: Ctx, delivery_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Send the delivery's event to its endpoint again (same ``webhook-id``)."""
        view = await webhooks.get_delivery(ctx, delivery_id)
        return await run_action(
            lambda: webhooks.redeliver(ctx, delivery_id),
            back=back_to(data, f"/admin/webhooks/{view.delivery.endpoint_id}"),
            notice="webhook.redelivered",
            problems={409: "error.endpoint-disabled"},
        )
