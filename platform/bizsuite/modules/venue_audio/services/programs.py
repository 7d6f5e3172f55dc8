"""Programs: daily schedules (background music, timed announcements), live paging sessions with a
maximum duration, and emergency broadcasts (N+1 or all zones, absolute priority, audited)."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from typing import Any

import msgspec
from sqlalchemy import distinct, func, select

from bizsuite.core import clock
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.repository import check_version, fetch, list_page
from bizsuite.modules.venue_audio import rules
from bizsuite.modules.venue_audio.models import (
    Broadcast,
    BroadcastKind,
    PlayerCommand,
    Schedule,
    ScheduleKind,
    Venue,
    ZoneGroup,
)
from bizsuite.modules.venue_audio.schemas import (
    BroadcastClose,
    BroadcastView,
    EmergencyBegin,
    PagingBegin,
    ScheduleCreate,
    ScheduleFilters,
    ScheduleUpdate,
    ScheduleView,
)
from bizsuite.modules.venue_audio.services.assets import venue_asset
from bizsuite.modules.venue_audio.services.venues import (
    group_zone_ids,
    venue_changed,
    venue_reference,
    venue_zones,
    zones_of_venue,
)


def schedule_view(schedule: Schedule) -> ScheduleView:
    """A schedule row as its view."""
    return msgspec.convert(schedule, ScheduleView, from_attributes=True)


def _snapshot(schedule: Schedule) -> dict[str, Any]:
    """The audit snapshot of a schedule (times of day as ``HH:MM:SS``)."""
    values = snapshot(schedule)
    return {k: v.isoformat() if isinstance(v, time) else v for k, v in values.items()}


def is_live(broadcast: Broadcast, now: datetime) -> bool:
    """A broadcast plays until it is ended, or a paging session until its maximum duration."""
    return broadcast.ended_at is None and (broadcast.ends_at is None or now < broadcast.ends_at)


def broadcast_view(broadcast: Broadcast, now: datetime) -> BroadcastView:
    """A broadcast row as its view (``live`` on the tenant clock)."""
    return BroadcastView(
        id=broadcast.id,
        venue_id=broadcast.venue_id,
        kind=broadcast.kind,
        zone_ids=list(broadcast.zone_ids),
        source=broadcast.source,
        started_at=broadcast.started_at,
        ends_at=broadcast.ends_at,
        ended_at=broadcast.ended_at,
        live=is_live(broadcast, now),
        alarm_id=broadcast.alarm_id,
        origin=broadcast.origin,
        started_by=broadcast.started_by,
        reason=broadcast.reason,
        ended_by=broadcast.ended_by,
        end_reason=broadcast.end_reason,
        created_at=broadcast.created_at,
        version=broadcast.version,
    )


async def with_acknowledgements(ctx: Context, views: list[BroadcastView]) -> list[BroadcastView]:
    """The broadcasts with their players' acknowledgements (one query for them all)."""
    if not views:
        return views
    rows = await ctx.session.execute(
        select(
            PlayerCommand.broadcast_id,
            func.count(distinct(PlayerCommand.device_id)),
            func.count(distinct(PlayerCommand.device_id)).filter(PlayerCommand.acked_at.is_not(None)),
            func.max(func.extract("epoch", PlayerCommand.acked_at - PlayerCommand.issued_at)),
        )
        .where(PlayerCommand.broadcast_id.in_([v.id for v in views]))
        .group_by(PlayerCommand.broadcast_id)
    )
    found = {b_id: (total, acked, slowest) for b_id, total, acked, slowest in rows.all()}
    return [
        msgspec.structs.replace(
            view,
            players_commanded=found[view.id][0],
            players_acknowledged=found[view.id][1],
            slowest_ack_s=round(float(found[view.id][2]), 3) if found[view.id][2] is not None else None,
        )
        if view.id in found
        else view
        for view in views
    ]


# --- Schedules -----------------------------------------------------------------------------


def _check_schedule(schedule: Schedule) -> None:
    if schedule.kind == ScheduleKind.MUSIC:
        if schedule.end_time is None:
            raise ValidationProblem.for_field("end_time", "background music needs an end time")
        if schedule.end_time == schedule.start_time:
            raise ValidationProblem.for_field("end_time", "must differ from the start time")
    elif schedule.duration_s is None:
        raise ValidationProblem.for_field("duration_s", "an announcement needs its duration in seconds")
    schedule.weekdays = sorted(set(schedule.weekdays))


async def list_schedules(
    ctx: Context, filters: ScheduleFilters, *, limit: int, cursor: str | None
) -> tuple[list[ScheduleView], str | None]:
    """A page of schedules, oldest first, of one venue or all."""
    statement = select(Schedule)
    if filters.venue_id is not None:
        statement = statement.where(Schedule.venue_id == filters.venue_id)
    rows, next_cursor = await list_page(ctx.session, statement, Schedule, limit=limit, cursor=cursor)
    return [schedule_view(row) for row in rows], next_cursor


async def load_schedule(ctx: Context, schedule_id: uuid.UUID) -> Schedule:
    """The schedule, or 404."""
    return await fetch(ctx.session, Schedule, schedule_id, what="schedule")


async def get_schedule(ctx: Context, schedule_id: uuid.UUID) -> ScheduleView:
    """One schedule, or 404."""
    return schedule_view(await load_schedule(ctx, schedule_id))


async def create_schedule(ctx: Context, data: ScheduleCreate) -> ScheduleView:
    """Schedule music or an announcement for one zone or one group of the venue."""
    await venue_reference(ctx, data.venue_id)
    await _check_target(ctx, data.venue_id, data.zone_id, data.zone_group_id)
    source = await _source(ctx, data.venue_id, data.source, data.asset_id)
    schedule = Schedule(
        venue_id=data.venue_id,
        zone_id=data.zone_id,
        zone_group_id=data.zone_group_id,
        kind=data.kind,
        name=data.name,
        source=source,
        asset_id=data.asset_id,
        start_time=data.start_time,
        end_time=data.end_time if data.kind == ScheduleKind.MUSIC.value else None,
        duration_s=data.duration_s if data.kind == ScheduleKind.ANNOUNCEMENT.value else None,
        weekdays=list(data.weekdays),
        volume=data.volume,
        enabled=data.enabled,
        skip_holidays=data.skip_holidays,
    )
    _check_schedule(schedule)
    ctx.session.add(schedule)
    await ctx.session.flush()
    ctx.audit("venue_audio.schedule.created", schedule, after=_snapshot(schedule))
    await venue_changed(ctx, schedule.venue_id)
    return schedule_view(schedule)


async def _source(ctx: Context, venue_id: uuid.UUID, text: str | None, asset_id: uuid.UUID | None) -> str:
    """A program's source: the text, or ``asset:<id>`` of an audio asset of the venue."""
    try:
        choice = rules.source_choice(text, asset_id)
    except ValueError as both:
        raise ValidationProblem.for_field(
            "asset_id", "pick an audio asset or type a source, not both"
        ) from both
    if choice is None:
        raise ValidationProblem.for_field("source", "type a source or pick an audio asset")
    if asset_id is not None:
        await venue_asset(ctx, venue_id, asset_id, field="asset_id")
        return rules.asset_source(asset_id)
    assert text is not None
    return text


async def _check_target(
    ctx: Context, venue_id: uuid.UUID, zone_id: uuid.UUID | None, zone_group_id: uuid.UUID | None
) -> None:
    """One target, a zone or a group of the venue (422 naming the field otherwise)."""
    if (zone_id is None) == (zone_group_id is None):
        raise ValidationProblem.for_field("zone_id", "name either a zone or a zone group")
    if zone_id is not None:
        await zones_of_venue(ctx, venue_id, [zone_id], field="zone_id")
    if zone_group_id is not None and not await _group_in_venue(ctx, zone_group_id, venue_id):
        raise ValidationProblem.for_field("zone_group_id", "must be one of the venue's zone groups")


async def _group_in_venue(ctx: Context, zone_group_id: uuid.UUID, venue_id: uuid.UUID) -> bool:
    found = await ctx.session.scalar(
        select(ZoneGroup.id).where(ZoneGroup.id == zone_group_id, ZoneGroup.venue_id == venue_id)
    )
    return found is not None


async def update_schedule(
    ctx: Context, schedule_id: uuid.UUID, data: ScheduleUpdate, if_match: str | None
) -> ScheduleView:
    """Change a schedule (``If-Match``); ``null`` clears its volume (the zone's applies); a new
    zone or group moves it (one target, of its venue)."""
    schedule = await load_schedule(ctx, schedule_id)
    check_version(schedule, if_match)
    before = _snapshot(schedule)
    if not isinstance(data.zone_id, msgspec.UnsetType) or not isinstance(
        data.zone_group_id, msgspec.UnsetType
    ):
        zone_id = schedule.zone_id if isinstance(data.zone_id, msgspec.UnsetType) else data.zone_id
        group_id = (
            schedule.zone_group_id
            if isinstance(data.zone_group_id, msgspec.UnsetType)
            else data.zone_group_id
        )
        await _check_target(ctx, schedule.venue_id, zone_id, group_id)
        schedule.zone_id, schedule.zone_group_id = zone_id, group_id
    text = None if isinstance(data.source, msgspec.UnsetType) else data.source
    asset_id = None if isinstance(data.asset_id, msgspec.UnsetType) else data.asset_id
    if text is not None or asset_id is not None:
        schedule.source = await _source(ctx, schedule.venue_id, text, asset_id)
        schedule.asset_id = asset_id
    elif data.asset_id is None and schedule.asset_id is not None:
        raise ValidationProblem.for_field("source", "type the source that replaces the asset")
    for name in (
        "name", "start_time", "end_time", "duration_s", "weekdays", "volume", "enabled", "skip_holidays",
    ):  # fmt: skip
        value = getattr(data, name)
        if not isinstance(value, msgspec.UnsetType):
            setattr(schedule, name, list(value) if name == "weekdays" else value)
    _check_schedule(schedule)
    await ctx.session.flush()
    ctx.audit("venue_audio.schedule.updated", schedule, before=before, after=_snapshot(schedule))
    await venue_changed(ctx, schedule.venue_id)
    return schedule_view(schedule)


async def delete_schedule(ctx: Context, schedule_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a schedule (``If-Match``)."""
    schedule = await load_schedule(ctx, schedule_id)
    check_version(schedule, if_match)
    ctx.audit("venue_audio.schedule.deleted", schedule, before=_snapshot(schedule))
    await venue_changed(ctx, schedule.venue_id)
    await ctx.session.delete(schedule)
    await ctx.session.flush()


# --- Broadcasts ----------------------------------------------------------------------------


async def load_broadcast(ctx: Context, broadcast_id: uuid.UUID) -> Broadcast:
    """The broadcast, or 404."""
    return await fetch(ctx.session, Broadcast, broadcast_id, what="broadcast")


async def get_broadcast(ctx: Context, broadcast_id: uuid.UUID) -> BroadcastView:
    """One broadcast with its acknowledgements, or 404."""
    view = broadcast_view(await load_broadcast(ctx, broadcast_id), clock.now(ctx))
    return (await with_acknowledgements(ctx, [view]))[0]


async def begin_paging(ctx: Context, data: PagingBegin) -> BroadcastView:
    """Start a live paging session to zones or a group; it ends by itself after ``max_duration_s``."""
    await venue_reference(ctx, data.venue_id)
    zone_ids = await zones_of_venue(ctx, data.venue_id, data.zone_ids)
    if data.zone_group_id is not None:
        if not await _group_in_venue(ctx, data.zone_group_id, data.venue_id):
            raise ValidationProblem.for_field("zone_group_id", "must be one of the venue's zone groups")
        zone_ids = list(dict.fromkeys([*zone_ids, *await group_zone_ids(ctx, data.zone_group_id)]))
    if not zone_ids:
        raise ValidationProblem.for_field("zone_ids", "page at least one zone (or a group with zones)")
    now = clock.now(ctx)
    broadcast = Broadcast(
        venue_id=data.venue_id,
        kind=BroadcastKind.PAGING,
        zone_ids=zone_ids,
        source=data.source,
        started_at=now,
        ends_at=now + timedelta(seconds=data.max_duration_s),
        started_by=ctx.principal.label or "?",
        reason=data.reason,
    )
    ctx.session.add(broadcast)
    await ctx.session.flush()
    ctx.audit("venue_audio.paging.created", broadcast, after=snapshot(broadcast))
    await venue_changed(ctx, broadcast.venue_id)
    return broadcast_view(broadcast, now)


def _origin(data: EmergencyBegin, zone_code: str | None) -> str:
    if data.all_call:
        return "all call"
    if zone_code is not None:
        return f"zone {zone_code}"
    return rules.zone_label(data.floor, data.basement)


async def begin_emergency(ctx: Context, data: EmergencyBegin) -> BroadcastView:
    """Start an emergency broadcast: the N+1 zones of the alarm's floor, or every zone (all call or
    the venue's all-zones policy), looping the evacuation message at full volume until cleared.

    A fire-alarm signal repeated with the same ``alarm_id`` returns the broadcast it started.
    """
    venue: Venue = await venue_reference(ctx, data.venue_id)
    if data.alarm_id is not None:
        existing = await ctx.session.scalar(
            select(Broadcast).where(Broadcast.venue_id == venue.id, Broadcast.alarm_id == data.alarm_id)
        )
        if existing is not None:
            return broadcast_view(existing, clock.now(ctx))
    if not data.all_call and data.floor is None and data.zone_id is None:
        raise ValidationProblem.for_field("floor", "say where the alarm is: a floor, a zone or all call")
    zones = await venue_zones(ctx, venue.id)
    zone_code = None
    if data.zone_id is not None:
        origin_zone = next((z for z in zones if z.id == data.zone_id), None)
        if origin_zone is None:
            raise ValidationProblem.for_field("zone_id", "must be one of the venue's zones")
        zone_code = origin_zone.code
    places = [rules.ZonePlace(str(z.id), z.floor, z.basement) for z in zones]
    chosen = rules.emergency_zones(
        places,
        policy=rules.EmergencyPolicy(venue.emergency_policy),
        floor=data.floor,
        basement=data.basement,
        zone_id=str(data.zone_id) if data.zone_id else None,
        all_call=data.all_call,
    )
    if not chosen:
        raise ValidationProblem.for_field("floor", "no zone of the venue is on that floor")
    now = clock.now(ctx)
    broadcast = Broadcast(
        venue_id=venue.id,
        kind=BroadcastKind.EMERGENCY,
        zone_ids=[uuid.UUID(z) for z in chosen],
        source=venue.evacuation_source,
        started_at=now,
        alarm_id=data.alarm_id,
        origin=_origin(data, zone_code),
        started_by=ctx.principal.label or "?",
        reason=data.reason,
    )
    ctx.session.add(broadcast)
    await ctx.session.flush()
    ctx.audit("venue_audio.emergency.raised", broadcast, after=snapshot(broadcast))
    await venue_changed(ctx, broadcast.venue_id)
    return broadcast_view(broadcast, now)


async def close_broadcast(
    ctx: Context, broadcast_id: uuid.UUID, data: BroadcastClose, if_match: str | None
) -> BroadcastView:
    """End a paging session, or clear an emergency (a reason is required; audited with who and why);
    what they preempted resumes."""
    broadcast = await load_broadcast(ctx, broadcast_id)
    if if_match is not None:  # optional: an operator clearing an emergency must not be held up
        check_version(broadcast, if_match)
    now = clock.now(ctx)
    if not is_live(broadcast, now):
        raise ConflictProblem("The broadcast has already ended.")
    if broadcast.kind == BroadcastKind.EMERGENCY and not data.reason:
        raise ValidationProblem.for_field("reason", "say why the emergency is cleared")
    before = snapshot(broadcast)
    broadcast.ended_at = now
    broadcast.ended_by = ctx.principal.label or "?"
    broadcast.end_reason = data.reason
    await ctx.session.flush()
    action = (
        "venue_audio.emergency.closed"
        if broadcast.kind == BroadcastKind.EMERGENCY
        else "venue_audio.paging.closed"
    )
    ctx.audit(action, broadcast, before=before, after=snapshot(broadcast))
    await venue_changed(ctx, broadcast.venue_id)
    return broadcast_view(broadcast, now)
