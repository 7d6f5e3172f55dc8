"""End to end with real player processes: three ``bizsuite-player`` processes (the SDK's reference
player) on loopback hold their connections to a real server (two on the WebSocket, one told to use
the event stream, the fallback), play the lobby music, switch to the evacuation message when a
fire alarm on floor 5 reaches floors 4–6 (not floor 8), acknowledge it, and go back to the music
when the emergency is cleared; a player told to play an audio asset downloads its MP3 first; a
player whose server offers no WebSocket falls back to the event stream."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from bizsuite_sdk.player import Player

from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import (
    BASE,
    Building,
    add_player,
    alarm_on_floor_5,
    board,
    music_everywhere,
)
from tests.modules.venue_audio.wav import sine_wav

WAIT_S = 30


def _now_playing(out: Path) -> dict[str, Any]:
    try:
        found: dict[str, Any] = json.loads((out / "now-playing.json").read_text("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return found


async def _until(condition: Any, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {WAIT_S} s: {what}")
        await asyncio.sleep(0.1)


StartPlayer = Callable[..., subprocess.Popen[bytes]]


@pytest.fixture
def start_player(live_server: str) -> Iterator[StartPlayer]:
    """Start ``bizsuite-player`` processes against the test server (stopped after the test); each
    one's log goes to ``<out>.log``."""
    started: list[subprocess.Popen[bytes]] = []

    def start(key: str, out: Path, transport: str = "auto") -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "bizsuite_sdk.player", "--base-url", live_server, "--key", key]
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.with_suffix(".log").open("wb") as log:
            process = subprocess.Popen(
                [*command, "--out", str(out), "--heartbeat", "5", "--transport", transport],
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        started.append(process)
        return process

    yield start
    for process in started:
        process.terminate()
    for process in started:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


async def test_player_processes_follow_an_alarm_acknowledge_it_and_resume_the_music(
    client: httpx.AsyncClient,
    building: Building,
    tmp_path: Path,
    start_player: StartPlayer,
) -> None:
    await music_everywhere(client, building)
    outs: dict[str, Path] = {}
    processes = []
    for zone, transport in (("F4", "auto"), ("F5", "auto"), ("F8", "sse")):
        player = await add_player(client, building, zone)
        outs[zone] = tmp_path / zone
        processes.append(start_player(player.key, outs[zone], transport))

    def kinds() -> dict[str, Any]:
        return {zone: _now_playing(out).get("program_kind") for zone, out in outs.items()}

    await _until(lambda: kinds() == dict.fromkeys(outs, "music"), "every player plays the music")
    emergency = await alarm_on_floor_5(client, building)
    await _until(
        lambda: kinds() == {"F4": "emergency", "F5": "emergency", "F8": "music"},
        "floors 4 and 5 switch to the evacuation message, floor 8 keeps its music",
    )
    assert _now_playing(outs["F5"])["volume"] == 100

    async def acknowledged() -> bool:
        zones = await board(client, building)
        return all(zones[z]["players"][0]["state"] == "acknowledged" for z in ("F4", "F5"))

    deadline = time.monotonic() + WAIT_S
    while not await acknowledged():
        assert time.monotonic() < deadline, "the players acknowledged the emergency"
        await asyncio.sleep(0.1)
    zones = await board(client, building)
    assert zones["F5"]["players"][0]["reported_source"] == "evacuation-zh-en.mp3"

    cleared = await client.post(
        f"{BASE}/broadcasts/{emergency['id']}/close", json={"reason": "drill over"}, headers=building.headers
    )
    assert cleared.status_code == 200, cleared.text
    await _until(lambda: kinds() == dict.fromkeys(outs, "music"), "the music comes back everywhere")
    played = (outs["F5"] / "played.log").read_text("utf-8").splitlines()
    assert [json.loads(line)["program_kind"] for line in played] == ["music", "emergency", "music"]
    assert all(process.poll() is None for process in processes), "the players keep running"

    async def music_acknowledged() -> bool:
        zones = await board(client, building)
        return all(
            zones[z]["players"][0]["state"] == "acknowledged"
            and zones[z]["players"][0]["commanded_kind"] == "music"
            for z in outs
        )

    deadline = time.monotonic() + WAIT_S
    while not await music_acknowledged():
        assert time.monotonic() < deadline, "every player acknowledged the music's return"
        await asyncio.sleep(0.1)
    logs = {zone: out.with_suffix(".log").read_text("utf-8") for zone, out in outs.items()}
    assert "connected (WebSocket" in logs["F5"] and "event stream" not in logs["F5"]
    assert "connected (event stream" in logs["F8"] and "WebSocket" not in logs["F8"]


async def test_a_player_process_downloads_the_evacuation_asset_it_is_told_to_play(
    client: httpx.AsyncClient,
    building: Building,
    tmp_path: Path,
    start_player: StartPlayer,
) -> None:
    headers = building.headers
    uploaded = await client.post(
        "/api/v1/files",
        params={"name": "evacuation.wav"},
        headers={**headers, "content-type": "audio/wav"},
        content=sine_wav(1.0, rate=16000),
    )
    assert uploaded.status_code == 201, uploaded.text
    asset = await post_ok(
        client,
        f"{BASE}/assets",
        {
            "venue_id": building.venue["id"],
            "file_id": uploaded.json()["id"],
            "name": "疏散",
            "purpose": "evacuation",
        },
        headers,
    )
    venue = building.venue
    changed = await client.patch(
        f"{BASE}/venues/{venue['id']}",
        json={"evacuation_asset_id": asset["id"]},
        headers={**headers, "If-Match": str(venue["version"])},
    )
    assert changed.status_code == 200, changed.text
    player = await add_player(client, building, "F5")
    out = tmp_path / "F5"
    start_player(player.key, out)
    await _until(lambda: "seq" in _now_playing(out), "the player has its first command")

    await alarm_on_floor_5(client, building)
    await _until(
        lambda: _now_playing(out).get("program_kind") == "emergency", "the player plays the emergency"
    )
    playing = _now_playing(out)
    assert playing["source"] == f"asset:{asset['id']}" and Path(playing["file"]).name == f"{asset['id']}.mp3"
    link = await client.get(f"/api/v1/files/{asset['delivery_file_id']}/download-url", headers=headers)
    served = await client.get(link.json()["url"])
    assert await asyncio.to_thread(Path(playing["file"]).read_bytes) == served.content  # the MP3 kept

    async def reported() -> str | None:
        source: str | None = (await board(client, building))["F5"]["players"][0]["reported_source"]
        return source

    deadline = time.monotonic() + WAIT_S
    while await reported() != f"asset:{asset['id']}":
        assert time.monotonic() < deadline, "the player acknowledged playing the asset"
        await asyncio.sleep(0.1)


async def test_a_player_falls_back_to_the_event_stream_where_there_is_no_websocket(
    client: httpx.AsyncClient, building: Building, live_server: str, tmp_path: Path
) -> None:
    await music_everywhere(client, building)
    player = await add_player(client, building, "F5")
    reference = Player(live_server, player.key, tmp_path / "F5", heartbeat=3600)
    reference.socket_path = f"{BASE}/player/no-socket"  # as behind a proxy that does not upgrade
    thread = threading.Thread(target=reference.run, daemon=True)
    thread.start()
    try:
        await _until(lambda: _now_playing(tmp_path / "F5").get("program_kind") == "music", "the music plays")
        assert reference.via == "sse"
        await alarm_on_floor_5(client, building)
        await _until(
            lambda: _now_playing(tmp_path / "F5").get("program_kind") == "emergency", "the emergency plays"
        )

        async def acknowledged() -> bool:
            [state] = (await board(client, building))["F5"]["players"]
            return bool(state["state"] == "acknowledged" and state["commanded_kind"] == "emergency")

        deadline = time.monotonic() + WAIT_S
        while not await acknowledged():
            assert time.monotonic() < deadline, "the player acknowledged over HTTP"
            await asyncio.sleep(0.1)
    finally:
        reference.stop.set()
        await asyncio.to_thread(thread.join, 15)
