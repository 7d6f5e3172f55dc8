"""Tenant endpoints: the operator's registry and the tenant's own settings."""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from litestar import Controller, Request, get, patch, post
from litestar.params import FromPath, FromQuery, JSONBody

from bizsuite.core.context import operator_guard, tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch, app_settings
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.core.tenants import provisioning, services
from bizsuite.core.tenants.models import Tenant, TenantStatus
from bizsuite.core.tenants.provisioning import TenantProvision, TenantProvisioned
from bizsuite.core.tenants.schemas import TenantCreate, TenantOut, TenantPage, TenantUpdate


def _out(tenant: Tenant) -> TenantOut:
    return msgspec.convert(tenant, TenantOut, from_attributes=True)


class TenantController(Controller):
    """Operator API: every tenant on the platform."""

    path = "/api/v1/tenants"
    tags = ["tenants"]
    guards = [operator_guard]

    @get(operation_id="list_tenants", summary="List tenants")
    async def list_tenants(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        status: FromQuery[TenantStatus | None] = None,
    ) -> TenantPage:
        """List tenants, oldest first."""
        rows, next_cursor = await services.list_tenants(ctx, limit=limit, cursor=cursor, status=status)
        return TenantPage(items=[_out(t) for t in rows], next_cursor=next_cursor)

    @post(operation_id="create_tenant", summary="Create a tenant")
    async def create_tenant(self, ctx: Ctx, data: JSONBody[TenantCreate]) -> TenantOut:
        """Create a tenant."""
        return _out(await services.create_tenant(ctx, data))

    @post("/provision", operation_id="provision_tenant", summary="Provision a tenant from a blueprint")
    async def provision_tenant(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[TenantProvision]
    ) -> TenantProvisioned:
        """Create a tenant from a blueprint in `tenants/` (its modules, org units, roles and seed
        data), optionally on a plan; invite its first owner by email and/or mint a first API key
        (role admin), whose secret is in this answer only. A slug in use is 409."""
        made = await provisioning.provision(
            ctx,
            app_settings(request),
            provisioning.Order(
                blueprint=data.blueprint,
                slug=data.slug,
                name=data.name,
                plan=data.plan,
                seats=data.seats,
                trial=data.trial,
                owner_email=data.owner_email,
                api_key=data.api_key,
            ),
            source="operator",
            site_url=str(request.base_url),
        )
        return TenantProvisioned(
            tenant=_out(made.tenant),
            created=made.created,
            invitation_sent_to=made.invitation_sent_to,
            api_key=made.api_key,
        )

    @get("/{tenant_id:uuid}", operation_id="get_tenant", summary="Get a tenant")
    async def get_tenant(self, ctx: Ctx, tenant_id: FromPath[uuid.UUID]) -> TenantOut:
        """Return one tenant."""
        return _out(await services.get_tenant(ctx, tenant_id))

    @patch("/{tenant_id:uuid}", operation_id="update_tenant", summary="Update a tenant")
    async def update_tenant(
        self, ctx: Ctx, tenant_id: FromPath[uuid.UUID], data: JSONBody[TenantUpdate], if_match: IfMatch = None
    ) -> TenantOut:
        """Change a tenant's settings or modules."""
        tenant = await services.get_tenant(ctx, tenant_id)
        return _out(await services.update_tenant(ctx, tenant, data, if_match))

    @post(
        "/{tenant_id:uuid}/suspend",
        operation_id="suspend_tenant",
        summary="Suspend a tenant",
        status_code=200,
    )
    async def suspend_tenant(self, ctx: Ctx, tenant_id: FromPath[uuid.UUID]) -> TenantOut:
        """Suspend a tenant: its users and keys are refused until it is resumed."""
        return _out(await services.set_tenant_status(ctx, tenant_id, TenantStatus.SUSPENDED))

    @post(
        "/{tenant_id:uuid}/resume", operation_id="resume_tenant", summary="Resume a tenant", status_code=200
    )
    async def resume_tenant(self, ctx: Ctx, tenant_id: FromPath[uuid.UUID]) -> TenantOut:
        """Resume a suspended tenant."""
        return _out(await services.set_tenant_status(ctx, tenant_id, TenantStatus.ACTIVE))


class CurrentTenantController(Controller):
    """The caller's own tenant."""

    path = "/api/v1/tenant"
    tags = ["tenants"]
    guards = [tenant_guard]

    @get(operation_id="get_current_tenant", summary="Get my tenant")
    async def get_current_tenant(self, ctx: Ctx) -> TenantOut:
        """Return the caller's tenant and its settings."""
        return _out(ctx.tenant)

    @patch(
        operation_id="update_current_tenant",
        summary="Update my tenant's settings",
        opt={"min_role": Role.ADMIN},
    )
    async def update_current_tenant(
        self, ctx: Ctx, data: JSONBody[TenantUpdate], if_match: IfMatch = None
    ) -> TenantOut:
        """Change the tenant's name, locale, time zone or currency (modules are the plan's)."""
        tenant = await ctx.session.merge(ctx.tenant)
        return _out(await services.update_tenant(ctx, tenant, data, if_match))
