"""Many venue-audio players in one process, for the emergency fan-out benchmark.

Run by ``test_venue_fanout_bench.py`` as its own process (not the server's, not pytest's)::

    python tests/bench/venue_players.py --url http://127.0.0.1:PORT --keys keys.json [--transport sse]

``keys.json`` is a list of device keys (``bzd_…``), one per player. With ``--transport
websocket`` (the default) each player holds its WebSocket open (``GET
/api/v1/venue-audio/player/socket``, without compression, as ``bizsuite-player`` connects) and
acknowledges every command at once on it, in the same step that read it: the ``websockets``
package's sans-I/O protocol under an asyncio ``Protocol``, with no task or future per message
(its asyncio client cost 500 simulated players about as much CPU per alarm as the server spent,
on the same two cores; 500 real devices have a CPU each); the
acknowledgement counts as done when the server's ``acked`` answer arrives (it is sent once the
acknowledgement is committed). With ``--transport sse`` each player holds its command feed open
(``GET /api/v1/venue-audio/player/feed``, server-sent events over a raw asyncio connection, as a
real device's HTTP client would) and acknowledges with ``POST /api/v1/venue-audio/player/acks``
on a fresh connection (a device that was quiet for a while has no keep-alive connection left,
uvicorn closes idle ones after 5 s); done when the answer arrives. Either way an acknowledgement
the server refuses for being busy (503: no database connection within the pool's timeout; 429)
or that fails on the way is sent again after 0.25 s, up to 20 times, and counted. The process
runs on uvloop when it is installed (500 devices have 500 CPUs; this process has a share of two).

Timestamps are ``time.monotonic()`` (``CLOCK_MONOTONIC``: one clock for every process of the
machine), so the benchmark compares them with the instant it made the alarm call.

It talks with the benchmark through JSON lines: on stdout first ``{"ready": n, ...}`` once every
player received (and acknowledged) its current command; then, for each line on stdin:

- ``{"op": "mark", "ack": true}``: remember each player's last command and forget the errors so
  far; from now on acknowledge commands (or not, with ``false``); answers ``{"marked": n}``;
- ``{"op": "wait", "count": n, "timeout": s, "grace": g}``: wait until ``n`` players received
  (and, when acknowledging, had acknowledged) a command newer than the mark, or ``timeout``, then
  ``grace`` seconds more (to see commands nobody expected); answers ``{"events": [...], ...}``,
  one event per new command: ``[player, seq, program_kind, broadcast_id, source, volume,
  received, acked, ack_status]`` (``acked`` and ``ack_status`` null when not acknowledged),
  and the acknowledgements sent again (``retries``, by reason);
- ``{"op": "status"}``: how many feeds are open now (``connected``);
- ``{"op": "quit"}``.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import random
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from websockets.client import ClientProtocol
from websockets.exceptions import WebSocketException
from websockets.frames import Frame, Opcode
from websockets.http11 import Response
from websockets.protocol import State
from websockets.uri import parse_uri

FEED = "/api/v1/venue-audio/player/feed"
ACKS = "/api/v1/venue-audio/player/acks"
SOCKET = "/api/v1/venue-audio/player/socket"
TRANSPORTS = ("websocket", "sse")
#: Attempts at one acknowledgement, and the pause before another.
ACK_ATTEMPTS = 20
RETRY_AFTER_S = 0.25
#: Feeds opened at once while connecting (each waits for its first command and acknowledgement).
CONNECT_AT_ONCE = 25


@dataclass
class Received:
    """A command as the player received it."""

    seq: int
    program_kind: str | None
    broadcast_id: str | None
    source: str
    volume: int
    received: float
    acked: float | None = None
    ack_status: int | None = None


@dataclass
class PlayerState:
    index: int
    key: str
    commands: list[Received] = field(default_factory=list)
    last_event_id: int = 0
    reconnects: int = 0
    #: Whether its feed is open now, and since when (each connection's ``time.monotonic()``).
    connected: bool = False
    connected_at: list[float] = field(default_factory=list)
    first: asyncio.Event = field(default_factory=asyncio.Event)
    #: On the WebSocket: acknowledgements sent and not answered yet, by seq (with the attempts).
    unanswered: dict[int, tuple[Received, int]] = field(default_factory=dict)


class Fleet:
    """Every player, their feeds and acknowledgements."""

    def __init__(self, host: str, port: int, keys: list[str], transport: str = "websocket") -> None:
        self.host, self.port = host, port
        self.transport = transport
        self.players = [PlayerState(i, key) for i, key in enumerate(keys)]
        self.ack = True
        #: Per player, how many commands it had at the mark (the later ones are new).
        self.mark: list[int] = [0] * len(keys)
        self.changed = asyncio.Event()
        #: Acknowledgements that failed for good, feeds refused.
        self.errors: list[str] = []
        #: Feeds that broke off (the player reconnected from its last event id).
        self.feed_errors: list[str] = []
        self.tasks: set[asyncio.Task[Any]] = set()
        #: Acknowledgements sent again (the server answered 503 or 429, or the connection failed).
        self.retries = 0
        self.retry_reasons: dict[str, int] = {}
        #: The process's CPU time at the mark (what a round cost it is counted from there).
        self.cpu_at_mark = time.process_time()

    # --- HTTP ----------------------------------------------------------------------------------

    def _head(self, method: str, path: str, key: str, extra: list[str]) -> bytes:
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            f"Authorization: Bearer {key}",
        ]
        return ("\r\n".join(lines + extra) + "\r\n\r\n").encode("latin-1")

    @staticmethod
    async def _response_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            if name:
                headers[name.strip().lower()] = value.strip()
        return int(status_line.split(" ", 2)[1]), headers

    async def _post_ack(self, player: PlayerState, body: bytes) -> int:
        extra = ["Content-Type: application/json", f"Content-Length: {len(body)}", "Connection: close"]
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            writer.write(self._head("POST", ACKS, player.key, extra) + body)
            status, headers = await self._response_head(reader)
            if "content-length" in headers:
                await reader.readexactly(int(headers["content-length"]))
            return status
        finally:
            writer.close()

    async def _acknowledge(self, player: PlayerState, command: Received) -> None:
        """Acknowledge, retrying (as a careful device would) when the server is busy (503, 429)
        or the connection fails; each retry is counted and reported."""
        body = json.dumps({"seq": command.seq, "source": command.source, "volume": command.volume}).encode()
        status = -1
        for attempt in range(ACK_ATTEMPTS):
            if attempt:
                self.retries += 1
                await asyncio.sleep(RETRY_AFTER_S)
            try:
                status = await self._post_ack(player, body)
            except (OSError, asyncio.IncompleteReadError) as exc:
                self.retry_reasons[type(exc).__name__] = self.retry_reasons.get(type(exc).__name__, 0) + 1
                continue
            if status not in (429, 503):
                break
            self.retry_reasons[str(status)] = self.retry_reasons.get(str(status), 0) + 1
        command.acked = time.monotonic()
        command.ack_status = status
        if status != 200:
            self.errors.append(f"player {player.index}: ack of {command.seq} answered {status}")
        self.changed.set()

    def _on_event(self, player: PlayerState, event: dict[str, str]) -> None:
        if event.get("event") != "command" or "data" not in event:
            return
        command = self._received(player, json.loads(event["data"]))
        if self.ack or not player.first.is_set():
            task = asyncio.create_task(self._acknowledge(player, command))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        self.changed.set()

    def _received(self, player: PlayerState, data: dict[str, Any]) -> Received:
        command = Received(
            seq=int(data["seq"]),
            program_kind=data.get("program_kind"),
            broadcast_id=data.get("broadcast_id"),
            source=str(data.get("source") or ""),
            volume=int(data.get("volume") or 0),
            received=time.monotonic(),
        )
        player.commands.append(command)
        player.last_event_id = max(player.last_event_id, command.seq)
        return command

    # --- The WebSocket ---------------------------------------------------------------------------

    @staticmethod
    def _ack_message(command: Received) -> str:
        return json.dumps(
            {"type": "ack", "seq": command.seq, "source": command.source, "volume": command.volume}
        )

    async def _socket_once(self, player: PlayerState) -> None:
        loop = asyncio.get_running_loop()
        protocol = ClientProtocol(parse_uri(f"ws://{self.host}:{self.port}{SOCKET}"))
        transport, socket = await loop.create_connection(
            lambda: PlayerSocket(self, player, protocol), self.host, self.port
        )
        try:
            await asyncio.wait_for(asyncio.shield(socket.opened), timeout=30)
            await socket.closed
        finally:
            player.connected = False
            transport.close()

    def on_message(self, player: PlayerState, socket: PlayerSocket, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind == "command":
            command = self._received(player, message["command"])
            if self.ack or not player.first.is_set():
                player.unanswered[command.seq] = (command, 1)
                socket.send(self._ack_message(command))
            self.changed.set()
        elif kind == "acked":
            answered = player.unanswered.pop(int(message["seq"]), None)
            if answered is not None:
                answered[0].acked, answered[0].ack_status = time.monotonic(), 200
                self.changed.set()
        elif kind == "error":
            seq, status = message.get("seq"), int(message.get("status") or 0)
            pending = player.unanswered.get(seq) if isinstance(seq, int) else None
            if pending is None:
                self.errors.append(f"player {player.index}: {message}")
            elif status in (429, 503) and pending[1] < ACK_ATTEMPTS:
                self.retries += 1
                self.retry_reasons[str(status)] = self.retry_reasons.get(str(status), 0) + 1
                player.unanswered[pending[0].seq] = (pending[0], pending[1] + 1)
                # A new connection sends it again if this one is gone by then.
                asyncio.get_running_loop().call_later(
                    RETRY_AFTER_S, socket.send, self._ack_message(pending[0])
                )
            else:
                del player.unanswered[pending[0].seq]
                pending[0].acked, pending[0].ack_status = time.monotonic(), status
                self.errors.append(f"player {player.index}: ack of {pending[0].seq} answered {status}")
                self.changed.set()

    # --- The event stream ------------------------------------------------------------------------

    async def _feed_once(self, player: PlayerState) -> None:
        extra = ["Accept: text/event-stream"]
        if player.last_event_id:
            extra.append(f"Last-Event-ID: {player.last_event_id}")
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            writer.write(self._head("GET", FEED, player.key, extra))
            status, headers = await self._response_head(reader)
            if status in (401, 403):
                raise PermissionError(f"the feed refused the key ({status})")
            if status != 200:
                raise ConnectionError(f"the feed answered {status}")
            player.connected = True
            player.connected_at.append(time.monotonic())
            chunked = "chunked" in headers.get("transfer-encoding", "").lower()
            buffer = ""
            while True:
                if chunked:
                    size = int((await reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
                    if size == 0:
                        return
                    chunk = await reader.readexactly(size + 2)
                    text = chunk[:-2].decode("utf-8")
                else:
                    raw = await reader.read(65536)
                    if not raw:
                        return
                    text = raw.decode("utf-8")
                buffer += text.replace("\r\n", "\n")
                while "\n\n" in buffer:
                    block, buffer = buffer.split("\n\n", 1)
                    event: dict[str, str] = {}
                    for line in block.split("\n"):
                        if not line or line.startswith(":"):
                            continue
                        name, _, value = line.partition(":")
                        value = value.removeprefix(" ")
                        event[name] = (
                            event[name] + "\n" + value if name == "data" and name in event else value
                        )
                    self._on_event(player, event)
        finally:
            player.connected = False
            writer.close()

    async def feed(self, player: PlayerState) -> None:
        """Hold the player's feed open; when it drops, reconnect from the last event id (counted),
        with the reference player's backoff: 0.5 s doubling up to 30 s, with jitter, started over
        once a connection held a minute."""
        backoff = 0.5
        connect_once = self._socket_once if self.transport == "websocket" else self._feed_once
        while True:
            started = time.monotonic()
            try:
                await connect_once(player)
                self.feed_errors.append(f"player {player.index}: the feed ended")
            except PermissionError as exc:
                self.errors.append(f"player {player.index}: {exc}")
                player.first.set()
                return
            except (OSError, asyncio.IncompleteReadError, ValueError, WebSocketException) as exc:
                self.feed_errors.append(f"player {player.index}: the feed failed: {exc!r}")
            player.reconnects += 1
            if time.monotonic() - started > 60:
                backoff = 0.5
            await asyncio.sleep(backoff * random.uniform(0.8, 1.2))
            backoff = min(backoff * 2, 30.0)

    # --- The benchmark's requests --------------------------------------------------------------

    async def connect_all(self) -> float:
        """Open every feed (a few at a time); return once each player acknowledged its first command."""
        started = time.monotonic()
        gate = asyncio.Semaphore(CONNECT_AT_ONCE)

        async def one(player: PlayerState) -> None:
            async with gate:
                task = asyncio.create_task(self.feed(player))
                self.tasks.add(task)
                while not (player.commands and player.commands[0].ack_status is not None):
                    if player.first.is_set() and not player.commands:
                        return  # refused
                    self.changed.clear()
                    await asyncio.wait_for(self.changed.wait(), timeout=30)
                player.first.set()

        await asyncio.gather(*(one(p) for p in self.players))
        return time.monotonic() - started

    def set_mark(self, ack: bool) -> int:
        self.ack = ack
        self.cpu_at_mark = time.process_time()
        self.errors, self.feed_errors, self.retries, self.retry_reasons = [], [], 0, {}
        self.mark = [len(p.commands) for p in self.players]
        return len(self.players)

    def _new(self) -> list[tuple[int, Received]]:
        return [(p.index, c) for p in self.players for c in p.commands[self.mark[p.index] :]]

    def _done(self) -> int:
        done = set()
        for index, command in self._new():
            if not self.ack or command.ack_status is not None:
                done.add(index)
        return len(done)

    async def wait(self, count: int, within: float, grace: float) -> dict[str, Any]:
        # From the mark: the commands may arrive before the call's answer, so before this wait.
        cpu_before = self.cpu_at_mark
        deadline = time.monotonic() + within
        while self._done() < count:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), timeout=left)
            except TimeoutError:
                break
        if grace:
            await asyncio.sleep(grace)
        events = [
            [i, c.seq, c.program_kind, c.broadcast_id, c.source, c.volume, c.received, c.acked, c.ack_status]
            for i, c in self._new()
        ]
        errors, self.errors = self.errors, []
        feed_errors, self.feed_errors = self.feed_errors, []
        retries, self.retries = self.retries, 0
        reasons, self.retry_reasons = self.retry_reasons, {}
        return {
            "events": events,
            "done": self._done(),
            "errors": errors,
            "feed_errors": feed_errors,
            "retries": retries,
            "retry_reasons": reasons,
            "reconnects": sum(p.reconnects for p in self.players),
            "connected": sum(p.connected for p in self.players),
            "connections": {str(i): self.players[i].connected_at[-3:] for i in {e[0] for e in events}},
            "cpu_s": time.process_time(),
            "cpu_wait_s": time.process_time() - cpu_before,
        }


class PlayerSocket(asyncio.Protocol):
    """One player's WebSocket: bytes in, frames parsed by ``websockets``' protocol, each message
    handled and answered at once (pings too, by the protocol), bytes out."""

    def __init__(self, fleet: Fleet, player: PlayerState, protocol: ClientProtocol) -> None:
        self.fleet, self.player, self.protocol = fleet, player, protocol
        loop = asyncio.get_running_loop()
        #: The handshake's outcome, and the connection's end.
        self.opened: asyncio.Future[None] = loop.create_future()
        self.closed: asyncio.Future[None] = loop.create_future()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast("asyncio.Transport", transport)  # uvloop's is not a subclass
        request = self.protocol.connect()
        request.headers["Authorization"] = f"Bearer {self.player.key}"
        if self.player.last_event_id:
            request.headers["Last-Event-ID"] = str(self.player.last_event_id)
        self.protocol.send_request(request)
        self._flush()

    def data_received(self, data: bytes) -> None:
        self.protocol.receive_data(data)
        for event in self.protocol.events_received():
            if isinstance(event, Response):
                self._opened(event)
            elif isinstance(event, Frame) and event.opcode is Opcode.TEXT:
                self.fleet.on_message(self.player, self, json.loads(bytes(event.data)))
        self._flush()

    def _opened(self, response: Response) -> None:
        if self.protocol.state is not State.OPEN:
            status = response.status_code
            error: Exception = (
                PermissionError(f"the socket refused the key ({status})")
                if status in (401, 403)
                else ConnectionError(f"the socket answered {status}")
            )
            if not self.opened.done():
                self.opened.set_exception(error)
            return
        self.player.connected = True
        self.player.connected_at.append(time.monotonic())
        self.opened.set_result(None)
        for command, _attempts in self.player.unanswered.values():  # not answered on the last connection
            self.send(Fleet._ack_message(command))

    def send(self, text: str) -> None:
        if (
            self.protocol.state is State.OPEN
            and self.transport is not None
            and not self.transport.is_closing()
        ):
            self.protocol.send_text(text.encode())
            self._flush()

    def _flush(self) -> None:
        assert self.transport is not None
        for data in self.protocol.data_to_send():
            if data:
                self.transport.write(data)
            elif self.transport.can_write_eof():
                self.transport.write_eof()

    def eof_received(self) -> bool | None:
        self.protocol.receive_eof()
        self._flush()
        return None

    def connection_lost(self, exc: Exception | None) -> None:
        self.player.connected = False
        error = exc or ConnectionError("the socket closed")
        if not self.opened.done():
            self.opened.set_exception(error)
        if not self.closed.done():
            self.closed.set_result(None)


def _say(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


async def run(url: str, keys: list[str], transport: str = "websocket") -> None:
    """Connect the players, say ``ready``, then answer the benchmark's requests until ``quit``."""
    host, _, port = url.removeprefix("http://").partition(":")
    fleet = Fleet(host, int(port), keys, transport)
    seconds = await fleet.connect_all()
    errors, fleet.errors = fleet.errors + fleet.feed_errors, []
    fleet.feed_errors = []
    connected = sum(1 for p in fleet.players if p.commands)
    retries, fleet.retries = fleet.retries, 0
    reasons, fleet.retry_reasons = fleet.retry_reasons, {}
    _say(
        {
            "ready": connected,
            "seconds": seconds,
            "errors": errors[:20],
            "retries": retries,
            "retry_reasons": reasons,
            "cpu_s": time.process_time(),
        }
    )

    loop = asyncio.get_running_loop()
    stdin = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    while line := await stdin.readline():
        request = json.loads(line)
        if request["op"] == "status":
            _say(
                {"connected": sum(p.connected for p in fleet.players), "feed_errors": len(fleet.feed_errors)}
            )
        elif request["op"] == "mark":
            _say({"marked": fleet.set_mark(bool(request.get("ack", True)))})
        elif request["op"] == "wait":
            _say(
                await fleet.wait(
                    int(request["count"]), float(request.get("timeout", 30)), float(request.get("grace", 0))
                )
            )
        elif request["op"] == "quit":
            break
    for task in list(fleet.tasks):
        task.cancel()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--keys", required=True, help="a JSON file: the device keys, one per player")
    parser.add_argument("--transport", choices=TRANSPORTS, default="websocket")
    args = parser.parse_args(argv)
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # 1,000+ sockets
    keys = json.loads(Path(args.keys).read_text("utf-8"))
    if importlib.util.find_spec("uvloop"):
        import uvloop

        uvloop.run(run(args.url, keys, args.transport))
    else:
        asyncio.run(run(args.url, keys, args.transport))


if __name__ == "__main__":
    main()
