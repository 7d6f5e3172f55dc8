"""Org-unit workflows: create, rename, move (no cycles), archive, restore, delete."""

from __future__ import annotations

import uuid

import msgspec
from sqlalchemy import exists, func, literal_column, select
from sqlalchemy.orm import aliased

from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.org_units.rules import creates_cycle
from bizsuite.core.org_units.schemas import OrgUnitCreate, OrgUnitFilters, OrgUnitMove, OrgUnitUpdate
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.core.webhooks.services import emit_event


async def list_org_units(
    ctx: Context,
    filters: OrgUnitFilters | None = None,
    *,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None = None,
    kind: OrgUnitKind | None = None,
    include_archived: bool = False,
) -> tuple[list[OrgUnit], str | None]:
    """Return a page of the tenant's org units (``filters``, or the single filters as keywords)."""
    if filters is not None:
        parent_id, kind, include_archived = filters.parent_id, filters.kind, filters.include_archived
    statement = select(OrgUnit)
    if parent_id is not None:
        statement = statement.where(OrgUnit.parent_id == parent_id)
    if kind is not None:
        statement = statement.where(OrgUnit.kind == kind)
    if not include_archived:
        statement = statement.where(OrgUnit.archived_at.is_(None))
    return await list_page(ctx.session, statement, OrgUnit, limit=limit, cursor=cursor)


async def get_org_unit(ctx: Context, org_unit_id: uuid.UUID) -> OrgUnit:
    """Return one org unit or 404."""
    return await fetch(ctx.session, OrgUnit, org_unit_id, what="org unit")


async def _active_parent(ctx: Context, parent_id: uuid.UUID) -> OrgUnit:
    parent = await fetch_reference(ctx.session, OrgUnit, parent_id, field="parent_id")
    if parent.archived_at is not None:
        raise ValidationProblem.for_field("parent_id", "the parent org unit is archived")
    return parent


async def _code_taken(ctx: Context, code: str, *, other_than: uuid.UUID | None = None) -> bool:
    statement = select(exists().where(OrgUnit.code == code))
    if other_than is not None:
        statement = select(exists().where(OrgUnit.code == code, OrgUnit.id != other_than))
    return bool(await ctx.session.scalar(statement))


async def create_org_unit(ctx: Context, data: OrgUnitCreate) -> OrgUnit:
    """Create an org unit under an existing, active parent of the same tenant."""
    if data.parent_id is not None:
        await _active_parent(ctx, data.parent_id)
    if await _code_taken(ctx, data.code):
        raise ConflictProblem.for_field("code", "this code is already used")
    unit = OrgUnit(name=data.name, code=data.code, kind=data.kind, parent_id=data.parent_id)
    ctx.session.add(unit)
    await ctx.session.flush()
    ctx.audit("org_unit.created", unit, after=snapshot(unit))
    await emit_event(ctx, "org_unit.created", snapshot(unit))
    return unit


async def update_org_unit(
    ctx: Context, org_unit_id: uuid.UUID, data: OrgUnitUpdate, if_match: str | None
) -> OrgUnit:
    """Rename or re-code an org unit (optimistic concurrency through ``If-Match``)."""
    unit = await get_org_unit(ctx, org_unit_id)
    check_version(unit, if_match)
    before = snapshot(unit)
    if (
        data.code is not msgspec.UNSET
        and data.code != unit.code
        and await _code_taken(ctx, data.code, other_than=unit.id)
    ):
        raise ConflictProblem.for_field("code", "this code is already used")
    for field in ("name", "code", "kind"):
        value = getattr(data, field)
        if value is not msgspec.UNSET:
            setattr(unit, field, value)
    await ctx.session.flush()
    ctx.audit("org_unit.updated", unit, before=before, after=snapshot(unit))
    await emit_event(ctx, "org_unit.updated", snapshot(unit))
    return unit


async def _parent_chain(ctx: Context, parent_id: uuid.UUID) -> list[uuid.UUID]:
    """Return ``parent_id`` and all its ancestors (one recursive query)."""
    chain = (
        select(OrgUnit.id, OrgUnit.parent_id, literal_column("1").label("depth"))
        .where(OrgUnit.id == parent_id)
        .cte("chain", recursive=True)
    )
    up = aliased(OrgUnit)
    chain = chain.union_all(
        select(up.id, up.parent_id, (chain.c.depth + 1).label("depth"))
        .where(up.id == chain.c.parent_id, up.tenant_id == ctx.tenant_id)
        .where(chain.c.depth < 1000)
    )
    return list((await ctx.session.scalars(select(chain.c.id))).all())


async def move_org_unit(
    ctx: Context, org_unit_id: uuid.UUID, data: OrgUnitMove, if_match: str | None
) -> OrgUnit:
    """Move a unit under a new parent; refuse moves that would make a cycle."""
    # Moves of one tenant's tree run one at a time: two crossing moves could each pass the cycle check.
    await ctx.session.execute(
        select(func.pg_advisory_xact_lock(func.hashtextextended(f"org_units:{ctx.tenant_id}", 0)))
    )
    unit = await get_org_unit(ctx, org_unit_id)
    check_version(unit, if_match)
    before = snapshot(unit)
    chain: list[uuid.UUID] = []
    if data.parent_id is not None:
        await _active_parent(ctx, data.parent_id)
        chain = await _parent_chain(ctx, data.parent_id)
    if creates_cycle(unit.id, data.parent_id, chain):
        raise ValidationProblem.for_field(
            "parent_id", "an org unit cannot move under itself or its descendants"
        )
    unit.parent_id = data.parent_id
    await ctx.session.flush()
    ctx.audit("org_unit.moved", unit, before=before, after=snapshot(unit))
    await emit_event(ctx, "org_unit.moved", snapshot(unit))
    return unit


async def archive_org_unit(ctx: Context, org_unit_id: uuid.UUID, if_match: str | None) -> OrgUnit:
    """Archive a unit whose children are all archived."""
    unit = await get_org_unit(ctx, org_unit_id)
    check_version(unit, if_match)
    active_child = await ctx.session.scalar(
        select(exists().where(OrgUnit.parent_id == unit.id, OrgUnit.archived_at.is_(None)))
    )
    if active_child:
        raise ConflictProblem("Archive or move this unit's active children first.")
    before = snapshot(unit)
    unit.archived_at = utcnow()
    await ctx.session.flush()
    ctx.audit("org_unit.archived", unit, before=before, after=snapshot(unit))
    await emit_event(ctx, "org_unit.archived", snapshot(unit))
    return unit


async def restore_org_unit(ctx: Context, org_unit_id: uuid.UUID, if_match: str | None) -> OrgUnit:
    """Bring an archived unit back (its parent must be active)."""
    unit = await get_org_unit(ctx, org_unit_id)
    check_version(unit, if_match)
    if unit.parent_id is not None:
        parent = await get_org_unit(ctx, unit.parent_id)
        if parent.archived_at is not None:
            raise ConflictProblem("Restore the parent org unit first.")
    before = snapshot(unit)
    unit.archived_at = None
    await ctx.session.flush()
    ctx.audit("org_unit.restored", unit, before=before, after=snapshot(unit))
    await emit_event(ctx, "org_unit.restored", snapshot(unit))
    return unit


async def delete_org_unit(ctx: Context, org_unit_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a unit nothing refers to (no children); otherwise archive it instead."""
    unit = await get_org_unit(ctx, org_unit_id)
    check_version(unit, if_match)
    has_children = await ctx.session.scalar(select(exists().where(OrgUnit.parent_id == unit.id)))
    if has_children:
        raise ConflictProblem("This org unit has children; move them or archive the unit instead.")
    before = snapshot(unit)
    await ctx.session.delete(unit)
    await ctx.session.flush()
    ctx.audit("org_unit.deleted", unit, before=before, target_id=org_unit_id)
    await emit_event(ctx, "org_unit.deleted", before)
