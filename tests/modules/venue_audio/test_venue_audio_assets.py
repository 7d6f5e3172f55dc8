"""Audio assets: a WAV, MP3, Ogg, FLAC or AAC (M4A, ADTS) file uploaded to the files is registered
with its duration, format and loudness read from it (worked numbers: EBU Tech 3341's 1 kHz tone at
−23 dBFS in both channels measures −23.0 LUFS; 6 dB quieter, −29.0 LUFS) and kept with the MP3
players receive; another type, AAC's container holding something else, or a broken file is
refused naming ``file_id``; names are unique per venue; a player fetches the MP3 of its own
venue's assets only; another tenant cannot reach it."""

from __future__ import annotations

import io

import httpx
import pytest
import soundfile  # type: ignore[import-untyped]
from bizsuite.modules.venue_audio.audio import audio_facts, delivery_problem, to_delivery

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, Building, add_player, make_building
from tests.modules.venue_audio.wav import MINUS_23_DBFS, sine_aac, sine_wav


def encoded(wav: bytes, kind: str, subtype: str) -> bytes:
    """A WAV encoded as another format by libsndfile (what a sound editor would export)."""
    data, rate = soundfile.read(io.BytesIO(wav))
    out = io.BytesIO()
    soundfile.write(out, data, rate, format=kind, subtype=subtype)
    return out.getvalue()


def test_facts_of_a_wav_give_duration_format_and_loudness() -> None:
    facts = audio_facts(sine_wav(1.5, rate=8000, amplitude=0.5))
    assert facts is not None
    assert (facts.duration_ms, facts.sample_rate, facts.channels, facts.format) == (1500, 8000, 1, "WAV")
    # 1.5 s: 12 blocks of 400 ms, every one counted; a 440 Hz tone at half scale in one channel.
    assert facts.loudness.lufs is not None and round(facts.loudness.lufs, 1) == -9.8
    assert (facts.loudness.blocks, facts.loudness.counted_blocks) == (12, 12)
    stereo = audio_facts(sine_wav(0.25, rate=44100, amplitude=1.0, channels=2))
    assert stereo is not None and stereo.duration_ms == 250 and stereo.channels == 2
    assert stereo.loudness.lufs is None and stereo.loudness.blocks == 0  # shorter than one block
    silent = audio_facts(sine_wav(0.5, amplitude=0.0))
    assert silent is not None and silent.loudness.lufs is None  # silence has no loudness
    assert audio_facts(b"RIFF\x00\x00\x00\x00WAVEnot really") is None
    assert audio_facts(b"ID3\x04 not an mp3 at all" * 20) is None


@pytest.mark.parametrize(
    ("kind", "subtype", "name"),
    [("MP3", "MPEG_LAYER_III", "MP3"), ("OGG", "VORBIS", "OGG"), ("FLAC", "PCM_16", "FLAC")],
)
def test_facts_of_compressed_files_match_the_tone_they_carry(kind: str, subtype: str, name: str) -> None:
    wav = sine_wav(1.5, rate=44100, amplitude=0.5)
    facts, original = audio_facts(encoded(wav, kind, subtype)), audio_facts(wav)
    assert facts is not None and (facts.sample_rate, facts.channels, facts.format) == (44100, 1, name)
    assert abs(facts.duration_ms - 1500) <= 60  # lossy codecs pad a frame or so
    assert original is not None and original.loudness.lufs is not None
    assert facts.loudness.lufs is not None and abs(facts.loudness.lufs - original.loudness.lufs) <= 0.3


@pytest.mark.parametrize(
    ("container", "content_type", "channels"), [("ipod", "audio/mp4", 2), ("adts", "audio/aac", 1)]
)
def test_facts_of_aac_read_through_ffmpeg(container: str, content_type: str, channels: int) -> None:
    facts = audio_facts(sine_aac(3.0, channels=channels, container=container), content_type)
    assert facts is not None and (facts.sample_rate, facts.channels, facts.format) == (48000, channels, "AAC")
    assert abs(facts.duration_ms - 3000) <= 60  # the encoder's priming and padding: about 30 ms
    # The EBU tone: −23.0 LUFS in two channels, 3 dB less in one; AAC keeps it within 0.2 LU.
    expected = -23.0 if channels == 2 else -26.0
    assert facts.loudness.lufs is not None and abs(facts.loudness.lufs - expected) <= 0.2
    mp3 = audio_facts(to_delivery(sine_aac(3.0, channels=channels, container=container), content_type))
    assert mp3 is not None and (mp3.format, mp3.sample_rate, mp3.channels) == ("MP3", 48000, channels)
    assert mp3.loudness.lufs is not None and abs(mp3.loudness.lufs - facts.loudness.lufs) <= 0.3


def test_aac_is_read_only_as_aac_in_the_container_its_type_names() -> None:
    m4a, adts = sine_aac(1.0), sine_aac(1.0, container="adts")
    assert audio_facts(m4a, "audio/aac") is None and audio_facts(adts, "audio/mp4") is None
    assert audio_facts(sine_aac(1.0, codec="alac"), "audio/mp4") is None  # an M4A, but lossless ALAC
    assert audio_facts(sine_wav(1.0), "audio/mp4") is None  # FFmpeg never probes for another format
    assert audio_facts(b"\x00\x00\x00\x18ftypM4A  not really" * 10, "audio/mp4") is None


def test_the_delivery_mp3_keeps_the_sound_and_rates_mp3_cannot_carry_are_named() -> None:
    wav = sine_wav(1.0, rate=22050, amplitude=0.5, channels=2)
    mp3 = to_delivery(wav)
    assert mp3[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2") or mp3[:3] == b"ID3"
    facts = audio_facts(mp3)
    assert facts is not None and (facts.format, facts.sample_rate, facts.channels) == ("MP3", 22050, 2)
    original = audio_facts(wav)
    assert original is not None and original.loudness.lufs is not None
    assert abs(facts.duration_ms - 1000) <= 60
    assert facts.loudness.lufs is not None and abs(facts.loudness.lufs - original.loudness.lufs) <= 0.3
    wide = audio_facts(sine_wav(0.1, rate=96000))
    assert wide is not None and "96000 Hz" in (delivery_problem(wide) or "")
    assert delivery_problem(facts) is None


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
    tone = sine_wav(2.0, rate=48000, amplitude=MINUS_23_DBFS, channels=2, frequency=1000)
    file_id = await _upload(client, headers, "evacuation.wav", tone, "audio/wav")
    asset = await post_ok(
        client,
        f"{BASE}/assets",
        {"venue_id": venue_id, "file_id": file_id, "name": "疏散广播", "purpose": "evacuation"},
        headers,
    )
    assert (asset["duration_ms"], asset["sample_rate"], asset["channels"]) == (2000, 48000, 2)
    assert asset["content_type"] == "audio/wav"
    # EBU R 128: the EBU's −23 dBFS tone is −23.0 LUFS over 17 blocks of 400 ms, all counted, the
    # relative gate 10 LU below.
    loudness = {k: v for k, v in asset.items() if k.startswith("loudness_")}
    assert loudness == {
        "loudness_lufs": "-23.0",
        "loudness_blocks": 17,
        "loudness_counted_blocks": 17,
        "loudness_gate_lufs": "-33.0",
    }
    quieter = sine_wav(2.0, rate=48000, amplitude=MINUS_23_DBFS * 10 ** (-6 / 20), channels=2, frequency=1000)
    six_db_down = await post_ok(
        client,
        f"{BASE}/assets",
        {
            "venue_id": venue_id,
            "file_id": await _upload(client, headers, "q.wav", quieter, "audio/wav"),
            "name": "q",
        },
        headers,
    )
    assert six_db_down["loudness_lufs"] == "-29.0"  # 6 dB quieter: 6 LU lower
    # The WAV is kept as uploaded; players receive its MP3, a file attached to the asset.
    delivery = (await client.get(f"/api/v1/files/{asset['delivery_file_id']}", headers=headers)).json()
    assert delivery["content_type"] == "audio/mpeg" and delivery["name"] == "evacuation.mp3"
    assert delivery["id"] != file_id
    again = await client.post(
        f"{BASE}/assets", headers=headers, json={"venue_id": venue_id, "file_id": file_id, "name": "疏散广播"}
    )
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "name"
    listed = await client.get(f"{BASE}/assets", headers=headers, params={"venue_id": venue_id})
    assert [a["id"] for a in listed.json()["items"]] == [asset["id"], six_db_down["id"]]

    text = await _upload(client, headers, "music.txt", b"la la la", "text/plain")
    refused = await client.post(
        f"{BASE}/assets", headers=headers, json={"venue_id": venue_id, "file_id": text, "name": "music"}
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "file_id"
    assert "WAV, MP3, Ogg, FLAC and AAC (M4A)" in refused.json()["errors"][0]["message"]
    aac = await _upload(client, headers, "music.aac", b"\xff\xf1 not an aac stream", "audio/aac")
    unreadable_aac = await client.post(
        f"{BASE}/assets", headers=headers, json={"venue_id": venue_id, "file_id": aac, "name": "music"}
    )
    assert unreadable_aac.status_code == 422 and unreadable_aac.json()["errors"][0]["field"] == "file_id"
    assert unreadable_aac.json()["errors"][0]["message"] == "not an audio file that can be read"
    garbage = await _upload(
        client, headers, "noise.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00 not decoded", "audio/mpeg"
    )
    undecodable = await client.post(
        f"{BASE}/assets", headers=headers, json={"venue_id": venue_id, "file_id": garbage, "name": "noise"}
    )
    assert undecodable.status_code == 422 and undecodable.json()["errors"][0]["field"] == "file_id"
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


async def test_an_mp3_is_delivered_as_uploaded_and_a_player_fetches_only_its_venues_assets(
    client: httpx.AsyncClient, building: Building
) -> None:
    headers, venue_id = building.headers, building.venue["id"]
    mp3 = encoded(sine_wav(2.0, rate=44100, amplitude=0.25), "MP3", "MPEG_LAYER_III")
    file_id = await _upload(client, headers, "lobby.mp3", mp3, "audio/mpeg")
    asset = await post_ok(
        client, f"{BASE}/assets", {"venue_id": venue_id, "file_id": file_id, "name": "大堂音乐"}, headers
    )
    assert asset["delivery_file_id"] == file_id and asset["content_type"] == "audio/mpeg"
    # The tone's WAV measures −15.8 LUFS; its MP3 within 0.3 LU of that.
    assert abs(asset["duration_ms"] - 2000) <= 60 and abs(float(asset["loudness_lufs"]) + 15.8) <= 0.3

    player = await add_player(client, building, "F5")
    fetched = await client.get(f"{BASE}/player/assets/{asset['id']}", headers=player.headers)
    assert fetched.status_code == 307 and fetched.headers["cache-control"] == "no-store"
    downloaded = await client.get(fetched.headers["location"])
    assert downloaded.status_code == 200 and downloaded.content == mp3
    # A tenant key is not a player's; another venue's asset does not exist for this player.
    assert (await client.get(f"{BASE}/player/assets/{asset['id']}", headers=headers)).status_code == 403
    other = (await make_building(client, building.tenant)).venue
    elsewhere = await post_ok(
        client,
        f"{BASE}/assets",
        {
            "venue_id": other["id"],
            "file_id": await _upload(client, headers, "gate.wav", sine_wav(0.5), "audio/wav"),
            "name": "gate",
        },
        headers,
    )
    assert (
        await client.get(f"{BASE}/player/assets/{elsewhere['id']}", headers=player.headers)
    ).status_code == 404

    # Removing a WAV's asset removes its MP3 encoding; the uploaded WAV stays in the files.
    gone = await client.delete(
        f"{BASE}/assets/{elsewhere['id']}", headers={**headers, "If-Match": str(elsewhere["version"])}
    )
    assert gone.status_code == 204
    assert (
        await client.get(f"/api/v1/files/{elsewhere['delivery_file_id']}", headers=headers)
    ).status_code == 404
    assert (await client.get(f"/api/v1/files/{elsewhere['file_id']}", headers=headers)).status_code == 200


@pytest.mark.parametrize(
    ("name", "content_type", "channels"), [("evacuation.m4a", "audio/mp4", 2), ("gate.aac", "audio/aac", 1)]
)
async def test_an_aac_upload_becomes_an_asset_delivered_as_mp3_to_its_players(
    client: httpx.AsyncClient, building: Building, name: str, content_type: str, channels: int
) -> None:
    headers, venue_id = building.headers, building.venue["id"]
    body = sine_aac(3.0, channels=channels, container="ipod" if content_type == "audio/mp4" else "adts")
    file_id = await _upload(client, headers, name, body, content_type)
    asset = await post_ok(
        client,
        f"{BASE}/assets",
        {"venue_id": venue_id, "file_id": file_id, "name": name, "purpose": "evacuation"},
        headers,
    )
    assert asset["content_type"] == content_type and asset["file_id"] == file_id
    assert (asset["sample_rate"], asset["channels"]) == (48000, channels)
    assert abs(asset["duration_ms"] - 3000) <= 60
    expected = -23.0 if channels == 2 else -26.0  # the EBU tone, in two channels or one
    assert abs(float(asset["loudness_lufs"]) - expected) <= 0.2 and asset["loudness_counted_blocks"] == 27

    # Players receive an MP3 encoding of it, attached to the asset; the upload stays as it was.
    delivery = (await client.get(f"/api/v1/files/{asset['delivery_file_id']}", headers=headers)).json()
    assert delivery["content_type"] == "audio/mpeg" and delivery["name"] == name.rsplit(".", 1)[0] + ".mp3"
    player = await add_player(client, building, "F5")
    fetched = await client.get(f"{BASE}/player/assets/{asset['id']}", headers=player.headers)
    assert fetched.status_code == 307
    mp3 = (await client.get(fetched.headers["location"])).content
    heard = audio_facts(mp3)
    assert heard is not None and (heard.format, heard.sample_rate, heard.channels) == ("MP3", 48000, channels)
    assert heard.loudness.lufs is not None and abs(heard.loudness.lufs - float(asset["loudness_lufs"])) <= 0.3
    original = (await client.get(f"/api/v1/files/{file_id}", headers=headers)).json()
    assert original["content_type"] == content_type


async def test_an_m4a_holding_other_audio_than_aac_is_refused(
    client: httpx.AsyncClient, building: Building
) -> None:
    file_id = await _upload(
        client, building.headers, "lossless.m4a", sine_aac(1.0, codec="alac"), "audio/mp4"
    )
    refused = await client.post(
        f"{BASE}/assets",
        headers=building.headers,
        json={"venue_id": building.venue["id"], "file_id": file_id, "name": "lossless"},
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "file_id"
