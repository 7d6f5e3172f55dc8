"""Players: their own device keys, the commands they are sent and what they acknowledge.

A player is a device of kind ``player`` in a zone. Whenever the venue changes, the change's own
transaction issues each player whose zone now plays something else a new command, numbered per
device (:func:`issue_commands`, from the same arbitration as the board, in one statement however
many players), and tells them in the venue's news (:class:`VenueNews`: a few notifications for
hundreds of players); the players' connections (``connections.py``: a WebSocket, or the
server-sent event feed) send it at once and the player acknowledges it with what it really plays
(:func:`report`, one statement for many players). An emergency command not acknowledged within
:data:`ACK_DEADLINE` raises an alert.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
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
from bizsuite.core.jobs.queue import enqueue
from bizsuite.core.live import changed, changed_many
from bizsuite.core.repository import fetch
from bizsuite.core.tenants.models import Tenant, TenantStatus
from bizsuite.modules.venue_audio import rules
from bizsuite.modules.venue_audio.models import Device, DeviceKey, DeviceKind, PlayerCommand, Venue
from bizsuite.modules.venue_audio.schemas import (
    DeviceKeyCreated,
    DeviceKeyView,
    PlayerAck,
    PlayerCommandView,
)
from bizsuite.modules.venue_audio.services.board import kind_of, latest_commands, zone_plays
from bizsuite.modules.venue_audio.services.devices import load_device, record_heartbeat
from bizsuite.web.i18n import N_

DEVICE_KEY_PREFIX = "bzd_"
#: An emergency command must be acknowledged this fast (EN 54-16 allows 3 s for the voice alarm).
ACK_DEADLINE = timedelta(seconds=2)
ACK_ALERT = "venue_audio.emergency_unacknowledged"
#: ``last_used_at`` of a device key is refreshed at most this often.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class VenueNews(msgspec.Struct, omit_defaults=True):
    """What the open connections of a venue's players are told when it changes: the data of one
    notification of the venue's players topic (:func:`players_topic`), for every player at once.

    A change that commands many players is told in a few of them (a notification holds under
    8,000 bytes, about 130 players). Each process hands the commands to the connections it holds
    (``connections.py``); a command's JSON is spliced from its zone's ``body`` there, as the
    player receives it, never decoded on the way.
    """

    #: Seconds until the venue next changes by itself (``None``: nothing is due)...
    due: float | None = None
    #: ...for every player of the venue (a change of the whole venue), else only the listed ones.
    everyone: bool = False
    #: The commands' JSON but their ``seq`` and ``zone_id``, without the opening brace.
    bodies: list[str] = []
    #: Per zone: its id, its body (an index into ``bodies``) and its players' new commands
    #: as ``(device id, seq)``.
    zones: list[tuple[str, int, list[tuple[str, int]]]] = []
    #: Device keys revoked, as ``(device id, key id)``: their connections end.
    revoked: list[tuple[str, str]] = []


_news = msgspec.json.Decoder(VenueNews)
_encoder = msgspec.json.Encoder()
#: The most a notification's data may hold here (PostgreSQL refuses payloads of 8,000 bytes; the
#: tenant and the topic come before it).
NEWS_LIMIT = 7_600
#: What a notification's data holds besides its zones and bodies, at most.
_NEWS_HEAD = 120


def read_news(data: str) -> VenueNews:
    """A venue's news as its players' connections receive it (the data of a notification)."""
    return _news.decode(data)


def spliced_command(seq: int, zone_id: str, body: str) -> str:
    """A command's JSON (as :func:`command_json` gives it) from its number, zone and the body its
    zone's players share (:attr:`VenueNews.bodies`)."""
    return f'{{"seq":{seq},"zone_id":"{zone_id}",{body}'


def command_json(command: PlayerCommandView) -> str:
    """A command as players receive it (the feed's ``data``, the WebSocket's ``command``)."""
    return _encoder.encode(command).decode()


def players_topic(venue_id: uuid.UUID) -> str:
    """The live topic of the open connections of a venue's players."""
    return f"venue_audio.players.{venue_id}"


def news_payloads(
    *, due: float | None, everyone: bool, zones: Sequence[tuple[str, str, str]] = ()
) -> list[str]:
    """``zones``' new commands (zone id, body, its players' ``[["device", seq], …]`` JSON) as the
    data of as few notifications as fit (at least one), each naming the bodies its zones use;
    ``everyone`` goes with the first."""
    payloads: list[str] = []
    bodies: dict[str, int] = {}
    entries: list[str] = []
    size = _NEWS_HEAD

    def flush() -> None:
        nonlocal bodies, entries, size
        head = _encoder.encode(VenueNews(due=due, everyone=everyone and not payloads, bodies=list(bodies)))
        text = head.decode()
        if entries:
            text = text[:-1] + ("," if len(text) > 2 else "") + f'"zones":[{",".join(entries)}]}}'
        payloads.append(text)
        bodies, entries, size = {}, [], _NEWS_HEAD

    for zone_id, body, players in zones:
        body_size = len(_encoder.encode(body)) + 1
        for part in _split_players(players, NEWS_LIMIT - _NEWS_HEAD - body_size - len(zone_id) - 16):
            entry_size = len(part) + len(zone_id) + 16
            if entries and size + entry_size + (0 if body in bodies else body_size) > NEWS_LIMIT:
                flush()
            if body not in bodies:
                bodies[body] = len(bodies)
                size += body_size
            entries.append(f'["{zone_id}",{bodies[body]},{part}]')
            size += entry_size
    if entries or not payloads:
        flush()
    return payloads


def _split_players(players: str, most: int) -> list[str]:
    """A zone's ``[[device, seq], …]`` JSON in pieces of at most ``most`` characters (one piece
    but for a zone of a hundred players or more)."""
    if len(players) <= most:
        return [players]
    pieces: list[str] = []
    current: list[str] = []
    length = 2  # the brackets
    for device, seq in msgspec.json.decode(players, type=list[tuple[str, int]]):
        entry = f'["{device}",{seq}]'
        if current and length + len(entry) + 1 > most:
            pieces.append(f"[{','.join(current)}]")
            current, length = [], 2
        current.append(entry)
        length += len(entry) + 1
    pieces.append(f"[{','.join(current)}]")
    return pieces


async def tell_players(ctx: Context, venue_id: uuid.UUID, news: VenueNews) -> None:
    """Send ``news`` to the open connections of the venue's players once the transaction commits."""
    await changed(ctx.session, ctx.tenant_id, players_topic(venue_id), _encoder.encode(news).decode())


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
        device = await load_device(ctx, device_id)
        await tell_players(ctx, device.venue_id, VenueNews(revoked=[(str(device_id), str(key.id))]))
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

#: The venue's zones that have players (or the zone of one player), with their local volumes.
_ZONES = """
SELECT z.id, z.volume FROM venue_audio_zones AS z
WHERE z.tenant_id = :tenant_id AND z.venue_id = :venue_id AND EXISTS (
    SELECT FROM venue_audio_devices AS d
    WHERE d.tenant_id = z.tenant_id AND d.zone_id = z.id AND d.kind = '{player}'{one}
)
"""
_VENUE_ZONES = text(_ZONES.format(player=DeviceKind.PLAYER.value, one=""))
_ONE_ZONE = text(_ZONES.format(player=DeviceKind.PLAYER.value, one=" AND d.id = :device_id"))

#: A new UUIDv7 per row (``core/ids.py``'s kind: the milliseconds since 1970, then random bits),
#: with what PostgreSQL 15 has (18 has ``uuidv7()``).
_UUID7 = (
    "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing "
    "substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) "
    "FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid"
)

#: Each player of the venue (or just one) whose zone now wants something other than its last
#: command said (``:zones``, one JSON row per zone: ``_ZoneCommand``) gets a new command numbered
#: after that one, in one statement whatever their number: no player passes through Python.
#: Answers per zone its players' new commands as ``[["device", seq], …]``. The issuers of a
#: venue take turns (its lock), so a number is never taken twice; were it, that player would get
#: nothing new here rather than fail the change.
_ISSUE = """
WITH wanted AS (
    SELECT * FROM json_to_recordset(CAST(:zones AS json)) AS w (
        zone_id uuid, program_kind text, program_id text, broadcast_id uuid, source text,
        volume smallint, priority smallint, position_s numeric
    )
), players AS (
    SELECT d.id, d.zone_id, c.seq, c.zone_id AS last_zone_id, c.program_kind, c.program_id,
           c.broadcast_id, c.source, c.volume, c.priority
    FROM venue_audio_devices AS d
    LEFT JOIN LATERAL (
        SELECT pc.seq, pc.zone_id, pc.program_kind, pc.program_id, pc.broadcast_id, pc.source,
               pc.volume, pc.priority
        FROM venue_audio_player_commands AS pc
        WHERE pc.tenant_id = d.tenant_id AND pc.device_id = d.id
        ORDER BY pc.seq DESC
        LIMIT 1
    ) AS c ON true
    WHERE d.tenant_id = :tenant_id AND d.venue_id = :venue_id AND d.kind = '{player}'{one}
), issued AS (
    INSERT INTO venue_audio_player_commands
        (tenant_id, id, device_id, venue_id, zone_id, seq, issued_at, program_kind, program_id,
         broadcast_id, source, volume, priority, position_s)
    SELECT :tenant_id, {uuid7}, p.id, :venue_id, w.zone_id, coalesce(p.seq, 0) + 1, :issued_at,
           w.program_kind, w.program_id, w.broadcast_id, w.source, w.volume, w.priority, w.position_s
    FROM players AS p JOIN wanted AS w ON w.zone_id = p.zone_id
    WHERE p.seq IS NULL
       OR (p.last_zone_id, p.program_kind, p.program_id, p.broadcast_id, p.source, p.volume, p.priority)
          IS DISTINCT FROM
          (w.zone_id, w.program_kind, w.program_id, w.broadcast_id, w.source, w.volume, w.priority)
    ON CONFLICT (tenant_id, device_id, seq) DO NOTHING
    RETURNING zone_id, device_id, seq
)
SELECT zone_id, '[' || string_agg(format('["%s",%s]', device_id, seq), ',') || ']'
FROM issued GROUP BY zone_id
"""
_VENUE_ISSUE = text(_ISSUE.format(player=DeviceKind.PLAYER.value, one="", uuid7=_UUID7))
_ONE_ISSUE = text(_ISSUE.format(player=DeviceKind.PLAYER.value, one=" AND d.id = :device_id", uuid7=_UUID7))


class _ZoneCommand(msgspec.Struct):
    """What a zone's players are commanded now (a row of ``_ISSUE``'s ``:zones``)."""

    zone_id: uuid.UUID
    program_kind: str | None
    program_id: str | None
    broadcast_id: uuid.UUID | None
    source: str
    volume: int
    priority: int | None
    position_s: float


class _CommandBody(msgspec.Struct):
    """A command's JSON after its ``seq`` and ``zone_id`` (:class:`PlayerCommandView`'s fields
    in its order), shared by its zone's players."""

    issued_at: datetime
    program_kind: str | None
    program_id: str | None
    broadcast_id: uuid.UUID | None
    source: str
    volume: int
    priority: int | None
    position_s: float
    acked_at: None = None
    reported_source: None = None
    reported_volume: None = None


def _zone_command(zone_id: uuid.UUID, play: rules.ZonePlay) -> _ZoneCommand:
    kind = kind_of(play)
    return _ZoneCommand(
        zone_id=zone_id,
        program_kind=kind,
        program_id=play.program_id,
        broadcast_id=uuid.UUID(play.program_id)
        if kind in ("paging", "emergency") and play.program_id
        else None,
        source=play.source or "",
        volume=play.volume,
        priority=int(play.priority) if play.priority else None,
        position_s=round(play.position.total_seconds(), 3),
    )


def _body(command: _ZoneCommand, issued_at: datetime) -> str:
    body = _CommandBody(
        issued_at=issued_at, program_kind=command.program_kind, program_id=command.program_id,
        broadcast_id=command.broadcast_id, source=command.source, volume=command.volume,
        priority=command.priority, position_s=command.position_s,
    )  # fmt: skip
    return _encoder.encode(body).decode()[1:]


async def issue_commands(
    ctx: Context,
    venue_id: uuid.UUID,
    *,
    device_id: uuid.UUID | None = None,
    also: Sequence[tuple[str, str]] = (),
) -> float | None:
    """Give every player of the venue (or just ``device_id``) whose zone now plays something other
    than its last command a new command, and tell every one of them (their connections) when the
    venue next changes by itself; returns that, in seconds from now. ``also``: more ``(topic,
    data)`` changes to announce with the players' news (in the same statement).

    The same statements whatever the number of players: the venue's lock, the zones that have
    players, their programs (arbitrated here, per zone, as the board is), the new commands (one
    statement) and the notifications (one; a few for hundreds of players, each telling many).
    """
    # One issuer per venue at a time: what plays and the last commands are then read after any
    # other change of the venue committed (or before it did anything), never half of each (a feed
    # re-reading while an emergency was being cleared once re-issued the emergency after the clear).
    await ctx.session.execute(_VENUE_LOCK, {"key": f"{ctx.tenant_id}:{venue_id}"})
    params: dict[str, Any] = {"tenant_id": ctx.tenant_id, "venue_id": venue_id}
    if device_id is not None:
        params["device_id"] = device_id
    zones = await ctx.session.execute(_ONE_ZONE if device_id else _VENUE_ZONES, params)
    volumes: dict[uuid.UUID, int] = dict(zones.all())
    if not volumes:
        if also:
            await changed_many(ctx.session, ctx.tenant_id, also)
        return None
    # The venue as this transaction knows it (its changes included), read only if it is not known.
    venue = await ctx.session.get(Venue, (ctx.tenant_id, venue_id))
    if venue is None:
        raise NotFoundProblem(f"No venue with id {venue_id}.")
    now = clock.now(ctx)
    plays, next_change_at = await zone_plays(ctx, venue, volumes, now)
    wanted = {zone_id: _zone_command(zone_id, plays[str(zone_id)]) for zone_id in volumes}
    issue = {**params, "issued_at": now, "zones": _encoder.encode(list(wanted.values())).decode()}
    issued: list[tuple[uuid.UUID, str]] = [
        (zone_id, players)
        for zone_id, players in await ctx.session.execute(_ONE_ISSUE if device_id else _VENUE_ISSUE, issue)
    ]
    if any(wanted[zone_id].program_kind == "emergency" for zone_id, _ in issued):
        await enqueue(ctx, "venue_audio.ack_watch", {}, run_at=now + ACK_DEADLINE)
    due = (next_change_at - now).total_seconds() if next_change_at else None
    news: list[str] = []
    if device_id is None or issued:
        # A player's own reading needs no news (its connection has the answer), but its other
        # connections want the command it was given.
        news = news_payloads(
            due=due,
            everyone=device_id is None,
            zones=[(str(zone_id), _body(wanted[zone_id], now), players) for zone_id, players in issued],
        )
    topic = players_topic(venue_id)
    await changed_many(ctx.session, ctx.tenant_id, [*((topic, data) for data in news), *also])
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
