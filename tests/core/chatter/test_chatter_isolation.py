"""Another tenant can neither read, write, follow, mention nor attach across the tenant line: its
calls on tenant A's records, notes and activities answer 404 (or 422 for a body reference), and
change nothing."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.chatter.helpers import add_member, inbox_of
from tests.modules.crm.conftest import make_account

Client = httpx.AsyncClient


async def test_tenant_b_cannot_touch_tenant_as_chatter_or_activities(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    chen = await add_member(app_engine, tenant_a, "陈静")
    account = await make_account(app_engine, tenant_a, owner_user_id=chen)
    record = f"/api/v1/chatter/crm_accounts/{account}"
    note = (await client.post(f"{record}/notes", json={"body": "A 的备注"}, headers=tenant_a.headers)).json()
    file_a = (
        await client.post(
            "/api/v1/files?name=a.txt",
            headers={**tenant_a.headers, "content-type": "text/plain"},
            content=b"a",
        )
    ).json()["id"]
    activity = (
        await client.post(
            "/api/v1/activities",
            json={
                "target_type": "crm_accounts",
                "target_id": str(account),
                "activity_type": "call",
                "summary": "回访",
                "due_date": "2026-12-10",
                "assignee_user_id": str(chen),
            },
            headers=tenant_a.headers,
        )
    ).json()
    b = tenant_b.headers
    ifm = {**b, "If-Match": "1"}

    # A's record: no feed, no note, no follow
    assert (await client.get(f"{record}/entries", headers=b)).status_code == 404
    assert (await client.get(f"{record}/followers", headers=b)).status_code == 404
    assert (await client.post(f"{record}/notes", json={"body": "x"}, headers=b)).status_code == 404
    assert (
        await client.post(f"{record}/followers", json={"user_id": str(chen)}, headers=b)
    ).status_code == 404
    assert (await client.delete(f"{record}/followers/{chen}", headers=b)).status_code == 404
    # A's note
    url = f"/api/v1/chatter/notes/{note['id']}"
    assert (await client.get(url, headers=b)).status_code == 404
    assert (await client.patch(url, json={"body": "x"}, headers=ifm)).status_code == 404
    assert (await client.delete(url, headers=ifm)).status_code == 404
    # B's own record: A's user cannot be mentioned or added as a follower, A's file not attached
    own = await make_account(app_engine, tenant_b)
    mine = f"/api/v1/chatter/crm_accounts/{own}"
    mention = await client.post(f"{mine}/notes", json={"body": "hi", "mention_ids": [str(chen)]}, headers=b)
    assert mention.status_code == 422 and mention.json()["errors"][0]["field"] == "mention_ids"
    by_name = await client.post(f"{mine}/notes", json={"body": "@陈静 你好"}, headers=b)
    assert by_name.status_code == 201 and by_name.json()["mentions"] == []
    follower = await client.post(f"{mine}/followers", json={"user_id": str(chen)}, headers=b)
    assert follower.status_code == 422
    attach = await client.post(f"{mine}/notes", json={"body": "x", "file_ids": [file_a]}, headers=b)
    assert attach.status_code == 422 and attach.json()["errors"][0]["field"] == "file_ids"
    # A's activity
    act = f"/api/v1/activities/{activity['id']}"
    assert (await client.get(act, headers=b)).status_code == 404
    assert (await client.patch(act, json={"summary": "x"}, headers=ifm)).status_code == 404
    assert (await client.post(f"{act}/complete", json={}, headers=ifm)).status_code == 404
    assert (await client.delete(act, headers=ifm)).status_code == 404
    listed = await client.get("/api/v1/activities", params={"target_id": str(account)}, headers=b)
    assert listed.json()["items"] == []
    scheduled = await client.post(
        "/api/v1/activities",
        json={
            "target_type": "crm_accounts",
            "target_id": str(account),
            "activity_type": "todo",
            "summary": "x",
            "due_date": dt.date(2026, 12, 10).isoformat(),
            "assignee_user_id": str(chen),
        },
        headers=b,
    )
    assert scheduled.status_code == 422 and scheduled.json()["errors"][0]["field"] == "target_id"
    # nothing changed on A's side, and nobody in A heard of B
    still = (await client.get(f"{record}/entries", headers=tenant_a.headers)).json()["items"]
    assert [e["message"]["body"] for e in still if e["kind"] == "note"] == ["A 的备注"]
    assert all(i["alert"]["type"] != "chatter.mention" for i in await inbox_of(client, tenant_a, chen))
    assert (await client.get(act, headers=tenant_a.headers)).json()["version"] == 1
    assert uuid.UUID(activity["id"])
