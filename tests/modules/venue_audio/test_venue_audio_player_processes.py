"""End to end with real player processes: three ``bizsuite-player`` processes (the SDK's reference
player) on loopback hold their feeds to a real server, play the lobby music, switch to the
evacuation message when a fire alarm on floor 5 reaches floors 4–6 (not floor 8), acknowledge it,
and go back to the music when the emergency is cleared; a player told to play an audio asset downloads
its MP3 first."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, Building, board, music_everywhere
from tests.modules.venue_audio.test_venue_audio_players import add_player, alarm_on_floor_5
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


@pytest.fixture
def start_player(live_server: str) -> Iterator[Callable[[str, Path], subprocess.Popen[bytes]]]:
    """Start ``bizsuite-player`` processes against the test server (stopped after the test)."""
    started: list[subprocess.Popen[bytes]] = []

    def start(key: str, out: Path) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "bizsuite_sdk.player", "--base-url", live_server, "--key", key]
        process = subprocess.Popen(
            [*command, "--out", str(out), "--heartbeat", "5"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
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
    start_player: Callable[[str, Path], subprocess.Popen[bytes]],
) -> None:
    await music_everywhere(client, building)
    outs: dict[str, Path] = {}
    processes = []
    for zone in ("F4", "F5", "F8"):
        player = await add_player(client, building, zone)
        outs[zone] = tmp_path / zone
        processes.append(start_player(player.key, outs[zone]))

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


async def test_a_player_process_downloads_the_evacuation_asset_it_is_told_to_play(
    client: httpx.AsyncClient,
    building: Building,
    tmp_path: Path,
    start_player: Callable[[str, Path], subprocess.Popen[bytes]],
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
