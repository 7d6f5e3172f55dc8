"""Tenant B can neither see, change, delete nor reference tenant A's zones, accounts, contacts
or activities, whatever ids it sends."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import TenantHandle
from tests.modules.crm.accounts.conftest import ACCOUNTS, ZONES, create_account, create_zone


async def _tenant_a_rows(client: httpx.AsyncClient, a: TenantHandle) -> dict[str, Any]:
    zone = await create_zone(client, a, "Z-A", owner_user_id=str(a.owner.id))
    unit = await client.post(
        "/api/v1/org-units",
        json={"name": "A 销售部", "code": "A-SALES", "kind": "department"},
        headers=a.headers,
    )
    account = await create_account(client, a, "C-A1", zone_id=zone["id"], org_unit_id=unit.json()["id"])
    contact = (
        await client.post(
            f"{ACCOUNTS}/{account['id']}/contacts", json={"name": "A 联系人"}, headers=a.headers
        )
    ).json()
    activity = (
        await client.post(
            f"{ACCOUNTS}/{account['id']}/activities",
            json={"kind": "note", "subject": "A 备注"},
            headers=a.headers,
        )
    ).json()
    return {"zone": zone, "unit": unit.json(), "account": account, "contact": contact, "activity": activity}


async def test_tenant_b_cannot_list_or_read_tenant_a_rows(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    rows = await _tenant_a_rows(client, tenant_a)
    b = tenant_b.headers
    assert (await client.get(ACCOUNTS, headers=b)).json()["items"] == []
    assert (await client.get(ZONES, headers=b)).json()["items"] == []
    assert (await client.get(ACCOUNTS, params={"q": "C-A"}, headers=b)).json()["items"] == []
    assert (await client.get(ACCOUNTS, params={"zone_id": rows["zone"]["id"]}, headers=b)).json()[
        "items"
    ] == []
    account_id = rows["account"]["id"]
    for url in (
        f"{ZONES}/{rows['zone']['id']}",
        f"{ACCOUNTS}/{account_id}",
        f"{ACCOUNTS}/{account_id}/contacts",
        f"{ACCOUNTS}/{account_id}/activities",
        f"{ACCOUNTS}/{account_id}/timeline",
        f"/api/v1/crm/contacts/{rows['contact']['id']}",
        f"/api/v1/crm/activities/{rows['activity']['id']}",
    ):
        assert (await client.get(url, headers=b)).status_code == 404, url


async def test_tenant_b_cannot_change_or_delete_tenant_a_rows(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    rows = await _tenant_a_rows(client, tenant_a)
    b = {**tenant_b.headers, "If-Match": "1"}
    account_id = rows["account"]["id"]
    targets = {
        f"{ZONES}/{rows['zone']['id']}": {"name": "B"},
        f"{ACCOUNTS}/{account_id}": {"name": "B"},
        f"/api/v1/crm/contacts/{rows['contact']['id']}": {"name": "B"},
        f"/api/v1/crm/activities/{rows['activity']['id']}": {"subject": "B"},
    }
    for url, body in targets.items():
        assert (await client.patch(url, json=body, headers=b)).status_code == 404, url
        assert (await client.delete(url, headers=b)).status_code == 404, url
    for action in ("archive", "restore"):
        assert (await client.post(f"{ACCOUNTS}/{account_id}/{action}", headers=b)).status_code == 404
    assert (
        await client.post(f"{ACCOUNTS}/{account_id}/contacts", json={"name": "B"}, headers=b)
    ).status_code == 404
    added = await client.post(
        f"{ACCOUNTS}/{account_id}/activities", json={"kind": "call", "subject": "B"}, headers=b
    )
    assert added.status_code == 404
    # Tenant A's rows are untouched.
    still = (await client.get(f"{ACCOUNTS}/{account_id}", headers=tenant_a.headers)).json()
    assert still["name"] == rows["account"]["name"] and still["version"] == 1
    contacts = (await client.get(f"{ACCOUNTS}/{account_id}/contacts", headers=tenant_a.headers)).json()[
        "items"
    ]
    assert [c["name"] for c in contacts] == ["A 联系人"]


async def test_tenant_b_cannot_reference_tenant_a_rows_by_id(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    rows = await _tenant_a_rows(client, tenant_a)
    b = tenant_b.headers
    for body, field in (
        ({"zone_id": rows["zone"]["id"]}, "zone_id"),
        ({"org_unit_id": rows["unit"]["id"]}, "org_unit_id"),
        ({"owner_user_id": str(tenant_a.owner.id)}, "owner_user_id"),
    ):
        answer = await client.post(ACCOUNTS, json={"code": "C-B1", "name": "B", **body}, headers=b)
        assert answer.status_code == 422, answer.text
        assert [e["field"] for e in answer.json()["errors"]] == [field]
    zone = await client.post(
        ZONES, json={"code": "Z-B", "name": "B", "org_unit_id": rows["unit"]["id"]}, headers=b
    )
    assert zone.status_code == 422 and zone.json()["errors"][0]["field"] == "org_unit_id"
    own = await create_account(client, tenant_b, "C-B2")
    moved = await client.patch(
        f"{ACCOUNTS}/{own['id']}", json={"zone_id": rows["zone"]["id"]}, headers={**b, "If-Match": "1"}
    )
    assert moved.status_code == 422 and moved.json()["errors"][0]["field"] == "zone_id"
    activity = await client.post(
        f"{ACCOUNTS}/{own['id']}/activities",
        json={"kind": "call", "subject": "B", "contact_id": rows["contact"]["id"]},
        headers=b,
    )
    assert activity.status_code == 422 and activity.json()["errors"][0]["field"] == "contact_id"
