"""The venue audio pages in zh-CN: the venues, a venue's status board with what every zone plays,
an emergency that needs its confirmation and takes floors 4–6, clearing it (with a reason), live
paging from the board, the devices and the broadcast log."""

from __future__ import annotations

import re

import httpx

from tests.modules.venue_audio.conftest import Building, music_everywhere
from tests.web.test_language_walk import sign_in


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def _kinds(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-testid="zone-(\w+)" data-kind="(\w+)"', html))


async def test_the_board_triggers_and_clears_an_emergency(
    client: httpx.AsyncClient, building: Building
) -> None:
    await music_everywhere(client, building)
    await sign_in(client, building.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    venues = await client.get("/venue-audio")
    assert venues.status_code == 200 and "公共广播" in venues.text and "华信大厦" in venues.text
    url = f"/venue-audio/venues/{building.venue['id']}"
    board = await client.get(url)
    assert (
        board.status_code == 200
        and "消防广播" in board.text
        and 'hx-trigger="sse:ready, sse:changed"' in board.text
    )
    assert set(_kinds(board.text).values()) == {"music"}
    token = _csrf(board.text)

    unconfirmed = await client.post(
        f"{url}/emergency", data={"csrf_token": token, "zone_id": building.zones["F5"], "reason": "烟感报警"}
    )
    assert unconfirmed.status_code == 422 and 'data-testid="error-confirm"' in unconfirmed.text
    assert "请勾选以确认启动消防广播" in unconfirmed.text
    started = await client.post(
        f"{url}/emergency",
        data={"csrf_token": token, "zone_id": building.zones["F5"], "reason": "烟感报警", "confirm": "on"},
        follow_redirects=False,
    )
    assert started.status_code == 303, started.text
    during = await client.get(started.headers["location"])
    kinds = _kinds(during.text)
    assert {c for c, k in kinds.items() if k == "emergency"} == {"F4", "F5", "F6"}
    assert kinds["F7"] == "music" and "消防广播已启动" in during.text
    emergency_id = re.search(r'action="/venue-audio/broadcasts/([0-9a-f-]+)/close"', during.text)
    assert emergency_id is not None

    no_reason = await client.post(
        f"/venue-audio/broadcasts/{emergency_id.group(1)}/close",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert no_reason.status_code in (302, 303) and "venue_audio.clear.reason" in no_reason.headers["location"]
    cleared = await client.post(
        f"/venue-audio/broadcasts/{emergency_id.group(1)}/close",
        data={"csrf_token": token, "reason": "误报，已核实"},
        follow_redirects=False,
    )
    assert cleared.status_code in (302, 303)
    after = await client.get(url)
    assert set(_kinds(after.text).values()) == {"music"}

    paged = await client.post(
        f"{url}/paging",
        data={
            "csrf_token": token,
            "zone_ids": [building.zones["F2"], building.zones["F3"]],
            "source": "大堂话筒",
        },
        follow_redirects=False,
    )
    assert paged.status_code == 303, paged.text
    paging = _kinds((await client.get(url)).text)
    assert paging["F2"] == "paging" and paging["F3"] == "paging" and paging["F4"] == "music"
    empty = await client.post(f"{url}/paging", data={"csrf_token": token, "source": "x"})
    assert empty.status_code == 422 and "至少寻呼一个分区" in empty.text

    log = await client.get("/venue-audio/broadcasts")
    assert log.status_code == 200 and "误报，已核实" in log.text and "实时寻呼" in log.text
    assert log.text.count('data-testid="broadcast-row"') == 2
    found = await client.get("/venue-audio/broadcasts", params={"q": "烟感"})
    assert found.text.count('data-testid="broadcast-row"') == 1
    grouped = await client.get("/venue-audio/broadcasts", params={"group": "kind"})
    assert grouped.text.count('data-testid="group-row"') == 2
    exported = await client.get(
        "/venue-audio/broadcasts/export", params={"format": "csv", "kind": "emergency"}
    )
    assert exported.status_code == 200
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and "消防广播" in lines[1] and "误报，已核实" in lines[1]
    devices = await client.get("/venue-audio/devices")
    assert devices.status_code == 200 and "设备" in devices.text


async def test_music_is_scheduled_and_deleted_from_the_board(
    client: httpx.AsyncClient, building: Building
) -> None:
    from tests.modules.venue_audio.conftest import window_around_now

    await sign_in(client, building.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    url = f"/venue-audio/venues/{building.venue['id']}"
    token = _csrf((await client.get(url)).text)
    start, end = window_around_now()
    body = {"csrf_token": token, "kind": "music", "name": "九楼背景音乐", "source": "playlist:jazz"}
    body |= {"start_time": start[:5], "end_time": end[:5], "weekdays": [str(d) for d in range(7)]}
    nowhere = await client.post(f"{url}/schedules", data=body)
    assert nowhere.status_code == 422 and 'data-testid="error-zone_id"' in nowhere.text
    made = await client.post(
        f"{url}/schedules", data={**body, "zone_id": building.zones["F9"]}, follow_redirects=False
    )
    assert made.status_code == 303, made.text
    board = await client.get(url)
    assert "九楼背景音乐" in board.text
    assert _kinds(board.text)["F9"] == "music" and _kinds(board.text)["F8"] == "silent"
    schedule = re.search(r'action="/venue-audio/schedules/([0-9a-f-]+)/delete"', board.text)
    assert schedule is not None
    version = re.search(r'name="version" value="(\d+)"', board.text)
    assert version is not None
    gone = await client.post(
        f"/venue-audio/schedules/{schedule.group(1)}/delete",
        data={"csrf_token": token, "version": version.group(1)},
        follow_redirects=False,
    )
    assert gone.status_code in (302, 303)
    assert _kinds((await client.get(url)).text)["F9"] == "silent"
