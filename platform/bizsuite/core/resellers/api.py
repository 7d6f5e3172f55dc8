"""Reseller endpoints: the operator's reseller accounts and keys; a reseller's own tenants."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, get, post, put
from litestar.params import FromPath, JSONBody

from bizsuite.core.context import Context, operator_guard, reseller_guard
from bizsuite.core.dependencies import Ctx, app_settings
from bizsuite.core.resellers import services, users
from bizsuite.core.resellers.models import Reseller, ResellerStatus, ResellerUser
from bizsuite.core.resellers.schemas import (
    ProvisionRequest,
    ProvisionResult,
    ResellerCreate,
    ResellerInvoiceList,
    ResellerKeyCreate,
    ResellerKeyOut,
    ResellerList,
    ResellerOut,
    ResellerPlanChange,
    ResellerPlanList,
    ResellerTenantList,
    ResellerTenantOut,
    ResellerUserCreate,
    ResellerUserList,
    ResellerUserOut,
)
from bizsuite.core.tenants.models import TenantStatus


async def _out(ctx: Context, reseller: Reseller) -> ResellerOut:
    return ResellerOut(
        id=reseller.id,
        slug=reseller.slug,
        name=reseller.name,
        max_tenants=reseller.max_tenants,
        status=reseller.status,
        tenants=await services.tenant_count(ctx, reseller.id),
        created_at=reseller.created_at,
        version=reseller.version,
    )


class ResellerAdminController(Controller):
    """Operator API: reseller accounts and their keys."""

    path = "/api/v1/resellers"
    tags = ["resellers"]
    guards = [operator_guard]

    @get(operation_id="list_resellers", summary="List resellers")
    async def list_resellers(self, ctx: Ctx) -> ResellerList:
        """Every reseller, with how many tenants each has."""
        return ResellerList(items=[await _out(ctx, r) for r in await services.list_resellers(ctx)])

    @post(operation_id="create_reseller", summary="Create a reseller")
    async def create_reseller(self, ctx: Ctx, data: JSONBody[ResellerCreate]) -> ResellerOut:
        """Create a reseller account with an allowance of tenants."""
        return await _out(ctx, await services.create_reseller(ctx, data))

    @get("/{reseller_id:uuid}", operation_id="get_reseller", summary="Get a reseller")
    async def get_reseller(self, ctx: Ctx, reseller_id: FromPath[uuid.UUID]) -> ResellerOut:
        """One reseller."""
        return await _out(ctx, await services.get_reseller(ctx, reseller_id))

    @post(
        "/{reseller_id:uuid}/suspend",
        operation_id="suspend_reseller",
        summary="Suspend a reseller",
        status_code=200,
    )
    async def suspend_reseller(self, ctx: Ctx, reseller_id: FromPath[uuid.UUID]) -> ResellerOut:
        """Suspend a reseller: its keys are refused (its tenants keep working)."""
        return await _out(ctx, await services.set_reseller_status(ctx, reseller_id, ResellerStatus.SUSPENDED))

    @post(
        "/{reseller_id:uuid}/resume",
        operation_id="resume_reseller",
        summary="Resume a reseller",
        status_code=200,
    )
    async def resume_reseller(self, ctx: Ctx, reseller_id: FromPath[uuid.UUID]) -> ResellerOut:
        """Resume a suspended reseller."""
        return await _out(ctx, await services.set_reseller_status(ctx, reseller_id, ResellerStatus.ACTIVE))

    @post(
        "/{reseller_id:uuid}/keys",
        operation_id="create_reseller_key",
        summary="Create a reseller API key",
        opt={"shows_secret_once": True},
    )
    async def create_reseller_key(
        self, ctx: Ctx, reseller_id: FromPath[uuid.UUID], data: JSONBody[ResellerKeyCreate]
    ) -> ResellerKeyOut:
        """A new key for the reseller; its secret is in this answer only."""
        key, secret = await services.create_key(ctx, reseller_id, data.name)
        return ResellerKeyOut(
            id=key.id, name=key.name, prefix=key.prefix, created_at=key.created_at, secret=secret
        )

    @post(
        "/{reseller_id:uuid}/users",
        operation_id="create_reseller_user",
        summary="Create a reseller portal user",
        opt={"shows_secret_once": True},
    )
    async def create_reseller_user(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        reseller_id: FromPath[uuid.UUID],
        data: JSONBody[ResellerUserCreate],
    ) -> ResellerUserOut:
        """A person who signs in to the reseller portal (`/reseller/login`) for this reseller.

        With `password`, they can sign in at once. Without it, a one-time link to choose a password
        (valid 7 days) is emailed to them and returned in `set_password_link`, in this answer only.
        409 naming `email` when that email already has a portal account."""
        user, link = await users.create_user(
            ctx, app_settings(request), reseller_id, data, site_url=str(request.base_url)
        )
        return user_out(user, link)

    @get(
        "/{reseller_id:uuid}/users", operation_id="list_reseller_users", summary="List reseller portal users"
    )
    async def list_reseller_users(self, ctx: Ctx, reseller_id: FromPath[uuid.UUID]) -> ResellerUserList:
        """The reseller's portal users."""
        await services.get_reseller(ctx, reseller_id)
        return ResellerUserList(items=[user_out(u) for u in await users.list_users(ctx, reseller_id)])


def user_out(user: ResellerUser, set_password_link: str | None = None) -> ResellerUserOut:
    """A portal user as the operator API shows it."""
    return ResellerUserOut(
        id=user.id,
        reseller_id=user.reseller_id,
        email=user.email,
        name=user.name,
        locale=user.locale,
        active=user.active,
        has_password=user.password_hash is not None,
        created_at=user.created_at,
        set_password_link=set_password_link,
    )


class ResellerPortalController(Controller):
    """A reseller's API: its plans, its tenants (accounts only, never their data)."""

    path = "/api/v1/reseller"
    tags = ["resellers"]
    guards = [reseller_guard]

    @get("/plans", operation_id="list_resale_plans", summary="List plans for resale")
    async def list_resale_plans(self, ctx: Ctx) -> ResellerPlanList:
        """The plans with retail and wholesale price and the margin."""
        return ResellerPlanList(items=await services.plans_for_resale(ctx))

    @get("/tenants", operation_id="list_reseller_tenants", summary="List my tenants")
    async def list_reseller_tenants(self, ctx: Ctx) -> ResellerTenantList:
        """The reseller's tenants with plan, phase, seats and open invoices."""
        return ResellerTenantList(items=await services.list_own_tenants(ctx))

    @post("/tenants", operation_id="create_reseller_tenant", summary="Provision a tenant")
    async def create_reseller_tenant(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[ProvisionRequest]
    ) -> ProvisionResult:
        """Create a tenant from a blueprint on a plan; its first owner is invited by email."""
        tenant, created = await services.provision(
            ctx, app_settings(request), data, site_url=str(request.base_url)
        )
        return ProvisionResult(
            tenant=await services.describe_tenant(ctx, tenant),
            invitation_sent_to=data.owner_email,
            created=created,
        )

    @get("/tenants/{tenant_id:uuid}", operation_id="get_reseller_tenant", summary="Get one of my tenants")
    async def get_reseller_tenant(self, ctx: Ctx, tenant_id: FromPath[uuid.UUID]) -> ResellerTenantOut:
        """One of the reseller's tenants (404 for anyone else's)."""
        return await services.describe_tenant(ctx, await services.own_tenant(ctx, tenant_id))

    @post(
        "/tenants/{tenant_id:uuid}/suspend",
        operation_id="suspend_reseller_tenant",
        summary="Suspend one of my tenants",
        status_code=200,
    )
    async def suspend_reseller_tenant(self, ctx: Ctx, tenant_id: FromPath[uuid.UUID]) -> ResellerTenantOut:
        """Suspend the tenant: its users and keys are refused until resumed."""
        tenant = await services.set_own_tenant_status(ctx, tenant_id, TenantStatus.SUSPENDED)
        return await services.describe_tenant(ctx, tenant)

    @post(
        "/tenants/{tenant_id:uuid}/resume",
        operation_id="resume_reseller_tenant",
        summary="Resume one of my tenants",
        status_code=200,
    )
    async def resume_reseller_tenant(self, ctx: Ctx, tenant_id: FromPath[uuid.UUID]) -> ResellerTenantOut:
        """Resume a suspended tenant."""
        tenant = await services.set_own_tenant_status(ctx, tenant_id, TenantStatus.ACTIVE)
        return await services.describe_tenant(ctx, tenant)

    @put(
        "/tenants/{tenant_id:uuid}/plan",
        operation_id="change_reseller_tenant_plan",
        summary="Change a tenant's plan",
    )
    async def change_reseller_tenant_plan(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        tenant_id: FromPath[uuid.UUID],
        data: JSONBody[ResellerPlanChange],
    ) -> ResellerTenantOut:
        """Move the tenant to another plan (and seat count), prorated."""
        tenant, _prorated = await services.move_own_tenant(ctx, app_settings(request), tenant_id, data)
        return await services.describe_tenant(ctx, tenant)

    @get(
        "/tenants/{tenant_id:uuid}/invoices",
        operation_id="list_reseller_tenant_invoices",
        summary="A tenant's invoices",
    )
    async def list_reseller_tenant_invoices(
        self, ctx: Ctx, tenant_id: FromPath[uuid.UUID]
    ) -> ResellerInvoiceList:
        """The tenant's invoices (numbers, amounts, status)."""
        return ResellerInvoiceList(items=await services.own_invoices(ctx, tenant_id))
