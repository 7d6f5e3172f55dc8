"""A tenant's subscription: plan assignment, seats, upgrades, cancellation, payment states, and
keeping ``tenants.entitlements`` (what the kernel checks) in step with every change."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from bizsuite.core.billing import rules
from bizsuite.core.billing.entitlements import check_limit, limit_of
from bizsuite.core.billing.gateway import StripeGateway, stripe_plan_id
from bizsuite.core.billing.models import (
    Addon,
    AddonKind,
    BillingInterval,
    BillingProvider,
    Invoice,
    InvoiceStatus,
    Plan,
    Subscription,
    SubscriptionAddon,
    SubscriptionStatus,
)
from bizsuite.core.billing.rules import Figure
from bizsuite.core.billing.schemas import PlanAssignment, PlanChange
from bizsuite.core.billing.services.plans import current_plan
from bizsuite.core.clock import real_now, tenant_now
from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import bind_tenant
from bizsuite.core.errors import ConflictProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.identity.models import Invitation, Membership
from bizsuite.core.repository import list_page
from bizsuite.core.tenants.models import Tenant
from bizsuite.settings import Settings


def gateway_of(settings: Settings) -> StripeGateway | None:
    """Stripe, when a key is set; ``None`` is offline mode (the operator records payments)."""
    return StripeGateway(settings) if settings.stripe_secret_key else None


def entitlements_of(plan: Plan, sub: Subscription, addons: Sequence[rules.AddonLine] = ()) -> dict[str, Any]:
    """The snapshot the kernel checks on each request (``tenants.entitlements``): the plan with
    the add-ons' modules, seats and limits. (The meter adds ``usage`` to it, see ``metering.py``.)"""
    lapse = rules.lapse_start(sub.status.value, sub.trial_end, sub.past_due_since)
    modules, seats, limits = rules.entitled(
        plan.modules,
        sub.seats,
        {
            "accounts": plan.max_accounts,
            "storage_mb": plan.max_storage_mb,
            "api_calls_month": plan.max_api_calls_month,
            "venues": plan.max_venues,
        },
        addons,
    )
    return {
        "plan": plan.code,
        "plan_name": plan.name,
        "plan_version": plan.version,
        "modules": modules,
        "seats": seats,
        "limits": limits,
        "status": sub.status.value,
        "lapse": lapse.isoformat() if lapse else None,
    }


@dataclass(slots=True)
class Current:
    """A tenant with its subscription and plan version."""

    tenant: Tenant
    subscription: Subscription
    plan: Plan
    #: The add-ons the subscription carries, by code.
    addons: list[tuple[SubscriptionAddon, Addon]] = field(default_factory=list)

    def addon_lines(self) -> list[rules.AddonLine]:
        """The add-ons as the rules see them."""
        return [
            rules.AddonLine(
                code=addon.code,
                kind=addon.kind.value,
                amount=addon.amount,
                module=addon.module,
                quantity=row.quantity,
                price_month=addon.price_month,
                price_year=addon.price_year,
            )
            for row, addon in self.addons
        ]

    def modules(self) -> list[str]:
        """The modules the plan and its module add-ons open."""
        return rules.entitled(self.plan.modules, self.subscription.seats, {}, self.addon_lines())[0]

    def extra_seats(self) -> int:
        """Seats the seat packs add to those bought."""
        return sum(line.amount * line.quantity for line in self.addon_lines() if line.kind == "seats")


async def lock(ctx: Context, tenant_id: uuid.UUID) -> Tenant | None:
    """Lock the tenant's row for this transaction and read it afresh: billing changes to one tenant
    (webhooks, the janitor, the tenant's own requests) run one after another, never interleaved."""
    # FOR NO KEY UPDATE: foreign-key checks of rows that refer to the tenant (audit entries, events)
    # take KEY SHARE locks, which this one does not wait for.
    return await ctx.session.get(
        Tenant, tenant_id, with_for_update={"key_share": True}, populate_existing=True
    )


async def tenant_for(ctx: Context, tenant_id: uuid.UUID) -> Tenant:
    """The tenant (404 if none), locked, with the session bound to it."""
    tenant = await lock(ctx, tenant_id)
    if tenant is None:
        raise NotFoundProblem(f"No tenant with id {tenant_id}.")
    await bind_tenant(ctx.session, tenant.id)
    return tenant


async def find(ctx: Context, tenant: Tenant) -> Current | None:
    """The tenant's subscription and plan (the session must be bound to the tenant)."""
    row = (
        await ctx.session.execute(
            select(Subscription, Plan)
            .join(Plan, Plan.id == Subscription.plan_id)
            .where(Subscription.tenant_id == tenant.id)
        )
    ).first()
    if row is None:
        return None
    addons = (
        await ctx.session.execute(
            select(SubscriptionAddon, Addon)
            .join(Addon, Addon.id == SubscriptionAddon.addon_id)
            .order_by(Addon.code)
        )
    ).all()
    return Current(tenant, row[0], row[1], [(a, b) for a, b in addons])


async def require(ctx: Context, tenant: Tenant, *, for_change: bool = False) -> Current:
    """The tenant's subscription, or 404 (no subscription: the operator assigns plans); with
    ``for_change``, the tenant row is locked first (see :func:`lock`)."""
    if for_change:
        tenant = await lock(ctx, tenant.id) or tenant
    current = await find(ctx, tenant)
    if current is None:
        raise NotFoundProblem("This tenant has no subscription; the operator assigns plans.")
    return current


def _publish(current: Current) -> None:
    published = entitlements_of(current.plan, current.subscription, current.addon_lines())
    usage = (current.tenant.entitlements or {}).get("usage")
    if usage is not None:
        published["usage"] = usage  # the meter's, kept across plan changes
    current.tenant.entitlements = published


def _audit(ctx: Context, current: Current, action: str, before: dict[str, Any] | None) -> None:
    ctx.audit(
        f"subscription.{action}", current.subscription, before=before, after=snapshot(current.subscription)
    )


async def seats_in_use(ctx: Context) -> int:
    """Members plus pending invitations (an invitation holds its seat until it lapses)."""
    members = await ctx.session.scalar(select(func.count()).select_from(Membership)) or 0
    pending = (
        await ctx.session.scalar(
            select(func.count())
            .select_from(Invitation)
            .where(
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > real_now(),
            )
        )
        or 0
    )
    return int(members) + int(pending)


async def check_seat_for_invitation(ctx: Context) -> None:
    """Refuse an invitation when every seat of the plan is taken (402 with the limit and usage)."""
    if limit_of(ctx.tenant, "seats") is None:
        return
    check_limit(ctx.tenant, "seats", await seats_in_use(ctx))


def _unit_price(plan: Plan, interval: BillingInterval) -> Any:
    return plan.price_year if interval is BillingInterval.YEAR else plan.price_month


async def _next_number(ctx: Context, tenant: Tenant) -> str:
    count = await ctx.session.scalar(select(func.count()).select_from(Invoice)) or 0
    return f"INV-{tenant_now(tenant):%Y}-{int(count) + 1:05d}"


async def _offline_invoice(
    ctx: Context, current: Current, figure: Figure, description: str, *, status: InvoiceStatus
) -> Invoice:
    sub = current.subscription
    invoice = Invoice(
        number=await _next_number(ctx, current.tenant),
        status=status,
        amount=figure.amount,
        currency=current.plan.currency,
        period_start=sub.current_period_start,
        period_end=sub.current_period_end,
        description=description,
        lines=[
            {
                "description": description,
                "amount": str(figure.amount),
                "formula": figure.formula,
                "inputs": figure.inputs,
            }
        ],
        paid_at=real_now() if status is InvoiceStatus.PAID else None,
    )
    ctx.session.add(invoice)
    await ctx.session.flush()
    return invoice


async def assign_plan(
    ctx: Context, settings: Settings, tenant_id: uuid.UUID, data: PlanAssignment
) -> Current:
    """Put a tenant on a plan's current version (operator or reseller), or move it to another."""
    tenant = await tenant_for(ctx, tenant_id)
    existing = await find(ctx, tenant)
    if existing is not None:
        await change_plan(ctx, settings, existing, PlanChange(plan=data.plan, interval=data.interval))
        if data.seats != existing.subscription.seats:
            await change_seats(ctx, settings, existing, data.seats)
        return existing
    plan = await current_plan(ctx, data.plan)
    if plan.seats is not None and data.seats > plan.seats:
        raise ValidationProblem.for_field("seats", f"the plan allows at most {plan.seats} seats")
    now = tenant_now(tenant)
    trial = data.trial and plan.trial_days > 0
    trial_end = now + dt.timedelta(days=plan.trial_days) if trial else None
    gateway = gateway_of(settings)
    sub = Subscription(
        plan_id=plan.id,
        status=SubscriptionStatus.TRIAL if trial else SubscriptionStatus.ACTIVE,
        interval=data.interval,
        provider=BillingProvider.STRIPE if gateway else BillingProvider.OFFLINE,
        seats=data.seats,
        trial_end=trial_end,
        current_period_start=now,
        current_period_end=rules.add_period(trial_end or now, data.interval.value)
        if not trial
        else trial_end,
    )
    ctx.session.add(sub)
    await ctx.session.flush()
    current = Current(tenant, sub, plan)
    tenant.modules = sorted(set(plan.modules))
    if gateway is not None:
        customer = await gateway.create_customer(name=tenant.name, email=None, tenant_id=str(tenant.id))
        sub.stripe_customer_id = customer["id"]
        if data.payment_method:
            await gateway.set_payment_method(customer["id"], data.payment_method)
        stripe_plan = await _ensure_stripe_plan(gateway, plan, data.interval)
        remote = await gateway.create_subscription(
            customer_id=customer["id"],
            plan_id=stripe_plan,
            seats=data.seats,
            trial_end=int(trial_end.timestamp()) if trial_end else None,
            tenant_id=str(tenant.id),
        )
        sub.stripe_subscription_id = remote["id"]
        await sync_from_stripe(ctx, gateway, current, audit=False)
    elif not trial:
        price = rules.price_for(plan.price_month, plan.price_year, data.interval.value, data.seats)
        await _offline_invoice(
            ctx, current, price, f"{plan.name} ({data.interval.value})", status=InvoiceStatus.OPEN
        )
    _publish(current)
    await ctx.session.flush()
    _audit(ctx, current, "created", None)
    return current


async def _ensure_stripe_plan(gateway: StripeGateway, plan: Plan, interval: BillingInterval) -> str:
    return await gateway.ensure_plan(
        code=plan.code,
        version=plan.version,
        name=plan.name,
        interval=interval.value,
        unit_price=_unit_price(plan, interval),
        currency=plan.currency,
    )


def _period(current: Current) -> tuple[dt.datetime, dt.datetime] | None:
    sub = current.subscription
    if sub.current_period_start is None or sub.current_period_end is None:
        return None
    return sub.current_period_start, sub.current_period_end


async def change_seats(ctx: Context, settings: Settings, current: Current, seats: int) -> Figure | None:
    """Buy or release seats: prorated for the rest of the period (the figure says how)."""
    sub, plan = current.subscription, current.plan
    if plan.seats is not None and seats > plan.seats:
        raise ValidationProblem.for_field("seats", f"the plan {plan.name} allows at most {plan.seats} seats")
    used = await seats_in_use(ctx)
    if seats + current.extra_seats() < used:
        raise ConflictProblem.for_field("seats", f"{used} seats are in use (members and pending invitations)")
    if seats == sub.seats:
        raise ConflictProblem.for_field("seats", f"the subscription already has {seats} seats")
    before = snapshot(sub)
    period = _period(current)
    figure = (
        rules.proration(
            unit_price=_unit_price(plan, sub.interval),
            old_seats=sub.seats,
            new_seats=seats,
            period_start=period[0],
            period_end=period[1],
            now=tenant_now(current.tenant),
        )
        if period is not None and sub.status is not SubscriptionStatus.TRIAL
        else None
    )
    gateway = gateway_of(settings)
    if gateway is not None and sub.stripe_subscription_id:
        await gateway.update_subscription(sub.stripe_subscription_id, seats=seats)
        await sync_from_stripe(ctx, gateway, current, audit=False)
    sub.seats = seats
    if gateway is None and figure is not None and figure.amount != 0:
        status = InvoiceStatus.OPEN if figure.amount > 0 else InvoiceStatus.PAID
        await _offline_invoice(
            ctx, current, figure, f"Seats {before['seats']} → {seats} (prorated)", status=status
        )
    _publish(current)
    await ctx.session.flush()
    _audit(ctx, current, "updated", before)
    return figure


async def change_plan(ctx: Context, settings: Settings, current: Current, data: PlanChange) -> Figure | None:
    """Upgrade or downgrade to a plan's current version, prorated for the rest of the period."""
    sub, old = current.subscription, current.plan
    new = await current_plan(ctx, data.plan)
    interval = data.interval if isinstance(data.interval, BillingInterval) else sub.interval
    if new.id == old.id and interval is sub.interval:
        raise ConflictProblem.for_field("plan", f"the subscription is already on {new.name} v{new.version}")
    if new.seats is not None and sub.seats > new.seats:
        raise ConflictProblem.for_field("plan", f"{new.name} allows {new.seats} seats; release seats first")
    before = snapshot(sub)
    period = _period(current)
    figure = (
        rules.plan_change_proration(
            old_price=_unit_price(old, sub.interval),
            new_price=_unit_price(new, interval),
            seats=sub.seats,
            period_start=period[0],
            period_end=period[1],
            now=tenant_now(current.tenant),
        )
        if period is not None and sub.status is not SubscriptionStatus.TRIAL and interval is sub.interval
        else None
    )
    sub.plan_id, sub.interval = new.id, interval
    current.plan = new
    current.tenant.modules = current.modules()
    gateway = gateway_of(settings)
    if gateway is not None and sub.stripe_subscription_id:
        stripe_plan = await _ensure_stripe_plan(gateway, new, interval)
        # Stripe prorates the change itself (on the next invoice); our figure shows the amount.
        await gateway.update_subscription(sub.stripe_subscription_id, plan_id=stripe_plan)
        await sync_from_stripe(ctx, gateway, current, audit=False)
    elif figure is not None and figure.amount != 0:
        status = InvoiceStatus.OPEN if figure.amount > 0 else InvoiceStatus.PAID
        await _offline_invoice(ctx, current, figure, f"{old.name} → {new.name} (prorated)", status=status)
    _publish(current)
    await ctx.session.flush()
    _audit(ctx, current, "updated", before)
    return figure


async def set_cancel_at_period_end(ctx: Context, settings: Settings, current: Current, cancel: bool) -> None:
    """Cancel at the end of the period (access stays until then), or keep the subscription."""
    sub = current.subscription
    if sub.status is SubscriptionStatus.CANCELED:
        raise ConflictProblem("The subscription is already canceled.")
    before = snapshot(sub)
    gateway = gateway_of(settings)
    if gateway is not None and sub.stripe_subscription_id:
        await gateway.cancel_at_period_end(sub.stripe_subscription_id, cancel)
        await sync_from_stripe(ctx, gateway, current, audit=False)
    sub.cancel_at_period_end = cancel
    _publish(current)
    await ctx.session.flush()
    _audit(ctx, current, "updated", before)


async def set_status(ctx: Context, current: Current, status: SubscriptionStatus) -> None:
    """Offline billing: the operator records a payment (active), a failed one (past due), a
    suspension or a cancellation. Paying settles the open invoices."""
    sub = current.subscription
    if sub.provider is BillingProvider.STRIPE:
        raise ConflictProblem.for_field("status", "Stripe decides this subscription's status")
    before = snapshot(sub)
    now = tenant_now(current.tenant)
    sub.status = status
    if status is SubscriptionStatus.PAST_DUE:
        sub.past_due_since = sub.past_due_since or now
    else:
        sub.past_due_since = None
    if status is SubscriptionStatus.ACTIVE:
        if sub.trial_end is not None and sub.trial_end > now:
            sub.trial_end = now
        for invoice in await ctx.session.scalars(select(Invoice).where(Invoice.status == InvoiceStatus.OPEN)):
            invoice.status, invoice.paid_at = InvoiceStatus.PAID, real_now()
    if status is SubscriptionStatus.CANCELED:
        sub.canceled_at = now
    _publish(current)
    await ctx.session.flush()
    _audit(ctx, current, "status_changed", before)


async def pay(ctx: Context, settings: Settings, current: Current, payment_method: str | None) -> None:
    """Stripe: set the card (if given) and retry the open invoices now; then read the state back."""
    gateway = gateway_of(settings)
    sub = current.subscription
    if gateway is None or not sub.stripe_customer_id:
        raise ConflictProblem("Payments are recorded by your provider (offline billing).")
    if payment_method:
        await gateway.set_payment_method(sub.stripe_customer_id, payment_method)
    for invoice in await gateway.list_invoices(sub.stripe_customer_id):
        if invoice.get("status") == "open":
            await gateway.pay_invoice(invoice["id"])
    await sync_from_stripe(ctx, gateway, current)


async def bill_period(ctx: Context, settings: Settings, current: Current) -> None:
    """Bill the next period now (a renewal; the demo and tests use it to make a payment happen)."""
    gateway = gateway_of(settings)
    sub, plan = current.subscription, current.plan
    price = rules.price_for(
        plan.price_month, plan.price_year, sub.interval.value, sub.seats, current.addon_lines()
    )
    if gateway is not None and sub.stripe_customer_id and sub.stripe_subscription_id:
        await gateway.invoice_subscription(
            customer_id=sub.stripe_customer_id, subscription_id=sub.stripe_subscription_id
        )
        await sync_from_stripe(ctx, gateway, current)
        return
    await _offline_invoice(
        ctx, current, price, f"{plan.name} ({sub.interval.value})", status=InvoiceStatus.OPEN
    )


_INVOICE_STATUS = {s.value: s for s in InvoiceStatus}


async def sync_from_stripe(
    ctx: Context, gateway: StripeGateway, current: Current, *, audit: bool = True
) -> bool:
    """Take the subscription's state from Stripe's current objects (whatever order events came
    in) and mirror its invoices; return whether anything changed."""
    sub = current.subscription
    if not sub.stripe_subscription_id or not sub.stripe_customer_id:
        return False
    remote = await gateway.retrieve_subscription(sub.stripe_subscription_id)
    invoices = await gateway.list_invoices(sub.stripe_customer_id)
    mine = [inv for inv in invoices if inv.get("subscription") in (None, sub.stripe_subscription_id)]
    state = rules.stripe_state(remote, mine, real_now())
    before = snapshot(sub)
    sub.status = SubscriptionStatus(state.status)
    sub.seats = state.seats
    sub.trial_end = state.trial_end
    if state.period_start is not None and state.status != "trial":
        sub.current_period_start, sub.current_period_end = state.period_start, state.period_end
    elif state.status == "trial":
        sub.current_period_start, sub.current_period_end = sub.current_period_start, state.trial_end
    sub.cancel_at_period_end = state.cancel_at_period_end
    if state.status == "past_due":
        sub.past_due_since = sub.past_due_since or state.unpaid_since or real_now()
    else:
        sub.past_due_since = None
    if state.status == "canceled" and sub.canceled_at is None:
        sub.canceled_at = real_now()
    remote_plan = (remote.get("plan") or {}).get("id")
    if remote_plan and remote_plan != stripe_plan_id(
        current.plan.code, current.plan.version, sub.interval.value
    ):
        moved = await _plan_for_stripe_id(ctx, remote_plan)
        if moved is not None:
            sub.plan_id, current.plan = moved.id, moved
            current.tenant.modules = current.modules()
    await _mirror_invoices(ctx, current, mine)
    sub.synced_at = real_now()
    _publish(current)
    await ctx.session.flush()
    after = snapshot(sub)
    keys = ("status", "seats", "plan_id", "past_due_since", "cancel_at_period_end", "trial_end")
    changed = any(before.get(k) != after.get(k) for k in keys)
    if audit and changed:
        _audit(ctx, current, "updated", before)
    return changed


async def _plan_for_stripe_id(ctx: Context, remote_plan: str) -> Plan | None:
    for plan in await ctx.session.scalars(select(Plan)):
        for interval in BillingInterval:
            if stripe_plan_id(plan.code, plan.version, interval.value) == remote_plan:
                return plan
    return None


async def _mirror_invoices(ctx: Context, current: Current, invoices: list[dict[str, Any]]) -> None:
    ids = [inv["id"] for inv in invoices]
    if not ids:
        return
    known = {
        inv.stripe_invoice_id: inv
        for inv in await ctx.session.scalars(select(Invoice).where(Invoice.stripe_invoice_id.in_(ids)))
    }
    for remote in sorted(invoices, key=lambda inv: inv.get("created") or 0):
        currency = str(remote.get("currency") or current.plan.currency).upper()
        amount = rules.from_minor(int(remote.get("total") or 0), currency)
        status = _INVOICE_STATUS.get(str(remote.get("status")), InvoiceStatus.OPEN)
        paid_ts = (remote.get("status_transitions") or {}).get("paid_at")
        lines = [
            {
                "description": line.get("description") or "",
                "amount": str(rules.from_minor(int(line.get("amount") or 0), currency)),
                "formula": (
                    f"{line.get('quantity') or 1} × "
                    f"{rules.from_minor(int((line.get('plan') or {}).get('amount') or 0), currency)}"
                    if line.get("plan")
                    else ""
                ),
            }
            for line in (remote.get("lines") or {}).get("data", [])
        ]
        invoice = known.get(remote["id"])
        if invoice is None:
            invoice = Invoice(
                number=str(remote.get("number") or remote["id"]),
                stripe_invoice_id=remote["id"],
                currency=currency,
                status=status,
                amount=amount,
            )
            ctx.session.add(invoice)
        invoice.status, invoice.amount, invoice.lines = status, amount, lines
        invoice.period_start = _ts(remote.get("period_start"))
        invoice.period_end = _ts(remote.get("period_end"))
        invoice.description = str(remote.get("description") or "")
        invoice.paid_at = _ts(paid_ts)
    await ctx.session.flush()


def _ts(value: Any) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(int(value), dt.UTC) if value else None


async def list_invoices(ctx: Context, *, limit: int, cursor: str | None) -> tuple[list[Invoice], str | None]:
    """A page of the tenant's invoices, newest first."""
    return await list_page(ctx.session, select(Invoice), Invoice, limit=limit, cursor=cursor, descending=True)


async def get_invoice(ctx: Context, invoice_id: uuid.UUID) -> Invoice:
    """One of the tenant's invoices, or 404."""
    invoice = await ctx.session.scalar(select(Invoice).where(Invoice.id == invoice_id))
    if invoice is None:
        raise NotFoundProblem(f"No invoice with id {invoice_id}.")
    return invoice


def _without_usage(entitlements: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if entitlements is None else {k: v for k, v in entitlements.items() if k != "usage"}


async def subscribed_tenants(ctx: Context) -> list[uuid.UUID]:
    """Every tenant with a subscription (their entitlements are set)."""
    return list(await ctx.session.scalars(select(Tenant.id).where(Tenant.entitlements.is_not(None))))


async def reconcile(ctx: Context, settings: Settings) -> tuple[int, int]:
    """The janitor: re-read every Stripe subscription and apply what time decided (cancellations
    at period end, offline); repairs drift from missed or failed webhooks. Returns (checked, changed)."""
    gateway = gateway_of(settings)
    checked = changed = 0
    for tenant_id in await subscribed_tenants(ctx):
        tenant = await tenant_for(ctx, tenant_id)
        current = await find(ctx, tenant)
        if current is None:
            continue
        checked += 1
        sub = current.subscription
        if gateway is not None and sub.stripe_subscription_id:
            changed += int(await sync_from_stripe(ctx, gateway, current))
            continue
        now = tenant_now(tenant)
        if (
            sub.cancel_at_period_end
            and sub.current_period_end is not None
            and sub.current_period_end <= now
            and sub.status is not SubscriptionStatus.CANCELED
        ):
            await set_status(ctx, current, SubscriptionStatus.CANCELED)
            changed += 1
        elif _without_usage(tenant.entitlements) != entitlements_of(current.plan, sub, current.addon_lines()):
            _publish(current)
            changed += 1
    await ctx.session.flush()
    return checked, changed


async def set_addon(
    ctx: Context, settings: Settings, current: Current, addon: Addon, quantity: int
) -> Figure | None:
    """Carry ``quantity`` units of an add-on (0 removes it): the limits, seats and modules follow at
    once, prorated for the rest of the period like seats (an invoice, or a credit, offline; a
    subscription item in Stripe)."""
    sub = current.subscription
    if sub.status is SubscriptionStatus.CANCELED:
        raise ConflictProblem("The subscription is canceled.")
    row = next((r for r, a in current.addons if a.id == addon.id), None)
    old = row.quantity if row is not None else 0
    if quantity == old:
        raise ConflictProblem.for_field("quantity", f"the subscription already carries {old} of {addon.name}")
    if addon.kind is AddonKind.MODULE and quantity > 1:
        raise ValidationProblem.for_field("quantity", "a module add-on is carried once (quantity 1)")
    if addon.kind is AddonKind.SEATS and quantity < old:
        used = await seats_in_use(ctx)
        seats_after = sub.seats + current.extra_seats() - addon.amount * (old - quantity)
        if seats_after < used:
            raise ConflictProblem.for_field(
                "quantity",
                f"{used} seats are in use (members and pending invitations); {seats_after} would remain",
            )
    if addon.currency != current.plan.currency:
        raise ValidationProblem.for_field(
            "addon", f"{addon.name} is priced in {addon.currency}, the plan in {current.plan.currency}"
        )
    before = snapshot(sub)
    before["addons"] = {a.code: r.quantity for r, a in current.addons}
    period = _period(current)
    figure = (
        rules.proration(
            unit_price=addon.price_year if sub.interval is BillingInterval.YEAR else addon.price_month,
            old_seats=old,
            new_seats=quantity,
            period_start=period[0],
            period_end=period[1],
            now=tenant_now(current.tenant),
        )
        if period is not None and sub.status is not SubscriptionStatus.TRIAL
        else None
    )
    gateway = gateway_of(settings)
    item_id = row.stripe_item_id if row is not None else None
    if gateway is not None and sub.stripe_subscription_id:
        plan_id = await gateway.ensure_addon_plan(
            code=addon.code,
            name=addon.name,
            interval=sub.interval.value,
            unit_price=addon.price_year if sub.interval is BillingInterval.YEAR else addon.price_month,
            currency=addon.currency,
        )
        item_id = await gateway.set_addon_item(
            subscription_id=sub.stripe_subscription_id, plan_id=plan_id, item_id=item_id, quantity=quantity
        )
    if quantity == 0 and row is not None:
        await ctx.session.delete(row)
        current.addons = [(r, a) for r, a in current.addons if r is not row]
    elif row is not None:
        row.quantity, row.stripe_item_id = quantity, item_id
    else:
        row = SubscriptionAddon(addon_id=addon.id, quantity=quantity, stripe_item_id=item_id)
        ctx.session.add(row)
        current.addons = sorted([*current.addons, (row, addon)], key=lambda pair: pair[1].code)
    if gateway is None and figure is not None and figure.amount != 0:
        status = InvoiceStatus.OPEN if figure.amount > 0 else InvoiceStatus.PAID
        await _offline_invoice(
            ctx, current, figure, f"{addon.name} {old} → {quantity} (prorated)", status=status
        )
    current.tenant.modules = current.modules()
    _publish(current)
    await ctx.session.flush()
    after = snapshot(sub)
    after["addons"] = {a.code: r.quantity for r, a in current.addons}
    ctx.audit("subscription.updated", sub, before=before, after=after)
    return figure
