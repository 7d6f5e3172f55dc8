"""The SDK examples of docs/venue-audio/README.md run, unchanged, against a live server: music for
two zones, paging a floor (the music stops and resumes), a fire alarm on floor 5 (floors 4–6 at
full volume, once per alarm id, cleared) and a player with its own key acknowledging its command."""

from __future__ import annotations

from typing import Any

import httpx
from bizsuite.settings import REPO_ROOT

from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, make_building
from tests.sdk.conftest import examples, run_example, user_env

README = REPO_ROOT / "docs" / "venue-audio" / "README.md"
PYTHON = [e for e in examples(README) if e.language == "python"]


def test_the_guide_uses_the_resource_client() -> None:
    assert len(PYTHON) == 4
    for example in PYTHON:
        assert "client.venue_audio." in example.code, example.name
        assert "sync_detailed" not in example.code and "unwrap" not in example.code, example.name


async def test_the_examples_schedule_page_alarm_and_play(
    client: httpx.AsyncClient, live_server: str, make_tenant: Any
) -> None:
    tenant = await make_tenant(modules=["venue_audio"])
    building = await make_building(client, tenant, code="TOWER")
    await post_ok(
        client,
        f"{BASE}/devices",
        {
            "venue_id": building.venue["id"],
            "zone_id": building.zones["F1"],
            "kind": "player",
            "code": "PLAYER-1F",
            "name": "1F player",
        },
        tenant.headers,
    )
    schedule, paging, alarm, player = PYTHON
    env = user_env(live_server, tenant.api_key)

    scheduled = run_example(schedule.code, env)
    assert scheduled.returncode == 0, scheduled.stderr
    assert scheduled.stdout.splitlines() == ["F3 None 60", "F2 music 60", "F1 music 60"]

    paged = run_example(paging.code, env)
    assert paged.returncode == 0, paged.stderr
    assert paged.stdout.splitlines() == ["paging ['music']", "music"]

    alarmed = run_example(alarm.code, env)
    assert alarmed.returncode == 0, alarmed.stderr
    assert alarmed.stdout.splitlines() == ["[('F6', 100), ('F5', 100), ('F4', 100)]", "False 误报，已复位"]

    played = run_example(player.code, env)
    assert played.returncode == 0, played.stderr
    assert played.stdout.splitlines() == ["music playlist:lobby-jazz 60", "True True"]
    device = (await client.get(f"{BASE}/devices", headers=tenant.headers)).json()["items"][0]
    assert device["health"] == "ok"  # the acknowledgement was its heartbeat
