"""Editing venue audio from the pages (zh-CN): a manager adds a venue, its zones and groups; a
member edits zones, groups and schedules (per-field errors shown on the form, an edit over
someone else's change is a conflict that keeps the typing and shows the saved values); a viewer
sees no edit control and is refused if they post anyway."""

from __future__ import annotations

import re
import uuid

import httpx
from bizsuite.core.identity.models import Role
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user
from tests.conftest import PASSWORD
from tests.core.approvals.conftest import make_unit, post_ok
from tests.modules.venue_audio.conftest import BASE, Building, make_building, window_around_now
from tests.web.test_language_walk import sign_in


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def _kinds(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-testid="zone-(\w+)" data-kind="(\w+)"', html))


async def _as(client: httpx.AsyncClient, engine: AsyncEngine, building: Building, role: Role) -> str:
    """Sign in as a new member with ``role`` (venue audio granted); the session's CSRF token."""
    user = await add_user(engine, building.tenant, role, modules=["venue_audio"])
    login = await client.post("/api/v1/auth/login", json={"email": user.email, "password": PASSWORD})
    assert login.status_code in (200, 201), login.text
    client.headers["Accept-Language"] = "zh-CN"
    return str(login.json()["csrf_token"])


async def test_a_manager_adds_a_venue_with_its_zones_and_groups(
    client: httpx.AsyncClient, building: Building
) -> None:
    unit = await make_unit(client, building.tenant, f"V{uuid.uuid4().hex[:5]}", "venue")
    await sign_in(client, building.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    venues = await client.get("/venue-audio")
    assert 'data-testid="add-venue"' in venues.text
    token = _csrf(venues.text)

    wrong = await client.post(
        "/venue-audio/venues",
        data={
            "csrf_token": token,
            "org_unit_id": unit,
            "code": "MALL",
            "name": "万达广场",
            "time_zone": "Mars/Base",
        },
    )
    assert wrong.status_code == 422
    assert 'data-testid="error-evacuation_source"' in wrong.text
    assert 'value="万达广场"' in wrong.text  # the typing is kept
    bad_zone = await client.post(
        "/venue-audio/venues",
        data={
            "csrf_token": token,
            "org_unit_id": unit,
            "code": "MALL",
            "name": "万达广场",
            "time_zone": "Mars/Base",
            "evacuation_source": "evacuation.wav",
            "holidays": "2026-10-01, 2026-10-02",
        },
    )
    assert bad_zone.status_code == 422 and 'data-testid="error-time_zone"' in bad_zone.text
    assert "不是已知的 IANA 时区" in bad_zone.text
    made = await client.post(
        "/venue-audio/venues",
        data={
            "csrf_token": token,
            "org_unit_id": unit,
            "code": "mall",
            "name": "万达广场",
            "time_zone": "Asia/Shanghai",
            "emergency_policy": "all_zones",
            "evacuation_source": "evacuation.wav",
            "holidays": "2026-10-01，2026-10-02",
        },
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    zones_url = made.headers["location"].split("?")[0]
    venue_id = zones_url.split("/")[3]
    venue = (await client.get(f"{BASE}/venues/{venue_id}", headers=building.headers)).json()
    assert (venue["code"], venue["emergency_policy"]) == ("MALL", "all_zones")
    assert venue["holidays"] == ["2026-10-01", "2026-10-02"]

    no_level = await client.post(
        f"/venue-audio/venues/{venue_id}/zones",
        data={"csrf_token": token, "code": "B1", "name": "地下一层", "basement": "on", "volume": "50"},
    )
    assert no_level.status_code == 422 and 'data-testid="error-floor"' in no_level.text
    for code, name, floor, basement in (("F1", "一层", "1", ""), ("B1", "地下一层", "1", "on")):
        added = await client.post(
            f"/venue-audio/venues/{venue_id}/zones",
            data={"csrf_token": token, "code": code, "name": name, "floor": floor, "basement": basement},
            follow_redirects=False,
        )
        assert added.status_code == 303, added.text
    again = await client.post(
        f"/venue-audio/venues/{venue_id}/zones",
        data={"csrf_token": token, "code": "f1", "name": "重复", "floor": "1"},
    )
    assert again.status_code == 422 and 'data-testid="error-code"' in again.text

    page = await client.get(zones_url)
    assert 'data-testid="zone-row-F1"' in page.text and 'data-testid="zone-row-B1"' in page.text
    ids = dict(
        re.findall(
            r'action="/venue-audio/zones/([0-9a-f-]+)/edit" novalidate data-testid="zone-form-(\w+)"',
            page.text,
        )
    )
    by_code = {code: zone_id for zone_id, code in ids.items()}
    grouped = await client.post(
        f"/venue-audio/venues/{venue_id}/groups",
        data={"csrf_token": token, "code": "ALL", "name": "全部", "zone_ids": [by_code["F1"], by_code["B1"]]},
        follow_redirects=False,
    )
    assert grouped.status_code == 303, grouped.text
    listed = await client.get(zones_url)
    group_row = re.search(r'data-testid="group-row-ALL">.*?data-testid="group-zones">([^<]*)<', listed.text)
    assert group_row is not None and set(group_row.group(1).split()) == {"F1", "B1"}


async def test_a_member_edits_zones_groups_and_schedules_with_errors_on_the_form(
    client: httpx.AsyncClient, building: Building, app_engine: AsyncEngine
) -> None:
    token = await _as(client, app_engine, building, Role.MEMBER)
    venue_id = building.venue["id"]
    zones_url = f"/venue-audio/venues/{venue_id}/zones"
    page = await client.get(zones_url)
    assert 'data-testid="zone-form-F5"' in page.text
    assert 'data-testid="add-zone"' not in page.text  # adding zones is a manager's
    f5 = building.zones["F5"]

    too_loud = await client.post(
        f"/venue-audio/zones/{f5}/edit",
        data={"csrf_token": token, "version": "1", "name": "", "floor": "5", "volume": "150"},
    )
    assert too_loud.status_code == 422
    assert 'data-testid="error-name"' in too_loud.text and 'data-testid="error-volume"' in too_loud.text
    saved = await client.post(
        f"/venue-audio/zones/{f5}/edit",
        data={"csrf_token": token, "version": "1", "name": "五层餐饮", "floor": "5", "volume": "35"},
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    zone = (await client.get(f"{BASE}/zones/{f5}", headers=building.headers)).json()
    assert (zone["name"], zone["volume"], zone["version"]) == ("五层餐饮", 35, 2)

    made = await client.post(
        f"/venue-audio/venues/{venue_id}/groups",
        data={"csrf_token": token, "code": "RETAIL", "name": "商场", "zone_ids": [building.zones["F1"]]},
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    group = (
        await client.get(f"{BASE}/zone-groups", headers=building.headers, params={"venue_id": venue_id})
    ).json()["items"][0]
    edited = await client.post(
        f"/venue-audio/zone-groups/{group['id']}/edit",
        data={
            "csrf_token": token,
            "version": str(group["version"]),
            "name": "商场楼层",
            "zone_ids": [building.zones["F1"], building.zones["F2"]],
        },
        follow_redirects=False,
    )
    assert edited.status_code == 303, edited.text
    group = (await client.get(f"{BASE}/zone-groups/{group['id']}", headers=building.headers)).json()
    assert group["name"] == "商场楼层" and set(group["zone_ids"]) == {
        building.zones["F1"],
        building.zones["F2"],
    }

    start, end = window_around_now()
    schedule = await post_ok(
        client,
        f"{BASE}/schedules",
        {
            "venue_id": venue_id,
            "kind": "music",
            "name": "九楼背景音乐",
            "source": "playlist:jazz",
            "zone_id": building.zones["F9"],
            "start_time": start,
            "end_time": end,
        },
        building.headers,
    )
    board = await client.get(f"/venue-audio/venues/{venue_id}")
    assert f'href="/venue-audio/schedules/{schedule["id"]}"' in board.text
    assert 'data-testid="edit-venue"' not in board.text  # the venue's settings are a manager's
    form = await client.get(f"/venue-audio/schedules/{schedule['id']}")
    assert form.status_code == 200 and 'name="end_time"' in form.text and 'name="duration_s"' not in form.text
    assert f'value="{start[:5]}"' in form.text

    body = {
        "csrf_token": token,
        "version": str(schedule["version"]),
        "name": "商场背景音乐",
        "source": "playlist:retail",
        "zone_id": "",
        "zone_group_id": group["id"],
        "start_time": start[:5],
        "end_time": end[:5],
        "enabled": "on",
    }
    no_days = await client.post(f"/venue-audio/schedules/{schedule['id']}/edit", data=body)
    assert no_days.status_code == 422 and 'data-testid="error-weekdays"' in no_days.text
    both = await client.post(
        f"/venue-audio/schedules/{schedule['id']}/edit",
        data={**body, "zone_id": building.zones["F9"], "weekdays": ["0", "1", "2", "3", "4", "5", "6"]},
    )
    assert both.status_code == 422 and 'data-testid="error-zone_id"' in both.text
    moved = await client.post(
        f"/venue-audio/schedules/{schedule['id']}/edit",
        data={**body, "weekdays": ["0", "1", "2", "3", "4", "5", "6"]},
        follow_redirects=False,
    )
    assert moved.status_code == 303, moved.text
    kinds = _kinds((await client.get(f"/venue-audio/venues/{venue_id}")).text)
    assert (kinds["F1"], kinds["F2"], kinds["F9"]) == ("music", "music", "silent")

    paused = await client.post(
        f"/venue-audio/schedules/{schedule['id']}/edit",
        data={
            **body,
            "version": str(schedule["version"] + 1),
            "weekdays": ["0", "1", "2", "3", "4", "5", "6"],
        }
        | {"enabled": ""},
        follow_redirects=False,
    )
    assert paused.status_code == 303, paused.text
    assert set(_kinds((await client.get(f"/venue-audio/venues/{venue_id}")).text).values()) == {"silent"}


async def test_an_edit_over_someone_elses_change_is_a_conflict_that_keeps_the_typing(
    client: httpx.AsyncClient, building: Building
) -> None:
    await sign_in(client, building.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    venue_id = building.venue["id"]
    board = await client.get(f"/venue-audio/venues/{venue_id}")
    token = _csrf(board.text)
    assert 'data-testid="venue-form"' in board.text  # the owner edits the venue

    # Someone else changes the venue and a zone through the API while the forms are open.
    patched = await client.patch(
        f"{BASE}/venues/{venue_id}",
        headers={**building.headers, "If-Match": "1"},
        json={"evacuation_source": "evacuation-v2.wav"},
    )
    assert patched.status_code == 200, patched.text
    conflict = await client.post(
        f"/venue-audio/venues/{venue_id}/edit",
        data={
            "csrf_token": token,
            "version": "1",
            "name": "华信大厦（新）",
            "time_zone": "Asia/Shanghai",
            "emergency_policy": "phased",
            "evacuation_source": "evacuation-mine.wav",
            "holidays": "",
        },
    )
    assert conflict.status_code == 409
    assert 'data-testid="form-conflict"' in conflict.text and 'data-testid="keep-mine"' in conflict.text
    assert 'value="evacuation-mine.wav"' in conflict.text  # mine, kept
    assert 'data-testid="saved-evacuation_source"' in conflict.text and "evacuation-v2.wav" in conflict.text
    assert 'name="version" value="2"' in conflict.text  # saving again keeps mine
    kept = await client.post(
        f"/venue-audio/venues/{venue_id}/edit",
        data={
            "csrf_token": token,
            "version": "2",
            "name": "华信大厦（新）",
            "time_zone": "Asia/Shanghai",
            "emergency_policy": "phased",
            "evacuation_source": "evacuation-mine.wav",
            "holidays": "",
        },
        follow_redirects=False,
    )
    assert kept.status_code == 303, kept.text
    venue = (await client.get(f"{BASE}/venues/{venue_id}", headers=building.headers)).json()
    assert (venue["name"], venue["evacuation_source"]) == ("华信大厦（新）", "evacuation-mine.wav")

    f3 = building.zones["F3"]
    await client.patch(
        f"{BASE}/zones/{f3}", headers={**building.headers, "If-Match": "1"}, json={"volume": 20}
    )
    stale = await client.post(
        f"/venue-audio/zones/{f3}/edit",
        data={"csrf_token": token, "version": "1", "name": "3F", "floor": "3", "volume": "80"},
    )
    assert stale.status_code == 409 and 'data-testid="saved-volume"' in stale.text
    assert 'data-theirs="20"' in stale.text and 'value="80"' in stale.text
    zone = (await client.get(f"{BASE}/zones/{f3}", headers=building.headers)).json()
    assert zone["volume"] == 20  # nothing saved over their change


async def test_a_viewer_sees_no_edit_controls_and_cannot_post(
    client: httpx.AsyncClient, building: Building, app_engine: AsyncEngine
) -> None:
    start, _end = window_around_now()
    schedule = await post_ok(
        client,
        f"{BASE}/schedules",
        {
            "venue_id": building.venue["id"],
            "kind": "announcement",
            "name": "开门广播",
            "source": "opening.wav",
            "zone_id": building.zones["F1"],
            "start_time": start,
            "duration_s": 60,
        },
        building.headers,
    )
    token = await _as(client, app_engine, building, Role.VIEWER)
    venue_id = building.venue["id"]
    venues = await client.get("/venue-audio")
    assert venues.status_code == 200 and 'data-testid="add-venue"' not in venues.text
    board = await client.get(f"/venue-audio/venues/{venue_id}")
    assert board.status_code == 200 and "开门广播" in board.text
    for control in ("edit-venue", "edit-schedule", "schedule-form", "delete-schedule", "emergency-form"):
        assert f'data-testid="{control}"' not in board.text, control
    zones = await client.get(f"/venue-audio/venues/{venue_id}/zones")
    assert zones.status_code == 200 and 'data-testid="zone-row-F5"' in zones.text
    for control in ("zone-form-F5", "add-zone", "add-group"):
        assert f'data-testid="{control}"' not in zones.text, control
    assert (await client.get(f"/venue-audio/schedules/{schedule['id']}")).status_code == 403
    refused = await client.post(
        f"/venue-audio/zones/{building.zones['F5']}/edit",
        data={"csrf_token": token, "version": "1", "name": "x", "volume": "0"},
    )
    assert refused.status_code == 403
    zone = (await client.get(f"{BASE}/zones/{building.zones['F5']}", headers=building.headers)).json()
    assert zone["volume"] == 60


async def test_the_api_moves_a_schedule_to_another_zone_or_group_of_its_venue(
    client: httpx.AsyncClient, building: Building, make_tenant: object
) -> None:
    h, venue_id = building.headers, building.venue["id"]
    start, end = window_around_now()
    schedule = await post_ok(
        client,
        f"{BASE}/schedules",
        {
            "venue_id": venue_id,
            "kind": "music",
            "name": "九楼背景音乐",
            "source": "playlist:jazz",
            "zone_id": building.zones["F9"],
            "start_time": start,
            "end_time": end,
        },
        h,
    )
    group = await post_ok(
        client,
        f"{BASE}/zone-groups",
        {
            "venue_id": venue_id,
            "code": "B",
            "name": "地库",
            "zone_ids": [building.zones["B1"], building.zones["B2"]],
        },
        h,
    )
    both = await client.patch(
        f"{BASE}/schedules/{schedule['id']}",
        headers={**h, "If-Match": "1"},
        json={"zone_group_id": group["id"]},
    )
    assert both.status_code == 422 and both.json()["errors"][0]["field"] == "zone_id"
    moved = await client.patch(
        f"{BASE}/schedules/{schedule['id']}",
        headers={**h, "If-Match": "1"},
        json={"zone_id": None, "zone_group_id": group["id"]},
    )
    assert moved.status_code == 200, moved.text
    assert (moved.json()["zone_id"], moved.json()["zone_group_id"]) == (None, group["id"])
    board = {
        z["code"]: z for z in (await client.get(f"{BASE}/venues/{venue_id}/board", headers=h)).json()["zones"]
    }
    assert (board["B1"]["program_kind"], board["B2"]["program_kind"], board["F9"]["program_kind"]) == (
        "music",
        "music",
        None,
    )
    other = await make_building(client, await make_tenant(modules=["venue_audio"]))  # type: ignore[operator]
    theirs = await client.patch(
        f"{BASE}/schedules/{schedule['id']}",
        headers={**h, "If-Match": "2"},
        json={"zone_id": other.zones["F1"], "zone_group_id": None},
    )
    assert theirs.status_code == 422 and theirs.json()["errors"][0]["field"] == "zone_id"
