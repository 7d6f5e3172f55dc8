"""What every zone plays now: the venue's schedules and broadcasts turned into programs and handed
to :func:`rules.arbitrate`, the one function the status board, the players and the log share."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import distinct_on

from bizsuite.core import clock
from bizsuite.core.context import Context
from bizsuite.modules.venue_audio import rules
from bizsuite.modules.venue_audio.models import (
    Broadcast,
    BroadcastKind,
    Device,
    DeviceKind,
    PlayerCommand,
    Schedule,
    ScheduleKind,
    Venue,
    Zone,
    ZoneGroupMember,
)
from bizsuite.modules.venue_audio.schemas import PlayerState, VenueBoard, WaitingProgram, ZoneStatus
from bizsuite.modules.venue_audio.services.venues import load_venue, load_zone, venue_zones

#: How long a timed announcement may wait behind higher programs before it is dropped.
ANNOUNCEMENT_HOLD = timedelta(minutes=30)
#: How far back broadcasts are read: preemptions inside today's music window decide where it resumes.
LOOKBACK = timedelta(days=1)

_KIND_OF = {
    rules.Priority.MUSIC: "music",
    rules.Priority.ANNOUNCEMENT: "announcement",
    rules.Priority.PAGING: "paging",
    rules.Priority.EMERGENCY: "emergency",
}
RULE = (
    "highest live priority plays (emergency 4 > paging 3 > announcement 2 > music 1); "
    "equal priority: first come; preempted music resumes where it was, an announcement restarts"
)


@dataclass(frozen=True, slots=True)
class _Named:
    kind: str
    name: str
    priority: int


async def _programs(
    ctx: Context, venue: Venue, zone_ids: set[uuid.UUID], at: datetime
) -> tuple[list[rules.Program], dict[str, _Named]]:
    members: dict[uuid.UUID, set[str]] = defaultdict(set)
    rows = await ctx.session.execute(
        select(ZoneGroupMember.zone_group_id, ZoneGroupMember.zone_id).where(
            ZoneGroupMember.zone_id.in_(zone_ids)
        )
    )
    for group_id, zone_id in rows.all():
        members[group_id].add(str(zone_id))
    programs: list[rules.Program] = []
    names: dict[str, _Named] = {}
    schedules = (
        await ctx.session.scalars(select(Schedule).where(Schedule.venue_id == venue.id, Schedule.enabled))
    ).all()
    for schedule in schedules:
        targets = (
            frozenset({str(schedule.zone_id)})
            if schedule.zone_id is not None
            else frozenset(members.get(schedule.zone_group_id or uuid.UUID(int=0), set()))
        )
        weekdays = frozenset(schedule.weekdays)
        skip = frozenset(venue.holidays) if schedule.skip_holidays else frozenset()
        pid = str(schedule.id)
        if schedule.kind == ScheduleKind.MUSIC and schedule.end_time is not None:
            window = rules.DailyWindow(schedule.start_time, schedule.end_time, weekdays)
            found = rules.occurrence(window, venue.time_zone, at, skip)
            if found is None:
                continue
            programs.append(
                rules.Program(
                    pid,
                    rules.Priority.MUSIC,
                    targets,
                    found[0],
                    found[1],
                    source=schedule.source,
                    volume=schedule.volume,
                )
            )
        elif schedule.kind == ScheduleKind.ANNOUNCEMENT and schedule.duration_s:
            start = rules.announcement_start(
                schedule.start_time, weekdays, venue.time_zone, at, ANNOUNCEMENT_HOLD, skip
            )
            if start is None:
                continue
            programs.append(
                rules.Program(
                    pid,
                    rules.Priority.ANNOUNCEMENT,
                    targets,
                    start,
                    start + ANNOUNCEMENT_HOLD,
                    duration=timedelta(seconds=schedule.duration_s),
                    source=schedule.source,
                    volume=schedule.volume,
                )
            )
        else:
            continue
        names[pid] = _Named(schedule.kind, schedule.name, int(programs[-1].priority))
    broadcasts = (
        await ctx.session.scalars(
            select(Broadcast).where(
                Broadcast.venue_id == venue.id,
                Broadcast.started_at <= at,
                or_(Broadcast.ended_at.is_(None), Broadcast.ended_at > at - LOOKBACK),
            )
        )
    ).all()
    for broadcast in broadcasts:
        ends = [t for t in (broadcast.ended_at, broadcast.ends_at) if t is not None]
        priority = (
            rules.Priority.EMERGENCY if broadcast.kind == BroadcastKind.EMERGENCY else rules.Priority.PAGING
        )
        pid = str(broadcast.id)
        programs.append(
            rules.Program(
                pid,
                priority,
                frozenset(str(z) for z in broadcast.zone_ids),
                broadcast.started_at,
                min(ends) if ends else None,
                source=broadcast.source,
            )
        )
        label = broadcast.origin if broadcast.kind == BroadcastKind.EMERGENCY else broadcast.source
        names[pid] = _Named(broadcast.kind, label or broadcast.source, int(priority))
    return programs, names


def _volume_rule(play: rules.ZonePlay, zone: Zone) -> str:
    if play.priority == rules.Priority.EMERGENCY:
        return f"emergency: forced full volume {rules.FULL_VOLUME}"
    if play.program_id is not None and play.volume != zone.volume:
        return f"program volume {play.volume} (zone volume {zone.volume})"
    return f"zone volume {zone.volume}"


async def _device_health(ctx: Context, zones: list[Zone]) -> dict[uuid.UUID, tuple[int, int]]:
    rows = await ctx.session.execute(
        select(
            Device.zone_id,
            func.count(),
            func.count().filter(Device.fault_since.is_not(None)),
        )
        .where(Device.zone_id.in_([z.id for z in zones]))
        .group_by(Device.zone_id)
    )
    return {zone_id: (total, faulty) for zone_id, total, faulty in rows.all() if zone_id is not None}


async def latest_commands(ctx: Context, device_ids: list[uuid.UUID]) -> dict[uuid.UUID, PlayerCommand]:
    """Each player's last command (``services/players.py``)."""
    if not device_ids:
        return {}
    rows = await ctx.session.scalars(
        select(PlayerCommand)
        .where(PlayerCommand.device_id.in_(device_ids))
        .order_by(PlayerCommand.device_id, PlayerCommand.seq.desc())
        .ext(distinct_on(PlayerCommand.device_id))
    )
    return {c.device_id: c for c in rows.all()}


def _player_state(player: Device, command: PlayerCommand | None) -> PlayerState:
    if command is None:
        return PlayerState(
            device_id=player.id, code=player.code, name=player.name, seq=None, commanded_kind=None,
            commanded_source=None, commanded_volume=None, issued_at=None, acked_at=None,
            reported_source=None, reported_volume=None, state="idle",
        )  # fmt: skip
    state = "acknowledged" if command.acked_at else ("late" if command.alert_id else "waiting")
    return PlayerState(
        device_id=player.id,
        code=player.code,
        name=player.name,
        seq=command.seq,
        commanded_kind=command.program_kind,  # type: ignore[arg-type]
        commanded_source=command.source,
        commanded_volume=command.volume,
        issued_at=command.issued_at,
        acked_at=command.acked_at,
        reported_source=command.reported_source,
        reported_volume=command.reported_volume,
        state=state,  # type: ignore[arg-type]
    )


async def _zone_players(ctx: Context, zones: list[Zone]) -> dict[uuid.UUID, list[PlayerState]]:
    players = (
        await ctx.session.scalars(
            select(Device)
            .where(Device.zone_id.in_([z.id for z in zones]), Device.kind == DeviceKind.PLAYER.value)
            .order_by(Device.code)
        )
    ).all()
    latest = await latest_commands(ctx, [p.id for p in players])
    found: dict[uuid.UUID, list[PlayerState]] = defaultdict(list)
    for player in players:
        if player.zone_id is not None:
            found[player.zone_id].append(_player_state(player, latest.get(player.id)))
    return found


async def board_of(ctx: Context, venue: Venue, zones: list[Zone], at: datetime | None = None) -> VenueBoard:
    """Every given zone of the venue at ``at`` (the tenant clock's now by default)."""
    at = at or clock.now(ctx)
    programs, names = await _programs(ctx, venue, {z.id for z in zones}, at)
    plays = rules.arbitrate({str(z.id): z.volume for z in zones}, programs, at)
    health = await _device_health(ctx, zones)
    states = await _zone_players(ctx, zones)
    statuses = []
    for zone in zones:
        play = plays[str(zone.id)]
        named = names.get(play.program_id or "")
        total, faulty = health.get(zone.id, (0, 0))
        statuses.append(
            ZoneStatus(
                zone_id=zone.id,
                code=zone.code,
                name=zone.name,
                floor=zone.floor,
                basement=zone.basement,
                area=zone.area,
                program_kind=kind_of(play),  # type: ignore[arg-type]
                program_id=play.program_id,
                program_name=named.name if named else None,
                source=play.source or None,
                priority=int(play.priority) if play.priority else None,
                volume=play.volume,
                zone_volume=zone.volume,
                volume_rule=_volume_rule(play, zone),
                position_s=play.position.total_seconds(),
                waiting=[
                    WaitingProgram(
                        program_id=pid,
                        kind=names[pid].kind,  # type: ignore[arg-type]
                        name=names[pid].name,
                        priority=names[pid].priority,
                    )
                    for pid in play.waiting
                ],
                devices=total,
                devices_in_fault=faulty,
                rule=RULE,
                players=states.get(zone.id, []),
            )
        )
    return VenueBoard(
        venue_id=venue.id, at=at, zones=statuses, next_change_at=rules.next_change(programs, plays, at)
    )


async def zone_plays(
    ctx: Context, venue: Venue, zone_volumes: dict[uuid.UUID, int], at: datetime
) -> tuple[dict[str, rules.ZonePlay], datetime | None]:
    """What the given zones of the venue (id: local volume) play at ``at``, and when that next
    changes by itself: :func:`board_of`'s arbitration without the board (what the players'
    commands are made of)."""
    programs, _names = await _programs(ctx, venue, set(zone_volumes), at)
    plays = rules.arbitrate({str(z): volume for z, volume in zone_volumes.items()}, programs, at)
    return plays, rules.next_change(programs, plays, at)


def kind_of(play: rules.ZonePlay) -> str | None:
    """What kind of program a zone plays (``music``… ``emergency``), ``None`` for silence."""
    return _KIND_OF[play.priority] if play.priority else None


async def venue_board(ctx: Context, venue_id: uuid.UUID) -> VenueBoard:
    """Every zone of a venue now (the status board)."""
    venue = await load_venue(ctx, venue_id)
    return await board_of(ctx, venue, await venue_zones(ctx, venue.id))


async def zone_now_playing(ctx: Context, zone_id: uuid.UUID) -> ZoneStatus:
    """What one zone plays now (what its player polls); the same arbitration as the board."""
    zone = await load_zone(ctx, zone_id)
    venue = await load_venue(ctx, zone.venue_id)
    # Arbitration is per zone, so the zone alone gives the same answer as the whole board.
    return (await board_of(ctx, venue, [zone])).zones[0]
