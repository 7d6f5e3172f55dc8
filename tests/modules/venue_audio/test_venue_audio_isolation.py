"""Tenant isolation: another tenant cannot list, read, change, page into, trigger in or clear a
venue's records, nor reference them from its own (beyond the route-table walk)."""

from __future__ import annotations

import httpx

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, Building, make_building


async def test_another_tenant_sees_and_touches_nothing(
    client: httpx.AsyncClient, building: Building, make_tenant: object
) -> None:
    other: TenantHandle = await make_tenant(modules=["venue_audio"])  # type: ignore[operator]
    theirs = await make_building(client, other)
    venue_id, zone_f5 = building.venue["id"], building.zones["F5"]
    emergency = await post_ok(
        client,
        f"{BASE}/broadcasts/emergencies",
        {"venue_id": venue_id, "floor": 5, "reason": "drill"},
        building.headers,
    )
    h = other.headers
    listed = await client.get(f"{BASE}/venues", headers=h)
    assert [v["id"] for v in listed.json()["items"]] == [theirs.venue["id"]]
    assert (await client.get(f"{BASE}/zones", headers=h, params={"venue_id": venue_id})).json()["items"] == []
    assert (await client.get(f"{BASE}/broadcasts", headers=h)).json()["items"] == []
    for path in (
        f"/venues/{venue_id}",
        f"/venues/{venue_id}/board",
        f"/zones/{zone_f5}",
        f"/zones/{zone_f5}/now-playing",
        f"/broadcasts/{emergency['id']}",
    ):
        assert (await client.get(BASE + path, headers=h)).status_code == 404, path
    closed = await client.post(f"{BASE}/broadcasts/{emergency['id']}/close", headers=h, json={"reason": "x"})
    assert closed.status_code == 404
    patched = await client.patch(
        f"{BASE}/zones/{zone_f5}", headers={**h, "If-Match": "1"}, json={"volume": 0}
    )
    assert patched.status_code == 404
    # Their ids in our bodies are unknown references (422), never a way in.
    alarm = await client.post(
        f"{BASE}/broadcasts/emergencies",
        headers=h,
        json={"venue_id": venue_id, "all_call": True, "reason": "x"},
    )
    assert alarm.status_code == 422 and alarm.json()["errors"][0]["field"] == "venue_id"
    page = await client.post(
        f"{BASE}/broadcasts/paging",
        headers=h,
        json={"venue_id": theirs.venue["id"], "zone_ids": [zone_f5], "source": "mic"},
    )
    assert page.status_code == 422 and page.json()["errors"][0]["field"] == "zone_ids"
    device = await client.post(
        f"{BASE}/devices",
        headers=h,
        json={
            "venue_id": theirs.venue["id"],
            "zone_id": zone_f5,
            "kind": "speaker",
            "code": "S",
            "name": "S",
        },
    )
    assert device.status_code == 422 and device.json()["errors"][0]["field"] == "zone_id"
    still = await client.get(f"{BASE}/broadcasts/{emergency['id']}", headers=building.headers)
    assert still.json()["live"] is True


async def test_another_tenants_players_and_keys_reach_nothing_of_ours(
    client: httpx.AsyncClient, building: Building, make_tenant: object
) -> None:
    from tests.modules.venue_audio.conftest import add_player, alarm_on_floor_5, command

    other: TenantHandle = await make_tenant(modules=["venue_audio"])  # type: ignore[operator]
    theirs = await make_building(client, other)
    ours, their_player = await add_player(client, building, "F5"), await add_player(client, theirs, "F5")
    await alarm_on_floor_5(client, building)
    [key] = (await client.get(f"{BASE}/devices/{ours.id}/keys", headers=building.headers)).json()["items"]
    h = other.headers
    for path in (f"/devices/{ours.id}/keys", f"/devices/{ours.id}/commands"):
        assert (await client.get(BASE + path, headers=h)).status_code == 404, path
    assert (await client.post(f"{BASE}/devices/{ours.id}/keys", headers=h)).status_code == 404
    revoke = await client.post(f"{BASE}/devices/{ours.id}/keys/{key['id']}/revoke", headers=h)
    assert revoke.status_code == 404
    # Their player hears nothing of our alarm and cannot acknowledge our commands.
    theirs_now = (await command(client, their_player)).json()
    assert theirs_now["program_kind"] is None and theirs_now["zone_id"] == theirs.zones["F5"]
    ours_now = (await command(client, ours)).json()
    assert ours_now["program_kind"] == "emergency"
    ack = await client.post(
        f"{BASE}/player/acks",
        json={"seq": ours_now["seq"] + 5, "source": "x", "volume": 1},
        headers=their_player.headers,
    )
    assert ack.status_code == 422
    assert (await command(client, ours)).json()["acked_at"] is None
    # Nor can our tenant's keys reach their devices.
    assert (
        await client.get(f"{BASE}/devices/{their_player.id}/commands", headers=building.headers)
    ).status_code == 404
