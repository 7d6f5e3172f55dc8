"""Players' open connections: the command loop every connection shares, the player's WebSocket,
and the batches its acknowledgements are written in.

A player holds one connection open and is sent each new command on it as soon as the change that
issued it commits (:func:`player_commands`). The process holds one subscription per venue
(:class:`PlayerRoom`): each of the venue's notifications names many players with their new
command numbers and their zones' commands, and the room hands each connection here its command
(spliced as the player reads it, never decoded and encoded again), waking only that connection.
Two kinds of connection share that loop:

- **the WebSocket** ``GET /api/v1/venue-audio/player/socket`` (:func:`serve_socket`): commands
  down, acknowledgements and heartbeats up on the same connection, each answered once it is
  committed; the acknowledgements of many players are written together by the process's
  :class:`ReportBatcher` (one statement per tenant every few milliseconds);
- **the server-sent event feed** ``GET …/player/feed`` (``api.py``), for players that cannot use
  a WebSocket, with ``POST …/player/acks`` for its acknowledgements (alone, in the request's
  own transaction).

Both record acknowledgements through the one service function, ``services.report``.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

import msgspec
from litestar import Litestar, WebSocket
from litestar.exceptions import WebSocketDisconnect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bizsuite.core import live
from bizsuite.core.billing.entitlements import check_route
from bizsuite.core.context import Context, Principal, PrincipalKind
from bizsuite.core.db import bind_tenant
from bizsuite.core.errors import (
    ForbiddenProblem,
    ProblemDetails,
    ProblemError,
    RateLimitedProblem,
    UnauthorizedProblem,
    UnavailableProblem,
    ValidationProblem,
    database_unavailable,
    problem_type,
)
from bizsuite.core.framework import per_app
from bizsuite.core.http import FixedWindowLimiter, address_key
from bizsuite.modules.venue_audio import services
from bizsuite.modules.venue_audio.access import standing_watch
from bizsuite.modules.venue_audio.schemas import (
    PlayerAck,
    PlayerCommandView,
    SocketAck,
    SocketAcked,
    SocketAlive,
    SocketError,
    SocketReport,
)

log = logging.getLogger(__name__)

#: How soon a player's connection tries again when it could not read its command.
FEED_RETRY_S = 2.0
#: How long the first report of a batch waits for others before the batch is written. While a
#: batch is being written the next one gathers whatever arrives meanwhile.
BATCH_WINDOW_S = 0.002
#: WebSocket close codes: the key was revoked (as HTTP 401), the server is stopping (going away).
CLOSE_REVOKED = 4401
CLOSE_GOING_AWAY = 1001


def check_device(principal: Principal, *, write: bool) -> None:
    """A device key (``bzd_…``) of a tenant whose plan has venue audio: the one check of the
    player routes and the player's socket."""
    if principal.kind is PrincipalKind.ANONYMOUS:
        raise UnauthorizedProblem("Send the player's device key: `Authorization: Bearer bzd_…`.")
    if principal.kind is not PrincipalKind.DEVICE or principal.tenant is None:
        raise ForbiddenProblem("These routes are for players, with their own device key.")
    check_route(principal.tenant, "venue_audio", write=write)
    if "venue_audio" not in principal.tenant.modules:
        raise ForbiddenProblem("The venue_audio module is not enabled.")


@asynccontextmanager
async def device_context(app: Litestar, principal: Principal) -> AsyncIterator[Context]:
    """A transaction of its own for a player's open connection (its request's ended when it began)."""
    assert principal.tenant is not None
    async with app.state.sessionmaker() as session, session.begin():
        await bind_tenant(session, principal.tenant.id)
        yield Context(session=session, principal=principal)


# --- The process's player connections ------------------------------------------------------------


class PlayerLine:
    """One open connection of a player in this process (its WebSocket, event stream or long
    poll): what the venue's news left for it, and a wait for more. Told by :class:`PlayerRoom`
    from the event loop, without a task of its own: the connection's task wakes only when there
    is something for it, or its time comes (one timer, kept from one wait to the next)."""

    __slots__ = (
        "_armed_for", "_timer", "_until", "_waiter", "device_id", "due_at", "ended", "key_id", "latest", "look",
    )  # fmt: skip

    def __init__(self, device_id: uuid.UUID, key_id: uuid.UUID | None) -> None:
        self.device_id, self.key_id = device_id, key_id
        #: The newest command told and not yet taken: ``(seq, command JSON)``.
        self.latest: tuple[int, str] | None = None
        #: When (``time.monotonic()``) what plays may change by itself: the line looks again then.
        self.due_at: float | None = None
        #: Whether news may have been missed (the listening connection was reopened): look again.
        self.look = False
        #: Its key was revoked, or the process stops.
        self.ended = False
        self._waiter: asyncio.Future[None] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._armed_for = math.inf
        self._until = math.inf

    def offer(self, seq: int, command: str) -> None:
        """A new command for the player (kept if newer than the one waiting)."""
        if self.latest is None or seq > self.latest[0]:
            self.latest = (seq, command)
            self._wake()

    def take(self) -> tuple[int, str] | None:
        """The newest command told since the last take, if any."""
        latest, self.latest = self.latest, None
        return latest

    def due(self, at: float | None) -> None:
        """What plays next changes by itself at ``at`` (``None``: nothing is due)."""
        self.due_at = at
        if self._waiter is not None:
            self._arm()

    def look_again(self) -> None:
        """News may have been missed: read what the player should play."""
        self.look = True
        self._wake()

    def end(self) -> None:
        """The connection ends (its key was revoked, say)."""
        self.ended = True
        self._wake()

    async def wait(self, until: float = math.inf) -> None:
        """Until the line is told something, its due time passes, or ``until`` (``time.monotonic()``)."""
        self._until = until
        self._waiter = asyncio.get_running_loop().create_future()
        self._arm()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def close(self) -> None:
        """The connection is gone: its timer too."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer, self._armed_for = None, math.inf

    def _arm(self) -> None:
        """A timer for the earliest of the line's times, unless one as early is set (a timer that
        rings early only makes the connection look and wait again): 500 lines told a new due
        time at once mostly keep theirs."""
        when = self._until if self.due_at is None else min(self._until, self.due_at)
        if self._timer is not None and self._armed_for <= when:
            return
        self.close()
        if when < math.inf:
            delay = max(0.0, when - time.monotonic())
            self._timer, self._armed_for = asyncio.get_running_loop().call_later(delay, self._ring), when

    def _ring(self) -> None:
        self._timer, self._armed_for = None, math.inf
        self._wake()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)


@dataclass(slots=True)
class _Venue:
    """A venue's lines in this process, by device, and its subscription (closed with the last)."""

    lines: dict[str, set[PlayerLine]] = field(default_factory=dict)
    subscription: ExitStack = field(default_factory=ExitStack)

    def on_news(self, data: str | None) -> None:
        """The venue's players were told something (``None``: they may have missed news)."""
        if data is None:
            for every in self.lines.values():
                for line in every:
                    line.look_again()
            return
        news = services.read_news(data)
        due_at = time.monotonic() + news.due if news.due is not None else None
        if news.everyone:
            for every in self.lines.values():
                for line in every:
                    line.due(due_at)
        lines = self.lines
        for zone_id, body_index, players in news.zones:
            body = news.bodies[body_index]
            for device_id, seq in players:
                found = lines.get(device_id)
                if found:
                    command = services.spliced_command(seq, zone_id, body)
                    for line in found:
                        line.offer(seq, command)
                        if not news.everyone:
                            line.due(due_at)
        for device_id, key_id in news.revoked:
            for line in list(lines.get(device_id, ())):
                if str(line.key_id) == key_id:
                    line.end()


class PlayerRoom:
    """This process's open player connections by venue, with one subscription per venue to its
    players' news (``services.players_topic``): each notification tells many players their new
    commands at once, handed here to the connections it names, in memory."""

    def __init__(self, hub: live.LiveHub) -> None:
        self._hub = hub
        self._venues: dict[tuple[uuid.UUID, uuid.UUID], _Venue] = {}

    @contextmanager
    def join(self, principal: Principal, venue_id: uuid.UUID) -> Iterator[PlayerLine]:
        """A line for the player's connection while inside (wait for the hub's ``listening()``
        before reading what the line may have missed)."""
        assert principal.tenant is not None and principal.device_id is not None
        key = (principal.tenant.id, venue_id)
        venue = self._venues.get(key)
        if venue is None:
            venue = self._venues[key] = _Venue()
            topic = services.players_topic(venue_id)
            venue.subscription.enter_context(self._hub.listen(principal.tenant.id, topic, venue.on_news))
        line = PlayerLine(principal.device_id, principal.api_key_id)
        device = str(principal.device_id)
        venue.lines.setdefault(device, set()).add(line)
        try:
            yield line
        finally:
            line.close()
            found = venue.lines.get(device)
            if found is not None:
                found.discard(line)
                if not found:
                    del venue.lines[device]
            if not venue.lines and self._venues.get(key) is venue:
                del self._venues[key]
                venue.subscription.close()


def player_room(app: Litestar) -> PlayerRoom:
    """The application's room (one per process), made on first use."""
    return per_app(app, "venue_audio_players", lambda: PlayerRoom(app.state.live))


async def player_commands(
    app: Litestar, principal: Principal, venue_id: uuid.UUID, last_seq: int
) -> AsyncIterator[tuple[int, str] | None]:
    """What a player's open connection sends: ``(seq, command JSON)`` for its current command if
    newer than ``last_seq``, then for each new one as soon as it is committed; ``None`` after a
    quiet while (time for a keep-alive). Ends when the player's key is revoked or the process
    stops; raises the problem when its tenant no longer admits players (``access.py``). It holds
    no database connection while it waits."""
    assert principal.tenant is not None and principal.device_id is not None
    device_id, sent = principal.device_id, last_seq
    hub: live.LiveHub = app.state.live
    with (
        player_room(app).join(principal, venue_id) as line,
        # Its tenant suspended, or without venue audio: the line ends (access.py).
        standing_watch(app).standing(principal, line.end) as standing,
    ):
        await hub.listening()
        # Read once listening, so nothing is missed between the read and the news; then again
        # when the news may have been missed, or when what plays changes by itself (``due``). No
        # minute ticks: 500 connections re-reading at every minute would queue for the pool at once.
        line.look = True
        quiet_since = time.monotonic()
        while not (line.ended or hub.closing.is_set()):
            now = time.monotonic()
            if line.look or (line.due_at is not None and now >= line.due_at):
                line.look, line.due_at = False, None
                try:
                    async with device_context(app, principal) as ctx:
                        if not await services.key_in_force(ctx):
                            return
                        view, due = await services.command_now(ctx, venue_id, device_id)
                except (SQLAlchemyError, OSError, ProblemError) as exc:
                    # The database is busy or away: keep the connection and look again shortly.
                    log.warning("player connection of %s: re-read failed (%s); retrying", device_id, exc)
                    line.due_at = time.monotonic() + FEED_RETRY_S
                    continue
                if view is not None:
                    line.offer(view.seq, services.command_json(view))
                if due is not None:
                    line.due_at = time.monotonic() + due
            latest = line.take()
            if latest is not None and latest[0] > sent:
                sent, quiet_since = latest[0], time.monotonic()
                yield latest
                continue
            if time.monotonic() - quiet_since >= live.KEEP_ALIVE_S:
                quiet_since = time.monotonic()
                standing.check(quiet=True)  # a subscription that lapsed with time (in memory)
                yield None
                continue
            await line.wait(quiet_since + live.KEEP_ALIVE_S)
        standing.check()  # ended for its tenant's standing: raises the problem a reconnection gets


# --- Reports in batches --------------------------------------------------------------------------


@dataclass(slots=True)
class _Report:
    principal: Principal
    ack: PlayerAck | None
    answer: asyncio.Future[services.Reported]


class ReportBatcher:
    """The acknowledgements and heartbeats of this process's player sockets, written together.

    A report waits at most :data:`BATCH_WINDOW_S` for others (or, while a batch is being written,
    until that one is done); each batch is one transaction and one statement per tenant
    (``services.report``), and every sender is answered once its batch committed: the
    acknowledgement is recorded when the player hears so, exactly as with ``POST …/player/acks``.
    A batch that cannot be written answers each of its reports 503 (the player sends it again).
    """

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], *, window_s: float = BATCH_WINDOW_S):
        self._sessionmaker = sessionmaker
        self._window_s = window_s
        self._pending: list[_Report] = []
        self._task: asyncio.Task[None] | None = None

    async def submit(self, principal: Principal, ack: PlayerAck | None) -> services.Reported:
        """Record the player's acknowledgement (or, ``None``, its heartbeat) with the next batch;
        returns once that committed (``services.report``'s answer)."""
        answer: asyncio.Future[services.Reported] = asyncio.get_running_loop().create_future()
        self._pending.append(_Report(principal, ack, answer))
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._drain(), name="venue audio reports")
        return await answer

    async def _drain(self) -> None:
        await asyncio.sleep(self._window_s)
        while self._pending:
            batch, self._pending = self._pending, []
            tenants: dict[uuid.UUID, list[_Report]] = {}
            for item in batch:
                assert item.principal.tenant is not None
                tenants.setdefault(item.principal.tenant.id, []).append(item)
            await asyncio.gather(*(self._write(tenant_id, items) for tenant_id, items in tenants.items()))

    async def _write(self, tenant_id: uuid.UUID, items: list[_Report]) -> None:
        answers: list[services.Reported]
        try:
            async with self._sessionmaker() as session:
                await bind_tenant(session, tenant_id)
                async with session.begin():
                    ctx = Context(session=session, principal=items[0].principal)
                    answers = await services.report(ctx, [(item.principal, item.ack) for item in items])
        except Exception as exc:  # every sender must hear back, whatever went wrong
            if database_unavailable(exc) or isinstance(exc, SQLAlchemyError):
                log.warning("player reports not recorded (%d): %s", len(items), exc)
            else:
                log.exception("player reports not recorded (%d)", len(items))
            problem = UnavailableProblem("The reports could not be recorded now; send them again.")
            answers = [problem] * len(items)
        for item, answer in zip(items, answers, strict=True):
            if not item.answer.done():  # its socket may have closed meanwhile
                item.answer.set_result(answer)


def report_batcher(app: Litestar) -> ReportBatcher:
    """The application's batcher (one per process), made on first use."""
    return per_app(app, "venue_audio_reports", lambda: ReportBatcher(app.state.sessionmaker))


# --- The player's WebSocket ----------------------------------------------------------------------

_reports = msgspec.json.Decoder(SocketReport)
_encoder = msgspec.json.Encoder()


def _handshakes(app: Litestar) -> FixedWindowLimiter:
    """Socket handshakes per peer address and minute: the ceiling every address has on HTTP
    requests (``core/http.py``; a handshake passes none of the HTTP middleware)."""
    return per_app(
        app,
        "venue_audio_handshakes",
        lambda: FixedWindowLimiter(app.state.settings.rate_limit_per_minute * 5),
    )


def _bearer(socket: WebSocket[Any, Any, Any]) -> str:
    scheme, _, token = (socket.headers.get("authorization") or "").partition(" ")
    token = token.strip()
    if not token:
        raise UnauthorizedProblem("Send the player's device key: `Authorization: Bearer bzd_…`.")
    if scheme.lower() != "bearer" or not token.startswith(services.DEVICE_KEY_PREFIX):
        raise ForbiddenProblem("The player socket is for players, with their own device key (`bzd_…`).")
    return token


def _last_event_id(socket: WebSocket[Any, Any, Any]) -> int:
    raw = (socket.headers.get("last-event-id") or "0").strip()
    if not raw.isdigit():
        raise ValidationProblem.for_field("Last-Event-ID", "must be a whole number", source="header")
    return int(raw)


async def open_socket(socket: WebSocket[Any, Any, Any]) -> tuple[Principal, uuid.UUID, int] | None:
    """Authenticate a player's socket as its feed is (its device key, ``Last-Event-ID``) and accept
    it: the player, its venue and the last command it has; ``None`` when refused (answered as
    HTTP, a problem with its status, where the server can; closed otherwise)."""
    app = socket.app
    try:
        admitted, _left, reset = _handshakes(app).hit(address_key(socket.scope))
        if not admitted:
            raise RateLimitedProblem(
                "Too many connections; retry after the time given.", headers={"Retry-After": str(reset)}
            )
        token, last_seq = _bearer(socket), _last_event_id(socket)
        async with app.state.sessionmaker() as session, session.begin():
            principal = await services.device_principal(session, token)
            check_device(principal, write=False)
            assert principal.device_id is not None
            device = await services.get_device(
                Context(session=session, principal=principal), principal.device_id
            )
    except ProblemError as problem:
        await _refuse(socket, problem)
        return None
    except (SQLAlchemyError, OSError) as exc:  # the database is busy or away: try again shortly
        log.warning("player socket refused: %s", exc)
        await _refuse(socket, UnavailableProblem("The database is not answering; retry shortly."))
        return None
    await socket.accept()
    return principal, device.venue_id, last_seq


async def _refuse(socket: WebSocket[Any, Any, Any], problem: ProblemError) -> None:
    extensions = socket.scope.get("extensions") or {}
    if "websocket.http.response" not in extensions:
        await socket.close(code=4000 + problem.status, reason=problem.title)  # the client sees 403
        return
    await socket.receive()  # the connect event
    body = _encoder.encode(
        ProblemDetails(
            type=problem_type(problem.slug),
            title=problem.title,
            status=problem.status,
            detail=problem.detail,
            instance=socket.url.path,
            errors=problem.errors,
        )
    )
    headers = [(b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in problem.headers.items()]
    start: Any = {"type": "websocket.http.response.start", "status": problem.status, "headers": headers}
    await socket.send(start)
    end: Any = {"type": "websocket.http.response.body", "body": body}
    await socket.send(end)


def command_message(seq: int, command: str) -> str:
    """A command as the socket sends it: ``{"type": "command", "seq", "command"}``, the command's
    JSON as it came (the feed's ``data``)."""
    return f'{{"type":"command","seq":{seq},"command":{command}}}'


async def _answer(principal: Principal, raw: str | bytes, batcher: ReportBatcher) -> str:
    """Record one message of the player (an acknowledgement or a heartbeat) and say how it went."""
    try:
        message = _reports.decode(raw)
    except msgspec.DecodeError as exc:  # ValidationError included
        return _encoder.encode(SocketError(status=422, title="Invalid message", detail=str(exc))).decode()
    seq = message.seq if isinstance(message, SocketAck) else None
    try:
        check_device(principal, write=True)
    except ProblemError as problem:
        answer: services.Reported = problem
    else:
        ack = (
            PlayerAck(seq=message.seq, source=message.source, volume=message.volume)
            if isinstance(message, SocketAck)
            else None
        )
        answer = await batcher.submit(principal, ack)
    if isinstance(answer, PlayerCommandView):
        assert answer.acked_at is not None
        reply: Any = SocketAcked(seq=answer.seq, acked_at=answer.acked_at)
    elif answer is None:
        reply = SocketAlive()
    else:
        reply = SocketError(status=answer.status, title=answer.title, detail=answer.detail, seq=seq)
    return _encoder.encode(reply).decode()


async def serve_socket(
    socket: WebSocket[Any, Any, Any], principal: Principal, venue_id: uuid.UUID, last_seq: int
) -> None:
    """Hold an accepted player socket: its commands down as they are issued, its reports up, each
    answered once recorded; closed when its key is revoked (4401), its tenant is suspended or
    loses venue audio (4403, 4402: ``access.py``) or the server stops (1001)."""
    app = socket.app
    lock = asyncio.Lock()

    async def send(text: str) -> None:
        async with lock:  # whole messages, from two tasks
            await socket.send_text(text)

    async def commands() -> None:
        async for sent in player_commands(app, principal, venue_id, last_seq):
            if sent is not None:  # idle: the server's WebSocket pings keep the connection
                await send(command_message(*sent))

    async def reports() -> None:
        batcher = report_batcher(app)
        while True:
            message = await socket.receive()
            if message["type"] != "websocket.receive":
                return  # the player went away
            raw = message.get("text") or message.get("bytes") or b""
            await send(await _answer(principal, raw, batcher))

    feeding, listening = asyncio.create_task(commands()), asyncio.create_task(reports())
    done, _ = await asyncio.wait({feeding, listening}, return_when=asyncio.FIRST_COMPLETED)
    for task in (feeding, listening):
        task.cancel()
    await asyncio.gather(feeding, listening, return_exceptions=True)
    failed = next((t.exception() for t in done if not t.cancelled() and t.exception()), None)
    # Its tenant suspended or without venue audio (access.py): closed with 4000 + the status.
    refused = failed if isinstance(failed, ProblemError) else None
    if failed is not None and refused is None and not _gone(failed):
        log.error("player socket of %s failed", principal.device_id, exc_info=failed)
    if listening in done or (failed is not None and refused is None):
        return
    closing = app.state.live.closing.is_set()
    code, reason = (
        (4000 + refused.status, refused.title)
        if refused is not None
        else (CLOSE_GOING_AWAY, "the server is stopping")
        if closing
        else (CLOSE_REVOKED, "the device key was revoked")
    )
    try:
        await socket.close(code=code, reason=reason)
    except Exception as exc:  # it went away first
        if not _gone(exc):
            raise


def _gone(exc: BaseException) -> bool:
    """Whether an error only says the player went away (uvicorn's ``ClientDisconnected`` is an
    ``OSError``)."""
    return isinstance(exc, WebSocketDisconnect | OSError)
