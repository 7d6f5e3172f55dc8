"""Stripe's webhooks: verified on the raw body, each event applied once, state read afresh."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core.billing.gateway import StripeGateway, construct_event
from bizsuite.core.billing.models import StripeEvent
from bizsuite.core.billing.services import subscriptions
from bizsuite.core.context import Context
from bizsuite.core.errors import ConflictProblem, ProblemError
from bizsuite.core.tenants.models import Tenant
from bizsuite.settings import Settings


class SignatureProblem(ProblemError):
    """The webhook's ``Stripe-Signature`` does not verify against the raw body."""

    status = 400
    slug = "webhook-signature-invalid"
    title = "Webhook signature invalid"


async def _tenant_of(gateway: StripeGateway, obj: dict[str, Any]) -> uuid.UUID | None:
    """The tenant an event's object belongs to: its metadata, else its customer's (read afresh)."""
    raw = (obj.get("metadata") or {}).get("tenant_id")
    if not raw:
        customer = obj.get("id") if obj.get("object") == "customer" else obj.get("customer")
        if isinstance(customer, dict):
            customer = customer.get("id")
        if not customer:
            return None
        raw = ((await gateway.retrieve_customer(str(customer))).get("metadata") or {}).get("tenant_id")
    try:
        return uuid.UUID(str(raw)) if raw else None
    except ValueError:
        return None


async def receive(
    ctx: Context, settings: Settings, payload: bytes, signature: str | None
) -> tuple[str, bool, str]:
    """Verify and apply one event; returns (event id, applied, what happened). A replay is a no-op."""
    gateway = subscriptions.gateway_of(settings)
    if gateway is None or not settings.stripe_webhook_secret:
        raise ConflictProblem("Billing runs offline (no Stripe key or webhook secret is set).")
    try:
        event = construct_event(payload, signature or "", settings.stripe_webhook_secret)
    except ValueError as exc:
        raise SignatureProblem("The Stripe-Signature header does not match the body.") from exc
    event_id = str(event["id"])
    claimed = await ctx.session.scalar(
        insert(StripeEvent)
        .values(id=event_id, event_type=str(event.get("type") or ""))
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(StripeEvent.id)
    )
    if claimed is None:
        return event_id, False, "already applied"
    obj = (event.get("data") or {}).get("object") or {}
    tenant_id = await _tenant_of(gateway, obj)
    if tenant_id is None or await ctx.session.get(Tenant, tenant_id) is None:
        return event_id, True, "not about a tenant"
    tenant = await subscriptions.tenant_for(ctx, tenant_id)
    await ctx.session.execute(
        update(StripeEvent).where(StripeEvent.id == event_id).values(tenant_id=tenant_id)
    )
    current = await subscriptions.find(ctx, tenant)
    if current is None or not current.subscription.stripe_subscription_id:
        return event_id, True, "the tenant has no Stripe subscription"
    changed = await subscriptions.sync_from_stripe(ctx, gateway, current)
    return event_id, True, "state updated" if changed else "state unchanged"
