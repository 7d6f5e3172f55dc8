"""Venue audio's domain rules: plain functions over plain values, unit-tested without a database.

* :func:`arbitrate` — what every zone plays at an instant, from the programs that touch it: the
  single source of truth for the status board, the players' "what do I play now" and the log.
* :func:`emergency_zones` — which zones an emergency covers (the N+1 rule, or all zones).
* :func:`occurrence` — the window of a daily schedule (background music, a timed announcement)
  that contains an instant, read in the venue's time zone.
"""

from __future__ import annotations

import bisect
import enum
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo, available_timezones


class Priority(enum.IntEnum):
    """Emergency > live paging > scheduled announcement > background music."""

    MUSIC = 1
    ANNOUNCEMENT = 2
    PAGING = 3
    EMERGENCY = 4


#: The volume an emergency forces in its zones, whatever the local volume control says.
FULL_VOLUME = 100


@dataclass(frozen=True, slots=True)
class Program:
    """Something that wants to play in some zones from ``start`` until ``end`` (``None``: until stopped).

    ``duration`` is set for an announcement: it ends in a zone once it has played ``duration``
    without interruption there (a preempted announcement starts again from the beginning when it
    resumes), and is dropped if it has not by ``end``. Music and live programs play until ``end``;
    preempted music resumes where it was.
    """

    id: str
    priority: Priority
    zones: frozenset[str]
    start: datetime
    end: datetime | None = None
    duration: timedelta | None = None
    source: str = ""
    volume: int | None = None

    @property
    def restarts_on_resume(self) -> bool:
        """An announcement is heard whole: after a preemption it starts again from the beginning."""
        return self.priority == Priority.ANNOUNCEMENT


@dataclass(frozen=True, slots=True)
class ZonePlay:
    """What a zone plays at an instant, and why.

    ``position`` is where in the source the zone is (music: the time it has actually played,
    pauses excluded; an announcement: since its current run began; a live program: since it
    started). ``waiting`` lists the live programs the winner holds back, highest first.
    """

    zone: str
    program_id: str | None
    priority: Priority | None
    source: str
    volume: int
    position: timedelta
    waiting: tuple[str, ...] = ()

    @property
    def silent(self) -> bool:
        """Nothing plays in the zone."""
        return self.program_id is None


@dataclass(slots=True)
class _State:
    played: timedelta = field(default_factory=timedelta)
    run_start: datetime | None = None
    done: bool = False


def _rank(program: Program) -> tuple[int, datetime, str]:
    # Highest priority first; equal priority: first come, then by id so ties are deterministic.
    return (-int(program.priority), program.start, program.id)


def _live(program: Program, state: _State, at: datetime) -> bool:
    return program.start <= at and (program.end is None or at < program.end) and not state.done


def _zone_timeline(programs: Sequence[Program], at: datetime) -> tuple[Program | None, dict[str, _State]]:
    """Replay one zone's programs from the first start to ``at``; the winner at ``at`` and each state."""
    states = {p.id: _State() for p in programs}
    fixed = sorted({p.start for p in programs} | {p.end for p in programs if p.end is not None})
    winner: Program | None = None
    if not programs:
        return None, states
    by_start = sorted(programs, key=lambda p: p.start)
    begun = 0  # by_start[:begun] have started by now
    started: list[Program] = []  # of those, the ones whose window has not ended
    now = by_start[0].start
    while now <= at:
        while begun < len(by_start) and by_start[begun].start <= now:
            started.append(by_start[begun])
            begun += 1
        started = [p for p in started if p.end is None or now < p.end]
        # The highest ranked live program (ranks are unique: the id breaks ties).
        current = min((p for p in started if not states[p.id].done), key=_rank, default=None)
        if current is not None and (winner is None or winner.id != current.id):
            # It takes over the zone (first time or a resume): an announcement starts from the top.
            state = states[current.id]
            if state.run_start is None or current.restarts_on_resume:
                state.run_start = now
        winner = current
        following = bisect.bisect_right(fixed, now)  # the first start or end after now
        step_end = fixed[following] if following < len(fixed) else None
        if current is not None and current.duration is not None:
            run_start = states[current.id].run_start
            assert run_start is not None
            finish = run_start + current.duration
            step_end = finish if step_end is None else min(step_end, finish)
        if step_end is None or step_end > at:
            if current is not None:
                states[current.id].played += at - now
            break
        if current is not None:
            states[current.id].played += step_end - now
            if current.duration is not None and states[current.id].run_start is not None:
                run_start = states[current.id].run_start
                assert run_start is not None
                if step_end >= run_start + current.duration:
                    states[current.id].done = True
        now = step_end
    if winner is not None and not _live(winner, states[winner.id], at):
        winner = None
    return winner, states


def _replay(candidates: Sequence[Program], at: datetime) -> tuple[Program | None, timedelta, tuple[str, ...]]:
    """What a zone with these programs plays at ``at``: the winner, where in it, and what waits."""
    winner, states = _zone_timeline(candidates, at)
    if winner is None:
        return None, timedelta(), ()
    state = states[winner.id]
    if winner.priority == Priority.MUSIC:
        position = state.played
    elif winner.restarts_on_resume:
        assert state.run_start is not None
        position = at - state.run_start
    else:
        position = at - winner.start
    waiting = tuple(
        p.id for p in sorted(candidates, key=_rank) if p.id != winner.id and _live(p, states[p.id], at)
    )
    return winner, position, waiting


def arbitrate(
    zone_volumes: Mapping[str, int], programs: Iterable[Program], at: datetime
) -> dict[str, ZonePlay]:
    """What every zone plays at ``at``: one program per zone at most, the highest priority first,
    equal priorities first come; a preempted program resumes when the higher one ends (music from
    where it was, an announcement from the start); an emergency plays at full volume.

    ``zone_volumes`` names every zone with its local volume; ``programs`` are the programs whose
    windows reach ``at`` together with any earlier ones that overlapped them (what preempted music
    decides where it resumes). Programs starting after ``at`` change nothing.
    """
    by_zone: dict[str, list[Program]] = {zone: [] for zone in zone_volumes}
    for program in programs:
        if program.start > at:
            continue
        for zone in program.zones:
            if zone in by_zone:
                by_zone[zone].append(program)
    result: dict[str, ZonePlay] = {}
    # Zones with the same programs (a group's, an all call's) replay the same timeline: once.
    replays: dict[tuple[int, ...], tuple[Program | None, timedelta, tuple[str, ...]]] = {}
    for zone, volume in zone_volumes.items():
        candidates = by_zone[zone]
        key = tuple(map(id, candidates))
        replay = replays.get(key)
        if replay is None:
            replay = replays[key] = _replay(candidates, at)
        winner, position, waiting = replay
        if winner is None:
            result[zone] = ZonePlay(zone, None, None, "", volume, timedelta())
            continue
        played_volume = (
            FULL_VOLUME
            if winner.priority == Priority.EMERGENCY
            else (winner.volume if winner.volume is not None else volume)
        )
        result[zone] = ZonePlay(
            zone, winner.id, winner.priority, winner.source, played_volume, position, waiting
        )
    return result


def next_change(programs: Iterable[Program], plays: Mapping[str, ZonePlay], at: datetime) -> datetime | None:
    """The first instant after ``at`` when :func:`arbitrate` may answer differently by itself: a
    program starts or ends, or an announcement playing now finishes (``plays`` is the answer at
    ``at``). ``None``: nothing is due."""
    programs = list(programs)
    instants = {p.start for p in programs} | {p.end for p in programs if p.end is not None}
    durations = {p.id: p.duration for p in programs if p.duration is not None}
    for play in plays.values():
        duration = durations.get(play.program_id or "")
        if duration is not None:
            instants.add(at + duration - play.position)
    return min((t for t in instants if t > at), default=None)


# --- Emergency zone selection (N+1) ---------------------------------------------------------


class EmergencyPolicy(enum.StrEnum):
    """Phased evacuation by the N+1 rule, or every zone of the venue at once."""

    PHASED = "phased"
    ALL_ZONES = "all_zones"


@dataclass(frozen=True, slots=True)
class ZonePlace:
    """Where a zone is: a floor above ground (1 = the ground floor), a basement level (1 = B1),
    or an area without a floor (``floor`` is ``None``)."""

    id: str
    floor: int | None
    basement: bool = False


def _is_ground(zone: ZonePlace) -> bool:
    return zone.floor == 1 and not zone.basement


def emergency_zones(
    zones: Sequence[ZonePlace],
    *,
    policy: EmergencyPolicy,
    floor: int | None = None,
    basement: bool = False,
    zone_id: str | None = None,
    all_call: bool = False,
) -> list[str]:
    """The zones an alarm covers, in the order given.

    All call, or a venue whose policy is all zones → every zone. Otherwise the N+1 rule on the
    alarm's floor (or the floor of ``zone_id``): floor N ≥ 2 → floors N−1, N and N+1 (those that
    exist); the ground floor → the ground floor, floor 2 and every basement; a basement → every
    basement and the ground floor. An alarm in an area without a floor covers that area.
    """
    if all_call or policy == EmergencyPolicy.ALL_ZONES:
        return [z.id for z in zones]
    if zone_id is not None:
        origin = next((z for z in zones if z.id == zone_id), None)
        if origin is None:
            return []
        if origin.floor is None:
            return [origin.id]
        floor, basement = origin.floor, origin.basement
    if floor is None:
        return []
    if basement:
        return [z.id for z in zones if z.basement or _is_ground(z)]
    if floor == 1:
        return [z.id for z in zones if z.basement or (z.floor in (1, 2) and not z.basement)]
    wanted = {floor - 1, floor, floor + 1}
    return [z.id for z in zones if not z.basement and z.floor in wanted]


# --- Daily schedules in the venue's time zone ----------------------------------------------


@dataclass(frozen=True, slots=True)
class DailyWindow:
    """A daily slot in local time on some weekdays (0 = Monday); ``end`` before ``start`` runs past
    midnight (the weekday is the day it starts)."""

    start: time
    end: time
    weekdays: frozenset[int]


def occurrence(
    window: DailyWindow, time_zone: str, at: datetime, skip_days: frozenset[date] = frozenset()
) -> tuple[datetime, datetime] | None:
    """The occurrence of ``window`` (start, end in UTC) that contains ``at``, if one does; an
    occurrence starting on one of ``skip_days`` (local dates: the venue's holidays) does not count."""
    zone = ZoneInfo(time_zone)
    local = at.astimezone(zone)
    for back in (0, 1):
        day = local.date() - timedelta(days=back)
        if day.weekday() not in window.weekdays or day in skip_days:
            continue
        start = datetime.combine(day, window.start, zone)
        end_day = day if window.end > window.start else day + timedelta(days=1)
        end = datetime.combine(end_day, window.end, zone)
        start_utc, end_utc = start.astimezone(UTC), end.astimezone(UTC)
        if start_utc <= at < end_utc:
            return start_utc, end_utc
    return None


def announcement_start(
    at_time: time,
    weekdays: frozenset[int],
    time_zone: str,
    at: datetime,
    hold: timedelta,
    skip_days: frozenset[date] = frozenset(),
) -> datetime | None:
    """The start (UTC) of a timed announcement's occurrence still within its hold at ``at`` (not
    on one of ``skip_days``)."""
    zone = ZoneInfo(time_zone)
    local = at.astimezone(zone)
    for back in (0, 1):
        day = local.date() - timedelta(days=back)
        if day.weekday() not in weekdays or day in skip_days:
            continue
        start = datetime.combine(day, at_time, zone).astimezone(UTC)
        if start <= at < start + hold:
            return start
    return None


def heartbeat_overdue(
    last_seen: datetime | None, interval: timedelta, now: datetime, *, since: datetime
) -> bool:
    """A device is faulty once it has been silent longer than its heartbeat interval; a device
    never heard from counts from when it was registered (``since``)."""
    return now - (last_seen or since) > interval


# --- Small rules ------------------------------------------------------------------------------


def normal_code(code: str) -> str:
    """Codes are compared and stored in upper case (``f-5`` and ``F-5`` are one code)."""
    return code.strip().upper()


def valid_time_zone(name: str) -> bool:
    """Whether ``name`` is an IANA time zone this machine knows."""
    return name in available_timezones()


class Placed(Protocol):
    """Anything with a zone's place."""

    @property
    def floor(self) -> int | None: ...
    @property
    def basement(self) -> bool: ...
    @property
    def code(self) -> str: ...


def zone_order(zone: Placed) -> tuple[int, int, str]:
    """Board order: the top floor first down to the ground floor, then B1, B2…, then the areas."""
    if zone.floor is None:
        return (2, 0, zone.code)
    if zone.basement:
        return (1, zone.floor, zone.code)
    return (0, -zone.floor, zone.code)


def zone_label(floor: int | None, basement: bool) -> str:
    """``B2``, ``1F``, ``12F``, or empty for an area."""
    if floor is None:
        return ""
    return f"B{floor}" if basement else f"{floor}F"


# --- Audio assets ---------------------------------------------------------------------------

#: A program's source naming an audio asset: ``asset:<asset id>`` (a player fetches its MP3 through
#: ``GET …/player/assets/{id}``); any other source is text (``playlist:lobby-jazz``, a message).
ASSET_SOURCE_PREFIX = "asset:"


def asset_source(asset_id: uuid.UUID) -> str:
    """The source of a program that plays an audio asset."""
    return f"{ASSET_SOURCE_PREFIX}{asset_id}"


def duration_label(duration_ms: int) -> str:
    """A duration as people read it: ``0:01.5``, ``3:25.0``, ``1:02:03.0``."""
    tenths = round(duration_ms / 100)
    minutes, seconds = divmod(tenths / 10, 60)
    hours, minutes = divmod(int(minutes), 60)
    shown = f"{minutes:d}:{seconds:04.1f}"
    return f"{hours:d}:{minutes:02d}:{seconds:04.1f}" if hours else shown


def source_choice(text: str | None, asset_id: uuid.UUID | None) -> str | None:
    """Which of a text source and an asset a program plays: ``"text"``, ``"asset"``, or ``None``
    when it names neither; both at once is ambiguous (``ValueError``)."""
    if text is not None and asset_id is not None:
        raise ValueError("both a text source and an asset")
    if asset_id is not None:
        return "asset"
    return "text" if text is not None else None
