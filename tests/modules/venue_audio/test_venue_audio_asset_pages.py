"""Audio assets on the pages and as programs' sources: the assets page lists name, duration,
format, loudness (with what it was computed from, and the formula under the table) and size; a
WAV, or an M4A a browser calls ``audio/x-m4a``, uploaded through it becomes an asset (a refused file, a taken name or no
venue are named on the form and store nothing); schedules and the evacuation message pick an
asset (``asset:<id>``) through the API and the pages, the text source keeps working, an asset in
use cannot be removed, and another tenant's asset is no reference."""

from __future__ import annotations

import re
from typing import Any

import httpx
from bizsuite.core.identity.models import Role
from bizsuite.modules.venue_audio.rules import duration_label, source_choice
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user
from tests.conftest import PASSWORD, TenantHandle
from tests.core.approvals.conftest import make_unit, post_ok
from tests.modules.venue_audio.conftest import BASE, Building, make_building, window_around_now
from tests.modules.venue_audio.wav import sine_aac, sine_wav
from tests.web.test_language_walk import sign_in


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


async def _asset(
    client: httpx.AsyncClient, b: Building, name: str, purpose: str, seconds: float = 1.5
) -> dict[str, Any]:
    upload = await client.post(
        "/api/v1/files",
        params={"name": f"{name}.wav"},
        headers={**b.headers, "content-type": "audio/wav"},
        content=sine_wav(seconds),
    )
    assert upload.status_code == 201, upload.text
    return await post_ok(
        client,
        f"{BASE}/assets",
        {"venue_id": b.venue["id"], "file_id": upload.json()["id"], "name": name, "purpose": purpose},
        b.headers,
    )


def test_durations_read_as_minutes_and_a_source_is_text_or_an_asset() -> None:
    assert [duration_label(ms) for ms in (1500, 205_000, 3_723_000, 0)] == [
        "0:01.5",
        "3:25.0",
        "1:02:03.0",
        "0:00.0",
    ]
    assert source_choice("playlist:jazz", None) == "text"
    assert source_choice(None, __import__("uuid").uuid4()) == "asset"
    assert source_choice(None, None) is None


async def test_schedules_and_the_evacuation_message_play_an_asset(
    client: httpx.AsyncClient, building: Building, make_tenant: Any
) -> None:
    music = await _asset(client, building, "大堂爵士", "music")
    evacuation = await _asset(client, building, "疏散广播", "evacuation")
    venue_id, h = building.venue["id"], building.headers
    start, end = window_around_now()
    schedule = {
        "venue_id": venue_id,
        "kind": "music",
        "name": "大堂背景音乐",
        "zone_id": building.zones["F1"],
        "start_time": start,
        "end_time": end,
    }
    neither = await client.post(f"{BASE}/schedules", headers=h, json=schedule)
    assert neither.status_code == 422 and neither.json()["errors"][0]["field"] == "source"
    both = await client.post(
        f"{BASE}/schedules", headers=h, json={**schedule, "source": "playlist:x", "asset_id": music["id"]}
    )
    assert both.status_code == 422 and both.json()["errors"][0]["field"] == "asset_id"
    made = await post_ok(client, f"{BASE}/schedules", {**schedule, "asset_id": music["id"]}, h)
    assert (made["asset_id"], made["source"]) == (music["id"], f"asset:{music['id']}")
    board = {
        z["code"]: z for z in (await client.get(f"{BASE}/venues/{venue_id}/board", headers=h)).json()["zones"]
    }
    assert board["F1"]["source"] == f"asset:{music['id']}"

    in_use = await client.delete(f"{BASE}/assets/{music['id']}", headers={**h, "If-Match": "1"})
    assert in_use.status_code == 409
    file_in_use = await client.delete(f"/api/v1/files/{music['file_id']}", headers={**h, "If-Match": "1"})
    assert file_in_use.status_code == 409
    assert (await client.get(f"{BASE}/assets/{music['id']}", headers=h)).status_code == 200
    link = (await client.get(f"/api/v1/files/{music['file_id']}/download-url", headers=h)).json()["url"]
    assert (await client.get(link)).content == sine_wav(1.5)  # the object is still stored
    back_to_text = await client.patch(
        f"{BASE}/schedules/{made['id']}", headers={**h, "If-Match": "1"}, json={"source": "playlist:jazz"}
    )
    assert back_to_text.status_code == 200, back_to_text.text
    assert (back_to_text.json()["asset_id"], back_to_text.json()["source"]) == (None, "playlist:jazz")
    again = await client.patch(
        f"{BASE}/schedules/{made['id']}", headers={**h, "If-Match": "2"}, json={"asset_id": music["id"]}
    )
    assert again.status_code == 200 and again.json()["source"] == f"asset:{music['id']}"
    unlinked = await client.patch(
        f"{BASE}/schedules/{made['id']}", headers={**h, "If-Match": "3"}, json={"asset_id": None}
    )
    assert unlinked.status_code == 422 and unlinked.json()["errors"][0]["field"] == "source"

    not_evacuation = await client.patch(
        f"{BASE}/venues/{venue_id}", headers={**h, "If-Match": "1"}, json={"evacuation_asset_id": music["id"]}
    )
    assert not_evacuation.status_code == 422
    assert not_evacuation.json()["errors"][0]["field"] == "evacuation_asset_id"
    venue = await client.patch(
        f"{BASE}/venues/{venue_id}",
        headers={**h, "If-Match": "1"},
        json={"evacuation_asset_id": evacuation["id"]},
    )
    assert venue.status_code == 200, venue.text
    assert venue.json()["evacuation_source"] == f"asset:{evacuation['id']}"
    alarm = await post_ok(
        client, f"{BASE}/broadcasts/emergencies", {"venue_id": venue_id, "floor": 5, "reason": "drill"}, h
    )
    assert alarm["source"] == f"asset:{evacuation['id']}"

    # Another tenant's asset is no reference, and theirs is not ours.
    other: TenantHandle = await make_tenant(modules=["venue_audio"])
    theirs = await make_building(client, other)
    foreign = await client.post(
        f"{BASE}/schedules",
        headers=other.headers,
        json={
            **schedule,
            "venue_id": theirs.venue["id"],
            "zone_id": theirs.zones["F1"],
            "asset_id": music["id"],
        },
    )
    assert foreign.status_code == 422 and foreign.json()["errors"][0]["field"] == "asset_id"
    elsewhere = await client.patch(
        f"{BASE}/venues/{theirs.venue['id']}",
        headers={**other.headers, "If-Match": "1"},
        json={"evacuation_asset_id": evacuation["id"]},
    )
    assert elsewhere.status_code == 422
    assert (await client.get(f"{BASE}/assets", headers=other.headers)).json()["items"] == []


async def test_a_wav_uploaded_on_the_assets_page_is_listed_with_its_facts(
    client: httpx.AsyncClient, building: Building
) -> None:
    await sign_in(client, building.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    venue_id = building.venue["id"]
    listing = await client.get("/venue-audio/assets")
    assert listing.status_code == 200 and 'data-testid="asset-form"' in listing.text
    token = _csrf(listing.text)

    nothing_stored = (await client.get("/api/v1/files", headers=building.headers)).json()["items"]
    no_venue = await client.post(
        "/venue-audio/assets/upload",
        headers={"X-CSRF-Token": token},
        data={"csrf_token": token, "name": "开门广播", "purpose": "message"},
        files={"file": ("opening.wav", sine_wav(0.5), "audio/wav")},
    )
    assert no_venue.status_code == 422 and 'data-testid="error-venue_id"' in no_venue.text
    not_wav = await client.post(
        "/venue-audio/assets/upload",
        headers={"X-CSRF-Token": token},
        data={"csrf_token": token, "venue_id": venue_id, "name": "音乐", "purpose": "music"},
        files={"file": ("music.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00 not decoded", "audio/mpeg")},
    )
    assert not_wav.status_code == 422 and 'data-testid="error-file"' in not_wav.text
    assert 'value="音乐"' in not_wav.text  # the typing is kept
    assert (await client.get("/api/v1/files", headers=building.headers)).json()["items"] == nothing_stored

    made = await client.post(
        "/venue-audio/assets/upload",
        headers={"X-CSRF-Token": token},
        data={"csrf_token": token, "venue_id": venue_id, "name": "", "purpose": "evacuation"},
        files={"file": ("疏散广播.wav", sine_wav(1.5), "audio/wav")},
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    page = await client.get(made.headers["location"])
    row = re.search(r'data-testid="asset-row">(.*?)</tr>', page.text, re.S)
    assert row is not None
    cells = dict(re.findall(r'data-testid="asset-(name|duration|format|size)"[^>]*>([^<]*)<', row.group(1)))
    assert cells["name"] == "疏散广播" and cells["duration"] == "0:01.5"
    assert "8000 赫兹" in cells["format"] and "单声道" in cells["format"]
    assert cells["format"].startswith("WAV → MP3")  # what players receive
    # EBU R 128 loudness of a half-scale 440 Hz tone, with the blocks and gate behind it.
    loudness = re.search(r'data-testid="asset-loudness">([^<]*)<', row.group(1))
    assert loudness is not None and loudness.group(1).strip() == "-9.8 LUFS"
    basis = re.search(r'data-testid="asset-loudness-basis">([^<]*)<', row.group(1))
    assert basis is not None and basis.group(1) == "计入测量块：12 / 12 · 相对门限 -19.8 LUFS"
    formula = re.search(r'data-testid="loudness-formula">([^<]*)<', page.text)
    assert formula is not None and "−0.691 + 10·log10(Σ G × 计入各块均方值的平均)" in formula.group(1)
    assert cells["size"].strip() == "23.5 kB"  # a 44-byte header + 12,000 frames × 2 bytes
    taken = await client.post(
        "/venue-audio/assets/upload",
        headers={"X-CSRF-Token": token},
        data={"csrf_token": token, "venue_id": venue_id, "name": "疏散广播", "purpose": "evacuation"},
        files={"file": ("again.wav", sine_wav(0.2), "audio/wav")},
    )
    assert taken.status_code == 422 and 'data-testid="error-name"' in taken.text
    assets = (await client.get(f"{BASE}/assets", headers=building.headers)).json()["items"]
    assert [a["name"] for a in assets] == ["疏散广播"]

    # The board picks it as the evacuation message and a schedule's source.
    board = await client.get(f"/venue-audio/venues/{venue_id}")
    assert f'<option value="{assets[0]["id"]}"' in board.text
    saved = await client.post(
        f"/venue-audio/venues/{venue_id}/edit",
        data={
            "csrf_token": token,
            "version": str(building.venue["version"]),
            "name": building.venue["name"],
            "time_zone": "Asia/Shanghai",
            "emergency_policy": "phased",
            "evacuation_asset_id": assets[0]["id"],
            "evacuation_source": "",
            "holidays": "",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    board = await client.get(f"/venue-audio/venues/{venue_id}")
    evacuation = re.search(r'data-testid="evacuation-message">([^<]*)<', board.text)
    assert (
        evacuation is not None and "疏散广播" in evacuation.group(1) and "asset:" not in evacuation.group(1)
    )
    start, _end = window_around_now()
    scheduled = await client.post(
        f"/venue-audio/venues/{venue_id}/schedules",
        data={
            "csrf_token": token,
            "kind": "announcement",
            "name": "演练广播",
            "asset_id": assets[0]["id"],
            "zone_id": building.zones["F2"],
            "start_time": start[:5],
            "duration_s": "60",
            "weekdays": [str(d) for d in range(7)],
        },
        follow_redirects=False,
    )
    assert scheduled.status_code == 303, scheduled.text
    board = await client.get(f"/venue-audio/venues/{venue_id}")
    source = re.search(r'data-testid="schedule-source">([^<]*)<', board.text)
    assert source is not None and source.group(1) == "疏散广播"
    in_use = await client.post(
        f"/venue-audio/assets/{assets[0]['id']}/delete",
        data={"csrf_token": token, "version": "1"},
        follow_redirects=False,
    )
    assert in_use.status_code == 303 and "venue_audio.asset.in_use" in in_use.headers["location"]


async def test_a_viewer_lists_assets_but_cannot_upload(
    client: httpx.AsyncClient, building: Building, app_engine: AsyncEngine
) -> None:
    await _asset(client, building, "闭店广播", "message")
    viewer = await add_user(app_engine, building.tenant, Role.VIEWER, modules=["venue_audio"])
    login = await client.post("/api/v1/auth/login", json={"email": viewer.email, "password": PASSWORD})
    token = login.json()["csrf_token"]
    listing = await client.get("/venue-audio/assets")
    assert listing.status_code == 200 and "闭店广播" in listing.text
    assert 'data-testid="asset-form"' not in listing.text and 'data-testid="delete-asset"' not in listing.text
    refused = await client.post(
        "/venue-audio/assets/upload",
        headers={"X-CSRF-Token": token},
        data={"csrf_token": token, "venue_id": building.venue["id"], "name": "x"},
        files={"file": ("x.wav", sine_wav(0.1), "audio/wav")},
    )
    assert refused.status_code == 403


async def test_another_tenants_assets_page_shows_none_of_ours(
    client: httpx.AsyncClient, building: Building, make_tenant: Any
) -> None:
    await _asset(client, building, "大堂爵士", "music")
    other: TenantHandle = await make_tenant(modules=["venue_audio"])
    await make_unit(client, other, "OTHER", "venue")
    await sign_in(client, other)
    listing = await client.get("/venue-audio/assets", params={"venue_id": building.venue["id"]})
    assert listing.status_code == 200 and "大堂爵士" not in listing.text


async def test_an_m4a_from_a_browser_is_uploaded_on_the_assets_page(
    client: httpx.AsyncClient, building: Building
) -> None:
    await sign_in(client, building.tenant)
    token = _csrf((await client.get("/venue-audio/assets")).text)
    made = await client.post(
        "/venue-audio/assets/upload",
        headers={"X-CSRF-Token": token},
        data={"csrf_token": token, "venue_id": building.venue["id"], "name": "", "purpose": "message"},
        # Most browsers call an .m4a file audio/x-m4a; the files know it as audio/mp4.
        files={"file": ("opening.m4a", sine_aac(2.0), "audio/x-m4a")},
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    [asset] = (await client.get(f"{BASE}/assets", headers=building.headers)).json()["items"]
    assert asset["name"] == "opening" and asset["content_type"] == "audio/mp4"
    page = await client.get(made.headers["location"])
    row = re.search(r'data-testid="asset-row">(.*?)</tr>', page.text, re.S)
    assert row is not None and "M4A (AAC) → MP3" in row.group(1)
    assert re.search(r'data-testid="asset-loudness">\s*-23\.\d LUFS', row.group(1))
