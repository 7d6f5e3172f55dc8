"""Tenant B cannot see, change, close or reference tenant A's tickets and SLA policies."""

from __future__ import annotations

import httpx
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.modules.crm.models import Contact
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import make_account
from tests.modules.crm.tickets.conftest import ELEVATOR, HOTLINE_1234, create_policy, open_ticket


async def test_tenant_b_cannot_reach_tenant_a_tickets(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    account_a = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account_a, category="complaint")
    url = f"/api/v1/crm/tickets/{ticket['id']}"
    b = tenant_b.headers

    listed = await client.get("/api/v1/crm/tickets", headers=b)
    assert listed.status_code == 200 and listed.json()["items"] == []
    by_account = await client.get("/api/v1/crm/tickets", params={"account_id": str(account_a)}, headers=b)
    assert by_account.json()["items"] == []
    assert (await client.get(url, headers=b)).status_code == 404
    assert (await client.get(f"{url}/events", headers=b)).status_code == 404
    patched = await client.patch(url, json={"title": "hijacked"}, headers={**b, "If-Match": "1"})
    assert patched.status_code == 404
    moved = await client.post(f"{url}/status", json={"status": "waiting"}, headers={**b, "If-Match": "1"})
    assert moved.status_code == 404
    reached = await client.post(f"{url}/milestones/dispatched", json={}, headers={**b, "If-Match": "1"})
    assert reached.status_code == 404
    closed = await client.post(f"{url}/close", json={"satisfaction": 5}, headers={**b, "If-Match": "1"})
    assert closed.status_code == 404

    # Nor open a ticket on A's account.
    stolen = await client.post(
        "/api/v1/crm/tickets",
        json={"account_id": str(account_a), "title": "x", "category": "fault"},
        headers=b,
    )
    assert stolen.status_code == 422
    assert stolen.json()["errors"][0]["field"] == "account_id"

    mine = (await client.get(url, headers=tenant_a.headers)).json()
    assert mine["title"] == ticket["title"] and mine["status"] == "open"
    assert {m["state"] for m in mine["milestones"]} == {"due"}


async def test_tenant_b_cannot_reach_or_use_tenant_a_policies(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    policy = await create_policy(client, tenant_a, ELEVATOR)
    url = f"/api/v1/crm/sla-policies/{policy['id']}"
    b = tenant_b.headers
    assert (await client.get("/api/v1/crm/sla-policies", headers=b)).json()["items"] == []
    assert (await client.get(url, headers=b)).status_code == 404
    replaced = await client.put(url, json=HOTLINE_1234, headers={**b, "If-Match": "1"})
    assert replaced.status_code == 404
    assert (await client.delete(url, headers={**b, "If-Match": "1"})).status_code == 404

    # B's elevator ticket never gets A's elevator policy; B may reuse the same code.
    account_b = await make_account(app_engine, tenant_b)
    ticket_b = await open_ticket(client, tenant_b, account_b, category="elevator_fault")
    assert ticket_b["policy_id"] is None and ticket_b["milestones"] == []
    own = await create_policy(client, tenant_b, ELEVATOR)
    assert own["id"] != policy["id"]
    assert (await client.get(url, headers=tenant_a.headers)).json()["version"] == 1


async def test_tenant_b_cannot_assign_or_link_tenant_a_people(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    account_a = await make_account(app_engine, tenant_a)
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await bind_tenant(session, tenant_a.id)
        contact = Contact(account_id=account_a, name="张经理")
        session.add(contact)
        await session.flush()
        contact_a = contact.id
    account_b = await make_account(app_engine, tenant_b)
    b = tenant_b.headers
    base = {"account_id": str(account_b), "title": "电梯困人", "category": "fault"}

    # A's owner is a user, but not a member of B: B cannot assign tickets to them.
    assigned = await client.post(
        "/api/v1/crm/tickets", json={**base, "assignee_user_id": str(tenant_a.owner.id)}, headers=b
    )
    assert assigned.status_code == 422
    assert assigned.json()["errors"][0]["field"] == "assignee_user_id"
    linked = await client.post("/api/v1/crm/tickets", json={**base, "contact_id": str(contact_a)}, headers=b)
    assert linked.status_code == 422
    assert linked.json()["errors"][0]["field"] == "contact_id"

    own = await open_ticket(client, tenant_b, account_b)
    url = f"/api/v1/crm/tickets/{own['id']}"
    for body, field in (
        ({"assignee_user_id": str(tenant_a.owner.id)}, "assignee_user_id"),
        ({"contact_id": str(contact_a)}, "contact_id"),
    ):
        changed = await client.patch(url, json=body, headers={**b, "If-Match": "1"})
        assert changed.status_code == 422
        assert changed.json()["errors"][0]["field"] == field
    mine = (await client.get(url, headers=b)).json()
    assert (mine["assignee_user_id"], mine["contact_id"], mine["version"]) == (None, None, 1)
    # B's own owner is assignable.
    ok = await client.patch(
        url, json={"assignee_user_id": str(tenant_b.owner.id)}, headers={**b, "If-Match": "1"}
    )
    assert ok.status_code == 200 and ok.json()["assignee_user_id"] == str(tenant_b.owner.id)
    by_a_owner = await client.get(
        "/api/v1/crm/tickets", params={"assignee_user_id": str(tenant_a.owner.id)}, headers=b
    )
    assert by_a_owner.json()["items"] == []
