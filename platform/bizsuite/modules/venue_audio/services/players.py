"""Players: their own device keys, the commands they are sent and what they acknowledge.

A player is a device of kind ``player`` in a zone. Whenever the venue changes, the change's own
transaction issues each player whose zone now plays something else a new command, numbered per
device (:func:`issue_commands`, from the same arbitration as the board); the players' feeds
(``api.PlayerController``) send it at once and the player acknowledges it with what it really
plays. An emergency command not acknowledged within :data:`ACK_DEADLINE` raises an alert.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core import clock
from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.context import Context, Principal, PrincipalKind
from bizsuite.core.db import ALL_TENANTS, bind_tenant, set_db_setting, utcnow
from bizsuite.core.errors import (
    NotFoundProblem,
    TenantSuspendedProblem,
    UnauthorizedProblem,
    ValidationProblem,
)
from bizsuite.core.identity.security import sha256_hex
from bizsuite.core.jobs.queue import enqueue
from bizsuite.core.live import changed, changed_many
from bizsuite.core.repository import fetch
from bizsuite.core.tenants.models import Tenant, TenantStatus
from bizsuite.modules.venue_audio.models import Device, DeviceKey, DeviceKind, PlayerCommand
from bizsuite.modules.venue_audio.schemas import (
    DeviceKeyCreated,
    DeviceKeyView,
    PlayerAck,
    PlayerCommandView,
    ZoneStatus,
)
from bizsuite.modules.venue_audio.services.board import board_of, latest_commands
from bizsuite.modules.venue_audio.services.devices import load_device, record_heartbeat
from bizsuite.modules.venue_audio.services.venues import load_venue, venue_zones
from bizsuite.web.i18n import N_

DEVICE_KEY_PREFIX = "bzd_"
#: An emergency command must be acknowledged this fast (EN 54-16 allows 3 s for the voice alarm).
ACK_DEADLINE = timedelta(seconds=2)
ACK_ALERT = "venue_audio.emergency_unacknowledged"
#: ``last_used_at`` of a device key is refreshed at most this often.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class PlayerNews(msgspec.Struct, kw_only=True, omit_defaults=True):
    """What a player's feed is told when its venue changes (``core/live.py`` data)."""

    #: Its new command, if it has one.
    command: PlayerCommandView | None = None
    #: Seconds until its venue next changes by itself, if anything is due.
    next_change_in_s: float | None = None
    #: Its key was revoked: the feed ends.
    revoked: bool = False


def player_topic(device_id: uuid.UUID) -> str:
    """The live topic of one player's feed."""
    return f"venue_audio.player.{device_id}"


def _encode(news: PlayerNews) -> str:
    return msgspec.json.encode(news).decode()


def read_news(data: str) -> PlayerNews:
    """A player's news as its feed receives it (the data of its topic's change)."""
    return msgspec.json.decode(data, type=PlayerNews)


async def tell_player(ctx: Context, device_id: uuid.UUID, news: PlayerNews) -> None:
    """Send the player's open feeds ``news`` once the transaction commits."""
    await changed(ctx.session, ctx.tenant_id, player_topic(device_id), _encode(news))


# --- Device keys -----------------------------------------------------------------------------


def key_view(key: DeviceKey) -> DeviceKeyView:
    """A device key row as its view."""
    return msgspec.convert(key, DeviceKeyView, from_attributes=True)


async def create_device_key(ctx: Context, device_id: uuid.UUID) -> DeviceKeyCreated:
    """Issue a key for the device (its earlier keys stay valid until revoked): shown once."""
    device = await load_device(ctx, device_id)
    secret = DEVICE_KEY_PREFIX + secrets.token_urlsafe(30)
    key = DeviceKey(
        device_id=device.id,
        prefix=secret[:12],
        key_hash=sha256_hex(secret),
        created_by=ctx.principal.label or "?",
    )
    ctx.session.add(key)
    await ctx.session.flush()
    ctx.audit(
        "venue_audio.device_key.created", key, after={"device_id": str(device.id), "prefix": key.prefix}
    )
    return DeviceKeyCreated(**msgspec.structs.asdict(key_view(key)), key=secret)


async def list_device_keys(ctx: Context, device_id: uuid.UUID) -> list[DeviceKeyView]:
    """The device's keys, newest first (revoked ones too, with when)."""
    await load_device(ctx, device_id)
    rows = await ctx.session.scalars(
        select(DeviceKey).where(DeviceKey.device_id == device_id).order_by(DeviceKey.created_at.desc())
    )
    return [key_view(k) for k in rows.all()]


async def revoke_device_key(ctx: Context, device_id: uuid.UUID, key_id: uuid.UUID) -> DeviceKeyView:
    """Revoke a device key: its next request is refused and an open feed ends within seconds."""
    key = await fetch(ctx.session, DeviceKey, key_id, what="device key")
    if key.device_id != device_id:
        raise NotFoundProblem("No such device key.")
    if key.revoked_at is None:
        key.revoked_at = clock.now(ctx)
        await ctx.session.flush()
        ctx.audit("venue_audio.device_key.revoked", key, after={"prefix": key.prefix})
        await tell_player(ctx, device_id, PlayerNews(revoked=True))
    return key_view(key)


async def device_principal(session: AsyncSession, token: str) -> Principal:
    """The device a ``bzd_`` key belongs to (401 if unknown or revoked): the module's credential."""
    key_hash = sha256_hex(token)
    await set_db_setting(session, "app.lookup_hash", key_hash)
    row = (
        await session.execute(
            select(DeviceKey.id, DeviceKey.tenant_id, DeviceKey.device_id, DeviceKey.last_used_at)
            .where(DeviceKey.key_hash == key_hash, DeviceKey.revoked_at.is_(None))
            .execution_options(**{ALL_TENANTS: True})
        )
    ).first()
    if row is None:
        raise UnauthorizedProblem("Unknown or revoked device key.")
    key_id, tenant_id, device_id, last_used_at = row
    tenant = await session.get(Tenant, tenant_id)
    if tenant is None:
        raise UnauthorizedProblem("Unknown or revoked device key.")
    if tenant.status is TenantStatus.SUSPENDED:
        raise TenantSuspendedProblem("This tenant is suspended; contact your provider.")
    await bind_tenant(session, tenant.id)
    device = (
        await session.execute(select(Device.code, Device.venue_id).where(Device.id == device_id))
    ).first()
    if device is None:
        raise UnauthorizedProblem("Unknown or revoked device key.")
    now = utcnow()
    if last_used_at is None or now - last_used_at >= LAST_USED_RESOLUTION:
        await session.execute(
            update(DeviceKey)
            .where(DeviceKey.id == key_id)
            .values(last_used_at=now)
            .execution_options(synchronize_session=False)
        )
    return Principal(
        kind=PrincipalKind.DEVICE,
        label=f"device:{device.code}",
        tenant=tenant,
        api_key_id=key_id,
        device_id=device_id,
    )


async def key_in_force(ctx: Context) -> bool:
    """Whether the calling device's key is still valid (an open feed checks it as it goes)."""
    found = await ctx.session.scalar(
        select(DeviceKey.id).where(DeviceKey.id == ctx.principal.api_key_id, DeviceKey.revoked_at.is_(None))
    )
    return found is not None


# --- Commands --------------------------------------------------------------------------------


def command_view(command: PlayerCommand) -> PlayerCommandView:
    """A command row as its view."""
    return msgspec.convert(command, PlayerCommandView, from_attributes=True)


def _view_or_none(command: PlayerCommand | None) -> PlayerCommandView | None:
    return command_view(command) if command is not None else None


_VENUE_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")


def _wanted(status: ZoneStatus) -> dict[str, Any]:
    broadcast = status.program_id if status.program_kind in ("paging", "emergency") else None
    return {
        "zone_id": status.zone_id,
        "program_kind": status.program_kind,
        "program_id": status.program_id,
        "broadcast_id": uuid.UUID(broadcast) if broadcast else None,
        "source": status.source or "",
        "volume": status.volume,
        "priority": status.priority,
    }


def _same(command: PlayerCommand, wanted: dict[str, Any]) -> bool:
    return all(getattr(command, name) == value for name, value in wanted.items())


async def issue_commands(
    ctx: Context, venue_id: uuid.UUID, *, device_id: uuid.UUID | None = None
) -> float | None:
    """Give every player of the venue (or just ``device_id``) whose zone now plays something other
    than its last command a new command, and tell every one of them (its feeds) when the venue
    next changes by itself; returns that, in seconds from now."""
    # One issuer per venue at a time: what plays and the last commands are then read after any
    # other change of the venue committed (or before it did anything), never half of each (a feed
    # re-reading while an emergency was being cleared once re-issued the emergency after the clear).
    await ctx.session.execute(_VENUE_LOCK, {"key": f"{ctx.tenant_id}:{venue_id}"})
    query = select(Device).where(
        Device.venue_id == venue_id, Device.kind == DeviceKind.PLAYER.value, Device.zone_id.is_not(None)
    )
    if device_id is not None:
        query = query.where(Device.id == device_id)
    players = list((await ctx.session.scalars(query)).all())
    if not players:
        return None
    venue = await load_venue(ctx, venue_id)
    zone_ids = {p.zone_id for p in players}
    zones = [z for z in await venue_zones(ctx, venue_id) if z.id in zone_ids]
    board = await board_of(ctx, venue, zones, players=False)
    statuses = {z.zone_id: z for z in board.zones}
    latest = await latest_commands(ctx, [p.id for p in players])
    rows: list[dict[str, Any]] = []
    for player in players:
        status = statuses.get(player.zone_id) if player.zone_id else None
        if status is None:
            continue
        wanted = _wanted(status)
        last = latest.get(player.id)
        if last is not None and _same(last, wanted):
            continue
        rows.append(
            {
                **wanted,
                "tenant_id": ctx.tenant_id,
                "device_id": player.id,
                "venue_id": venue_id,
                "seq": (last.seq if last else 0) + 1,
                "issued_at": board.at,
                "position_s": Decimal(str(round(status.position_s, 3))),
            }
        )
    issued: dict[uuid.UUID, PlayerCommand] = {}
    if rows:
        # Two feeds of one device may reconcile at once: the second one's number is taken, so it
        # issues nothing (and then reads the first one's command).
        # Rows as parameters, not in the statement: it compiles once (cached) and SQLAlchemy
        # sends the rows in multi-row batches (500 commands, one round trip).
        inserted = await ctx.session.scalars(
            insert(PlayerCommand)
            .on_conflict_do_nothing(index_elements=["tenant_id", "device_id", "seq"])
            .returning(PlayerCommand),
            rows,
        )
        issued = {c.device_id: c for c in inserted.all()}
        if any(c.program_kind == "emergency" for c in issued.values()):
            await enqueue(ctx, "venue_audio.ack_watch", {}, run_at=board.at + ACK_DEADLINE)
    due = (board.next_change_at - board.at).total_seconds() if board.next_change_at else None
    await changed_many(
        ctx.session,
        ctx.tenant_id,
        (
            (
                player_topic(p.id),
                _encode(PlayerNews(command=_view_or_none(issued.get(p.id)), next_change_in_s=due)),
            )
            for p in players
        ),
    )
    return due


async def command_now(
    ctx: Context, venue_id: uuid.UUID, device_id: uuid.UUID
) -> tuple[PlayerCommandView | None, float | None]:
    """What the player should play now (issuing a new command if time changed it) and in how many
    seconds its venue next changes by itself: a feed's first read, a long poll's."""
    due = await issue_commands(ctx, venue_id, device_id=device_id)
    return await current_command(ctx, device_id), due


async def current_command(ctx: Context, device_id: uuid.UUID) -> PlayerCommandView | None:
    """The device's latest command, if it was ever commanded."""
    latest = (await latest_commands(ctx, [device_id])).get(device_id)
    return command_view(latest) if latest is not None else None


async def list_commands(
    ctx: Context, device_id: uuid.UUID, *, limit: int, before: int | None
) -> tuple[list[PlayerCommandView], str | None]:
    """The device's commands, newest first, each with its acknowledgement (``before``: a seq)."""
    await load_device(ctx, device_id)
    query = select(PlayerCommand).where(PlayerCommand.device_id == device_id)
    if before is not None:
        query = query.where(PlayerCommand.seq < before)
    rows = list((await ctx.session.scalars(query.order_by(PlayerCommand.seq.desc()).limit(limit + 1))).all())
    more = len(rows) > limit
    rows = rows[:limit]
    return [command_view(c) for c in rows], (str(rows[-1].seq) if more and rows else None)


async def acknowledge(ctx: Context, device_id: uuid.UUID, data: PlayerAck) -> PlayerCommandView:
    """The player plays command ``seq``: record when (the first time) and what it reports playing.

    An acknowledgement is also a heartbeat. 500 players acknowledge an all-call at once, so this
    is two statements: the command updated in place, and the device's heartbeat (the full
    heartbeat, which closes a fault, only for a device that was in one).
    """
    now = clock.now(ctx)
    command = await ctx.session.scalar(
        update(PlayerCommand)
        .where(PlayerCommand.device_id == device_id, PlayerCommand.seq == data.seq)
        .values(
            acked_at=func.coalesce(PlayerCommand.acked_at, now),
            reported_source=data.source,
            reported_volume=data.volume,
        )
        .returning(PlayerCommand)
        .execution_options(synchronize_session=False)
    )
    if command is None:
        raise ValidationProblem.for_field("seq", "no command with this number was sent to this device")
    healthy = await ctx.session.scalar(
        update(Device)
        .where(Device.id == device_id, Device.fault_since.is_(None))
        .values(last_heartbeat_at=now)
        .returning(Device.id)
        .execution_options(synchronize_session=False)
    )
    if healthy is None:
        await record_heartbeat(ctx, device_id)
    return command_view(command)


async def watch_acknowledgements(ctx: Context, *, now: datetime | None = None) -> int:
    """Raise one alert for each emergency command still unacknowledged past its deadline (while
    it is the player's current command); returns how many were raised."""
    now = now or clock.now(ctx)
    overdue = list(
        (
            await ctx.session.scalars(
                select(PlayerCommand).where(
                    PlayerCommand.program_kind == "emergency",
                    PlayerCommand.acked_at.is_(None),
                    PlayerCommand.alert_id.is_(None),
                    PlayerCommand.issued_at <= now - ACK_DEADLINE,
                )
            )
        ).all()
    )
    latest = await latest_commands(ctx, [c.device_id for c in overdue])
    raised = 0
    for command in overdue:
        if latest.get(command.device_id) is not command:
            continue  # superseded (the emergency was cleared meanwhile): nothing to play any more
        device = await load_device(ctx, command.device_id)
        alert = await raise_alert(
            ctx,
            alert_type=ACK_ALERT,
            severity=Severity.CRITICAL,
            title_msgid=N_("Player %(device)s did not acknowledge the emergency"),
            body_msgid=N_(
                "The evacuation message was sent at %(issued)s and not acknowledged within %(deadline)s s: "
                "check the player and the zone's speakers."
            ),
            params={
                "device": f"{device.code} {device.name}",
                "issued": command.issued_at.isoformat(timespec="seconds"),
                "deadline": int(ACK_DEADLINE.total_seconds()),
            },
            target_type="venue_audio_devices",
            target_id=device.id,
            dedup_key=f"{ACK_ALERT}:{command.id}",
        )
        command.alert_id = alert.alert.id
        raised += 1
    await ctx.session.flush()
    return raised
