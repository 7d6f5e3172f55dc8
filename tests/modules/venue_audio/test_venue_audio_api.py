"""Venue audio through the API: venues and zones, schedules, paging that preempts music which then
resumes, an emergency on floor 5 that takes floors 4–6 at full volume (once per alarm id) and hands
back on clear, validation errors naming their field, and what a player polls."""

from __future__ import annotations

import httpx

from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, Building, board, make_building, music_everywhere

EVERY = {f"F{n}" for n in range(1, 13)} | {"B1", "B2", "PLAZA"}


async def test_the_board_lists_every_zone_top_floor_first(
    client: httpx.AsyncClient, building: Building
) -> None:
    got = await client.get(f"{BASE}/venues/{building.venue['id']}/board", headers=building.headers)
    codes = [z["code"] for z in got.json()["zones"]]
    assert codes == [f"F{n}" for n in range(12, 0, -1)] + ["B1", "B2", "PLAZA"]
    assert all(z["program_kind"] is None and z["volume"] == 60 for z in got.json()["zones"])


async def test_codes_are_unique_and_bad_input_names_its_field(
    client: httpx.AsyncClient, building: Building
) -> None:
    venue_id = building.venue["id"]
    again = await client.post(
        f"{BASE}/zones", headers=building.headers, json={"venue_id": venue_id, "code": "f5", "name": "x"}
    )
    assert again.status_code == 409 and [e["field"] for e in again.json()["errors"]] == ["code"]
    basement = await client.post(
        f"{BASE}/zones",
        headers=building.headers,
        json={"venue_id": venue_id, "code": "B9", "name": "x", "basement": True},
    )
    assert basement.status_code == 422 and basement.json()["errors"][0]["field"] == "floor"
    zone_tz = await client.patch(
        f"{BASE}/venues/{venue_id}",
        headers={**building.headers, "If-Match": str(building.venue["version"])},
        json={"time_zone": "Mars/Olympus"},
    )
    assert zone_tz.status_code == 422 and zone_tz.json()["errors"][0]["field"] == "time_zone"
    music = await client.post(
        f"{BASE}/schedules",
        headers=building.headers,
        json={
            "venue_id": venue_id,
            "kind": "music",
            "name": "m",
            "source": "s",
            "zone_id": building.zones["F1"],
            "start_time": "09:00:00",
        },
    )
    assert music.status_code == 422 and music.json()["errors"][0]["field"] == "end_time"
    nowhere = await client.post(
        f"{BASE}/broadcasts/emergencies",
        headers=building.headers,
        json={"venue_id": venue_id, "reason": "drill"},
    )
    assert nowhere.status_code == 422 and nowhere.json()["errors"][0]["field"] == "floor"


async def test_paging_preempts_music_in_its_zones_and_music_resumes_when_it_ends(
    client: httpx.AsyncClient, building: Building
) -> None:
    schedule = await music_everywhere(client, building)
    before = await board(client, building)
    assert {c for c, z in before.items() if z["program_kind"] == "music"} == EVERY
    assert before["F3"]["program_id"] == schedule["id"] and before["F3"]["priority"] == 1
    page = await post_ok(
        client,
        f"{BASE}/broadcasts/paging",
        {
            "venue_id": building.venue["id"],
            "zone_ids": [building.zones["F3"]],
            "source": "reception mic",
            "max_duration_s": 120,
        },
        building.headers,
    )
    during = await board(client, building)
    assert during["F3"]["program_kind"] == "paging" and during["F3"]["priority"] == 3
    assert [w["kind"] for w in during["F3"]["waiting"]] == ["music"]
    assert during["F4"]["program_kind"] == "music"
    player = await client.get(f"{BASE}/zones/{building.zones['F3']}/now-playing", headers=building.headers)
    assert player.json()["program_id"] == page["id"] and player.json()["source"] == "reception mic"
    ended = await client.post(f"{BASE}/broadcasts/{page['id']}/close", headers=building.headers, json={})
    assert ended.status_code == 200 and ended.json()["live"] is False and ended.json()["ended_by"] == "test"
    after = await board(client, building)
    assert after["F3"]["program_kind"] == "music"
    # It resumes where it was: the music played in F3 less than in F4 by the page's length.
    assert after["F3"]["position_s"] < after["F4"]["position_s"]
    twice = await client.post(f"{BASE}/broadcasts/{page['id']}/close", headers=building.headers, json={})
    assert twice.status_code == 409


async def test_a_fire_alarm_on_floor_5_takes_floors_4_to_6_at_full_volume_until_cleared(
    client: httpx.AsyncClient, building: Building
) -> None:
    await music_everywhere(client, building)
    alarm = {
        "venue_id": building.venue["id"],
        "alarm_id": "FACP-0005-01",
        "floor": 5,
        "reason": "smoke detector 5-12",
    }
    first = await client.post(f"{BASE}/broadcasts/emergencies", headers=building.headers, json=alarm)
    assert first.status_code == 201, first.text
    emergency = first.json()
    assert building.codes(emergency["zone_ids"]) == ["F4", "F5", "F6"]
    assert emergency["origin"] == "5F" and emergency["source"] == "evacuation-zh-en.mp3"
    repeated = await client.post(f"{BASE}/broadcasts/emergencies", headers=building.headers, json=alarm)
    assert repeated.json()["id"] == emergency["id"]
    log = await client.get(f"{BASE}/broadcasts", headers=building.headers, params={"kind": "emergency"})
    assert [b["id"] for b in log.json()["items"]] == [emergency["id"]]

    during = await board(client, building)
    for code in ("F4", "F5", "F6"):
        assert during[code]["program_kind"] == "emergency" and during[code]["volume"] == 100
        assert "forced full volume" in during[code]["volume_rule"]
    assert during["F7"]["program_kind"] == "music" and during["F7"]["volume"] == 60

    unexplained = await client.post(
        f"{BASE}/broadcasts/{emergency['id']}/close", headers=building.headers, json={}
    )
    assert unexplained.status_code == 422 and unexplained.json()["errors"][0]["field"] == "reason"
    cleared = await client.post(
        f"{BASE}/broadcasts/{emergency['id']}/close",
        headers=building.headers,
        json={"reason": "false alarm, checked"},
    )
    assert cleared.status_code == 200 and cleared.json()["end_reason"] == "false alarm, checked"
    after = await board(client, building)
    assert {c for c, z in after.items() if z["program_kind"] == "music"} == EVERY
    audit = await client.get(
        "/api/v1/audit-log", headers=building.headers, params={"target_id": emergency["id"]}
    )
    actions = [e["action"] for e in audit.json()["items"]]
    assert "venue_audio.emergency.raised" in actions and "venue_audio.emergency.closed" in actions


async def test_ground_floor_basement_and_all_call_alarms_pick_their_zones(
    client: httpx.AsyncClient, building: Building
) -> None:
    async def zones_of(**where: object) -> list[str]:
        made = await post_ok(
            client,
            f"{BASE}/broadcasts/emergencies",
            {"venue_id": building.venue["id"], "reason": "drill", **where},
            building.headers,
        )
        await client.post(
            f"{BASE}/broadcasts/{made['id']}/close", headers=building.headers, json={"reason": "drill over"}
        )
        return building.codes(made["zone_ids"])

    assert await zones_of(floor=1) == ["B1", "B2", "F1", "F2"]
    assert await zones_of(floor=2, basement=True) == ["B1", "B2", "F1"]
    assert await zones_of(floor=12) == ["F11", "F12"]
    assert await zones_of(zone_id=building.zones["PLAZA"]) == ["PLAZA"]
    assert await zones_of(floor=3, all_call=True) == sorted(EVERY)


async def test_an_all_zones_venue_evacuates_everything(
    client: httpx.AsyncClient, venue_tenant: object
) -> None:
    b = await make_building(client, venue_tenant, policy="all_zones")  # type: ignore[arg-type]
    made = await post_ok(
        client,
        f"{BASE}/broadcasts/emergencies",
        {"venue_id": b.venue["id"], "floor": 7, "reason": "fire"},
        b.headers,
    )
    assert b.codes(made["zone_ids"]) == sorted(EVERY)
    status = await board(client, b)
    assert all(z["program_kind"] == "emergency" and z["volume"] == 100 for z in status.values())


async def test_groups_and_devices_live_their_life(client: httpx.AsyncClient, building: Building) -> None:
    venue_id = building.venue["id"]
    group = await post_ok(
        client,
        f"{BASE}/zone-groups",
        {
            "venue_id": venue_id,
            "code": "retail",
            "name": "商场楼层",
            "zone_ids": [building.zones["F1"], building.zones["F2"]],
        },
        building.headers,
    )
    changed = await client.patch(
        f"{BASE}/zone-groups/{group['id']}",
        headers={**building.headers, "If-Match": str(group["version"])},
        json={"zone_ids": [building.zones["F3"]]},
    )
    assert changed.status_code == 200 and changed.json()["zone_ids"] == [building.zones["F3"]]
    assert changed.json()["version"] == group["version"] + 1
    device = await post_ok(
        client,
        f"{BASE}/devices",
        {
            "venue_id": venue_id,
            "zone_id": building.zones["F3"],
            "kind": "player",
            "code": "pl-3",
            "name": "3F player",
        },
        building.headers,
    )
    assert device["health"] == "unknown" and device["code"] == "PL-3"
    beat = await client.post(f"{BASE}/devices/{device['id']}/heartbeat", headers=building.headers)
    assert beat.status_code == 200 and beat.json()["health"] == "ok"
    assert beat.json()["version"] == device["version"]  # heartbeats do not make an edit stale
    status = await board(client, building)
    assert (status["F3"]["devices"], status["F3"]["devices_in_fault"]) == (1, 0)
    gone = await client.delete(
        f"{BASE}/zone-groups/{group['id']}",
        headers={**building.headers, "If-Match": str(changed.json()["version"])},
    )
    assert gone.status_code == 204


async def test_a_schedule_that_skips_holidays_is_silent_on_the_venue_holiday(
    client: httpx.AsyncClient, building: Building
) -> None:
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from tests.modules.venue_audio.conftest import TIME_ZONE, window_around_now

    today = datetime.now(UTC).astimezone(ZoneInfo(TIME_ZONE)).date()
    start, end = window_around_now()
    for name, zone, skip in (("office", "F8", True), ("lobby", "F1", False)):
        await post_ok(
            client,
            f"{BASE}/schedules",
            {
                "venue_id": building.venue["id"],
                "kind": "music",
                "name": name,
                "source": f"playlist:{name}",
                "zone_id": building.zones[zone],
                "start_time": start,
                "end_time": end,
                "skip_holidays": skip,
            },
            building.headers,
        )
    assert (await board(client, building))["F8"]["program_kind"] == "music"
    holiday = await client.patch(
        f"{BASE}/venues/{building.venue['id']}",
        headers={**building.headers, "If-Match": str(building.venue["version"])},
        # Yesterday too: near midnight the window around now starts on the day before.
        json={"holidays": [today.isoformat(), (today - timedelta(days=1)).isoformat()]},
    )
    assert holiday.status_code == 200 and holiday.json()["holidays"][1] == today.isoformat()
    status = await board(client, building)
    assert status["F8"]["program_kind"] is None and status["F1"]["program_kind"] == "music"
