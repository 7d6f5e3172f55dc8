"""Scheduled activities through the API: scheduled on a record for a colleague, coloured by the
tenant's day, marked done with feedback that lands in the chatter, edited, cancelled; reminders on
the due day and when overdue, each once, on the tenant (sandbox) clock."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
from bizsuite.core.activities import services
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle, create_tenant_with_key
from tests.core.chatter.helpers import add_member, feed, inbox_of
from tests.core.jobs.helpers import tenant_tx
from tests.modules.crm.conftest import make_account

Client = httpx.AsyncClient
ACTIVITIES = "/api/v1/activities"


async def today_of(engine: AsyncEngine, tenant: TenantHandle) -> dt.date:
    async with tenant_tx(engine, tenant.id) as ctx:
        return services.today(ctx)


async def schedule(client: Client, tenant: TenantHandle, account: uuid.UUID, **values: Any) -> dict[str, Any]:
    body = {
        "target_type": "crm_accounts",
        "target_id": str(account),
        "activity_type": "call",
        "summary": "回访",
        **values,
    }
    response = await client.post(
        ACTIVITIES, json=body, headers={**tenant.headers, "Idempotency-Key": uuid.uuid4().hex}
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_activities_are_coloured_by_the_tenants_day_and_listed_soonest_first(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    chen = await add_member(app_engine, tenant_a, "陈静")
    account = await make_account(app_engine, tenant_a, "上海明辉贸易有限公司")
    today = await today_of(app_engine, tenant_a)
    day = dt.timedelta(days=1)
    for summary, due in (("明天回访", today + day), ("今天报价", today), ("上周跟进", today - 7 * day)):
        await schedule(
            client, tenant_a, account, summary=summary, due_date=due.isoformat(), assignee_user_id=str(chen)
        )
    listed = await client.get(ACTIVITIES, params={"assignee_user_id": str(chen)}, headers=tenant_a.headers)
    assert [(a["summary"], a["state"]) for a in listed.json()["items"]] == [
        ("上周跟进", "overdue"),
        ("今天报价", "today"),
        ("明天回访", "planned"),
    ]
    first = listed.json()["items"][0]
    assert first["target_label"] == "上海明辉贸易有限公司"
    assert first["target_url"] == f"/crm/accounts/{account}"
    assert first["assignee"] == "陈静"


async def test_marking_done_posts_the_feedback_to_the_chatter_and_it_leaves_the_plan(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    chen = await add_member(app_engine, tenant_a, "陈静")
    account = await make_account(app_engine, tenant_a)
    today = await today_of(app_engine, tenant_a)
    planned = await schedule(
        client, tenant_a, account, due_date=today.isoformat(), assignee_user_id=str(chen)
    )
    url = f"{ACTIVITIES}/{planned['id']}"
    edited = await client.patch(
        url, json={"summary": "电话回访王经理", "note": None}, headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert edited.status_code == 200, edited.text
    done = await client.post(
        f"{url}/complete", json={"feedback": "客户同意续约"}, headers={**tenant_a.headers, "If-Match": "2"}
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "done"
    again = await client.post(f"{url}/complete", json={}, headers={**tenant_a.headers, "If-Match": "3"})
    assert again.status_code == 409
    entries = (await feed(client, tenant_a, f"crm_accounts/{account}"))["items"]
    assert entries[0]["kind"] == "activity_done"
    assert entries[0]["message"]["body"] == "电话回访王经理\n客户同意续约"
    still_planned = await client.get(ACTIVITIES, params={"target_id": str(account)}, headers=tenant_a.headers)
    assert still_planned.json()["items"] == []


async def test_bad_input_names_the_field_and_cancel_deletes(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await make_account(app_engine, tenant_a)
    bad = await client.post(
        ACTIVITIES,
        json={
            "target_type": "crm_accounts",
            "target_id": str(account),
            "activity_type": "call",
            "summary": "x",
            "due_date": "2026-12-10",
            "assignee_user_id": str(uuid.uuid4()),
        },
        headers=tenant_a.headers,
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "assignee_user_id"
    no_assignee = await client.post(
        ACTIVITIES,
        json={
            "target_type": "crm_accounts",
            "target_id": str(account),
            "activity_type": "call",
            "summary": "x",
            "due_date": "2026-12-10",
        },
        headers=tenant_a.headers,
    )
    assert no_assignee.status_code == 422  # an API key must name the member
    kind = await client.post(
        ACTIVITIES,
        json={
            "target_type": "crm_accounts",
            "target_id": str(account),
            "activity_type": "fax",
            "summary": "x",
            "due_date": "2026-12-10",
        },
        headers=tenant_a.headers,
    )
    assert kind.status_code == 422 and "activity_type" in kind.text
    chen = await add_member(app_engine, tenant_a, "陈静")
    planned = await schedule(client, tenant_a, account, due_date="2026-12-10", assignee_user_id=str(chen))
    gone = await client.delete(f"{ACTIVITIES}/{planned['id']}", headers={**tenant_a.headers, "If-Match": "1"})
    assert gone.status_code == 204
    assert (await client.get(f"{ACTIVITIES}/{planned['id']}", headers=tenant_a.headers)).status_code == 404


async def test_reminders_come_on_the_due_day_and_once_overdue_on_the_tenant_clock(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    chen = await add_member(app_engine, tenant_a, "陈静")
    account = await make_account(app_engine, tenant_a, "明辉")
    due = dt.date(2027, 3, 10)
    await schedule(
        client, tenant_a, account, summary="续约电话", due_date=due.isoformat(), assignee_user_id=str(chen)
    )

    async def sweep(at: dt.datetime) -> int:
        async with tenant_tx(app_engine, tenant_a.id) as ctx:
            return await services.send_reminders(ctx, at)

    shanghai = dt.timezone(dt.timedelta(hours=8))
    assert await sweep(dt.datetime(2027, 3, 9, 23, 59, tzinfo=shanghai)) == 0
    assert await sweep(dt.datetime(2027, 3, 10, 0, 1, tzinfo=shanghai)) == 1
    assert await sweep(dt.datetime(2027, 3, 10, 18, 0, tzinfo=shanghai)) == 0
    assert await sweep(dt.datetime(2027, 3, 11, 8, 0, tzinfo=shanghai)) == 1
    assert await sweep(dt.datetime(2027, 3, 12, 8, 0, tzinfo=shanghai)) == 0
    kinds = [i["alert"]["type"] for i in await inbox_of(client, tenant_a, chen)]
    assert kinds == ["activity.overdue", "activity.due"]
    first = (await inbox_of(client, tenant_a, chen))[0]["alert"]
    assert first["href"] == f"/crm/accounts/{account}" and "续约电话" in first["title"]


async def test_a_sandbox_clock_advance_sends_the_due_reminder(
    client: Client, app_engine: AsyncEngine
) -> None:
    sandbox = await create_tenant_with_key(app_engine)
    async with app_engine.begin() as conn:
        await conn.execute(text("UPDATE tenants SET sandbox = true WHERE id = :t"), {"t": sandbox.id})
    chen = await add_member(app_engine, sandbox, "陈静")
    account = await make_account(app_engine, sandbox)
    tomorrow = await today_of(app_engine, sandbox) + dt.timedelta(days=1)
    await schedule(client, sandbox, account, due_date=tomorrow.isoformat(), assignee_user_id=str(chen))
    assert await inbox_of(client, sandbox, chen) == []
    moved = await client.post("/api/v1/sandbox/clock/advance", json={"days": 1}, headers=sandbox.headers)
    assert moved.status_code == 200, moved.text
    assert [i["alert"]["type"] for i in await inbox_of(client, sandbox, chen)] == ["activity.due"]
