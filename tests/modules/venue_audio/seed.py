"""Venue audio records for the route-table isolation test: a venue with a zone, a zone group, a
device, a schedule, a paging broadcast and an audio asset (the demo blueprint makes no broadcast)."""

from __future__ import annotations

import uuid

import httpx

from tests.modules.venue_audio.wav import sine_wav

BASE = "/api/v1/venue-audio"


async def _post(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], body: dict[str, object]
) -> str:
    made = await client.post(BASE + path, headers=headers, json=body)
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


async def seed(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """One of each record the routes take an id of."""
    suffix = uuid.uuid4().hex[:6]
    unit = await client.post(
        "/api/v1/org-units",
        headers=headers,
        json={"name": "Seed venue", "code": f"SV{suffix}", "kind": "venue"},
    )
    assert unit.status_code == 201, unit.text
    venue = await _post(
        client,
        "/venues",
        headers,
        {
            "org_unit_id": unit.json()["id"],
            "code": f"SEED-{suffix}",
            "name": "Seed venue",
            "time_zone": "Asia/Shanghai",
            "evacuation_source": "evacuation.mp3",
        },
    )
    zone = await _post(client, "/zones", headers, {"venue_id": venue, "code": "F1", "name": "1F", "floor": 1})
    group = await _post(
        client, "/zone-groups", headers, {"venue_id": venue, "code": "G", "name": "G", "zone_ids": [zone]}
    )
    await _post(
        client,
        "/devices",
        headers,
        {"venue_id": venue, "zone_id": zone, "kind": "player", "code": "P", "name": "P"},
    )
    await _post(
        client,
        "/schedules",
        headers,
        {
            "venue_id": venue,
            "kind": "music",
            "name": "M",
            "source": "s",
            "zone_group_id": group,
            "start_time": "08:00:00",
            "end_time": "22:00:00",
        },
    )
    await _post(
        client, "/broadcasts/paging", headers, {"venue_id": venue, "zone_ids": [zone], "source": "mic"}
    )
    upload = await client.post(
        "/api/v1/files",
        params={"name": "seed.wav"},
        headers={**headers, "content-type": "audio/wav"},
        content=sine_wav(0.05),  # under 1 kB
    )
    assert upload.status_code == 201, upload.text
    await _post(
        client, "/assets", headers, {"venue_id": venue, "file_id": upload.json()["id"], "name": "Seed"}
    )
