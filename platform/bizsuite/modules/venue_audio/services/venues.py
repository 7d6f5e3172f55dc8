"""Venues, zones and zone groups: load, check, change, audit; every function returns views."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import msgspec
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.kit import SearchHit
from bizsuite.modules.venue_audio import rules
from bizsuite.modules.venue_audio.models import Venue, Zone, ZoneGroup, ZoneGroupMember
from bizsuite.modules.venue_audio.schemas import (
    AudioZoneCreate,
    AudioZoneFilters,
    AudioZoneUpdate,
    AudioZoneView,
    VenueCreate,
    VenueUpdate,
    VenueView,
    ZoneGroupCreate,
    ZoneGroupUpdate,
    ZoneGroupView,
)
from bizsuite.web.lists import anywhere


def venue_view(venue: Venue) -> VenueView:
    """A venue row as its view."""
    return msgspec.convert(venue, VenueView, from_attributes=True)


def zone_view(zone: Zone) -> AudioZoneView:
    """A zone row as its view."""
    return msgspec.convert(zone, AudioZoneView, from_attributes=True)


async def load_venue(ctx: Context, venue_id: uuid.UUID) -> Venue:
    """The venue, or 404."""
    return await fetch(ctx.session, Venue, venue_id, what="venue")


async def venue_reference(ctx: Context, venue_id: uuid.UUID) -> Venue:
    """The venue a body names, or 422 naming ``venue_id``."""
    return await fetch_reference(ctx.session, Venue, venue_id, field="venue_id")


def _time_zone(name: str) -> str:
    if not rules.valid_time_zone(name):
        raise ValidationProblem.for_field("time_zone", "not a known IANA time zone (e.g. Asia/Shanghai)")
    return name


def venue_topic(venue_id: uuid.UUID) -> str:
    """The live topic of a venue: its status board and its players watch it (``core/live.py``)."""
    return f"venue_audio.venue.{venue_id}"


async def venue_changed(ctx: Context, venue_id: uuid.UUID) -> None:
    """What the venue's board or players show may have changed: issue the players whose zone now
    plays something else their new command, in this transaction, and wake the board and the
    players' feeds once it commits."""
    # Imported here: the players' commands come from the board, which reads venues and zones.
    from bizsuite.modules.venue_audio.services.players import issue_commands

    await ctx.session.flush()
    await issue_commands(ctx, venue_id, also=[(venue_topic(venue_id), "")])


# --- Venues ----------------------------------------------------------------------------------


async def list_venues(ctx: Context, *, limit: int, cursor: str | None) -> tuple[list[VenueView], str | None]:
    """A page of venues, oldest first."""
    rows, next_cursor = await list_page(ctx.session, select(Venue), Venue, limit=limit, cursor=cursor)
    return [venue_view(row) for row in rows], next_cursor


async def get_venue(ctx: Context, venue_id: uuid.UUID) -> VenueView:
    """One venue, or 404."""
    return venue_view(await load_venue(ctx, venue_id))


#: The plan limit venues count against (venue audio's usage meter, read by billing).
VENUES_LIMIT = "venues"


async def count_venues(session: AsyncSession) -> int:
    """The session's tenant's venues: what the plan's ``venues`` limit counts."""
    return int(await session.scalar(select(func.count()).select_from(Venue)) or 0)


async def create_venue(ctx: Context, data: VenueCreate) -> VenueView:
    """Create a venue on an org unit; a code already used answers 409 naming ``code``, a venue
    beyond the plan's ``venues`` limit 402 naming the limit and the usage."""
    await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    code = rules.normal_code(data.code)
    if await ctx.session.scalar(select(Venue.id).where(Venue.code == code)) is not None:
        raise ConflictProblem.for_field("code", "a venue with this code already exists")
    await ctx.check_limit(VENUES_LIMIT)
    venue = Venue(
        org_unit_id=data.org_unit_id,
        code=code,
        name=data.name,
        time_zone=_time_zone(data.time_zone),
        emergency_policy=data.emergency_policy,
        evacuation_source=data.evacuation_source,
        holidays=sorted(set(data.holidays)),
    )
    ctx.session.add(venue)
    await ctx.session.flush()
    ctx.audit("venue_audio.venue.created", venue, after=snapshot(venue))
    return venue_view(venue)


async def _evacuation_message(ctx: Context, venue: Venue, data: VenueUpdate) -> None:
    """The evacuation message as text, or an evacuation asset of the venue (``asset:<id>``)."""
    # Imported here: the assets service reads venues.
    from bizsuite.modules.venue_audio.services.assets import venue_asset

    text = None if isinstance(data.evacuation_source, msgspec.UnsetType) else data.evacuation_source
    asset_id = None if isinstance(data.evacuation_asset_id, msgspec.UnsetType) else data.evacuation_asset_id
    try:
        choice = rules.source_choice(text, asset_id)
    except ValueError as both:
        raise ValidationProblem.for_field(
            "evacuation_asset_id", "pick an audio asset or type a source, not both"
        ) from both
    if choice == "asset":
        assert asset_id is not None
        await venue_asset(ctx, venue.id, asset_id, field="evacuation_asset_id", purpose="evacuation")
        venue.evacuation_source, venue.evacuation_asset_id = rules.asset_source(asset_id), asset_id
    elif choice == "text":
        assert text is not None
        venue.evacuation_source, venue.evacuation_asset_id = text, None
    elif data.evacuation_asset_id is None and venue.evacuation_asset_id is not None:
        raise ValidationProblem.for_field("evacuation_source", "type the source that replaces the asset")


async def update_venue(
    ctx: Context, venue_id: uuid.UUID, data: VenueUpdate, if_match: str | None
) -> VenueView:
    """Change a venue (``If-Match``); the emergency policy applies to the next alarm."""
    venue = await load_venue(ctx, venue_id)
    check_version(venue, if_match)
    before = snapshot(venue)
    if not isinstance(data.name, msgspec.UnsetType):
        venue.name = data.name
    if not isinstance(data.time_zone, msgspec.UnsetType):
        venue.time_zone = _time_zone(data.time_zone)
    if not isinstance(data.emergency_policy, msgspec.UnsetType):
        venue.emergency_policy = data.emergency_policy
    await _evacuation_message(ctx, venue, data)
    if not isinstance(data.holidays, msgspec.UnsetType):
        venue.holidays = sorted(set(data.holidays))
    await ctx.session.flush()
    ctx.audit("venue_audio.venue.updated", venue, before=before, after=snapshot(venue))
    await venue_changed(ctx, venue.id)
    return venue_view(venue)


# --- Zones ---------------------------------------------------------------------------------


def _check_place(floor: int | None, basement: bool) -> None:
    if basement and floor is None:
        raise ValidationProblem.for_field("floor", "a basement zone needs its level (1 = B1)")


async def list_zones(
    ctx: Context, filters: AudioZoneFilters, *, limit: int, cursor: str | None
) -> tuple[list[AudioZoneView], str | None]:
    """A page of zones, oldest first, of one venue or all."""
    statement = select(Zone)
    if filters.venue_id is not None:
        statement = statement.where(Zone.venue_id == filters.venue_id)
    rows, next_cursor = await list_page(ctx.session, statement, Zone, limit=limit, cursor=cursor)
    return [zone_view(row) for row in rows], next_cursor


async def venue_zones(ctx: Context, venue_id: uuid.UUID) -> list[Zone]:
    """Every zone of a venue, top floor first, then the ground floor, the basements and the areas."""
    rows = (await ctx.session.scalars(select(Zone).where(Zone.venue_id == venue_id))).all()
    return sorted(rows, key=rules.zone_order)


async def load_zone(ctx: Context, zone_id: uuid.UUID) -> Zone:
    """The zone, or 404."""
    return await fetch(ctx.session, Zone, zone_id, what="zone")


async def get_zone(ctx: Context, zone_id: uuid.UUID) -> AudioZoneView:
    """One zone, or 404."""
    return zone_view(await load_zone(ctx, zone_id))


async def create_zone(ctx: Context, data: AudioZoneCreate) -> AudioZoneView:
    """Create a zone in a venue; a code already used in the venue answers 409 naming ``code``."""
    await venue_reference(ctx, data.venue_id)
    _check_place(data.floor, data.basement)
    code = rules.normal_code(data.code)
    taken = select(Zone.id).where(Zone.venue_id == data.venue_id, Zone.code == code)
    if await ctx.session.scalar(taken) is not None:
        raise ConflictProblem.for_field("code", "a zone with this code already exists in the venue")
    zone = Zone(
        venue_id=data.venue_id,
        code=code,
        name=data.name,
        floor=data.floor,
        basement=data.basement,
        area=data.area,
        volume=data.volume,
    )
    ctx.session.add(zone)
    await ctx.session.flush()
    ctx.audit("venue_audio.zone.created", zone, after=snapshot(zone))
    await venue_changed(ctx, zone.venue_id)
    return zone_view(zone)


async def update_zone(
    ctx: Context, zone_id: uuid.UUID, data: AudioZoneUpdate, if_match: str | None
) -> AudioZoneView:
    """Change a zone (``If-Match``); ``null`` clears the floor or the area."""
    zone = await load_zone(ctx, zone_id)
    check_version(zone, if_match)
    before = snapshot(zone)
    if not isinstance(data.name, msgspec.UnsetType):
        zone.name = data.name
    if not isinstance(data.floor, msgspec.UnsetType):
        zone.floor = data.floor
    if not isinstance(data.basement, msgspec.UnsetType):
        zone.basement = data.basement
    if not isinstance(data.area, msgspec.UnsetType):
        zone.area = data.area
    if not isinstance(data.volume, msgspec.UnsetType):
        zone.volume = data.volume
    _check_place(zone.floor, zone.basement)
    await ctx.session.flush()
    ctx.audit("venue_audio.zone.updated", zone, before=before, after=snapshot(zone))
    await venue_changed(ctx, zone.venue_id)
    return zone_view(zone)


async def zones_of_venue(
    ctx: Context, venue_id: uuid.UUID, zone_ids: Sequence[uuid.UUID], *, field: str = "zone_ids"
) -> list[uuid.UUID]:
    """The given zones, each checked to be one of the venue's (422 naming ``field`` otherwise)."""
    wanted = list(dict.fromkeys(zone_ids))
    if not wanted:
        return []
    found = set(
        (
            await ctx.session.scalars(select(Zone.id).where(Zone.venue_id == venue_id, Zone.id.in_(wanted)))
        ).all()
    )
    if len(found) != len(wanted):
        raise ValidationProblem.for_field(field, "every zone must be one of the venue's zones")
    return wanted


# --- Zone groups ---------------------------------------------------------------------------


async def _group_view(ctx: Context, group: ZoneGroup) -> ZoneGroupView:
    members = (
        await ctx.session.scalars(
            select(ZoneGroupMember.zone_id).where(ZoneGroupMember.zone_group_id == group.id)
        )
    ).all()
    return ZoneGroupView(
        id=group.id,
        venue_id=group.venue_id,
        code=group.code,
        name=group.name,
        zone_ids=sorted(members),
        created_at=group.created_at,
        updated_at=group.updated_at,
        version=group.version,
    )


async def group_zone_ids(ctx: Context, group_id: uuid.UUID) -> list[uuid.UUID]:
    """The zones of a group."""
    rows = await ctx.session.scalars(
        select(ZoneGroupMember.zone_id).where(ZoneGroupMember.zone_group_id == group_id)
    )
    return list(rows.all())


async def list_zone_groups(
    ctx: Context, filters: AudioZoneFilters, *, limit: int, cursor: str | None
) -> tuple[list[ZoneGroupView], str | None]:
    """A page of zone groups, oldest first, of one venue or all."""
    statement = select(ZoneGroup)
    if filters.venue_id is not None:
        statement = statement.where(ZoneGroup.venue_id == filters.venue_id)
    rows, next_cursor = await list_page(ctx.session, statement, ZoneGroup, limit=limit, cursor=cursor)
    return [await _group_view(ctx, row) for row in rows], next_cursor


async def load_zone_group(ctx: Context, zone_group_id: uuid.UUID) -> ZoneGroup:
    """The zone group, or 404."""
    return await fetch(ctx.session, ZoneGroup, zone_group_id, what="zone group")


async def get_zone_group(ctx: Context, zone_group_id: uuid.UUID) -> ZoneGroupView:
    """One zone group, or 404."""
    return await _group_view(ctx, await load_zone_group(ctx, zone_group_id))


async def _set_members(ctx: Context, group: ZoneGroup, zone_ids: Sequence[uuid.UUID]) -> None:
    members = await zones_of_venue(ctx, group.venue_id, zone_ids)
    await ctx.session.execute(delete(ZoneGroupMember).where(ZoneGroupMember.zone_group_id == group.id))
    ctx.session.add_all([ZoneGroupMember(zone_group_id=group.id, zone_id=zone_id) for zone_id in members])
    await ctx.session.flush()


async def create_zone_group(ctx: Context, data: ZoneGroupCreate) -> ZoneGroupView:
    """Create a group of the venue's zones; a code already used in the venue answers 409."""
    await venue_reference(ctx, data.venue_id)
    code = rules.normal_code(data.code)
    taken = select(ZoneGroup.id).where(ZoneGroup.venue_id == data.venue_id, ZoneGroup.code == code)
    if await ctx.session.scalar(taken) is not None:
        raise ConflictProblem.for_field("code", "a zone group with this code already exists in the venue")
    group = ZoneGroup(venue_id=data.venue_id, code=code, name=data.name)
    ctx.session.add(group)
    await ctx.session.flush()
    await _set_members(ctx, group, data.zone_ids)
    view = await _group_view(ctx, group)
    ctx.audit("venue_audio.zone_group.created", group, after=msgspec.to_builtins(view))
    await venue_changed(ctx, group.venue_id)
    return view


async def update_zone_group(
    ctx: Context, zone_group_id: uuid.UUID, data: ZoneGroupUpdate, if_match: str | None
) -> ZoneGroupView:
    """Rename a group or replace its zones (``If-Match``)."""
    group = await load_zone_group(ctx, zone_group_id)
    check_version(group, if_match)
    before = msgspec.to_builtins(await _group_view(ctx, group))
    if not isinstance(data.name, msgspec.UnsetType):
        group.name = data.name
    if not isinstance(data.zone_ids, msgspec.UnsetType):
        await _set_members(ctx, group, data.zone_ids)
        flag_modified(group, "name")  # the members are part of the group: its version moves too
    await ctx.session.flush()
    view = await _group_view(ctx, group)
    ctx.audit("venue_audio.zone_group.updated", group, before=before, after=msgspec.to_builtins(view))
    await venue_changed(ctx, group.venue_id)
    return view


async def delete_zone_group(ctx: Context, zone_group_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a group (its schedules go with it)."""
    group = await load_zone_group(ctx, zone_group_id)
    check_version(group, if_match)
    ctx.audit("venue_audio.zone_group.deleted", group, before=snapshot(group))
    await venue_changed(ctx, group.venue_id)
    await ctx.session.delete(group)
    await ctx.session.flush()


# --- The global search ---------------------------------------------------------------------


async def search_venues(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's venue hits: ``text`` anywhere in the code or the name, any case, by
    code; each opens the venue's status board."""
    rows = await ctx.session.execute(
        select(Venue.id, Venue.code, Venue.name)
        .where(anywhere(text, Venue.code, Venue.name))
        .order_by(Venue.code, Venue.id)
        .limit(limit)
    )
    return [
        SearchHit(title=name, href=f"/venue-audio/venues/{i}", detail=code) for i, code, name in rows.all()
    ]


async def search_zones(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's zone hits: ``text`` anywhere in the code or the name, any case, by
    venue and code; each opens its venue's status board, where the zone is a row."""
    rows = await ctx.session.execute(
        select(Zone.venue_id, Zone.code, Zone.name, Venue.name)
        .join(Venue, (Venue.tenant_id == Zone.tenant_id) & (Venue.id == Zone.venue_id))
        .where(anywhere(text, Zone.code, Zone.name))
        .order_by(Venue.code, Zone.code, Zone.id)
        .limit(limit)
    )
    return [
        SearchHit(title=name, href=f"/venue-audio/venues/{venue_id}", detail=f"{code} · {venue}")
        for venue_id, code, name, venue in rows.all()
    ]
