"""Billing endpoints: the operator's plans and tenant subscriptions, the tenant's own
subscription and invoices, and Stripe's webhook."""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post, put
from litestar.params import FromPath, FromQuery, JSONBody

from bizsuite.core.billing import rules
from bizsuite.core.billing.models import Addon, Invoice, Plan
from bizsuite.core.billing.rules import Figure
from bizsuite.core.billing.schemas import (
    AddonCreate,
    AddonList,
    AddonOut,
    AddonQuantity,
    FigureOut,
    InvoiceOut,
    InvoicePage,
    PaymentRetry,
    PlanAssignment,
    PlanChange,
    PlanCreate,
    PlanList,
    PlanOut,
    PlanVersionCreate,
    ReconcileResult,
    SeatChange,
    SubscriptionAddonList,
    SubscriptionAddonOut,
    SubscriptionOut,
    SubscriptionStatusChange,
    WebhookReceipt,
)
from bizsuite.core.billing.services import plans, stripe_events, subscriptions
from bizsuite.core.billing.services.subscriptions import Current
from bizsuite.core.billing.services.usage import usage_against_limits
from bizsuite.core.clock import tenant_now
from bizsuite.core.context import Context, operator_guard, tenant_guard
from bizsuite.core.dependencies import Ctx, app_settings
from bizsuite.core.identity.models import Role
from bizsuite.core.openapi import problems
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam

#: A tenant on no plan (offline mode, before the operator assigns one) has no subscription.
NO_SUBSCRIPTION = problems({404: "This tenant has no subscription yet: the operator assigns its plan"})


def plan_out(plan: Plan) -> PlanOut:
    """A plan version as the API shows it."""
    return msgspec.convert(plan, PlanOut, from_attributes=True)


def figure_out(figure: Figure | None) -> FigureOut | None:
    """A computed amount with its formula."""
    return (
        None
        if figure is None
        else FigureOut(amount=figure.amount, formula=figure.formula, inputs=figure.inputs)
    )


async def describe(ctx: Context, current: Current, proration: Figure | None = None) -> SubscriptionOut:
    """The subscription as it stands now (phase by the tenant clock), with usage against limits."""
    sub, plan, tenant = current.subscription, current.plan, current.tenant
    lapse = rules.lapse_start(sub.status.value, sub.trial_end, sub.past_due_since)
    phase = rules.phase_at(sub.status.value, lapse, tenant_now(tenant))
    lines = current.addon_lines()
    price = rules.price_for(plan.price_month, plan.price_year, sub.interval.value, sub.seats, lines)
    usage = await usage_against_limits(ctx, tenant)
    return SubscriptionOut(
        tenant_id=tenant.id,
        plan=plan_out(plan),
        status=sub.status,
        phase=phase,
        access=rules.access_of(phase).value,
        provider=sub.provider,
        interval=sub.interval,
        seats=sub.seats,
        trial_end=sub.trial_end,
        current_period_start=sub.current_period_start,
        current_period_end=sub.current_period_end,
        past_due_since=sub.past_due_since,
        read_only_from=rules.read_only_from(lapse),
        suspended_from=rules.suspended_from(lapse),
        cancel_at_period_end=sub.cancel_at_period_end,
        canceled_at=sub.canceled_at,
        price=FigureOut(amount=price.amount, formula=price.formula, inputs=price.inputs),
        usage=usage,
        version=sub.version,
        proration=figure_out(proration),
        addons=[
            subscription_addon_out(addon, row.quantity, sub.interval.value) for row, addon in current.addons
        ],
    )


def addon_out(addon: Addon) -> AddonOut:
    """An add-on as the API shows it."""
    return msgspec.convert(addon, AddonOut, from_attributes=True)


def subscription_addon_out(addon: Addon, quantity: int, interval: str) -> SubscriptionAddonOut:
    """An add-on with the quantity carried and its part of the period's price."""
    unit = addon.price_year if interval == "year" else addon.price_month
    amount = rules.money(unit * quantity)
    return SubscriptionAddonOut(
        addon=addon_out(addon),
        quantity=quantity,
        price=FigureOut(
            amount=amount,
            formula=f"{quantity} × {rules.money(unit)} = {amount}",
            inputs={"quantity": str(quantity), "unit_price": str(rules.money(unit)), "interval": interval},
        ),
    )


async def addon_catalogue(ctx: Context, current: Current) -> SubscriptionAddonList:
    """Every add-on with what the subscription carries of it."""
    carried = {addon.id: row.quantity for row, addon in current.addons}
    interval = current.subscription.interval.value
    return SubscriptionAddonList(
        items=[
            subscription_addon_out(addon, carried.get(addon.id, 0), interval)
            for addon in await plans.list_addons(ctx)
        ]
    )


def invoice_out(invoice: Invoice) -> InvoiceOut:
    """An invoice as the API shows it."""
    return msgspec.convert(invoice, InvoiceOut, from_attributes=True)


class PlanController(Controller):
    """Operator API: plans and their versions."""

    path = "/api/v1/billing/plans"
    tags = ["billing"]
    guards = [operator_guard]

    @get(operation_id="list_plans", summary="List plans")
    async def list_plans(self, ctx: Ctx, all_versions: FromQuery[bool] = False) -> PlanList:
        """The plans' current versions (``all_versions`` for every version)."""
        return PlanList(items=[plan_out(p) for p in await plans.list_plans(ctx, all_versions=all_versions)])

    @post(operation_id="create_plan", summary="Create a plan")
    async def create_plan(self, ctx: Ctx, data: JSONBody[PlanCreate]) -> PlanOut:
        """Create a plan (version 1)."""
        return plan_out(await plans.create_plan(ctx, data))

    @get("/{code:str}", operation_id="get_plan", summary="Get a plan")
    async def get_plan(self, ctx: Ctx, code: FromPath[str]) -> PlanOut:
        """The current version of a plan."""
        return plan_out(await plans.get_plan(ctx, code))

    @post("/{code:str}/versions", operation_id="create_plan_version", summary="Add a plan version")
    async def create_plan_version(
        self, ctx: Ctx, code: FromPath[str], data: JSONBody[PlanVersionCreate]
    ) -> PlanOut:
        """A new version of the plan; tenants on older versions keep theirs until moved."""
        return plan_out(await plans.add_version(ctx, code, data))


class AddonController(Controller):
    """Operator API: the add-on catalogue."""

    path = "/api/v1/billing/addons"
    tags = ["billing"]
    guards = [operator_guard]

    @get(operation_id="list_addons", summary="List add-ons")
    async def list_addons(self, ctx: Ctx) -> AddonList:
        """Every add-on of the catalogue."""
        return AddonList(items=[addon_out(a) for a in await plans.list_addons(ctx)])

    @post(operation_id="create_addon", summary="Create an add-on")
    async def create_addon(self, ctx: Ctx, data: JSONBody[AddonCreate]) -> AddonOut:
        """Add an add-on (a seat pack, extra storage or API calls, a module) any subscription may carry."""
        return addon_out(await plans.create_addon(ctx, data))


class TenantSubscriptionController(Controller):
    """Operator API: a tenant's subscription."""

    path = "/api/v1/billing/tenants/{tenant_id:uuid}/subscription"
    tags = ["billing"]
    guards = [operator_guard]

    @get(operation_id="get_tenant_subscription", summary="Get a tenant's subscription")
    async def get_tenant_subscription(self, ctx: Ctx, tenant_id: FromPath[uuid.UUID]) -> SubscriptionOut:
        """The tenant's subscription as it stands now."""
        tenant = await subscriptions.tenant_for(ctx, tenant_id)
        return await describe(ctx, await subscriptions.require(ctx, tenant))

    @put(operation_id="put_tenant_subscription", summary="Put a tenant on a plan")
    async def put_tenant_subscription(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        tenant_id: FromPath[uuid.UUID],
        data: JSONBody[PlanAssignment],
    ) -> SubscriptionOut:
        """Subscribe the tenant to a plan's current version, or move it to another plan."""
        current = await subscriptions.assign_plan(ctx, app_settings(request), tenant_id, data)
        return await describe(ctx, current)

    @post(
        "/status",
        operation_id="change_subscription_status",
        summary="Record a subscription status",
        status_code=200,
    )
    async def change_subscription_status(
        self, ctx: Ctx, tenant_id: FromPath[uuid.UUID], data: JSONBody[SubscriptionStatusChange]
    ) -> SubscriptionOut:
        """Offline billing: record a payment (active), a failed payment (past_due), a suspension or a cancellation."""
        tenant = await subscriptions.tenant_for(ctx, tenant_id)
        current = await subscriptions.require(ctx, tenant)
        await subscriptions.set_status(ctx, current, data.status)
        return await describe(ctx, current)

    @post("/bill", operation_id="create_period_invoice", summary="Bill the next period now", status_code=200)
    async def create_period_invoice(
        self, ctx: Ctx, request: Request[Any, Any, Any], tenant_id: FromPath[uuid.UUID]
    ) -> SubscriptionOut:
        """Issue the next period's invoice now and try to collect it (Stripe) or leave it open (offline)."""
        tenant = await subscriptions.tenant_for(ctx, tenant_id)
        current = await subscriptions.require(ctx, tenant)
        await subscriptions.bill_period(ctx, app_settings(request), current)
        return await describe(ctx, current)

    @put(
        "/addons/{addon_code:str}",
        operation_id="put_tenant_subscription_addon",
        summary="Set a tenant's add-on quantity",
    )
    async def put_tenant_subscription_addon(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        tenant_id: FromPath[uuid.UUID],
        addon_code: FromPath[str],
        data: JSONBody[AddonQuantity],
    ) -> SubscriptionOut:
        """Carry this many units of the add-on (0 removes it), prorated for the rest of the period."""
        tenant = await subscriptions.tenant_for(ctx, tenant_id)
        current = await subscriptions.require(ctx, tenant)
        addon = await plans.get_addon(ctx, addon_code)
        figure = await subscriptions.set_addon(ctx, app_settings(request), current, addon, data.quantity)
        return await describe(ctx, current, figure)


class BillingOperationsController(Controller):
    """Operator API: the reconciliation (janitor) pass."""

    path = "/api/v1/billing/reconcile"
    tags = ["billing"]
    guards = [operator_guard]

    @post(operation_id="recompute_subscriptions", summary="Reconcile subscriptions", status_code=200)
    async def recompute_subscriptions(self, ctx: Ctx, request: Request[Any, Any, Any]) -> ReconcileResult:
        """Re-read every Stripe subscription and apply what time decided; repairs drift."""
        checked, changed = await subscriptions.reconcile(ctx, app_settings(request))
        return ReconcileResult(checked=checked, changed=changed)


class MySubscriptionController(Controller):
    """The caller's own subscription (admins change it; everyone may read it)."""

    path = "/api/v1/billing/subscription"
    tags = ["billing"]
    guards = [tenant_guard]

    @get(operation_id="get_my_subscription", summary="Get my subscription", responses=NO_SUBSCRIPTION)
    async def get_my_subscription(self, ctx: Ctx) -> SubscriptionOut:
        """Plan, status, period, seats and usage against the plan's limits."""
        return await describe(ctx, await subscriptions.require(ctx, ctx.tenant))

    @get(
        "/addons",
        operation_id="list_subscription_addons",
        summary="List add-ons for my subscription",
        responses=NO_SUBSCRIPTION,
    )
    async def list_subscription_addons(self, ctx: Ctx) -> SubscriptionAddonList:
        """Every add-on of the catalogue with the quantity the subscription carries."""
        return await addon_catalogue(ctx, await subscriptions.require(ctx, ctx.tenant))

    @put(
        "/addons/{addon_code:str}",
        operation_id="put_subscription_addon",
        responses=NO_SUBSCRIPTION,
        summary="Set an add-on's quantity",
        opt={"min_role": Role.ADMIN},
    )
    async def put_subscription_addon(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        addon_code: FromPath[str],
        data: JSONBody[AddonQuantity],
    ) -> SubscriptionOut:
        """Carry this many units of an add-on (0 removes it); the prorated amount comes back in ``proration``."""
        current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
        addon = await plans.get_addon(ctx, addon_code)
        figure = await subscriptions.set_addon(ctx, app_settings(request), current, addon, data.quantity)
        return await describe(ctx, current, figure)

    @post(
        "/seats",
        operation_id="change_seats",
        responses=NO_SUBSCRIPTION,
        summary="Change seats",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def change_seats(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[SeatChange]
    ) -> SubscriptionOut:
        """Buy or release seats; the prorated amount and its formula come back in ``proration``."""
        current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
        figure = await subscriptions.change_seats(ctx, app_settings(request), current, data.seats)
        return await describe(ctx, current, figure)

    @post(
        "/plan",
        operation_id="change_plan",
        responses=NO_SUBSCRIPTION,
        summary="Upgrade or downgrade",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def change_plan(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[PlanChange]
    ) -> SubscriptionOut:
        """Move to another plan's current version, prorated for the rest of the period."""
        current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
        figure = await subscriptions.change_plan(ctx, app_settings(request), current, data)
        return await describe(ctx, current, figure)

    @post(
        "/cancel",
        operation_id="close_subscription",
        responses=NO_SUBSCRIPTION,
        summary="Cancel at period end",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def close_subscription(self, ctx: Ctx, request: Request[Any, Any, Any]) -> SubscriptionOut:
        """Cancel at the end of the current period (everything works until then)."""
        current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
        await subscriptions.set_cancel_at_period_end(ctx, app_settings(request), current, True)
        return await describe(ctx, current)

    @post(
        "/resume",
        operation_id="resume_subscription",
        responses=NO_SUBSCRIPTION,
        summary="Keep the subscription",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def resume_subscription(self, ctx: Ctx, request: Request[Any, Any, Any]) -> SubscriptionOut:
        """Withdraw a cancellation scheduled for the period end."""
        current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
        await subscriptions.set_cancel_at_period_end(ctx, app_settings(request), current, False)
        return await describe(ctx, current)

    @post(
        "/pay",
        operation_id="retry_subscription_payment",
        responses=NO_SUBSCRIPTION,
        summary="Pay open invoices",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def retry_subscription_payment(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[PaymentRetry]
    ) -> SubscriptionOut:
        """Stripe: set the card (optional) and retry the open invoices now."""
        current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
        await subscriptions.pay(ctx, app_settings(request), current, data.payment_method)
        return await describe(ctx, current)


class InvoiceController(Controller):
    """The caller's tenant's invoices from the platform."""

    path = "/api/v1/billing/invoices"
    tags = ["billing"]
    guards = [tenant_guard]

    @get(operation_id="list_billing_invoices", summary="List my invoices")
    async def list_billing_invoices(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> InvoicePage:
        """The tenant's invoices, newest first."""
        rows, next_cursor = await subscriptions.list_invoices(ctx, limit=limit, cursor=cursor)
        return InvoicePage(items=[invoice_out(i) for i in rows], next_cursor=next_cursor)

    @get("/{billing_invoice_id:uuid}", operation_id="get_billing_invoice", summary="Get an invoice")
    async def get_billing_invoice(self, ctx: Ctx, billing_invoice_id: FromPath[uuid.UUID]) -> InvoiceOut:
        """One invoice with its lines and their formulas."""
        return invoice_out(await subscriptions.get_invoice(ctx, billing_invoice_id))

    @get(
        "/{billing_invoice_id:uuid}/download",
        operation_id="download_billing_invoice",
        summary="Download an invoice",
        media_type="text/plain",
        include_in_schema=False,
    )
    async def download_billing_invoice(
        self, ctx: Ctx, billing_invoice_id: FromPath[uuid.UUID]
    ) -> Response[str]:
        """The invoice as a text document."""
        invoice = await subscriptions.get_invoice(ctx, billing_invoice_id)
        return Response(
            render_invoice(ctx.tenant.name, invoice),
            media_type="text/plain; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{invoice.number}.txt"'},
        )


def render_invoice(tenant_name: str, invoice: Invoice) -> str:
    """A plain-text invoice: header, lines with their formulas, total."""
    rows = [
        f"BizSuite invoice {invoice.number}",
        f"Billed to: {tenant_name}",
        f"Status: {invoice.status.value}",
        f"Period: {invoice.period_start:%Y-%m-%d} – {invoice.period_end:%Y-%m-%d}"
        if invoice.period_start and invoice.period_end
        else "Period: -",
        "",
    ]
    for line in invoice.lines:
        formula = f"  ({line.get('formula')})" if line.get("formula") else ""
        rows.append(f"{line.get('description', '')}: {line.get('amount', '')} {invoice.currency}{formula}")
    rows += ["", f"Total: {invoice.amount} {invoice.currency}"]
    return "\n".join(rows) + "\n"


class StripeWebhookController(Controller):
    """Stripe's calls: authenticated by the signature over the raw body, not by a key."""

    path = "/api/v1/billing/stripe/webhook"
    tags = ["billing"]

    @post(
        operation_id="accept_stripe_event",
        summary="Receive a Stripe event",
        status_code=200,
        include_in_schema=False,
    )
    async def accept_stripe_event(self, ctx: Ctx, request: Request[Any, Any, Any]) -> WebhookReceipt:
        """Verify ``Stripe-Signature`` on the raw body, apply the event once and answer 200."""
        payload = await request.body()
        event_id, applied, detail = await stripe_events.receive(
            ctx, app_settings(request), payload, request.headers.get("stripe-signature")
        )
        return WebhookReceipt(event_id=event_id, applied=applied, detail=detail)
