"""Setting approvals up over the API: approver assignments and flow definitions."""

from __future__ import annotations

from typing import Any

from bizsuite.core.identity.models import Role
from litestar.testing import AsyncTestClient

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import Company, PersonMaker, make_unit, post_ok, submit

Client = AsyncTestClient[Any]
ASSIGNMENTS = "/api/v1/approvals/assignments"
FLOWS = "/api/v1/approvals/flows"
STEP = {"label": "Head", "approver_kind": "role_at_unit", "approver_role": "department_manager"}


async def test_assign_update_and_remove_an_approver(
    client: Client, tenant_a: TenantHandle, add_person: PersonMaker
) -> None:
    unit = await make_unit(client, tenant_a, "D1", "department")
    other_unit = await make_unit(client, tenant_a, "D2", "department")
    head = await add_person(tenant_a, "head")
    body = {"user_id": head.id, "org_unit_id": unit, "approver_role": "department_manager"}
    created = await post_ok(client, ASSIGNMENTS, body, tenant_a.headers)
    assert created["version"] == 1
    duplicate = await client.post(ASSIGNMENTS, json=body, headers=tenant_a.headers)
    assert duplicate.status_code == 409 and duplicate.json()["errors"][0]["field"] == "approver_role"
    bad_role = await client.post(
        ASSIGNMENTS, json={**body, "approver_role": "Store Manager"}, headers=tenant_a.headers
    )
    assert bad_role.status_code == 422 and bad_role.json()["errors"][0]["field"] == "approver_role"

    item = f"{ASSIGNMENTS}/{created['id']}"
    assert (
        await client.patch(item, json={"org_unit_id": other_unit}, headers=tenant_a.headers)
    ).status_code == 428
    moved = await client.patch(
        item, json={"org_unit_id": other_unit}, headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert (
        moved.status_code == 200
        and moved.json()["org_unit_id"] == other_unit
        and moved.json()["version"] == 2
    )
    stale = await client.patch(
        item, json={"approver_role": "x"}, headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert stale.status_code == 412

    listed = await client.get(ASSIGNMENTS, params={"user_id": head.id}, headers=head.headers)
    assert [a["id"] for a in listed.json()["items"]] == [created["id"]]
    assert (await client.delete(item, headers={**head.headers, "If-Match": "2"})).status_code == 403
    assert (await client.delete(item, headers={**tenant_a.headers, "If-Match": "2"})).status_code == 204
    assert (await client.get(item, headers=tenant_a.headers)).status_code == 404
    log = await client.get("/api/v1/audit-log", params={"target_id": created["id"]}, headers=tenant_a.headers)
    assert sorted(e["action"] for e in log.json()["items"]) == [
        "approver_assignment.created",
        "approver_assignment.deleted",
        "approver_assignment.updated",
    ]


async def test_only_members_can_be_approvers(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle, add_person: PersonMaker
) -> None:
    unit = await make_unit(client, tenant_a, "D1", "department")
    stranger = await add_person(tenant_b, "stranger")
    response = await client.post(
        ASSIGNMENTS,
        json={"user_id": stranger.id, "org_unit_id": unit, "approver_role": "finance"},
        headers=tenant_a.headers,
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "user_id"


async def test_removing_a_member_drops_their_approver_roles(
    client: Client, tenant_a: TenantHandle, add_person: PersonMaker
) -> None:
    unit = await make_unit(client, tenant_a, "D1", "department")
    head = await add_person(tenant_a, "head")
    await post_ok(
        client,
        ASSIGNMENTS,
        {"user_id": head.id, "org_unit_id": unit, "approver_role": "finance"},
        tenant_a.headers,
    )
    members = (await client.get("/api/v1/members", params={"limit": 200}, headers=tenant_a.headers)).json()
    membership = next(m for m in members["items"] if m["user_id"] == head.id)
    removed = await client.delete(
        f"/api/v1/members/{membership['id']}",
        headers={**tenant_a.headers, "If-Match": str(membership["version"])},
    )
    assert removed.status_code == 204, removed.text
    assert (await client.get(ASSIGNMENTS, headers=tenant_a.headers)).json()["items"] == []


async def test_flow_steps_must_name_what_their_kind_needs(client: Client, tenant_a: TenantHandle) -> None:
    flow = {
        "code": "f",
        "name": "Flow",
        "steps": [
            {"label": "A", "approver_kind": "role_at_unit"},
            {"label": "B", "approver_kind": "role_at_ancestor_kind", "approver_role": "x"},
            {"label": "C", "approver_kind": "user"},
            {"label": "D", "approver_kind": "nearest_role", "approver_role": "x", "levels_up": 2},
        ],
        "min_amount": "100.00",
        "max_amount": "50.00",
    }
    response = await client.post(FLOWS, json=flow, headers=tenant_a.headers)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [
        "steps[0].approver_role",
        "steps[1].org_unit_kind",
        "steps[2].user_id",
        "steps[3].levels_up",
        "max_amount",
    ]
    empty = await client.post(FLOWS, json={"code": "f", "name": "F", "steps": []}, headers=tenant_a.headers)
    assert empty.status_code == 422 and empty.json()["errors"][0]["field"] == "steps"


async def test_update_replaces_steps_but_requests_keep_their_route(
    client: Client, company: Company, add_person: PersonMaker
) -> None:
    headers = company.tenant.headers
    flow_url = f"{FLOWS}/{company.flows['store-expense']}"
    before = (await client.get(flow_url, headers=headers)).json()
    under_way = await submit(client, company, "clerk", "SH")
    changed = await client.patch(
        flow_url,
        json={
            "steps": [{"label": "Owner", "approver_kind": "user", "user_id": company["gm"].id}],
            "min_amount": "1.00",
        },
        headers={**headers, "If-Match": str(before["version"])},
    )
    assert changed.status_code == 200, changed.text
    flow = changed.json()
    assert flow["version"] == before["version"] + 1
    assert [(s["position"], s["approver_kind"]) for s in flow["steps"]] == [(1, "user")]
    assert flow["min_amount"] == "1.00" and flow["org_unit_kinds"] == ["store"]
    cleared = await client.patch(
        flow_url, json={"min_amount": None}, headers={**headers, "If-Match": str(flow["version"])}
    )
    assert cleared.json()["min_amount"] is None and len(cleared.json()["steps"]) == 1

    kept = (await client.get(f"/api/v1/approvals/requests/{under_way['id']}", headers=headers)).json()
    assert [s["approver_id"] for s in kept["steps"]] == [s["approver_id"] for s in under_way["steps"]]
    fresh = await submit(client, company, "clerk", "SH")
    assert [s["approver_id"] for s in fresh["steps"]] == [company["gm"].id]

    # A flow that routed requests is deactivated, not deleted.
    version = {"If-Match": str(cleared.json()["version"])}
    assert (await client.delete(flow_url, headers={**headers, **version})).status_code == 409
    off = await client.patch(flow_url, json={"is_active": False}, headers={**headers, **version})
    assert off.status_code == 200
    active = await client.get(FLOWS, params={"is_active": True}, headers=headers)
    assert company.flows["store-expense"] not in [f["id"] for f in active.json()["items"]]


async def test_an_unused_flow_is_deleted_with_its_steps(client: Client, tenant_a: TenantHandle) -> None:
    flow = await post_ok(
        client, FLOWS, {"code": "tmp", "name": "Temporary", "steps": [STEP]}, tenant_a.headers
    )
    taken = await client.post(
        FLOWS, json={"code": "tmp", "name": "Again", "steps": [STEP]}, headers=tenant_a.headers
    )
    assert taken.status_code == 409 and taken.json()["errors"][0]["field"] == "code"
    deleted = await client.delete(f"{FLOWS}/{flow['id']}", headers={**tenant_a.headers, "If-Match": "1"})
    assert deleted.status_code == 204
    assert (await client.get(f"{FLOWS}/{flow['id']}", headers=tenant_a.headers)).status_code == 404


async def test_members_read_flows_admins_write_them(
    client: Client, tenant_a: TenantHandle, add_person: PersonMaker
) -> None:
    member = await add_person(tenant_a, "member", Role.MEMBER)
    assert (await client.get(FLOWS, headers=member.headers)).status_code == 200
    refused = await client.post(
        FLOWS, json={"code": "x", "name": "X", "steps": [STEP]}, headers=member.headers
    )
    assert refused.status_code == 403


async def test_openapi_names_every_approval_operation(client: Client) -> None:
    spec = (await client.get("/api/docs/openapi.json")).json()
    operations = {
        op["operationId"]: op["tags"]
        for path, item in spec["paths"].items()
        if path.startswith("/api/v1/approvals")
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert set(operations) == {
        "list_approver_assignments",
        "create_approver_assignment",
        "get_approver_assignment",
        "update_approver_assignment",
        "delete_approver_assignment",
        "list_approval_flows",
        "create_approval_flow",
        "get_approval_flow",
        "update_approval_flow",
        "delete_approval_flow",
        "preview_approval_route",
        "submit_approval_request",
        "list_approval_requests",
        "list_my_approvals",
        "list_my_submissions",
        "get_approval_request",
        "list_approval_decisions",
        "approve_approval_request",
        "reject_approval_request",
        "withdraw_approval_request",
        "delegate_approval_request",
        "resubmit_approval_request",
    }
    assert all(tags == ["approvals"] for tags in operations.values())
