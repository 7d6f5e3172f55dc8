"""Players: their own device keys, the commands they are sent and what they acknowledge.

A player is a device of kind ``player`` in a zone. Whenever the venue changes, the change's own
transaction issues each player whose zone now plays something else a new command, numbered per
device (:func:`issue_commands`, from the same arbitration as the board); the players' connections
(``api.py``: a WebSocket, or the server-sent event feed) send it at once and the player
acknowledges it with what it really plays (:func:`report`, one statement for many players). An
emergency command not acknowledged within :data:`ACK_DEADLINE` raises an alert.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import msgspec
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core import clock
from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.context import Context, Principal, PrincipalKind
from bizsuite.core.db import ALL_TENANTS, bind_tenant, set_db_setting, utcnow
from bizsuite.core.errors import (
    NotFoundProblem,
    ProblemError,
    TenantSuspendedProblem,
    UnauthorizedProblem,
    ValidationProblem,
)
from bizsuite.core.identity.security import sha256_hex
from bizsuite.core.ids import new_id
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


@dataclass(frozen=True, slots=True)
class PlayerNews:
    """What a player's connection is told when its venue changes (``core/live.py`` data)."""

    #: Its new command as the player receives it (JSON of a :class:`PlayerCommandView`), if any:
    #: passed through to the player as it is, never decoded on the way.
    command: str | None = None
    #: That command's number.
    seq: int | None = None
    #: Seconds until its venue next changes by itself, if anything is due.
    next_change_in_s: float | None = None
    #: Its key was revoked: the connection ends.
    revoked: bool = False


_REVOKED = "revoked"
_encoder = msgspec.json.Encoder()


def command_json(command: PlayerCommandView) -> str:
    """A command as players receive it (the feed's ``data``, the WebSocket's ``command``)."""
    return _encoder.encode(command).decode()


def news_data(news: PlayerNews) -> str:
    """The news as the data of a live change: ``<seq> <due> <command JSON>`` (``-`` for none),
    so that the command's JSON travels as it is."""
    if news.revoked:
        return _REVOKED
    seq = "-" if news.seq is None else str(news.seq)
    due = "-" if news.next_change_in_s is None else repr(news.next_change_in_s)
    return f"{seq} {due} {news.command or ''}"


def read_news(data: str) -> PlayerNews:
    """A player's news as its connection receives it (the data of its topic's change)."""
    if data == _REVOKED:
        return PlayerNews(revoked=True)
    seq, due, command = data.split(" ", 2)
    return PlayerNews(
        command=command or None,
        seq=None if seq == "-" else int(seq),
        next_change_in_s=None if due == "-" else float(due),
    )


def player_topic(device_id: uuid.UUID) -> str:
    """The live topic of one player's connections."""
    return f"venue_audio.player.{device_id}"


async def tell_player(ctx: Context, device_id: uuid.UUID, news: PlayerNews) -> None:
    """Send the player's open connections ``news`` once the transaction commits."""
    await changed(ctx.session, ctx.tenant_id, player_topic(device_id), news_data(news))


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


_VENUE_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")

#: The venue's players (or one of them) with what their last command said, in one statement.
_PLAYERS = """
SELECT d.id, d.zone_id, c.seq, c.zone_id, c.program_kind, c.program_id, c.broadcast_id, c.source,
       c.volume, c.priority
FROM venue_audio_devices AS d
LEFT JOIN LATERAL (
    SELECT pc.seq, pc.zone_id, pc.program_kind, pc.program_id, pc.broadcast_id, pc.source, pc.volume,
           pc.priority
    FROM venue_audio_player_commands AS pc
    WHERE pc.tenant_id = d.tenant_id AND pc.device_id = d.id
    ORDER BY pc.seq DESC
    LIMIT 1
) AS c ON true
WHERE d.tenant_id = :tenant_id AND d.venue_id = :venue_id AND d.kind = '{player}'
  AND d.zone_id IS NOT NULL{one}
"""
_VENUE_PLAYERS = text(_PLAYERS.format(player=DeviceKind.PLAYER.value, one=""))
_ONE_PLAYER = text(_PLAYERS.format(player=DeviceKind.PLAYER.value, one=" AND d.id = :device_id"))

#: The new commands, from one JSON array of rows (``_IssuedRow``): a statement that compiles
#: once whatever their number, and one parameter for the driver to send (500 rows as arrays were
#: 5,500 elements it checked one by one). Two connections of one device may reconcile at once:
#: the second one's number is taken, so it issues nothing (its player gets the first one's command).
_ISSUE = text(
    """
INSERT INTO venue_audio_player_commands
    (tenant_id, id, device_id, venue_id, zone_id, seq, issued_at, program_kind, program_id,
     broadcast_id, source, volume, priority, position_s)
SELECT :tenant_id, c.id, c.device_id, :venue_id, c.zone_id, c.seq, :issued_at, c.program_kind,
       c.program_id, c.broadcast_id, c.source, c.volume, c.priority, c.position_s
FROM json_to_recordset(CAST(:rows AS json)) AS c (
    id uuid, device_id uuid, zone_id uuid, seq integer, program_kind text, program_id text,
    broadcast_id uuid, source text, volume smallint, priority smallint, position_s numeric
)
ON CONFLICT (tenant_id, device_id, seq) DO NOTHING
RETURNING device_id
"""
)


class _IssuedRow(msgspec.Struct):
    """One row of ``_ISSUE``'s JSON."""

    id: uuid.UUID
    device_id: uuid.UUID
    zone_id: uuid.UUID
    seq: int
    program_kind: str | None
    program_id: str | None
    broadcast_id: uuid.UUID | None
    source: str
    volume: int
    priority: int | None
    position_s: float


def _wanted(status: ZoneStatus) -> tuple[Any, ...]:
    """What a command for the zone says: zone, kind, program, broadcast, source, volume, priority
    (the order of ``_PLAYERS``' last-command columns)."""
    broadcast = status.program_id if status.program_kind in ("paging", "emergency") else None
    return (
        status.zone_id,
        status.program_kind,
        status.program_id,
        uuid.UUID(broadcast) if broadcast else None,
        status.source or "",
        status.volume,
        status.priority,
    )


async def issue_commands(
    ctx: Context, venue_id: uuid.UUID, *, device_id: uuid.UUID | None = None
) -> float | None:
    """Give every player of the venue (or just ``device_id``) whose zone now plays something other
    than its last command a new command, and tell every one of them (its connections) when the
    venue next changes by itself; returns that, in seconds from now.

    The same few statements whatever the number of players: the venue's lock, its players with
    their last commands (one statement), the board's programs (arbitrated here, per zone), the new
    commands (one statement, from arrays) and the notifications (one), each carrying its
    player's command as the JSON the player receives.
    """
    # One issuer per venue at a time: what plays and the last commands are then read after any
    # other change of the venue committed (or before it did anything), never half of each (a feed
    # re-reading while an emergency was being cleared once re-issued the emergency after the clear).
    await ctx.session.execute(_VENUE_LOCK, {"key": f"{ctx.tenant_id}:{venue_id}"})
    params: dict[str, Any] = {"tenant_id": ctx.tenant_id, "venue_id": venue_id}
    if device_id is not None:
        params["device_id"] = device_id
    players = (await ctx.session.execute(_ONE_PLAYER if device_id else _VENUE_PLAYERS, params)).all()
    if not players:
        return None
    venue = await load_venue(ctx, venue_id)
    zone_ids = {row[1] for row in players}
    zones = [z for z in await venue_zones(ctx, venue_id) if z.id in zone_ids]
    board = await board_of(ctx, venue, zones, players=False)
    statuses = {z.zone_id: z for z in board.zones}
    wanted = {zone_id: _wanted(status) for zone_id, status in statuses.items()}
    news: dict[uuid.UUID, tuple[int, str]] = {}  # device -> (seq, command JSON)
    rows: list[_IssuedRow] = []
    for player_id, zone_id, last_seq, *last in players:
        want = wanted.get(zone_id)
        if want is None or (last_seq is not None and tuple(last) == want):
            continue
        _, kind, program_id, broadcast_id, source, volume, priority = want
        seq = (last_seq or 0) + 1
        position = round(statuses[zone_id].position_s, 3)
        view = PlayerCommandView(
            seq=seq, zone_id=zone_id, issued_at=board.at, program_kind=kind, program_id=program_id,
            broadcast_id=broadcast_id, source=source, volume=volume, priority=priority,
            position_s=position, acked_at=None, reported_source=None, reported_volume=None,
        )  # fmt: skip
        news[player_id] = (seq, command_json(view))
        rows.append(
            _IssuedRow(
                id=new_id(), device_id=player_id, zone_id=zone_id, seq=seq, program_kind=kind,
                program_id=program_id, broadcast_id=broadcast_id, source=source, volume=volume,
                priority=priority, position_s=position,
            )
        )  # fmt: skip
    issued: set[uuid.UUID] = set()
    if rows:
        issue = {
            "tenant_id": ctx.tenant_id,
            "venue_id": venue_id,
            "issued_at": board.at,
            "rows": _encoder.encode(rows).decode(),
        }
        issued = {row[0] for row in await ctx.session.execute(_ISSUE, issue)}
        if any(row.device_id in issued and row.program_kind == "emergency" for row in rows):
            await enqueue(ctx, "venue_audio.ack_watch", {}, run_at=board.at + ACK_DEADLINE)
    due = (board.next_change_at - board.at).total_seconds() if board.next_change_at else None
    plain = news_data(PlayerNews(next_change_in_s=due))
    await changed_many(
        ctx.session,
        ctx.tenant_id,
        (
            (
                player_topic(player_id),
                news_data(
                    PlayerNews(command=news[player_id][1], seq=news[player_id][0], next_change_in_s=due)
                )
                if player_id in issued
                else plain,
            )
            for player_id, *_ in players
        ),
    )
    return due


async def command_now(
    ctx: Context, venue_id: uuid.UUID, device_id: uuid.UUID
) -> tuple[PlayerCommandView | None, float | None]:
    """What the player should play now (issuing a new command if time changed it) and in how many
    seconds its venue next changes by itself: a connection's first read, a long poll's."""
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


# --- Acknowledgements and heartbeats -------------------------------------------------------------

#: Many players' acknowledgements and heartbeats at once: each command acknowledged (the first
#: time kept) with what the player reports playing, and every reporting device's heartbeat, for
#: those not in fault (a fault's end is the full heartbeat, ``record_heartbeat``): a row per
#: acknowledged command (at least one), each with the reporting devices whose heartbeat is left
#: to do (usually none: the column is repeated in every row).
_REPORT = text(
    """
WITH acks AS (
    SELECT * FROM json_to_recordset(CAST(:acks AS json))
        AS a (device_id uuid, seq integer, source text, volume smallint)
), acked AS (
    UPDATE venue_audio_player_commands AS c
    SET acked_at = coalesce(c.acked_at, :now), reported_source = a.source, reported_volume = a.volume
    FROM acks AS a
    WHERE c.tenant_id = :tenant_id AND c.device_id = a.device_id AND c.seq = a.seq
    RETURNING c.device_id, c.seq, c.zone_id, c.issued_at, c.program_kind, c.program_id,
              c.broadcast_id, c.source, c.volume, c.priority, c.position_s, c.acked_at,
              c.reported_source, c.reported_volume
), alive AS (
    UPDATE venue_audio_devices AS d
    SET last_heartbeat_at = :now, updated_at = now()
    WHERE d.tenant_id = :tenant_id AND d.id = ANY(CAST(:alive AS uuid[])) AND d.fault_since IS NULL
    RETURNING d.id
)
SELECT (
    SELECT array_agg(r.id)
    FROM (SELECT unnest(CAST(:alive AS uuid[])) EXCEPT SELECT id FROM alive) AS r (id)
) AS not_alive, acked.*
FROM (VALUES (1)) AS one (x) LEFT JOIN acked ON true
"""
)


class _AckRow(msgspec.Struct):
    """One row of ``_REPORT``'s JSON."""

    device_id: uuid.UUID
    seq: int
    source: str
    volume: int


#: What :func:`report` answers for each report: the acknowledged command, ``None`` for a
#: heartbeat, or the problem (an unknown command number).
Reported = PlayerCommandView | ProblemError | None


def _unknown_seq() -> ProblemError:
    return ValidationProblem.for_field("seq", "no command with this number was sent to this device")


async def report(ctx: Context, reports: Sequence[tuple[Principal, PlayerAck | None]]) -> list[Reported]:
    """Players of the context's tenant report: each acknowledges command ``seq`` with what it
    plays (a :class:`PlayerAck`), or only that it is alive (``None``). Every report is also a
    heartbeat. One statement for them all, whatever their number (a device in fault also gets
    the full heartbeat, which ends the fault); the answers in the reports' order.

    The one rule for acknowledgements, whether one came alone (``POST …/player/acks``) or with
    others (the WebSocket's batches): the first acknowledgement's time stays, what the player
    reports is the latest, and a repeated acknowledgement changes nothing else.
    """
    now = clock.now(ctx)
    devices = [_device_of(principal) for principal, _ in reports]
    acks = [
        _AckRow(device_id=device_id, seq=ack.seq, source=ack.source, volume=ack.volume)
        for device_id, (_, ack) in zip(devices, reports, strict=True)
        if ack is not None
    ]
    params = {
        "tenant_id": ctx.tenant_id,
        "now": now,
        "acks": _encoder.encode(acks).decode(),
        "alive": list(set(devices)),
    }
    rows = (await ctx.session.execute(_REPORT, params)).all()
    left = set(rows[0][0] or ())  # in fault, or gone
    acked: dict[tuple[uuid.UUID, int], PlayerCommandView] = {}
    for _, device_id, seq, zone_id, issued_at, kind, program_id, broadcast_id, *rest in rows:
        if device_id is None:
            continue  # no command acknowledged
        source, volume, priority, position, acked_at, reported_source, reported_volume = rest
        acked[(device_id, seq)] = PlayerCommandView(
            seq=seq, zone_id=zone_id, issued_at=issued_at, program_kind=kind, program_id=program_id,
            broadcast_id=broadcast_id, source=source, volume=volume, priority=priority,
            position_s=float(position), acked_at=acked_at, reported_source=reported_source,
            reported_volume=reported_volume,
        )  # fmt: skip
    gone: set[uuid.UUID] = set()
    for device_id, (principal, _) in zip(devices, reports, strict=True):
        if device_id not in left:
            continue
        left.discard(device_id)
        try:  # in fault (rare): the full heartbeat ends it
            await record_heartbeat(Context(session=ctx.session, principal=principal), device_id)
        except NotFoundProblem:
            gone.add(device_id)  # removed since its connection opened
    answers: list[Reported] = []
    for device_id, (_, ack) in zip(devices, reports, strict=True):
        if device_id in gone:
            answers.append(NotFoundProblem("No such device."))
        elif ack is None:
            answers.append(None)
        else:
            answers.append(acked.get((device_id, ack.seq)) or _unknown_seq())
    return answers


def _device_of(principal: Principal) -> uuid.UUID:
    assert principal.device_id is not None, "a player's report comes with its device key"
    return principal.device_id


async def acknowledge(ctx: Context, data: PlayerAck) -> PlayerCommandView:
    """The calling player plays command ``seq``: :func:`report` for one acknowledgement (422
    naming ``seq`` for a command it was never sent)."""
    [answer] = await report(ctx, [(ctx.principal, data)])
    if not isinstance(answer, PlayerCommandView):
        raise answer if isinstance(answer, ProblemError) else _unknown_seq()
    return answer


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
