"""Audio assets: a WAV file uploaded to the files is registered with its duration, format and
loudness read from it (worked numbers: a 1.5 s tone at 8 kHz, half of full scale, is 1,500 ms at
−9.0 dBFS RMS); another type or a broken file is refused naming ``file_id``; names are unique per
venue; another tenant cannot reach it."""

from __future__ import annotations

import httpx
from bizsuite.modules.venue_audio.rules import wav_facts

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, Building
from tests.modules.venue_audio.wav import sine_wav


def test_wav_facts_give_duration_format_and_rms_level() -> None:
    facts = wav_facts(sine_wav(1.5, rate=8000, amplitude=0.5))
    assert facts is not None
    assert (facts.duration_ms, facts.sample_rate, facts.channels, facts.sample_width) == (1500, 8000, 1, 2)
    assert facts.rms_dbfs == -9.0  # 20·log10(0.5/√2) = −9.03
    stereo = wav_facts(sine_wav(0.25, rate=44100, amplitude=1.0, channels=2))
    assert (
        stereo is not None and stereo.duration_ms == 250 and stereo.channels == 2 and stereo.rms_dbfs == -3.0
    )
    assert wav_facts(b"RIFF\x00\x00\x00\x00WAVEnot really") is None
    assert wav_facts(b"ID3\x04 an mp3") is None


async def _upload(
    client: httpx.AsyncClient, headers: dict[str, str], name: str, body: bytes, kind: str
) -> str:
    made = await client.post(
        "/api/v1/files", params={"name": name}, headers={**headers, "content-type": kind}, content=body
    )
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


async def test_a_wav_upload_becomes_an_asset_with_its_facts(
    client: httpx.AsyncClient, building: Building, make_tenant: object
) -> None:
    headers, venue_id = building.headers, building.venue["id"]
    file_id = await _upload(client, headers, "evacuation.wav", sine_wav(1.5), "audio/wav")
    asset = await post_ok(
        client,
        f"{BASE}/assets",
        {"venue_id": venue_id, "file_id": file_id, "name": "疏散广播", "purpose": "evacuation"},
        headers,
    )
    assert (asset["duration_ms"], asset["sample_rate"], asset["channels"]) == (1500, 8000, 1)
    assert asset["rms_dbfs"] == "-9.0" and asset["content_type"] == "audio/wav"
    again = await client.post(
        f"{BASE}/assets", headers=headers, json={"venue_id": venue_id, "file_id": file_id, "name": "疏散广播"}
    )
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "name"
    listed = await client.get(f"{BASE}/assets", headers=headers, params={"venue_id": venue_id})
    assert [a["id"] for a in listed.json()["items"]] == [asset["id"]]

    mp3 = await _upload(
        client, headers, "music.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00 not decoded", "audio/mpeg"
    )
    refused = await client.post(
        f"{BASE}/assets", headers=headers, json={"venue_id": venue_id, "file_id": mp3, "name": "music"}
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "file_id"
    broken = await _upload(client, headers, "broken.wav", b"RIFF\x10\x00\x00\x00WAVEfmt broken", "audio/wav")
    unreadable = await client.post(
        f"{BASE}/assets", headers=headers, json={"venue_id": venue_id, "file_id": broken, "name": "broken"}
    )
    assert unreadable.status_code == 422 and unreadable.json()["errors"][0]["field"] == "file_id"

    other: TenantHandle = await make_tenant(modules=["venue_audio"])  # type: ignore[operator]
    assert (await client.get(f"{BASE}/assets/{asset['id']}", headers=other.headers)).status_code == 404
    theirs = await client.post(
        f"{BASE}/assets", headers=other.headers, json={"venue_id": venue_id, "file_id": file_id, "name": "x"}
    )
    assert theirs.status_code == 422 and theirs.json()["errors"][0]["field"] == "venue_id"
    gone = await client.delete(
        f"{BASE}/assets/{asset['id']}", headers={**headers, "If-Match": str(asset["version"])}
    )
    assert gone.status_code == 204


async def test_deleting_the_file_deletes_its_asset(client: httpx.AsyncClient, building: Building) -> None:
    file_id = await _upload(client, building.headers, "opening.wav", sine_wav(0.5), "audio/wav")
    asset = await post_ok(
        client,
        f"{BASE}/assets",
        {"venue_id": building.venue["id"], "file_id": file_id, "name": "开门广播", "purpose": "message"},
        building.headers,
    )
    stored = (await client.get(f"/api/v1/files/{file_id}", headers=building.headers)).json()
    gone = await client.delete(
        f"/api/v1/files/{file_id}", headers={**building.headers, "If-Match": str(stored["version"])}
    )
    assert gone.status_code == 204, gone.text
    assert (await client.get(f"{BASE}/assets/{asset['id']}", headers=building.headers)).status_code == 404
