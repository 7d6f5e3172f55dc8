"""Reseller workflows: accounts and keys (operator), provisioning and looking after own tenants."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import func, select

from bizsuite.core.billing import rules
from bizsuite.core.billing.models import Invoice, InvoiceStatus, Plan, SubscriptionStatus
from bizsuite.core.billing.schemas import FigureOut, PlanChange
from bizsuite.core.billing.services import subscriptions
from bizsuite.core.billing.services.usage import usage_against_limits
from bizsuite.core.clock import tenant_now
from bizsuite.core.context import Context
from bizsuite.core.db import bind_tenant
from bizsuite.core.errors import ConflictProblem, NotFoundProblem
from bizsuite.core.identity import security
from bizsuite.core.resellers.auth import new_reseller_key
from bizsuite.core.resellers.models import Reseller, ResellerApiKey, ResellerStatus, ResellerTenant
from bizsuite.core.resellers.schemas import (
    ProvisionRequest,
    ResellerCreate,
    ResellerInvoiceOut,
    ResellerPlanChange,
    ResellerPlanOut,
    ResellerTenantOut,
)
from bizsuite.core.tenants import provisioning
from bizsuite.core.tenants import services as tenants
from bizsuite.core.tenants.models import Tenant, TenantStatus
from bizsuite.settings import Settings

# --- operator --------------------------------------------------------------------------------


async def create_reseller(ctx: Context, data: ResellerCreate) -> Reseller:
    """Create a reseller account (operator)."""
    if await ctx.session.scalar(select(Reseller.id).where(Reseller.slug == data.slug)):
        raise ConflictProblem.for_field("slug", "this slug is already used")
    reseller = Reseller(slug=data.slug, name=data.name, max_tenants=data.max_tenants)
    ctx.session.add(reseller)
    await ctx.session.flush()
    return reseller


async def list_resellers(ctx: Context) -> list[Reseller]:
    """Every reseller, by slug."""
    return list(await ctx.session.scalars(select(Reseller).order_by(Reseller.slug)))


async def get_reseller(ctx: Context, reseller_id: uuid.UUID) -> Reseller:
    """One reseller, or 404."""
    reseller = await ctx.session.get(Reseller, reseller_id)
    if reseller is None:
        raise NotFoundProblem(f"No reseller with id {reseller_id}.")
    return reseller


async def tenant_count(ctx: Context, reseller_id: uuid.UUID) -> int:
    """How many tenants a reseller has."""
    return int(
        await ctx.session.scalar(
            select(func.count()).select_from(ResellerTenant).where(ResellerTenant.reseller_id == reseller_id)
        )
        or 0
    )


async def set_reseller_status(ctx: Context, reseller_id: uuid.UUID, status: ResellerStatus) -> Reseller:
    """Suspend (its keys stop working) or resume a reseller."""
    reseller = await get_reseller(ctx, reseller_id)
    reseller.status = status
    await ctx.session.flush()
    return reseller


async def create_key(ctx: Context, reseller_id: uuid.UUID, name: str) -> tuple[ResellerApiKey, str]:
    """A new key for the reseller; the secret is returned once and never stored."""
    await get_reseller(ctx, reseller_id)
    secret = new_reseller_key()
    key = ResellerApiKey(
        reseller_id=reseller_id, name=name, prefix=secret[:12], key_hash=security.sha256_hex(secret)
    )
    ctx.session.add(key)
    await ctx.session.flush()
    return key, secret


# --- the reseller's own ----------------------------------------------------------------------


def _reseller_id(ctx: Context) -> uuid.UUID:
    reseller_id = ctx.principal.reseller_id
    assert reseller_id is not None, "reseller routes are guarded by reseller_guard"
    return reseller_id


async def own_tenant(ctx: Context, tenant_id: uuid.UUID) -> Tenant:
    """One of the caller's tenants (404 for any other, whoever's it is), with the session bound to it."""
    tenant = await ctx.session.scalar(
        select(Tenant)
        .join(ResellerTenant, ResellerTenant.tenant_id == Tenant.id)
        .where(Tenant.id == tenant_id, ResellerTenant.reseller_id == _reseller_id(ctx))
    )
    if tenant is None:
        raise NotFoundProblem(f"No tenant with id {tenant_id}.")
    await bind_tenant(ctx.session, tenant.id)
    return tenant


async def describe_tenant(ctx: Context, tenant: Tenant) -> ResellerTenantOut:
    """The tenant's account as its reseller sees it (the session must be bound to it)."""
    current = await subscriptions.find(ctx, tenant)
    phase = None
    if current is not None:
        sub = current.subscription
        lapse = rules.lapse_start(sub.status.value, sub.trial_end, sub.past_due_since)
        phase = rules.phase_at(sub.status.value, lapse, tenant_now(tenant)).value
    open_invoices = await ctx.session.scalar(
        select(func.count()).select_from(Invoice).where(Invoice.status == InvoiceStatus.OPEN)
    )
    # The same usage as the tenant's billing page and API: every limit, accounts and venues too.
    usage = await usage_against_limits(ctx, tenant)
    seats_used = next(u.used for u in usage if u.name == "seats") or 0
    margin = None
    wholesale = current.plan.wholesale_price_month if current is not None else None
    if current is not None and wholesale is not None:
        retail, seats = current.plan.price_month, current.subscription.seats
        amount = rules.money(rules.money(retail - wholesale) * seats)
        margin = FigureOut(
            amount=amount,
            formula=f"({rules.money(retail)} − {rules.money(wholesale)}) × {seats} = {amount}",
            inputs={"price_month": str(retail), "wholesale_price_month": str(wholesale), "seats": str(seats)},
        )
    return ResellerTenantOut(
        id=tenant.id,
        slug=tenant.slug,
        name=tenant.name,
        status=tenant.status,
        modules=list(tenant.modules),
        plan=current.plan.code if current else None,
        plan_version=current.plan.version if current else None,
        phase=phase,
        seats=current.subscription.seats if current else None,
        seats_used=seats_used,
        open_invoices=int(open_invoices or 0),
        created_at=tenant.created_at,
        usage=usage,
        margin_month=margin,
    )


async def list_own_tenants(ctx: Context) -> list[ResellerTenantOut]:
    """The caller's tenants, newest first."""
    tenant_ids = list(
        await ctx.session.scalars(
            select(ResellerTenant.tenant_id)
            .where(ResellerTenant.reseller_id == _reseller_id(ctx))
            .order_by(ResellerTenant.created_at.desc())
        )
    )
    found = []
    for tenant_id in tenant_ids:
        found.append(await describe_tenant(ctx, await own_tenant(ctx, tenant_id)))
    return found


async def provision(
    ctx: Context, settings: Settings, data: ProvisionRequest, *, site_url: str
) -> tuple[Tenant, list[str]]:
    """Create a tenant from a blueprint in ``tenants/`` on a plan, and invite its first owner."""
    reseller_id = _reseller_id(ctx)
    reseller = await ctx.session.get(Reseller, reseller_id, with_for_update={"key_share": True})
    assert reseller is not None
    if reseller.max_tenants is not None and await tenant_count(ctx, reseller_id) >= reseller.max_tenants:
        raise ConflictProblem.for_field(
            "slug", f"the allowance of {reseller.max_tenants} tenants is used up; ask the operator for more"
        )
    made = await provisioning.provision(
        ctx,
        settings,
        provisioning.Order(
            blueprint=data.blueprint,
            slug=data.slug,
            name=data.name,
            plan=data.plan,
            seats=data.seats,
            trial=data.trial,
            owner_email=data.owner_email,
            inviter=reseller.name,
        ),
        source=f"reseller:{reseller.slug}",
        site_url=site_url,
    )
    ctx.session.add(ResellerTenant(tenant_id=made.tenant.id, reseller_id=reseller_id))
    await ctx.session.flush()
    return made.tenant, made.created


async def set_own_tenant_status(ctx: Context, tenant_id: uuid.UUID, status: TenantStatus) -> Tenant:
    """Suspend or resume one of the caller's tenants."""
    await own_tenant(ctx, tenant_id)
    return await tenants.set_tenant_status(ctx, tenant_id, status)


async def own_invoices(ctx: Context, tenant_id: uuid.UUID) -> list[ResellerInvoiceOut]:
    """One of the caller's tenants' invoices, newest first (amounts and status only)."""
    await own_tenant(ctx, tenant_id)
    rows = await ctx.session.scalars(select(Invoice).order_by(Invoice.created_at.desc(), Invoice.id.desc()))
    return [
        ResellerInvoiceOut(
            id=i.id,
            number=i.number,
            status=i.status,
            amount=i.amount,
            currency=i.currency,
            created_at=i.created_at,
        )
        for i in rows
    ]


async def plans_for_resale(ctx: Context) -> list[ResellerPlanOut]:
    """The plans' current versions with retail and wholesale price and the monthly margin per seat."""
    from bizsuite.core.billing.services.plans import list_plans

    found = []
    for plan in await list_plans(ctx):
        margin = None
        if plan.wholesale_price_month is not None:
            amount = rules.money(plan.price_month - plan.wholesale_price_month)
            margin = FigureOut(
                amount=amount,
                formula=f"{rules.money(plan.price_month)} − {rules.money(plan.wholesale_price_month)} = {amount}",
                inputs={
                    "price_month": str(plan.price_month),
                    "wholesale_price_month": str(plan.wholesale_price_month),
                },
            )
        found.append(
            ResellerPlanOut(
                code=plan.code,
                version=plan.version,
                name=plan.name,
                modules=list(plan.modules),
                currency=plan.currency,
                trial_days=plan.trial_days,
                seats=plan.seats,
                price_month=plan.price_month,
                wholesale_price_month=plan.wholesale_price_month,
                margin_month=margin,
            )
        )
    return found


def _figure_out(figure: rules.Figure) -> FigureOut:
    return FigureOut(amount=figure.amount, formula=figure.formula, inputs=figure.inputs)


async def move_own_tenant(
    ctx: Context, settings: Settings, tenant_id: uuid.UUID, data: ResellerPlanChange
) -> tuple[Tenant, list[FigureOut]]:
    """Move one of the caller's tenants to another plan (its current version) and seat count,
    prorated by billing; return the tenant and the prorations charged or credited."""
    tenant = await own_tenant(ctx, tenant_id)
    current = await subscriptions.require(ctx, tenant, for_change=True)
    figures = []
    if data.plan != current.plan.code or current.plan.superseded_at is not None:
        figures.append(await subscriptions.change_plan(ctx, settings, current, PlanChange(plan=data.plan)))
    if data.seats is not None and data.seats != current.subscription.seats:
        figures.append(await subscriptions.change_seats(ctx, settings, current, data.seats))
    return current.tenant, [_figure_out(f) for f in figures if f is not None]


async def preview_move(ctx: Context, tenant_id: uuid.UUID, data: ResellerPlanChange) -> list[FigureOut]:
    """What :func:`move_own_tenant` would prorate now, by billing's rules (nothing is changed):
    the plan's price difference for the days left, then the seat change at the new price. A trial,
    or a subscription without a billing period, prorates nothing."""
    from bizsuite.core.billing.services.plans import current_plan

    tenant = await own_tenant(ctx, tenant_id)
    current = await subscriptions.require(ctx, tenant)
    new = await current_plan(ctx, data.plan)
    sub = current.subscription
    start, end = sub.current_period_start, sub.current_period_end
    if start is None or end is None or sub.status is SubscriptionStatus.TRIAL:
        return []
    interval, now = sub.interval.value, tenant_now(tenant)

    def unit(plan: Plan) -> Decimal:  # one seat's price for the subscription's interval
        return rules.price_for(plan.price_month, plan.price_year, interval, 1).amount

    figures = []
    if new.id != current.plan.id:
        figures.append(
            rules.plan_change_proration(
                old_price=unit(current.plan),
                new_price=unit(new),
                seats=sub.seats,
                period_start=start,
                period_end=end,
                now=now,
            )
        )
    if data.seats is not None and data.seats != sub.seats:
        figures.append(
            rules.proration(
                unit_price=unit(new),
                old_seats=sub.seats,
                new_seats=data.seats,
                period_start=start,
                period_end=end,
                now=now,
            )
        )
    return [_figure_out(f) for f in figures]
