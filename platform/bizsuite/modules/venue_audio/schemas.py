"""Venue audio's API bodies: create, update (PATCH: omitted keeps, ``null`` clears), views, pages,
filters, and the status board every zone's player reads."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from bizsuite.modules.venue_audio.models import BroadcastKind, DeviceKind, ScheduleKind

Code = Annotated[str, msgspec.Meta(min_length=1, max_length=50, pattern=r"^[A-Za-z0-9_.-]+$")]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Source = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
TimeZone = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
Volume = Annotated[int, msgspec.Meta(ge=0, le=100)]
Floor = Annotated[int, msgspec.Meta(ge=1, le=200)]
Reason = Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]
Weekday = Annotated[int, msgspec.Meta(ge=0, le=6)]
Weekdays = Annotated[list[Weekday], msgspec.Meta(min_length=1, max_length=7)]
Holidays = Annotated[list[date], msgspec.Meta(max_length=400)]
HeartbeatInterval = Annotated[int, msgspec.Meta(ge=5, le=86400)]
ZoneIds = Annotated[list[uuid.UUID], msgspec.Meta(max_length=500)]
DeviceKindName = DeviceKind
ScheduleKindName = ScheduleKind
BroadcastKindName = BroadcastKind


class EmergencyPolicyName(enum.StrEnum):
    """How an emergency spreads: floor by floor (N+1), or every zone at once."""

    PHASED = "phased"
    ALL_ZONES = "all_zones"


class DeviceHealth(enum.StrEnum):
    """A device's heartbeat state: ``unknown`` until its first heartbeat."""

    OK = "ok"
    FAULT = "fault"
    UNKNOWN = "unknown"


class ProgramKindName(enum.StrEnum):
    """What a zone can play, lowest priority first (music 1 ... emergency 4)."""

    MUSIC = "music"
    ANNOUNCEMENT = "announcement"
    PAGING = "paging"
    EMERGENCY = "emergency"


# --- Venues ---------------------------------------------------------------------------------


class VenueCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new venue on an org unit."""

    org_unit_id: uuid.UUID
    code: Code
    name: Name
    #: IANA time zone the venue's schedules are read in (``Asia/Shanghai``).
    time_zone: TimeZone
    emergency_policy: EmergencyPolicyName = EmergencyPolicyName.PHASED
    #: The pre-recorded evacuation message an emergency loops.
    evacuation_source: Source
    #: The venue's holiday calendar (local dates) that ``skip_holidays`` schedules skip.
    holidays: Holidays = msgspec.field(default_factory=list)


class VenueUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value. Send ``If-Match``."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    time_zone: TimeZone | msgspec.UnsetType = msgspec.UNSET
    emergency_policy: EmergencyPolicyName | msgspec.UnsetType = msgspec.UNSET
    #: A text source for the evacuation message (replaces the asset, if one was picked).
    evacuation_source: Source | msgspec.UnsetType = msgspec.UNSET
    #: An evacuation audio asset of the venue instead: the source becomes ``asset:<id>``.
    evacuation_asset_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    holidays: Holidays | msgspec.UnsetType = msgspec.UNSET


class VenueView(msgspec.Struct, kw_only=True):
    """A venue."""

    id: uuid.UUID
    org_unit_id: uuid.UUID
    code: str
    name: str
    time_zone: str
    emergency_policy: str
    evacuation_source: str
    #: The evacuation message's audio asset, if one was picked (the source is then ``asset:<id>``).
    evacuation_asset_id: uuid.UUID | None
    holidays: list[date]
    created_at: datetime
    updated_at: datetime
    version: int


class VenuePage(msgspec.Struct, kw_only=True):
    """A page of venues."""

    items: list[VenueView]
    next_cursor: str | None


# --- Zones and groups --------------------------------------------------------------------------


class AudioZoneCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new zone: a floor (1 = ground), a basement level (``basement``, 1 = B1) or an area (no floor)."""

    venue_id: uuid.UUID
    code: Code
    name: Name
    floor: Floor | None = None
    basement: bool = False
    area: Name | None = None
    volume: Volume = 60


class AudioZoneUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; ``null`` clears the floor or the area. Send ``If-Match``."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    floor: Floor | msgspec.UnsetType | None = msgspec.UNSET
    basement: bool | msgspec.UnsetType = msgspec.UNSET
    area: Name | msgspec.UnsetType | None = msgspec.UNSET
    volume: Volume | msgspec.UnsetType = msgspec.UNSET


class AudioZoneView(msgspec.Struct, kw_only=True):
    """A zone."""

    id: uuid.UUID
    venue_id: uuid.UUID
    code: str
    name: str
    floor: int | None
    basement: bool
    area: str | None
    volume: int
    created_at: datetime
    updated_at: datetime
    version: int


class AudioZonePage(msgspec.Struct, kw_only=True):
    """A page of zones."""

    items: list[AudioZoneView]
    next_cursor: str | None


class AudioZoneFilters(msgspec.Struct, kw_only=True):
    """The zones list's filters."""

    venue_id: uuid.UUID | None = None


class ZoneGroupCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new zone group of the venue's zones."""

    venue_id: uuid.UUID
    code: Code
    name: Name
    zone_ids: ZoneIds


class ZoneGroupUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; ``zone_ids`` replaces the members. Send ``If-Match``."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    zone_ids: ZoneIds | msgspec.UnsetType = msgspec.UNSET


class ZoneGroupView(msgspec.Struct, kw_only=True):
    """A zone group and its zones."""

    id: uuid.UUID
    venue_id: uuid.UUID
    code: str
    name: str
    zone_ids: list[uuid.UUID]
    created_at: datetime
    updated_at: datetime
    version: int


class ZoneGroupPage(msgspec.Struct, kw_only=True):
    """A page of zone groups."""

    items: list[ZoneGroupView]
    next_cursor: str | None


# --- Devices ---------------------------------------------------------------------------------


class DeviceCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new device; silent longer than ``heartbeat_interval_s`` it is in fault."""

    venue_id: uuid.UUID
    zone_id: uuid.UUID | None = None
    kind: DeviceKindName
    code: Code
    name: Name
    heartbeat_interval_s: HeartbeatInterval = 60


class DeviceUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; ``null`` detaches the device from its zone. Send ``If-Match``."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    zone_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    heartbeat_interval_s: HeartbeatInterval | msgspec.UnsetType = msgspec.UNSET


class DeviceView(msgspec.Struct, kw_only=True):
    """A device and its health: ``ok``, ``fault`` (silent past its interval) or ``unknown`` (never heard)."""

    id: uuid.UUID
    venue_id: uuid.UUID
    zone_id: uuid.UUID | None
    kind: str
    code: str
    name: str
    heartbeat_interval_s: int
    last_heartbeat_at: datetime | None
    fault_since: datetime | None
    health: DeviceHealth
    created_at: datetime
    updated_at: datetime
    version: int


class DevicePage(msgspec.Struct, kw_only=True):
    """A page of devices."""

    items: list[DeviceView]
    next_cursor: str | None


class DeviceFilters(msgspec.Struct, kw_only=True):
    """The devices list's filters."""

    venue_id: uuid.UUID | None = None
    health: DeviceHealth | None = None


#: A time of day in the venue's time zone: no offset of its own (``09:30:00``).
LocalTime = Annotated[time, msgspec.Meta(tz=False)]


# --- Schedules -------------------------------------------------------------------------------


class ScheduleCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Background music from ``start_time`` to ``end_time``, or an announcement of ``duration_s`` at
    ``start_time``, on some weekdays (0 = Monday) in the venue's time zone, for one zone or one group."""

    venue_id: uuid.UUID
    kind: ScheduleKindName
    name: Name
    #: What to play as text (a playlist, track or message); or pick ``asset_id`` instead.
    source: Source | None = None
    #: An audio asset of the venue to play: the source becomes ``asset:<id>``.
    asset_id: uuid.UUID | None = None
    zone_id: uuid.UUID | None = None
    zone_group_id: uuid.UUID | None = None
    start_time: LocalTime
    end_time: LocalTime | None = None
    duration_s: Annotated[int, msgspec.Meta(ge=1, le=3600)] | None = None
    weekdays: Weekdays = msgspec.field(default_factory=lambda: [0, 1, 2, 3, 4, 5, 6])
    volume: Volume | None = None
    enabled: bool = True
    #: Not on the venue's holidays.
    skip_holidays: bool = False


class ScheduleUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; ``null`` clears the volume (the zone's applies). A new ``zone_id`` or
    ``zone_group_id`` moves the schedule (send the other as ``null``: one target). Send ``If-Match``."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    zone_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    zone_group_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    #: A text source (replaces the asset, if one was picked).
    source: Source | msgspec.UnsetType = msgspec.UNSET
    #: An audio asset of the venue instead (the source becomes ``asset:<id>``).
    asset_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    start_time: LocalTime | msgspec.UnsetType = msgspec.UNSET
    end_time: LocalTime | msgspec.UnsetType | None = msgspec.UNSET
    duration_s: Annotated[int, msgspec.Meta(ge=1, le=3600)] | msgspec.UnsetType | None = msgspec.UNSET
    weekdays: Weekdays | msgspec.UnsetType = msgspec.UNSET
    volume: Volume | msgspec.UnsetType | None = msgspec.UNSET
    enabled: bool | msgspec.UnsetType = msgspec.UNSET
    skip_holidays: bool | msgspec.UnsetType = msgspec.UNSET


class ScheduleView(msgspec.Struct, kw_only=True):
    """A schedule."""

    id: uuid.UUID
    venue_id: uuid.UUID
    kind: str
    name: str
    source: str
    #: The audio asset it plays, if one was picked (the source is then ``asset:<id>``).
    asset_id: uuid.UUID | None
    zone_id: uuid.UUID | None
    zone_group_id: uuid.UUID | None
    start_time: time
    end_time: time | None
    duration_s: int | None
    weekdays: list[int]
    volume: int | None
    enabled: bool
    skip_holidays: bool
    created_at: datetime
    updated_at: datetime
    version: int


class SchedulePage(msgspec.Struct, kw_only=True):
    """A page of schedules."""

    items: list[ScheduleView]
    next_cursor: str | None


class ScheduleFilters(msgspec.Struct, kw_only=True):
    """The schedules list's filters."""

    venue_id: uuid.UUID | None = None


# --- Broadcasts: paging and emergencies ---------------------------------------------------------


class PagingBegin(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A live paging session to some zones or to a group, ended by its station or after ``max_duration_s``."""

    venue_id: uuid.UUID
    zone_ids: ZoneIds = msgspec.field(default_factory=list)
    zone_group_id: uuid.UUID | None = None
    #: The paging station or microphone feeding it.
    source: Source
    max_duration_s: Annotated[int, msgspec.Meta(ge=5, le=3600)] = 300
    reason: Reason | None = None


class EmergencyBegin(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An emergency broadcast (消防广播): a fire-alarm signal (with its ``alarm_id``: a repeated
    signal starts nothing twice) or an operator's confirmed trigger. Say where: ``floor`` (with
    ``basement`` for a basement level), a ``zone_id``, or ``all_call``."""

    venue_id: uuid.UUID
    alarm_id: Annotated[str, msgspec.Meta(min_length=1, max_length=100)] | None = None
    floor: Floor | None = None
    basement: bool = False
    zone_id: uuid.UUID | None = None
    all_call: bool = False
    reason: Reason


class BroadcastClose(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """End a paging session, or clear an emergency (a reason is required to clear one)."""

    reason: Reason | None = None


class BroadcastView(msgspec.Struct, kw_only=True):
    """A paging session or an emergency: the compliance log's record."""

    id: uuid.UUID
    venue_id: uuid.UUID
    kind: str
    zone_ids: list[uuid.UUID]
    source: str
    started_at: datetime
    ends_at: datetime | None
    ended_at: datetime | None
    live: bool
    alarm_id: str | None
    origin: str | None
    started_by: str
    reason: str | None
    ended_by: str | None
    end_reason: str | None
    created_at: datetime
    version: int
    #: How many players were commanded to play it, how many acknowledged, and the slowest
    #: acknowledgement (seconds from the command): the log's record of what the zones did.
    players_commanded: int = 0
    players_acknowledged: int = 0
    slowest_ack_s: float | None = None


class BroadcastPage(msgspec.Struct, kw_only=True):
    """A page of broadcasts."""

    items: list[BroadcastView]
    next_cursor: str | None


class BroadcastFilters(msgspec.Struct, kw_only=True):
    """The broadcasts list's filters."""

    q: str | None = None
    venue_id: uuid.UUID | None = None
    kind: BroadcastKindName | None = None
    live: bool | None = None


# --- What plays now ------------------------------------------------------------------------------


class WaitingProgram(msgspec.Struct, kw_only=True):
    """A live program held back in a zone by a higher (or an earlier equal) one."""

    program_id: str
    kind: ProgramKindName
    name: str
    priority: int


class PlayerState(msgspec.Struct, kw_only=True):
    """A player of a zone: what it was last commanded and whether it acknowledged playing it."""

    device_id: uuid.UUID
    code: str
    name: str
    #: The last command's number (``None``: never commanded, e.g. no feed open yet).
    seq: int | None
    commanded_kind: ProgramKindName | None
    commanded_source: str | None
    commanded_volume: int | None
    issued_at: datetime | None
    acked_at: datetime | None
    #: What the player said it plays when it acknowledged.
    reported_source: str | None
    reported_volume: int | None
    #: ``acknowledged``, ``waiting`` (commanded, not acknowledged yet), ``late`` (an emergency not
    #: acknowledged within its deadline: an alert was raised) or ``idle`` (never commanded).
    state: Literal["acknowledged", "waiting", "late", "idle"]


class ZoneStatus(msgspec.Struct, kw_only=True):
    """What a zone plays at ``at``, decided by the arbitration rule, with the inputs it used.

    ``priority``: emergency 4 > paging 3 > announcement 2 > music 1. ``position_s`` is where in
    the source to play from: music resumes where it was, an announcement restarts. ``volume`` is
    100 in an emergency, else the program's volume, else the zone's (``volume_rule`` says which).
    """

    zone_id: uuid.UUID
    code: str
    name: str
    floor: int | None
    basement: bool
    area: str | None
    program_kind: ProgramKindName | None
    program_id: str | None
    program_name: str | None
    source: str | None
    priority: int | None
    volume: int
    zone_volume: int
    volume_rule: str
    position_s: float
    waiting: list[WaitingProgram]
    devices: int
    devices_in_fault: int
    rule: str
    #: The zone's players, commanded vs acknowledged.
    players: list[PlayerState] = msgspec.field(default_factory=list)


class VenueBoard(msgspec.Struct, kw_only=True):
    """Every zone of a venue at one instant (the status board and the players read the same)."""

    venue_id: uuid.UUID
    at: datetime
    zones: list[ZoneStatus]
    #: When the board next changes by itself (a program starts or ends, an announcement finishes),
    #: if anything is due; a change someone makes comes on the live feed instead.
    next_change_at: datetime | None = None


# --- Audio assets ---------------------------------------------------------------------------


class AssetCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Register an uploaded file (``POST /api/v1/files``) as an audio asset of a venue."""

    venue_id: uuid.UUID
    file_id: uuid.UUID
    name: Name
    purpose: Literal["music", "message", "evacuation"] = "music"


LoudnessLufs = Annotated[
    Decimal,
    msgspec.Meta(
        description=(
            "Integrated loudness in LUFS, ITU-R BS.1770-4 as EBU R 128 uses it, one decimal: each "
            "channel K-weighted (a +4 dB shelf above about 1.5 kHz, a 38 Hz high-pass); z = each "
            "channel's mean square over 400 ms blocks overlapping by 75 %; a block's loudness "
            "l = −0.691 + 10·log10(Σ G·z) with G = 1 for left, right and centre (1.41 for surround); "
            "blocks counted when l ≥ −70 LUFS and above `loudness_gate_lufs`; the result is "
            "−0.691 + 10·log10(Σ G·z̄), z̄ the mean of z over the counted blocks. `null`: no block "
            "counted (silence, quieter than −70 LUFS, or shorter than 400 ms), or an asset "
            "registered before loudness was measured (`loudness_blocks` null too)."
        ),
        examples=["-23.0"],
    ),
]
LoudnessGate = Annotated[
    Decimal,
    msgspec.Meta(
        description=(
            "The relative gate in LUFS: 10 LU below the loudness of the blocks at or above −70 LUFS; "
            "quieter blocks (pauses, fades) do not count."
        ),
        examples=["-33.0"],
    ),
]
LoudnessBlocks = Annotated[
    int, msgspec.Meta(ge=0, description="The 400 ms blocks measured (a new one every 100 ms).")
]
CountedBlocks = Annotated[
    int,
    msgspec.Meta(
        ge=0, description="Of `loudness_blocks`, those above both gates: what `loudness_lufs` averages."
    ),
]


class AssetView(msgspec.Struct, kw_only=True):
    """An audio asset with what was read from its file: ``duration_ms`` = decoded frames ÷ sample
    rate × 1000; ``loudness_lufs``, the integrated loudness (EBU R 128), with the blocks and the
    gate it was computed from. ``delivery_file_id`` is the MP3 players receive (the upload itself
    when it is an MP3)."""

    id: uuid.UUID
    venue_id: uuid.UUID
    file_id: uuid.UUID
    name: str
    purpose: str
    content_type: str
    duration_ms: int
    sample_rate: int
    channels: int
    loudness_lufs: LoudnessLufs | None
    loudness_blocks: LoudnessBlocks | None
    loudness_counted_blocks: CountedBlocks | None
    loudness_gate_lufs: LoudnessGate | None
    delivery_file_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    version: int


class AssetPage(msgspec.Struct, kw_only=True):
    """A page of audio assets."""

    items: list[AssetView]
    next_cursor: str | None


# --- Players -------------------------------------------------------------------------------


class DeviceKeyView(msgspec.Struct, kw_only=True):
    """A device's own key (the secret itself is shown only once, when it is created)."""

    id: uuid.UUID
    device_id: uuid.UUID
    prefix: str
    created_by: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class DeviceKeyCreated(DeviceKeyView, kw_only=True):
    """A new device key with its secret: store it on the device now, it is never shown again."""

    key: str


class DeviceKeyPage(msgspec.Struct, kw_only=True):
    """A device's keys, newest first."""

    items: list[DeviceKeyView]
    next_cursor: str | None


class PlayerCommandView(msgspec.Struct, kw_only=True):
    """What a player is told to play: play ``source`` from ``position_s`` (as of ``issued_at``) at
    ``volume``; silence when ``source`` is empty. Acknowledge it with its ``seq``."""

    seq: int
    zone_id: uuid.UUID
    issued_at: datetime
    program_kind: ProgramKindName | None
    program_id: str | None
    #: The paging or emergency broadcast commanded (the broadcast log's id), if any.
    broadcast_id: uuid.UUID | None
    source: str
    volume: int
    priority: int | None
    position_s: float
    acked_at: datetime | None
    reported_source: str | None
    reported_volume: int | None


class PlayerCommandPage(msgspec.Struct, kw_only=True):
    """A device's commands, newest first, with their acknowledgements."""

    items: list[PlayerCommandView]
    next_cursor: str | None


class PlayerAck(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A player acknowledges command ``seq`` and says what it actually plays."""

    seq: Annotated[int, msgspec.Meta(ge=1)]
    source: Annotated[str, msgspec.Meta(max_length=500)]
    volume: Volume


# --- The player's WebSocket (``GET …/player/socket``): JSON text messages, ``type`` first ---------


class SocketAck(PlayerAck, tag="ack", tag_field="type", forbid_unknown_fields=True, kw_only=True):
    """Player → server: ``{"type": "ack", "seq", "source", "volume"}``, a :class:`PlayerAck`."""


class SocketHeartbeat(msgspec.Struct, tag="heartbeat", tag_field="type", forbid_unknown_fields=True):
    """Player → server: ``{"type": "heartbeat"}``, the player is alive."""


#: What a player sends on its socket.
SocketReport = SocketAck | SocketHeartbeat


class SocketAcked(msgspec.Struct, tag="acked", tag_field="type", kw_only=True):
    """Server → player, once the acknowledgement of command ``seq`` is committed."""

    seq: int
    #: When it was first acknowledged (a repeated acknowledgement keeps the first time).
    acked_at: datetime


class SocketAlive(msgspec.Struct, tag="alive", tag_field="type", kw_only=True):
    """Server → player, once its heartbeat is committed."""


class SocketError(msgspec.Struct, tag="error", tag_field="type", kw_only=True, omit_defaults=True):
    """Server → player: a report that was not recorded, as a problem's status, title and detail
    (422: not a report or no such command; 503: not recorded now, send it again)."""

    status: int
    title: str
    detail: str | None = None
    #: The acknowledgement's command number, if it was one.
    seq: int | None = None
