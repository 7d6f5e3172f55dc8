"""Service zones (片区) and their stewards (片区管家)."""

from __future__ import annotations

import uuid

import msgspec
from sqlalchemy import select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ConflictProblem
from bizsuite.core.identity.services import require_member
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.modules.crm.accounts.schemas import ZoneCreate, ZoneOut, ZoneUpdate
from bizsuite.modules.crm.accounts.services._shared import check_org_unit, referenced_by
from bizsuite.modules.crm.models import Zone


def zone_view(zone: Zone) -> ZoneOut:
    """A zone row as the view the API and the pages show."""
    return msgspec.convert(zone, ZoneOut, from_attributes=True)


async def _zone(ctx: Context, zone_id: uuid.UUID) -> Zone:
    return await fetch(ctx.session, Zone, zone_id, what="zone")


async def list_zones(ctx: Context, *, limit: int, cursor: str | None) -> tuple[list[ZoneOut], str | None]:
    """Return a page of the tenant's zones, oldest first."""
    zones, next_cursor = await list_page(ctx.session, select(Zone), Zone, limit=limit, cursor=cursor)
    return [zone_view(z) for z in zones], next_cursor


async def get_zone(ctx: Context, zone_id: uuid.UUID) -> ZoneOut:
    """Return one zone or 404."""
    return zone_view(await _zone(ctx, zone_id))


async def _zone_code_free(ctx: Context, code: str, *, other_than: uuid.UUID | None = None) -> None:
    statement = select(Zone.id).where(Zone.code == code)
    if other_than is not None:
        statement = statement.where(Zone.id != other_than)
    if await ctx.session.scalar(statement) is not None:
        raise ConflictProblem.for_field("code", "a zone with this code already exists")


async def create_zone(ctx: Context, data: ZoneCreate) -> ZoneOut:
    """Create a zone; its owner (片区管家) must be a tenant member."""
    await _zone_code_free(ctx, data.code)
    if data.org_unit_id is not None:
        await check_org_unit(ctx, data.org_unit_id)
    if data.owner_user_id is not None:
        await require_member(ctx, data.owner_user_id, field="owner_user_id")
    zone = Zone(
        code=data.code, name=data.name, org_unit_id=data.org_unit_id, owner_user_id=data.owner_user_id
    )
    ctx.session.add(zone)
    await ctx.session.flush()
    ctx.audit("crm.zone.created", zone, after=snapshot(zone))
    return zone_view(zone)


async def update_zone(ctx: Context, zone_id: uuid.UUID, data: ZoneUpdate, if_match: str | None) -> ZoneOut:
    """Change a zone's code, name, org unit or owner (``null`` clears the org unit or owner)."""
    zone = await _zone(ctx, zone_id)
    check_version(zone, if_match)
    before = snapshot(zone)
    if not isinstance(data.code, msgspec.UnsetType) and data.code != zone.code:
        await _zone_code_free(ctx, data.code, other_than=zone.id)
        zone.code = data.code
    if not isinstance(data.name, msgspec.UnsetType):
        zone.name = data.name
    if not isinstance(data.org_unit_id, msgspec.UnsetType):
        if data.org_unit_id is not None:
            await check_org_unit(ctx, data.org_unit_id)
        zone.org_unit_id = data.org_unit_id
    if not isinstance(data.owner_user_id, msgspec.UnsetType):
        if data.owner_user_id is not None:
            await require_member(ctx, data.owner_user_id, field="owner_user_id")
        zone.owner_user_id = data.owner_user_id
    zone.updated_at = utcnow()
    await ctx.session.flush()
    ctx.audit("crm.zone.updated", zone, before=before, after=snapshot(zone))
    return zone_view(zone)


async def delete_zone(ctx: Context, zone_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a zone no account (or ticket) is in."""
    zone = await _zone(ctx, zone_id)
    check_version(zone, if_match)
    holders = await referenced_by(ctx, Zone.__tablename__, zone.id)
    if holders:
        raise ConflictProblem(
            f"Zone {zone.code} is still used by {', '.join(holders)}; move them to another zone first."
        )
    before = snapshot(zone)
    await ctx.session.delete(zone)
    await ctx.session.flush()
    ctx.audit("crm.zone.deleted", zone, before=before, target_id=zone_id)


async def zone_names(ctx: Context, zone_ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """Names of the given zones (one query)."""
    wanted = {z for z in zone_ids if z is not None}
    if not wanted:
        return {}
    rows = await ctx.session.execute(select(Zone.id, Zone.name).where(Zone.id.in_(wanted)))
    return {row.id: row.name for row in rows}


async def check_zone(ctx: Context, zone_id: uuid.UUID) -> None:
    """422 naming ``zone_id`` unless it is one of the tenant's zones."""
    await fetch_reference(ctx.session, Zone, zone_id, field="zone_id")
