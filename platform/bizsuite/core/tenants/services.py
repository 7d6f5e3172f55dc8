"""Tenant workflows (operator side and the tenant's own settings)."""

from __future__ import annotations

import uuid
import zoneinfo
from typing import Any

import msgspec
from sqlalchemy import exists, select

from bizsuite.core.context import Context, PrincipalKind, snapshot
from bizsuite.core.db import bind_tenant, utcnow
from bizsuite.core.errors import ConflictProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.pagination import keyset, page_of
from bizsuite.core.repository import check_version
from bizsuite.core.tenants.models import Tenant, TenantStatus
from bizsuite.core.tenants.schemas import TenantCreate, TenantUpdate


def validate_time_zone(name: str, *, field: str = "time_zone") -> str:
    """Return ``name`` if it is an IANA time zone, else a 422 naming the field."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationProblem.for_field(field, "unknown time zone") from exc
    return name


async def list_tenants(
    ctx: Context, *, limit: int, cursor: str | None, status: TenantStatus | None = None
) -> tuple[list[Tenant], str | None]:
    """Return a page of all tenants (operator)."""
    statement = select(Tenant)
    if status is not None:
        statement = statement.where(Tenant.status == status)
    rows = (await ctx.session.scalars(keyset(statement, Tenant, limit=limit, cursor=cursor))).all()
    return page_of(rows, limit)


async def get_tenant(ctx: Context, tenant_id: uuid.UUID) -> Tenant:
    """Return one tenant or 404."""
    tenant = await ctx.session.get(Tenant, tenant_id)
    if tenant is None:
        raise NotFoundProblem(f"No tenant with id {tenant_id}.")
    return tenant


async def create_tenant(ctx: Context, data: TenantCreate) -> Tenant:
    """Create a tenant; the slug is unique."""
    validate_time_zone(data.time_zone)
    if await ctx.session.scalar(select(exists().where(Tenant.slug == data.slug))):
        raise ConflictProblem.for_field("slug", "this slug is already used")
    tenant = Tenant(
        name=data.name,
        slug=data.slug,
        locale=data.locale.value,
        time_zone=data.time_zone,
        currency=data.currency,
        modules=sorted({m.value for m in data.modules}),
        sandbox=data.sandbox,
    )
    ctx.session.add(tenant)
    await ctx.session.flush()
    await _audit_in_tenant(ctx, tenant, "tenant.created", None, snapshot(tenant))
    return tenant


async def _audit_in_tenant(
    ctx: Context, tenant: Tenant, action: str, before: dict[str, Any] | None, after: dict[str, Any]
) -> None:
    """Write to the affected tenant's own audit log (operator sessions start without a tenant)."""
    await bind_tenant(ctx.session, tenant.id)
    ctx.audit(action, tenant, before=before, after=after, target_type="tenant")


async def update_tenant(ctx: Context, tenant: Tenant, data: TenantUpdate, if_match: str | None) -> Tenant:
    """Change a tenant's name, locale, time zone, currency or (operator only) modules."""
    if data.modules is not msgspec.UNSET and ctx.principal.kind is not PrincipalKind.OPERATOR:
        raise ValidationProblem.for_field("modules", "modules come with the plan; ask your provider")
    check_version(tenant, if_match)
    before = snapshot(tenant)
    if data.time_zone is not msgspec.UNSET:
        tenant.time_zone = validate_time_zone(data.time_zone)
    if data.name is not msgspec.UNSET:
        tenant.name = data.name
    if data.locale is not msgspec.UNSET:
        tenant.locale = data.locale.value
    if data.currency is not msgspec.UNSET:
        tenant.currency = data.currency
    if data.modules is not msgspec.UNSET:
        tenant.modules = sorted({m.value for m in data.modules})
    await ctx.session.flush()
    await _audit_in_tenant(ctx, tenant, "tenant.updated", before, snapshot(tenant))
    return tenant


async def set_tenant_status(ctx: Context, tenant_id: uuid.UUID, status: TenantStatus) -> Tenant:
    """Suspend or resume a tenant (suspended tenants' keys and sessions are refused)."""
    tenant = await get_tenant(ctx, tenant_id)
    if tenant.status is status:
        raise ConflictProblem(f"The tenant is already {status.value}.")
    before = snapshot(tenant)
    tenant.status = status
    tenant.suspended_at = utcnow() if status is TenantStatus.SUSPENDED else None
    await ctx.session.flush()
    action = "tenant.suspended" if status is TenantStatus.SUSPENDED else "tenant.resumed"
    await _audit_in_tenant(ctx, tenant, action, before, snapshot(tenant))
    return tenant
