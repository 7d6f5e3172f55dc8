"""``bizsuite-player``: the reference venue-audio player, built on the SDK.

It holds its zone's command feed open (server-sent events, ``GET /api/v1/venue-audio/player/feed``
with its own device key), "plays" each command and acknowledges it with what it plays
(``send_venue_audio_player_ack``), reports itself alive every ``heartbeat`` seconds, and, when
the connection drops, reconnects with a doubling backoff (with jitter, up to ``max_backoff``)
and resumes from the last event id it received.

Playing means writing what would play to ``out``: ``now-playing.json`` (the current command)
and ``played.log`` (one JSON line per command, with when it started); a command whose source is
an audio asset (``asset:<id>``) first has the asset's MP3 downloaded to ``out/assets/<id>.mp3``
(once; ``GET /api/v1/venue-audio/player/assets/{id}``), named as ``file`` in both. A site
integrating real amplifiers replaces :meth:`Player.play` with its audio output. Run it with::

    BIZSUITE_DEVICE_KEY=bzd_... bizsuite-player --base-url http://127.0.0.1:8000 --out ./player-5F
"""

from __future__ import annotations

import argparse
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

log = logging.getLogger("bizsuite.player")

DEVICE_KEY_ENV = "BIZSUITE_DEVICE_KEY"
FEED = "/api/v1/venue-audio/player/feed"
ASSETS = "/api/v1/venue-audio/player/assets"
#: A command's source naming an audio asset of the venue.
ASSET_PREFIX = "asset:"
#: Attempts to deliver one acknowledgement (doubling pauses from 0.25 s).
ACK_ATTEMPTS = 6


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
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.device_key = device_key
        self.out = out
        self.heartbeat = heartbeat
        self.max_backoff = max_backoff
        self.client = create_client(device_key, self.base_url)
        self.last_event_id = 0
        self.stop = threading.Event()
        self.connections = 0

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
        """Play a command and acknowledge it."""
        source, volume = self.play(command)
        log.info("command %s: %s at volume %s", command["seq"], source or "silence", volume)
        body = PlayerAck(seq=int(command["seq"]), source=source, volume=volume)
        for attempt in range(ACK_ATTEMPTS):  # a busy server answers 503: the acknowledgement must arrive
            try:
                answer = send_venue_audio_player_ack.sync_detailed(client=self.client, body=body)
            except httpx.HTTPError as exc:
                log.warning("acknowledging command %s: %s", command["seq"], exc)
            else:
                if answer.status_code < 500 and answer.status_code != 429:
                    if answer.status_code != 200:
                        log.warning("acknowledging command %s: HTTP %s", command["seq"], answer.status_code)
                    return
            if self.stop.wait(min(0.25 * 2**attempt, 5.0)):
                return
        log.error("command %s was never acknowledged", command["seq"])

    def _beat(self) -> None:
        while not self.stop.wait(self.heartbeat):
            try:
                send_venue_audio_player_heartbeat.sync_detailed(client=self.client)
            except httpx.HTTPError as exc:
                log.warning("heartbeat failed: %s", exc)

    def listen_once(self) -> None:
        """Hold the feed open until it ends or fails, handling each command."""
        headers = {"Authorization": f"Bearer {self.device_key}", "Accept": "text/event-stream"}
        if self.last_event_id:
            headers["Last-Event-ID"] = str(self.last_event_id)
        timeout = httpx.Timeout(10.0, read=60.0)  # the server says something every 15 s
        with (
            httpx.Client(base_url=self.base_url, timeout=timeout, trust_env=False) as http,
            http.stream("GET", FEED, headers=headers) as response,
        ):
            if response.status_code in (401, 403):
                raise PermissionError(f"the feed refused this device key (HTTP {response.status_code})")
            response.raise_for_status()
            self.connections += 1
            for event in sse_events(response.iter_lines()):
                if self.stop.is_set():
                    return
                if event.get("event") == "command":
                    self.handle(json.loads(event["data"]))
                    self.last_event_id = int(event.get("id") or self.last_event_id)

    def run(self) -> None:
        """Listen until stopped, reconnecting with backoff; a refused key stops the player."""
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
                log.warning("feed lost: %s", exc)
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
    args = parser.parse_args(argv)
    if not args.key:
        parser.error(f"give the device key with --key or {DEVICE_KEY_ENV}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per heartbeat
    player = Player(args.base_url, args.key, args.out, heartbeat=args.heartbeat)
    try:
        player.run()
    except KeyboardInterrupt:
        player.stop.set()


if __name__ == "__main__":
    main()
