"""The tenant's billing page: plan, status, usage against limits, invoices; seats, plan, cancel, pay."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath
from litestar.response import Template

from bizsuite.core.billing.api import addon_catalogue, describe, invoice_out, render_invoice
from bizsuite.core.billing.models import BillingProvider
from bizsuite.core.billing.schemas import PlanChange
from bizsuite.core.billing.services import plans, subscriptions
from bizsuite.core.dependencies import Ctx, app_settings
from bizsuite.core.errors import ValidationProblem
from bizsuite.core.identity.models import Role
from bizsuite.web.i18n import N_
from bizsuite.web.support import run_action, savepoint, signed_in
from bizsuite.web.templating import page

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]

#: A subscription's phase as the page names it.
PHASE_LABELS = {
    "trial": N_("Trial"),
    "active": N_("Active"),
    "past_due": N_("Payment overdue"),
    "grace": N_("Read-only until paid"),
    "suspended": N_("Suspended"),
    "canceled": N_("Canceled"),
}
#: What each phase means for the users.
PHASE_HELP = {
    "trial": N_("Everything in the plan works until the trial ends."),
    "active": N_("Everything in the plan works."),
    "past_due": N_("A payment failed. Everything still works; pay before read-only grace starts."),
    "grace": N_("Payment is overdue: the business modules are read-only until the open invoice is paid."),
    "suspended": N_("The business modules are closed until the open invoice is paid."),
    "canceled": N_("The subscription has ended; the business modules are closed."),
}
LIMIT_LABELS = {
    "seats": N_("Seats"),
    "accounts": N_("Customer accounts"),
    "storage_mb": N_("Storage (MB)"),
    "api_calls_month": N_("API calls per month"),
    "venues": N_("Venues"),
}
#: What an add-on raises, as the page says it.
ADDON_KIND_LABELS = {
    "seats": N_("Seats"),
    "storage_mb": N_("Storage (MB)"),
    "api_calls_month": N_("API calls per month"),
    "accounts": N_("Customer accounts"),
    "venues": N_("Venues"),
    "module": N_("Module"),
}
INVOICE_STATUS_LABELS = {
    "draft": N_("Draft"),
    "open": N_("Open"),
    "paid": N_("Paid"),
    "void": N_("Void"),
    "uncollectible": N_("Uncollectible"),
}
PAGE = "/admin/billing"


class BillingPages(Controller):
    """The tenant's subscription and invoices."""

    path = PAGE
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @get()
    async def billing(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Show the plan, its phase, usage against limits and the invoices."""
        current = await subscriptions.find(ctx, ctx.tenant)
        subscription = await describe(ctx, current) if current is not None else None
        invoices = []
        if current is not None:
            rows, _cursor = await subscriptions.list_invoices(ctx, limit=50, cursor=None)
            invoices = [invoice_out(i) for i in rows]
        return page(
            request,
            "billing/page.html",
            subscription=subscription,
            invoices=invoices,
            plans=await plans.list_plans(ctx) if current is not None else [],
            addons=(await addon_catalogue(ctx, current)).items if current is not None else [],
            addon_kind_labels=ADDON_KIND_LABELS,
            stripe=current is not None and current.subscription.provider is BillingProvider.STRIPE,
            phase_labels=PHASE_LABELS,
            phase_help=PHASE_HELP,
            limit_labels=LIMIT_LABELS,
            invoice_status_labels=INVOICE_STATUS_LABELS,
        )

    @post("/seats")
    async def change_seats(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Buy or release seats."""

        async def change() -> None:
            try:
                seats = int(str(data.get("seats", "")).strip())
            except ValueError as exc:
                raise ValidationProblem.for_field("seats", "a whole number") from exc
            if seats < 1:
                raise ValidationProblem.for_field("seats", "at least 1")
            current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
            await savepoint(ctx, subscriptions.change_seats(ctx, app_settings(request), current, seats))

        return await run_action(change, back=PAGE, notice="billing.seats_changed", problems=_PROBLEMS)

    @post("/plan")
    async def change_plan(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Upgrade or downgrade."""

        async def change() -> None:
            current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
            body = PlanChange(plan=str(data.get("plan", "")))
            await savepoint(ctx, subscriptions.change_plan(ctx, app_settings(request), current, body))

        return await run_action(change, back=PAGE, notice="billing.plan_changed", problems=_PROBLEMS)

    @post("/addons/{addon_code:str}")
    async def change_addon(
        self, ctx: Ctx, request: Request[Any, Any, Any], addon_code: FromPath[str], data: Form
    ) -> Response[Any]:
        """Carry more or fewer units of an add-on (0 removes it)."""

        async def change() -> None:
            try:
                quantity = int(str(data.get("quantity", "")).strip())
            except ValueError as exc:
                raise ValidationProblem.for_field("quantity", "a whole number") from exc
            if quantity < 0:
                raise ValidationProblem.for_field("quantity", "0 or more")
            current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
            addon = await plans.get_addon(ctx, addon_code)
            await savepoint(
                ctx, subscriptions.set_addon(ctx, app_settings(request), current, addon, quantity)
            )

        return await run_action(change, back=PAGE, notice="billing.addon_changed", problems=_PROBLEMS)

    @post("/cancel")
    async def cancel(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[Any]:
        """Cancel at the end of the period."""

        async def change() -> None:
            current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
            await subscriptions.set_cancel_at_period_end(ctx, app_settings(request), current, True)

        return await run_action(change, back=PAGE, notice="billing.canceled", problems=_PROBLEMS)

    @post("/resume")
    async def resume(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[Any]:
        """Keep the subscription after all."""

        async def change() -> None:
            current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
            await subscriptions.set_cancel_at_period_end(ctx, app_settings(request), current, False)

        return await run_action(change, back=PAGE, notice="billing.resumed", problems=_PROBLEMS)

    @post("/pay")
    async def pay(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Stripe: set the card (a payment method id) and retry the open invoices."""

        async def change() -> None:
            current = await subscriptions.require(ctx, ctx.tenant, for_change=True)
            method = str(data.get("payment_method") or "").strip() or None
            await subscriptions.pay(ctx, app_settings(request), current, method)

        return await run_action(change, back=PAGE, notice="billing.paid", problems=_PROBLEMS)

    @get("/invoices/{billing_invoice_id:uuid}/download")
    async def download(self, ctx: Ctx, billing_invoice_id: FromPath[uuid.UUID]) -> Response[str]:
        """Download an invoice."""
        invoice = await subscriptions.get_invoice(ctx, billing_invoice_id)
        return Response(
            render_invoice(ctx.tenant.name, invoice),
            media_type="text/plain; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{invoice.number}.txt"'},
        )


_PROBLEMS = {
    409: "billing.refused",
    422: "billing.refused",
    402: "billing.refused",
    502: "billing.provider_error",
}
