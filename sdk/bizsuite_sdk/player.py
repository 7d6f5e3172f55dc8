"""``bizsuite-player``: the reference venue-audio player, built on the SDK.

It holds one connection to the server open with its own device key: the player's WebSocket
(``GET /api/v1/venue-audio/player/socket``) where it can, which carries the commands down and
its acknowledgements and heartbeats up; else the command feed (server-sent events,
``GET /api/v1/venue-audio/player/feed``), acknowledging with ``send_venue_audio_player_ack``.
It "plays" each command and acknowledges it with what it plays, reports itself alive every
``heartbeat`` seconds, and, when the connection drops, reconnects with a doubling backoff (with
jitter, up to ``max_backoff``) and resumes from the last event id it received, either way. A key
refused (401) stops it; a refusal for its tenant's standing (403: the tenant suspended, venue
audio no longer in its plan; 402: its subscription suspended), or its socket closed for that
(4403, 4402), keeps it trying with that backoff, so it comes back by itself with its tenant.

``--transport auto`` (the default) tries the WebSocket at each connection and uses the feed for
that connection when the WebSocket is not available (the ``websockets`` package missing: the
SDK's ``player`` extra; a server or proxy that does not upgrade); ``websocket`` or ``sse`` use
only that one.

Playing means writing what would play to ``out``: ``now-playing.json`` (the current command)
and ``played.log`` (one JSON line per command, with when it started); a command whose source is
an audio asset (``asset:<id>``) first has the asset's MP3 downloaded to ``out/assets/<id>.mp3``
(once; ``GET /api/v1/venue-audio/player/assets/{id}``), named as ``file`` in both. A site
integrating real amplifiers replaces :meth:`Player.play` with its audio output. Run it with::

    BIZSUITE_DEVICE_KEY=bzd_... bizsuite-player --base-url http://127.0.0.1:8000 --out ./player-5F
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import random
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from bizsuite_client.api.venue_audio import send_venue_audio_player_ack, send_venue_audio_player_heartbeat
from bizsuite_client.models.player_ack import PlayerAck

from bizsuite_sdk.client import BASE_URL_ENV, DEFAULT_BASE_URL, create_client

try:  # the SDK's `player` extra; without it the player uses the event stream
    from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus
    from websockets.sync.client import ClientConnection
    from websockets.sync.client import connect as socket_connect

    HAS_WEBSOCKETS = True
except ImportError:  # pragma: no cover
    HAS_WEBSOCKETS = False

log = logging.getLogger("bizsuite.player")

DEVICE_KEY_ENV = "BIZSUITE_DEVICE_KEY"
FEED = "/api/v1/venue-audio/player/feed"
SOCKET = "/api/v1/venue-audio/player/socket"
ASSETS = "/api/v1/venue-audio/player/assets"
TRANSPORTS = ("auto", "websocket", "sse")
#: A command's source naming an audio asset of the venue.
ASSET_PREFIX = "asset:"
#: Attempts to deliver one acknowledgement (doubling pauses from 0.25 s).
ACK_ATTEMPTS = 6
#: Handshake answers meaning "no WebSocket here" (not "not you"): the feed is used instead.
NO_SOCKET = frozenset({400, 403, 404, 405, 426, 501})


#: Refusals for the tenant's standing rather than the key (a suspended tenant, a plan without venue
#: audio: 403; a suspended subscription: 402): they may end, so the player keeps trying.
STANDING = frozenset({402, 403})
DEVICE_KEY_PREFIX = "bzd_"


def _problem(headers: Any, body: bytes | bytearray) -> dict[str, Any] | None:
    """The server's problem details (RFC 9457) in a refusal, or ``None`` (a proxy's answer)."""
    if "application/problem+json" not in str(headers.get("content-type") or ""):
        return None
    try:
        found = json.loads(body)
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


class SocketUnavailable(Exception):
    """The server (or a proxy) does not offer the player's WebSocket."""


def _pause(attempt: int) -> float:
    """The pause before acknowledgement attempt ``attempt + 1``: 0.25 s, doubling, up to 5 s."""
    return float(min(0.25 * 2**attempt, 5.0))


def sse_events(lines: Iterator[str]) -> Iterator[dict[str, str]]:
    """The events of a server-sent event stream: ``event``, ``id`` and ``data`` of each (comments
    and events without data are skipped)."""
    event: dict[str, str] = {}
    for line in lines:
        if line == "":
            if "data" in event:
                yield event
            event = {}
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        event[name] = event[name] + "\n" + value if name == "data" and name in event else value


class Player:
    """One player: its feed, what it plays, its acknowledgements and heartbeats."""

    def __init__(
        self,
        base_url: str,
        device_key: str,
        out: Path,
        *,
        heartbeat: float = 30.0,
        max_backoff: float = 30.0,
        transport: str = "auto",
    ) -> None:
        if transport not in TRANSPORTS:
            raise ValueError(f"transport must be one of {', '.join(TRANSPORTS)}")
        self.base_url = base_url.rstrip("/")
        self.device_key = device_key
        self.out = out
        self.heartbeat = heartbeat
        self.max_backoff = max_backoff
        self.transport = transport if HAS_WEBSOCKETS or transport == "sse" else "sse"
        self.client = create_client(device_key, self.base_url)
        self.last_event_id = 0
        self.stop = threading.Event()
        self.connections = 0
        #: How the current (or last) connection came: ``websocket`` or ``sse``.
        self.via: str | None = None
        #: Why the server last ended or refused the connection for its tenant's standing (the
        #: close reason or the problem's title, say ``Tenant suspended``), until connected again.
        self.refused: str | None = None
        #: The WebSocket's path on the base URL (``ws://`` for ``http://``, ``wss://`` for ``https://``).
        self.socket_path = SOCKET
        self._socket: ClientConnection | None = None
        #: Acknowledgements sent on the socket and not yet answered: seq -> (body, attempts).
        self._unanswered: dict[int, tuple[dict[str, Any], int]] = {}
        #: Acknowledgements to send again on the socket: (when, seq).
        self._resend: list[tuple[float, int]] = []

    def asset_file(self, asset_id: str) -> Path:
        """The asset's MP3 on disk, downloaded once (the server redirects to a short-lived link)."""
        path = self.out / "assets" / f"{asset_id}.mp3"
        if path.exists():
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        headers = {"Authorization": f"Bearer {self.device_key}"}
        partial = path.with_suffix(".part")
        with (
            httpx.Client(
                base_url=self.base_url, timeout=30.0, trust_env=False, follow_redirects=True
            ) as http,
            http.stream("GET", f"{ASSETS}/{asset_id}", headers=headers) as response,
        ):
            response.raise_for_status()
            with partial.open("wb") as file:
                for chunk in response.iter_bytes():
                    file.write(chunk)
        partial.replace(path)  # never a half-written file under the final name
        return path

    def play(self, command: dict[str, Any]) -> tuple[str, int]:
        """Play a command (here: write it down); returns what now plays and at what volume (an
        asset it could not fetch plays nothing, and its acknowledgement says so)."""
        self.out.mkdir(parents=True, exist_ok=True)
        record: dict[str, Any] = {"started_at": datetime.now(UTC).isoformat(), **command}
        source = str(command.get("source") or "")
        if source.startswith(ASSET_PREFIX):
            try:
                record["file"] = str(self.asset_file(source.removeprefix(ASSET_PREFIX)))
            except (httpx.HTTPError, OSError) as exc:
                log.error("fetching %s: %s", source, exc)
                record["error"], source = f"could not fetch {source}: {exc}", ""
        (self.out / "now-playing.json").write_text(json.dumps(record, ensure_ascii=False, indent=2), "utf-8")
        with (self.out / "played.log").open("a", encoding="utf-8") as log_file:
            log_file.write(json.dumps(record, ensure_ascii=False) + "\n")
        return source, int(command.get("volume") or 0)

    def handle(self, command: dict[str, Any]) -> None:
        """Play a command and acknowledge it (on the socket when it came on one)."""
        source, volume = self.play(command)
        log.info("command %s: %s at volume %s", command["seq"], source or "silence", volume)
        seq = int(command["seq"])
        socket = self._socket
        if socket is not None:
            body = {"type": "ack", "seq": seq, "source": source, "volume": volume}
            self._unanswered[seq] = (body, 1)
            socket.send(json.dumps(body))  # answered `acked` once recorded (see _on_message)
            return
        self.post_ack(PlayerAck(seq=seq, source=source, volume=volume))

    def post_ack(self, body: PlayerAck) -> None:
        """Acknowledge over HTTP, again while the server is busy (503, 429) or unreachable."""
        for attempt in range(ACK_ATTEMPTS):  # a busy server answers 503: the acknowledgement must arrive
            try:
                answer = send_venue_audio_player_ack.sync_detailed(client=self.client, body=body)
            except httpx.HTTPError as exc:
                log.warning("acknowledging command %s: %s", body.seq, exc)
            else:
                if answer.status_code < 500 and answer.status_code != 429:
                    if answer.status_code != 200:
                        log.warning("acknowledging command %s: HTTP %s", body.seq, answer.status_code)
                    return
            if self.stop.wait(_pause(attempt)):
                return
        log.error("command %s was never acknowledged", body.seq)

    def _beat(self) -> None:
        while not self.stop.wait(self.heartbeat):
            socket = self._socket
            if socket is not None:
                try:
                    socket.send('{"type": "heartbeat"}')  # answered `alive` once recorded
                    continue
                except ConnectionClosed as exc:
                    log.warning("heartbeat on the socket failed (%s): over HTTP", exc)
            try:
                send_venue_audio_player_heartbeat.sync_detailed(client=self.client)
            except httpx.HTTPError as exc:
                log.warning("heartbeat failed: %s", exc)

    def _headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.device_key}"}
        if self.last_event_id:
            headers["Last-Event-ID"] = str(self.last_event_id)
        return headers

    def listen_once(self) -> None:
        """Hold one connection open until it ends or fails, handling each command: the WebSocket,
        or the feed where there is none (``transport``)."""
        if self.transport != "sse":
            try:
                self.listen_socket()
                return
            except SocketUnavailable as exc:
                if self.transport == "websocket":
                    raise ConnectionError(f"no WebSocket: {exc}") from exc
                log.info("no WebSocket (%s): this connection uses the event stream", exc)
        self.listen_feed()

    def listen_feed(self) -> None:
        """Hold the feed (server-sent events) open until it ends or fails, handling each command."""
        headers = {**self._headers(), "Accept": "text/event-stream"}
        timeout = httpx.Timeout(10.0, read=60.0)  # the server says something every 15 s
        with (
            httpx.Client(base_url=self.base_url, timeout=timeout, trust_env=False) as http,
            http.stream("GET", FEED, headers=headers) as response,
        ):
            if response.status_code == 401 or (
                response.status_code == 403 and not self.device_key.startswith(DEVICE_KEY_PREFIX)
            ):
                raise PermissionError(f"the feed refused this device key (HTTP {response.status_code})")
            if response.status_code in STANDING:
                response.read()
                raise self._standing(response.status_code, response.headers, response.content)
            response.raise_for_status()
            self.connections += 1
            self.via = "sse"
            self.refused = None
            log.info("connected (event stream, from event %s)", self.last_event_id)
            for event in sse_events(response.iter_lines()):
                if self.stop.is_set():
                    return
                if event.get("event") == "command":
                    self.handle(json.loads(event["data"]))
                    self.last_event_id = int(event.get("id") or self.last_event_id)

    def listen_socket(self) -> None:
        """Hold the WebSocket open until it closes, handling each command and the server's answers
        to the acknowledgements (any not answered on the last connection are sent again first).
        Raises :class:`SocketUnavailable` when the server offers none, ``PermissionError`` when it
        refuses the key."""
        url = "ws" + self.base_url.removeprefix("http") + self.socket_path
        try:
            socket = socket_connect(
                url, additional_headers=self._headers(), compression=None, open_timeout=10
            )
        except InvalidStatus as exc:
            status = exc.response.status_code
            if status == 401:
                raise PermissionError("the socket refused this device key (HTTP 401)") from exc
            problem = _problem(exc.response.headers, exc.response.body or b"")
            if status in STANDING and problem is not None and self.device_key.startswith(DEVICE_KEY_PREFIX):
                raise self._standing(status, exc.response.headers, exc.response.body or b"") from exc
            if status in NO_SOCKET:
                raise SocketUnavailable(f"HTTP {status}") from exc
            raise ConnectionError(f"the socket answered HTTP {status}") from exc
        except InvalidHandshake as exc:
            raise SocketUnavailable(str(exc)) from exc
        with socket:
            self.connections += 1
            self.via = "websocket"
            self.refused = None
            log.info("connected (WebSocket, from event %s)", self.last_event_id)
            self._socket = socket
            try:
                for body, _attempts in list(self._unanswered.values()):
                    socket.send(json.dumps(body))  # not answered on the last connection
                while not self.stop.is_set():
                    wait = min([1.0, *(max(0.0, at - time.monotonic()) for at, _ in self._resend)])
                    with contextlib.suppress(TimeoutError):  # time to send an acknowledgement again
                        self._on_message(json.loads(socket.recv(timeout=wait)))
                    if self._resend:
                        self._send_again(socket)
            except ConnectionClosed as exc:
                if exc.rcvd is not None and exc.rcvd.code >= 4000:  # 4000 + an HTTP status: why
                    log.warning("the server closed the socket: %s %s", exc.rcvd.code, exc.rcvd.reason)
                    if exc.rcvd.code - 4000 in STANDING:
                        self.refused = exc.rcvd.reason
                raise ConnectionError(f"the socket closed: {exc}") from exc
            finally:
                self._socket = None

    def _standing(self, status: int, headers: Any, body: bytes | bytearray) -> ConnectionError:
        """A refusal for the tenant's standing (suspended, venue audio not in its plan, its
        subscription suspended): it may end, so the player keeps trying, with its backoff."""
        problem = _problem(headers, body) or {}
        self.refused = str(problem.get("title") or f"HTTP {status}")
        log.warning("refused for now (HTTP %s): %s; trying again later", status, problem.get("detail") or "")
        return ConnectionError(f"refused for now: {self.refused}")

    def _on_message(self, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind == "command":
            self.handle(message["command"])
            self.last_event_id = int(message["seq"])
        elif kind == "acked":
            self._unanswered.pop(int(message["seq"]), None)
        elif kind == "error":
            seq, status = message.get("seq"), int(message.get("status") or 0)
            pending = self._unanswered.get(seq) if isinstance(seq, int) else None
            if pending is not None and (status >= 500 or status == 429) and pending[1] < ACK_ATTEMPTS:
                # Not recorded now (the server is busy): the same acknowledgement again, a little later.
                assert isinstance(seq, int)
                self._resend.append((time.monotonic() + _pause(pending[1] - 1), seq))
                return
            log.warning("the server refused %s: %s %s", seq or "a message", status, message.get("detail"))
            if isinstance(seq, int):
                self._unanswered.pop(seq, None)

    def _send_again(self, socket: ClientConnection) -> None:
        now = time.monotonic()
        due = [seq for at, seq in self._resend if at <= now]
        self._resend = [(at, seq) for at, seq in self._resend if at > now]
        for seq in due:
            pending = self._unanswered.get(seq)
            if pending is not None:
                self._unanswered[seq] = (pending[0], pending[1] + 1)
                socket.send(json.dumps(pending[0]))

    def run(self) -> None:
        """Listen until stopped, reconnecting with backoff; a refused key stops the player (a
        refusal for its tenant's standing does not: it comes back when the tenant does)."""
        threading.Thread(target=self._beat, name="heartbeat", daemon=True).start()
        backoff = 0.5
        while not self.stop.is_set():
            started = time.monotonic()
            try:
                self.listen_once()
            except PermissionError as exc:
                log.error("%s: stopping", exc)
                self.stop.set()
                return
            except (httpx.HTTPError, OSError, ValueError) as exc:
                log.warning("connection lost: %s", exc)
            if time.monotonic() - started > 60:
                backoff = 0.5  # it had been connected a while: start the backoff over
            delay = min(backoff, self.max_backoff) * random.uniform(0.8, 1.2)
            log.info("reconnecting in %.1f s (from event %s)", delay, self.last_event_id)
            self.stop.wait(delay)
            backoff = min(backoff * 2, self.max_backoff)


def main(argv: list[str] | None = None) -> None:
    """The ``bizsuite-player`` command."""
    parser = argparse.ArgumentParser(prog="bizsuite-player", description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default=os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL)
    parser.add_argument("--key", default=os.environ.get(DEVICE_KEY_ENV, ""), help=f"or {DEVICE_KEY_ENV}")
    parser.add_argument("--out", type=Path, default=Path("player-out"), help="where it writes what it plays")
    parser.add_argument("--heartbeat", type=float, default=30.0, help="seconds between heartbeats")
    parser.add_argument(
        "--transport",
        choices=TRANSPORTS,
        default="auto",
        help="the WebSocket where the server offers one (auto), or only the WebSocket, or only the event stream",
    )
    args = parser.parse_args(argv)
    if not args.key:
        parser.error(f"give the device key with --key or {DEVICE_KEY_ENV}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per heartbeat
    logging.getLogger("websockets").setLevel(logging.WARNING)
    player = Player(args.base_url, args.key, args.out, heartbeat=args.heartbeat, transport=args.transport)
    try:
        player.run()
    except KeyboardInterrupt:
        player.stop.set()


if __name__ == "__main__":
    main()
