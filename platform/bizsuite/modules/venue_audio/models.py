"""Venue audio tables: venues (on org units), zones, zone groups and their members, devices with
heartbeats, daily schedules (background music, timed announcements) and broadcasts (live paging
and emergencies, which are also the compliance log).

Every table is tenant-scoped with a ``(tenant_id, id)`` key and composite foreign keys; the
migration is ``migrations/versions/0020_venue_audio.py``.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import (
    ARRAY,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    Time,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk


class DeviceKind(enum.StrEnum):
    """The hardware of a public-address system."""

    AMPLIFIER = "amplifier"
    SPEAKER = "speaker"
    PAGING_STATION = "paging_station"
    PLAYER = "player"


class ScheduleKind(enum.StrEnum):
    """A daily schedule plays background music over a window, or a timed announcement once."""

    MUSIC = "music"
    ANNOUNCEMENT = "announcement"


class BroadcastKind(enum.StrEnum):
    """A live broadcast: paging from a station, or an emergency (消防广播)."""

    PAGING = "paging"
    EMERGENCY = "emergency"


def _one_of(column: str, kind: type[enum.StrEnum]) -> str:
    return f"{column} IN ({', '.join(repr(m.value) for m in kind)})"


class Venue(TenantScoped, Timestamped, Versioned, Base):
    """A building, factory or scenic area with a public-address system, on an org unit."""

    __tablename__ = "venue_audio_venues"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        UniqueConstraint("tenant_id", "code", name="uq_venue_audio_venues_code"),
        Index("ix_venue_audio_venues_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("emergency_policy IN ('phased', 'all_zones')", name="emergency_policy"),
        # Assets belong to a venue and a venue may name one: created after both tables (use_alter).
        ForeignKeyConstraint(
            ["tenant_id", "evacuation_asset_id"],
            ["venue_audio_assets.tenant_id", "venue_audio_assets.id"],
            name="fk_venue_audio_venues_evacuation_asset",
            use_alter=True,
        ),
    )

    org_unit_id: Mapped[uuid.UUID]
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    #: Schedules are read in this IANA time zone.
    time_zone: Mapped[str] = mapped_column(String(64))
    #: ``phased`` (the N+1 rule) or ``all_zones``.
    emergency_policy: Mapped[str] = mapped_column(String(20), default="phased", server_default="phased")
    #: The pre-recorded evacuation message an emergency loops (``asset:<id>`` for an asset).
    evacuation_source: Mapped[str] = mapped_column(String(500))
    #: The evacuation message's audio asset, when one was picked (else the source is text).
    evacuation_asset_id: Mapped[uuid.UUID | None]
    #: The venue's holiday calendar (local dates): schedules marked ``skip_holidays`` do not play then.
    holidays: Mapped[list[date]] = mapped_column(ARRAY(Date), default=list, server_default=text("'{}'"))


class Zone(TenantScoped, Timestamped, Versioned, Base):
    """A broadcast zone: a floor (1 = ground), a basement level (1 = B1) or an area without floors."""

    __tablename__ = "venue_audio_zones"
    __table_args__ = (
        tenant_fk("venue_id", "venue_audio_venues.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "venue_id", "code", name="uq_venue_audio_zones_code"),
        Index("ix_venue_audio_zones_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("volume BETWEEN 0 AND 100", name="volume_range"),
        CheckConstraint("floor IS NULL OR floor >= 1", name="floor_positive"),
        CheckConstraint("NOT basement OR floor IS NOT NULL", name="basement_floor"),
    )

    venue_id: Mapped[uuid.UUID]
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    floor: Mapped[int | None] = mapped_column(SmallInteger)
    basement: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    area: Mapped[str | None] = mapped_column(String(200))
    #: The local volume (0–100); an emergency overrides it with full volume.
    volume: Mapped[int] = mapped_column(SmallInteger, default=60, server_default=text("60"))


class ZoneGroup(TenantScoped, Timestamped, Versioned, Base):
    """Zones addressed together (all retail floors, the car parks...)."""

    __tablename__ = "venue_audio_zone_groups"
    __table_args__ = (
        tenant_fk("venue_id", "venue_audio_venues.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "venue_id", "code", name="uq_venue_audio_zone_groups_code"),
        Index("ix_venue_audio_zone_groups_tenant_created", "tenant_id", "created_at", "id"),
    )

    venue_id: Mapped[uuid.UUID]
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))


class ZoneGroupMember(TenantScoped, Base):
    """A zone in a group."""

    __tablename__ = "venue_audio_zone_group_members"
    __table_args__ = (
        tenant_fk("zone_group_id", "venue_audio_zone_groups.id", ondelete="CASCADE"),
        tenant_fk("zone_id", "venue_audio_zones.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "zone_group_id", "zone_id", name="uq_venue_audio_zone_group_members"),
    )

    zone_group_id: Mapped[uuid.UUID]
    zone_id: Mapped[uuid.UUID]


class Device(TenantScoped, Timestamped, Versioned, Base):
    """An amplifier, speaker, paging station or player, with its heartbeat and fault state."""

    __tablename__ = "venue_audio_devices"
    __table_args__ = (
        tenant_fk("venue_id", "venue_audio_venues.id", ondelete="CASCADE"),
        tenant_fk("zone_id", "venue_audio_zones.id"),
        UniqueConstraint("tenant_id", "venue_id", "code", name="uq_venue_audio_devices_code"),
        # What a player's commands reference: the device with its venue (``PlayerCommand``).
        UniqueConstraint("tenant_id", "venue_id", "id"),
        Index("ix_venue_audio_devices_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint(_one_of("kind", DeviceKind), name="kind"),
        CheckConstraint("heartbeat_interval_s BETWEEN 5 AND 86400", name="heartbeat_interval_range"),
    )

    venue_id: Mapped[uuid.UUID]
    zone_id: Mapped[uuid.UUID | None]
    kind: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    #: Silent longer than this → a fault alert.
    heartbeat_interval_s: Mapped[int] = mapped_column(Integer, default=60, server_default=text("60"))
    last_heartbeat_at: Mapped[datetime | None]
    #: Set while the device is in fault (silent past its interval); cleared by its next heartbeat.
    fault_since: Mapped[datetime | None]
    fault_alert_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class Schedule(TenantScoped, Timestamped, Versioned, Base):
    """Background music over a daily window, or a timed announcement, for a zone or a zone group."""

    __tablename__ = "venue_audio_schedules"
    __table_args__ = (
        tenant_fk("venue_id", "venue_audio_venues.id", ondelete="CASCADE"),
        tenant_fk("zone_id", "venue_audio_zones.id", ondelete="CASCADE"),
        tenant_fk("zone_group_id", "venue_audio_zone_groups.id", ondelete="CASCADE"),
        tenant_fk("asset_id", "venue_audio_assets.id"),
        Index("ix_venue_audio_schedules_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_venue_audio_schedules_venue", "tenant_id", "venue_id"),
        CheckConstraint(_one_of("kind", ScheduleKind), name="kind"),
        CheckConstraint("(zone_id IS NULL) <> (zone_group_id IS NULL)", name="one_target"),
        CheckConstraint("kind <> 'music' OR end_time IS NOT NULL", name="music_end"),
        CheckConstraint("kind <> 'announcement' OR duration_s IS NOT NULL", name="announcement_duration"),
        CheckConstraint("volume IS NULL OR volume BETWEEN 0 AND 100", name="volume_range"),
    )

    venue_id: Mapped[uuid.UUID]
    zone_id: Mapped[uuid.UUID | None]
    zone_group_id: Mapped[uuid.UUID | None]
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    #: What to play: a playlist or track for music, the message for an announcement
    #: (``asset:<id>`` for an audio asset).
    source: Mapped[str] = mapped_column(String(500))
    #: The audio asset it plays, when one was picked (else the source is text).
    asset_id: Mapped[uuid.UUID | None]
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    duration_s: Mapped[int | None] = mapped_column(Integer)
    #: 0 = Monday … 6 = Sunday, in the venue's time zone.
    weekdays: Mapped[list[int]] = mapped_column(ARRAY(SmallInteger))
    volume: Mapped[int | None] = mapped_column(SmallInteger)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    #: Not on the venue's holidays (an occurrence starting on one does not play).
    skip_holidays: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))


class Broadcast(TenantScoped, Timestamped, Versioned, Base):
    """A live paging session or an emergency, with its zones, who started and ended it, and why:
    also the compliance log's record."""

    __tablename__ = "venue_audio_broadcasts"
    __table_args__ = (
        tenant_fk("venue_id", "venue_audio_venues.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "venue_id", "alarm_id", name="uq_venue_audio_broadcasts_alarm"),
        Index("ix_venue_audio_broadcasts_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_venue_audio_broadcasts_venue_started", "tenant_id", "venue_id", "started_at"),
        CheckConstraint(_one_of("kind", BroadcastKind), name="kind"),
    )

    venue_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(20))
    #: The zones it covers, resolved when it started (a snapshot for the log).
    zone_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid))
    source: Mapped[str] = mapped_column(String(500))
    started_at: Mapped[datetime]
    #: A paging session's maximum end; an emergency has none (it loops until cleared).
    ends_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    #: A fire-alarm signal's id: a repeated signal starts nothing twice.
    alarm_id: Mapped[str | None] = mapped_column(String(100))
    #: Where the alarm is (``floor 5``, ``B1``, ``all call``...), as given.
    origin: Mapped[str | None] = mapped_column(String(200))
    started_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    ended_by: Mapped[str | None] = mapped_column(String(200))
    end_reason: Mapped[str | None] = mapped_column(Text)


class AssetPurpose(enum.StrEnum):
    """What an audio asset is for."""

    MUSIC = "music"
    MESSAGE = "message"
    EVACUATION = "evacuation"


class Asset(TenantScoped, Timestamped, Versioned, Base):
    """An audio asset of a venue: a file in the kernel's storage with what was read from it."""

    __tablename__ = "venue_audio_assets"
    __table_args__ = (
        tenant_fk("venue_id", "venue_audio_venues.id", ondelete="CASCADE"),
        tenant_fk("file_id", "files.id", ondelete="CASCADE"),
        tenant_fk("delivery_file_id", "files.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "venue_id", "name", name="uq_venue_audio_assets_name"),
        Index("ix_venue_audio_assets_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint(_one_of("purpose", AssetPurpose), name="purpose"),
    )

    venue_id: Mapped[uuid.UUID]
    file_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(20))
    content_type: Mapped[str] = mapped_column(String(127))
    duration_ms: Mapped[int] = mapped_column(Integer)
    sample_rate: Mapped[int] = mapped_column(Integer)
    channels: Mapped[int] = mapped_column(SmallInteger)
    #: Integrated loudness in LUFS (ITU-R BS.1770-4 / EBU R 128, ``audio.py``), one decimal;
    #: ``None`` when no block passed the gates (silence, below −70 LUFS, under 400 ms).
    loudness_lufs: Mapped[Decimal | None] = mapped_column(Numeric(5, 1))
    #: The 400 ms blocks (75 % overlap) measured and those counted (above both gates), and the
    #: relative gate in LUFS; all ``None`` for an asset registered before loudness was measured.
    loudness_blocks: Mapped[int | None] = mapped_column(Integer)
    loudness_counted_blocks: Mapped[int | None] = mapped_column(Integer)
    loudness_gate_lufs: Mapped[Decimal | None] = mapped_column(Numeric(5, 1))
    #: The MP3 players receive: the uploaded file itself when it is an MP3, else its encoding,
    #: a file attached to the asset (``None`` for assets registered before delivery files).
    delivery_file_id: Mapped[uuid.UUID | None]


class DeviceKey(TenantScoped, Timestamped, Base):
    """A player's own credential (``bzd_`` + random; only its SHA-256 is stored, the secret is
    shown once): it reaches the player's feed, acknowledgements and heartbeats, nothing else."""

    __tablename__ = "venue_audio_device_keys"
    __table_args__ = (
        tenant_fk("device_id", "venue_audio_devices.id", ondelete="CASCADE"),
        Index("ix_venue_audio_device_keys_key_hash", "key_hash"),
        Index("ix_venue_audio_device_keys_device", "tenant_id", "device_id"),
    )

    device_id: Mapped[uuid.UUID]
    #: The first characters of the key, shown so people can tell keys apart.
    prefix: Mapped[str] = mapped_column(String(16))
    key_hash: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(320))
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


#: How full inserts leave the pages of the players' commands (percent).
COMMANDS_FILLFACTOR = 50


class PlayerCommand(TenantScoped, Base):
    """What a player was told to play (numbered per device: the feed's event id) and what it
    acknowledged playing; the emergency ones are the acknowledgements of the broadcast log."""

    __tablename__ = "venue_audio_player_commands"
    __table_args__ = (
        # One reference for the device, its venue and its tenant together, checked once per row
        # (an alarm writes a command for each of its hundreds of players in one statement; three
        # references were three checks a row, most of the statement's time).
        ForeignKeyConstraint(
            ["tenant_id", "venue_id", "device_id"],
            ["venue_audio_devices.tenant_id", "venue_audio_devices.venue_id", "venue_audio_devices.id"],
            ondelete="CASCADE",
        ),
        UniqueConstraint("tenant_id", "device_id", "seq", name="uq_venue_audio_player_commands_seq"),
        # The broadcast log's acknowledgements; music and silence (most commands) are not in it.
        Index(
            "ix_venue_audio_player_commands_broadcast",
            "tenant_id",
            "broadcast_id",
            postgresql_where=text("broadcast_id IS NOT NULL"),
        ),
        # Half of each page left free: every command is updated once, soon, by its acknowledgement,
        # and the new versions of a whole batch then fit beside the old ones (no index entries).
        {"postgresql_with": {"fillfactor": COMMANDS_FILLFACTOR}},
    )

    #: The tenant, held by the device's reference (no reference of its own to ``tenants``).
    tenant_id: Mapped[uuid.UUID] = mapped_column(primary_key=True, sort_order=-2)

    device_id: Mapped[uuid.UUID]
    venue_id: Mapped[uuid.UUID]
    zone_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    #: 1, 2, 3… per device.
    seq: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime]
    #: ``music``, ``announcement``, ``paging``, ``emergency``, or ``None`` for silence.
    program_kind: Mapped[str | None] = mapped_column(String(20))
    program_id: Mapped[str | None] = mapped_column(String(64))
    #: The paging or emergency broadcast commanded, if any.
    broadcast_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    source: Mapped[str] = mapped_column(String(500))
    volume: Mapped[int] = mapped_column(SmallInteger)
    priority: Mapped[int | None] = mapped_column(SmallInteger)
    #: Where in the source to start, at ``issued_at`` (music resumes where it was).
    position_s: Mapped[Decimal] = mapped_column(Numeric(12, 3))
    acked_at: Mapped[datetime | None]
    #: What the player reported playing when it acknowledged.
    reported_source: Mapped[str | None] = mapped_column(String(500))
    reported_volume: Mapped[int | None] = mapped_column(SmallInteger)
    #: The alert raised when an emergency command went unacknowledged past its deadline.
    alert_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
