"""Tenant B cannot see, change, decide or reference tenant A's approval rows, whatever ids it sends."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import Company, PersonMaker, build_company, decide, document, submit

Client = AsyncTestClient[Any]
BASE = "/api/v1/approvals"


@pytest.fixture
async def other(client: Client, tenant_b: TenantHandle, add_person: PersonMaker) -> Company:
    return await build_company(client, tenant_b, add_person)


async def test_other_tenant_gets_404_for_assignments_and_flows(
    client: Client, company: Company, other: Company
) -> None:
    mine = (
        await client.get(f"{BASE}/assignments", params={"limit": 200}, headers=company.tenant.headers)
    ).json()
    assignment_id = mine["items"][0]["id"]
    theirs = (
        await client.get(f"{BASE}/assignments", params={"limit": 200}, headers=other.tenant.headers)
    ).json()
    assert assignment_id not in [a["id"] for a in theirs["items"]]
    flow_id = company.flows["store-expense"]
    their_flows = (
        await client.get(f"{BASE}/flows", params={"limit": 200}, headers=other.tenant.headers)
    ).json()
    assert flow_id not in [f["id"] for f in their_flows["items"]]

    headers = {**other.tenant.headers, "If-Match": "1"}
    for path, patch_body in (
        (f"{BASE}/assignments/{assignment_id}", {"approver_role": "stolen"}),
        (f"{BASE}/flows/{flow_id}", {"name": "stolen"}),
    ):
        assert (await client.get(path, headers=other.tenant.headers)).status_code == 404
        assert (await client.patch(path, json=patch_body, headers=headers)).status_code == 404
        assert (await client.delete(path, headers=headers)).status_code == 404
        assert (await client.get(path, headers=company.tenant.headers)).json()["version"] == 1


async def test_other_tenant_gets_404_for_requests_and_never_lists_them(
    client: Client, company: Company, other: Company
) -> None:
    request = await submit(client, company, "clerk", "SH")
    item = f"{BASE}/requests/{request['id']}"
    for name in ("gm", "store", "clerk"):
        person = other[name]
        assert (await client.get(item, headers=person.headers)).status_code == 404
        assert (await client.get(f"{item}/decisions", headers=person.headers)).status_code == 404
        for action, body in (
            ("approve", {}),
            ("reject", {"comment": "no"}),
            ("withdraw", {}),
            ("delegate", {"to_user_id": other["gm"].id}),
            ("resubmit", {}),
        ):
            response = await decide(client, request, person, action, body)
            assert response.status_code == 404, f"{name} {action}: {response.text}"
        for path in ("inbox", "submissions", "requests"):
            listed = await client.get(f"{BASE}/{path}", params={"limit": 200}, headers=person.headers)
            assert request["id"] not in [r["id"] for r in listed.json().get("items", [])]
    again = (await client.get(item, headers=company["clerk"].headers)).json()
    assert again["version"] == request["version"] and again["status"] == "pending"


async def test_other_tenant_cannot_reference_tenant_a_rows(
    client: Client, company: Company, other: Company
) -> None:
    headers = other.tenant.headers
    a_unit, a_person = company.units["SH"], company["store"].id
    cases: list[tuple[str, dict[str, Any], str]] = [
        (
            f"{BASE}/assignments",
            {"user_id": other["store"].id, "org_unit_id": a_unit, "approver_role": "store_manager"},
            "org_unit_id",
        ),
        (
            f"{BASE}/assignments",
            {"user_id": a_person, "org_unit_id": other.units["SH"], "approver_role": "store_manager"},
            "user_id",
        ),
        (
            f"{BASE}/flows",
            {
                "code": "steal-unit",
                "name": "x",
                "steps": [
                    {
                        "label": "x",
                        "approver_kind": "role_at_named_unit",
                        "approver_role": "finance",
                        "org_unit_id": a_unit,
                    }
                ],
            },
            "steps[0].org_unit_id",
        ),
        (
            f"{BASE}/flows",
            {
                "code": "steal-user",
                "name": "x",
                "steps": [{"label": "x", "approver_kind": "user", "user_id": a_person}],
            },
            "steps[0].user_id",
        ),
    ]
    for path, body, field in cases:
        response = await client.post(path, json=body, headers=headers)
        assert response.status_code == 422, f"{path} {field}: {response.text}"
        assert response.json()["errors"][0]["field"] == field

    stolen_unit = await client.post(
        f"{BASE}/requests", json=document(other, "SH", org_unit_id=a_unit), headers=other["clerk"].headers
    )
    assert stolen_unit.status_code == 422 and stolen_unit.json()["errors"][0]["field"] == "org_unit_id"
    stolen_author = await client.post(
        f"{BASE}/requests", json=document(other, "SH", author_id=a_person), headers=headers
    )
    assert stolen_author.status_code == 422 and stolen_author.json()["errors"][0]["field"] == "author_id"

    own = await submit(client, other, "clerk", "SH")
    delegated = await decide(client, own, other["store"], "delegate", {"to_user_id": a_person})
    assert delegated.status_code == 422 and delegated.json()["errors"][0]["field"] == "to_user_id"
    moved = await decide(client, own, other["clerk"], "withdraw")
    resubmitted = await decide(client, moved.json(), other["clerk"], "resubmit", {"org_unit_id": a_unit})
    assert resubmitted.status_code == 422


async def test_a_document_id_used_in_another_tenant_does_not_collide(
    client: Client, company: Company, other: Company
) -> None:
    first = await submit(client, company, "clerk", "SH")
    same = await submit(client, other, "clerk", "SH", document_id=first["document_id"])
    assert same["document_id"] == first["document_id"] and same["id"] != first["id"]
