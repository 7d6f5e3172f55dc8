"""The ``[venue_audio]`` table of a blueprint: venues (on org units) with their zones — floors and
basements generated from counts, areas listed — zone groups, devices and schedules, created when
missing (applying twice writes nothing the second time)."""

from __future__ import annotations

from datetime import date, time
from typing import Literal

import msgspec
from sqlalchemy import select

from bizsuite.core.blueprints import ApplyReport, Blueprint, BlueprintSection, SectionError
from bizsuite.core.context import Context, snapshot
from bizsuite.core.org_units.blueprint import org_units_in
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.venue_audio import rules
from bizsuite.modules.venue_audio.models import Device, Schedule, Venue, Zone, ZoneGroup, ZoneGroupMember
from bizsuite.modules.venue_audio.schemas import Code, Name, Source


class AreaSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A zone without a floor (a plaza, a scenic spot)."""

    code: Code
    name: Name
    volume: int = 60


class GroupSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A zone group by zone codes."""

    code: Code
    name: Name
    zones: list[str]


class DeviceSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A device, optionally in a zone (by code)."""

    code: Code
    name: Name
    kind: Literal["amplifier", "speaker", "paging_station", "player"]
    zone: str | None = None
    heartbeat_interval_s: int = 300


class ScheduleSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Music from ``start`` to ``end`` or an announcement of ``duration_s`` at ``start``, for a zone or a group."""

    kind: Literal["music", "announcement"]
    name: Name
    source: Source
    zone: str | None = None
    group: str | None = None
    start: time
    end: time | None = None
    duration_s: int | None = None
    weekdays: list[int] = msgspec.field(default_factory=lambda: [0, 1, 2, 3, 4, 5, 6])
    volume: int | None = None
    skip_holidays: bool = False


class VenueSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A venue: ``floors`` above ground make zones ``F1``… (1 = ground), ``basements`` make ``B1``…"""

    code: Code
    name: Name
    org_unit: str
    time_zone: str
    emergency_policy: Literal["phased", "all_zones"] = "phased"
    evacuation_source: Source
    floors: int = 0
    basements: int = 0
    holidays: list[date] = msgspec.field(default_factory=list)
    areas: list[AreaSpec] = msgspec.field(default_factory=list)
    groups: list[GroupSpec] = msgspec.field(default_factory=list)
    devices: list[DeviceSpec] = msgspec.field(default_factory=list)
    schedules: list[ScheduleSpec] = msgspec.field(default_factory=list)


class VenueAudioSection(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``[venue_audio]``."""

    venues: list[VenueSpec] = msgspec.field(default_factory=list)


def _zone_codes(venue: VenueSpec) -> list[str]:
    return (
        [f"F{n}" for n in range(1, venue.floors + 1)]
        + [f"B{n}" for n in range(1, venue.basements + 1)]
        + [rules.normal_code(a.code) for a in venue.areas]
    )


def check(blueprint: Blueprint, section: VenueAudioSection) -> None:
    """Org units, time zones, zone and group references exist."""
    units = {unit.code for unit in org_units_in(blueprint)}
    for i, venue in enumerate(section.venues):
        where = f"venues[{i}]"
        if venue.org_unit not in units:
            raise SectionError(f"{where}.org_unit", f"no org unit {venue.org_unit!r} in the blueprint")
        if not rules.valid_time_zone(venue.time_zone):
            raise SectionError(f"{where}.time_zone", "not a known IANA time zone")
        zones = set(_zone_codes(venue))
        groups = {rules.normal_code(g.code) for g in venue.groups}
        for j, group in enumerate(venue.groups):
            for code in group.zones:
                if rules.normal_code(code) not in zones:
                    raise SectionError(f"{where}.groups[{j}].zones", f"no zone {code!r}")
        for j, device in enumerate(venue.devices):
            if device.zone is not None and rules.normal_code(device.zone) not in zones:
                raise SectionError(f"{where}.devices[{j}].zone", f"no zone {device.zone!r}")
        for j, schedule in enumerate(venue.schedules):
            if (schedule.zone is None) == (schedule.group is None):
                raise SectionError(f"{where}.schedules[{j}]", "name either a zone or a group")
            if schedule.zone is not None and rules.normal_code(schedule.zone) not in zones:
                raise SectionError(f"{where}.schedules[{j}].zone", f"no zone {schedule.zone!r}")
            if schedule.group is not None and rules.normal_code(schedule.group) not in groups:
                raise SectionError(f"{where}.schedules[{j}].group", f"no group {schedule.group!r}")


async def apply(ctx: Context, section: VenueAudioSection, report: ApplyReport) -> None:
    """Create what is missing (by codes; schedules by name)."""
    session = ctx.session
    units = dict((await session.execute(select(OrgUnit.code, OrgUnit.id))).all())
    venues = {v.code: v for v in await session.scalars(select(Venue))}
    for spec in section.venues:
        code = rules.normal_code(spec.code)
        venue = venues.get(code)
        if venue is None:
            venue = Venue(
                org_unit_id=units[spec.org_unit],
                code=code,
                name=spec.name,
                time_zone=spec.time_zone,
                emergency_policy=spec.emergency_policy,
                evacuation_source=spec.evacuation_source,
                holidays=sorted(set(spec.holidays)),
            )
            session.add(venue)
            await session.flush()
            ctx.audit("venue_audio.venue.created", venue, after=snapshot(venue))
            report.created.append(f"venue {code}")
        zones = {z.code: z for z in await session.scalars(select(Zone).where(Zone.venue_id == venue.id))}
        wanted: list[tuple[str, str, int | None, bool, int]] = [
            (f"F{n}", f"{n}F", n, False, 60) for n in range(1, spec.floors + 1)
        ]
        wanted += [(f"B{n}", f"B{n}", n, True, 50) for n in range(1, spec.basements + 1)]
        wanted += [(rules.normal_code(a.code), a.name, None, False, a.volume) for a in spec.areas]
        for zone_code, name, floor, basement, volume in wanted:
            if zone_code in zones:
                continue
            zone = Zone(
                venue_id=venue.id, code=zone_code, name=name, floor=floor, basement=basement, volume=volume
            )
            session.add(zone)
            zones[zone_code] = zone
        await session.flush()
        groups = {
            g.code: g for g in await session.scalars(select(ZoneGroup).where(ZoneGroup.venue_id == venue.id))
        }
        for group_spec in spec.groups:
            group_code = rules.normal_code(group_spec.code)
            if group_code in groups:
                continue
            group = ZoneGroup(venue_id=venue.id, code=group_code, name=group_spec.name)
            session.add(group)
            await session.flush()
            session.add_all(
                ZoneGroupMember(zone_group_id=group.id, zone_id=zones[rules.normal_code(c)].id)
                for c in group_spec.zones
            )
            groups[group_code] = group
        devices = set(await session.scalars(select(Device.code).where(Device.venue_id == venue.id)))
        for device_spec in spec.devices:
            device_code = rules.normal_code(device_spec.code)
            if device_code in devices:
                continue
            session.add(
                Device(
                    venue_id=venue.id,
                    zone_id=zones[rules.normal_code(device_spec.zone)].id if device_spec.zone else None,
                    kind=device_spec.kind,
                    code=device_code,
                    name=device_spec.name,
                    heartbeat_interval_s=device_spec.heartbeat_interval_s,
                )
            )
        schedules = set(await session.scalars(select(Schedule.name).where(Schedule.venue_id == venue.id)))
        for s in spec.schedules:
            if s.name in schedules:
                continue
            session.add(
                Schedule(
                    venue_id=venue.id,
                    zone_id=zones[rules.normal_code(s.zone)].id if s.zone else None,
                    zone_group_id=groups[rules.normal_code(s.group)].id if s.group else None,
                    kind=s.kind,
                    name=s.name,
                    source=s.source,
                    start_time=s.start,
                    end_time=s.end,
                    duration_s=s.duration_s,
                    weekdays=sorted(set(s.weekdays)),
                    volume=s.volume,
                    skip_holidays=s.skip_holidays,
                )
            )
        await session.flush()


SECTION = BlueprintSection(spec=VenueAudioSection, apply=apply, check=check)
