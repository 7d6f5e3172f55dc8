"""The tickets list on the kernel list component, through the API: sort with keyset paging both
ways and the total, search anywhere in the title or by number, and bulk changes (assign, priority
re-matching the SLA policy) all or nothing, another tenant's ids and closed tickets refused."""

from __future__ import annotations

from typing import Any

import httpx
from bizsuite.core.identity.models import Role
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user
from tests.conftest import TenantHandle
from tests.modules.crm.conftest import make_account
from tests.modules.crm.pipeline.conftest import signed_in
from tests.modules.crm.tickets.conftest import HOTLINE_1234, act, create_policy, open_ticket
from tests.modules.crm.tickets.test_crm_tickets_helpdesk import URGENT

TICKETS = "/api/v1/crm/tickets"


def numbers(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [t["number"] for t in response.json()["items"]]


async def test_sort_pages_forward_and_back_with_the_total(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    for title in ("丙 电梯困人", "甲 水管漏水", "乙 空调不制冷", "戊 门禁失灵", "丁 照明故障"):
        await open_ticket(client, tenant_a, account, title=title)
    first = await client.get(
        TICKETS, params={"sort": "-number", "limit": 2, "count": "true"}, headers=tenant_a.headers
    )
    assert numbers(first) == ["T-000005", "T-000004"]
    assert first.json()["total"] == 5 and first.json()["previous_cursor"] is None
    second = await client.get(
        TICKETS,
        params={"sort": "-number", "limit": 2, "cursor": first.json()["next_cursor"]},
        headers=tenant_a.headers,
    )
    assert numbers(second) == ["T-000003", "T-000002"]
    third = await client.get(
        TICKETS,
        params={"sort": "-number", "limit": 2, "cursor": second.json()["next_cursor"]},
        headers=tenant_a.headers,
    )
    assert numbers(third) == ["T-000001"] and third.json()["next_cursor"] is None
    back = await client.get(
        TICKETS,
        params={"sort": "-number", "limit": 2, "before": third.json()["previous_cursor"]},
        headers=tenant_a.headers,
    )
    assert numbers(back) == ["T-000003", "T-000002"]
    by_title = await client.get(TICKETS, params={"sort": "title"}, headers=tenant_a.headers)
    titles = [t["title"] for t in by_title.json()["items"]]
    assert titles == sorted(titles) and len(titles) == 5
    assert by_title.json()["total"] is None  # counted only when asked
    default = await client.get(TICKETS, headers=tenant_a.headers)
    assert numbers(default) == ["T-000005", "T-000004", "T-000003", "T-000002", "T-000001"]  # newest first


async def test_sort_by_priority_follows_the_priority_order(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    for priority in ("high", "low", "urgent", "normal"):
        await open_ticket(client, tenant_a, account, priority=priority)
    response = await client.get(TICKETS, params={"sort": "-priority"}, headers=tenant_a.headers)
    assert [t["priority"] for t in response.json()["items"]] == ["urgent", "high", "normal", "low"]


async def test_search_finds_a_title_fragment_or_a_number_and_bad_sorts_are_refused(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    await open_ticket(client, tenant_a, account, title="三号楼电梯困人")
    await open_ticket(client, tenant_a, account, title="Water LEAK in B2")
    await open_ticket(client, tenant_b, await make_account(app_engine, tenant_b), title="电梯异响")

    async def search(q: str) -> list[str]:
        return numbers(await client.get(TICKETS, params={"q": q}, headers=tenant_a.headers))

    assert await search("电梯") == ["T-000001"]  # another tenant's ticket is never found
    assert await search("leak") == ["T-000002"]  # any case
    assert await search("T-000002") == ["T-000002"]
    assert await search("1") == ["T-000001"]
    assert await search("100%") == []  # LIKE wildcards are plain characters
    refused = await client.get(TICKETS, params={"sort": "description"}, headers=tenant_a.headers)
    assert refused.status_code == 422 and [e["field"] for e in refused.json()["errors"]] == ["sort"]
    forged = await client.get(TICKETS, params={"cursor": "bm90LWEtY3Vyc29y"}, headers=tenant_a.headers)
    assert forged.status_code == 422 and [e["field"] for e in forged.json()["errors"]] == ["cursor"]


async def test_bulk_assign_changes_every_ticket_records_history_and_audits_each(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine, owner_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    member = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    ids = [(await open_ticket(client, tenant_a, account))["id"] for _ in range(3)]
    response = await client.post(
        f"{TICKETS}/bulk",
        json={"ids": ids, "action": "assign", "assignee_user_id": str(member.id)},
        headers=tenant_a.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"changed": 3, "unchanged": 0}
    theirs = await client.get(
        TICKETS, params={"assignee_user_id": str(member.id), "count": "true"}, headers=tenant_a.headers
    )
    assert theirs.json()["total"] == 3
    history = await client.get(f"{TICKETS}/{ids[0]}/events", headers=tenant_a.headers)
    assert "reassigned" in [e["kind"] for e in history.json()["items"]]
    async with owner_engine.connect() as connection:
        audited = await connection.scalar(
            text(
                "SELECT count(*) FROM audit_log WHERE tenant_id = :t AND action = 'crm.ticket.updated'"
                " AND after->>'assignee_user_id' = :who"
            ),
            {"t": tenant_a.id, "who": str(member.id)},
        )
    assert audited == 3
    again = await client.post(
        f"{TICKETS}/bulk",
        json={"ids": ids[:1], "action": "assign", "assignee_user_id": str(member.id)},
        headers=tenant_a.headers,
    )
    assert again.json() == {"changed": 0, "unchanged": 1}


async def test_bulk_priority_rematches_each_tickets_sla_policy(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    await create_policy(client, tenant_a, URGENT)
    account = await make_account(app_engine, tenant_a)
    ids = [(await open_ticket(client, tenant_a, account, priority="normal"))["id"] for _ in range(2)]
    response = await client.post(
        f"{TICKETS}/bulk",
        json={"ids": ids, "action": "priority", "priority": "urgent"},
        headers=tenant_a.headers,
    )
    assert response.json() == {"changed": 2, "unchanged": 0}
    for ticket_id in ids:
        ticket = (await client.get(f"{TICKETS}/{ticket_id}", headers=tenant_a.headers)).json()
        assert ticket["priority"] == "urgent" and ticket["policy_name"] == "Urgent hotline"
        assert [m["key"] for m in ticket["milestones"]] == ["dispatched", "on_site", "fixed"]


async def test_bulk_is_all_or_nothing_refusing_another_tenants_ids_and_closed_tickets(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    mine = [(await open_ticket(client, tenant_a, account))["id"] for _ in range(2)]
    theirs = (await open_ticket(client, tenant_b, await make_account(app_engine, tenant_b)))["id"]

    async def bulk(body: dict[str, Any], tenant: TenantHandle = tenant_a) -> httpx.Response:
        return await client.post(f"{TICKETS}/bulk", json=body, headers=tenant.headers)

    refused = await bulk({"ids": [*mine, theirs], "action": "priority", "priority": "high"})
    assert refused.status_code == 422 and [e["field"] for e in refused.json()["errors"]] == ["ids"]
    high = await client.get(TICKETS, params={"priority": "high", "count": "true"}, headers=tenant_a.headers)
    assert high.json()["total"] == 0  # nothing changed
    b_ticket = (await client.get(f"{TICKETS}/{theirs}", headers=tenant_b.headers)).json()
    assert b_ticket["priority"] == "normal" and b_ticket["version"] == 1
    stranger = await bulk({"ids": mine, "action": "assign", "assignee_user_id": str(tenant_b.owner.id)})
    assert stranger.status_code == 422 and stranger.json()["errors"][0]["field"] == "assignee_user_id"
    no_priority = await bulk({"ids": mine, "action": "priority"})
    assert no_priority.status_code == 422 and no_priority.json()["errors"][0]["field"] == "priority"

    for step, body in (
        ("status", {"status": "in_progress"}),
        ("status", {"status": "resolved"}),
        ("close", {}),
    ):
        moved = await act(client, tenant_a, mine[1], step, body)
        assert moved.status_code == 200, moved.text
    closed = await bulk({"ids": mine, "action": "priority", "priority": "high"})
    assert closed.status_code == 409 and closed.json()["errors"][0]["field"] == "ids"
    first = (await client.get(f"{TICKETS}/{mine[0]}", headers=tenant_a.headers)).json()
    assert first["priority"] == "normal"  # the open one was not changed either


async def test_the_export_writes_the_views_columns_in_its_order_or_only_the_selection(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    ids = [(await open_ticket(client, tenant_a, account, title=f"工单 {n}"))["id"] for n in range(3)]
    await signed_in(client, tenant_a)
    view = await client.get(
        "/crm/tickets/export",
        params=[("sort", "number"), ("col", "title"), ("col", "number"), ("format", "csv")],
    )
    assert view.status_code == 200, view.text
    lines = view.content.decode("utf-8-sig").splitlines()
    assert lines == ["标题,编号", "工单 0,T-000001", "工单 1,T-000002", "工单 2,T-000003"]
    selected = await client.get(
        "/crm/tickets/export", params=[("ids", ids[2]), ("ids", ids[0]), ("ids", "junk"), ("format", "csv")]
    )
    rows = selected.content.decode("utf-8-sig").splitlines()[1:]
    assert [r.split(",")[0] for r in rows] == ["T-000003", "T-000001"]  # newest first, only those


async def test_the_page_groups_by_each_groupable_column_with_named_groups(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a, name="上海明辉贸易有限公司")
    member = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    await open_ticket(client, tenant_a, account, assignee_user_id=str(member.id))
    await open_ticket(client, tenant_a, account, category="complaint")
    await signed_in(client, tenant_a)
    expected = {
        "account": "上海明辉贸易有限公司",
        "assignee": member.name,
        "status": "待处理",
        "category": "投诉",
    }
    for group, label in expected.items():
        response = await client.get("/crm/tickets", params={"group": group})
        assert response.status_code == 200, response.text
        groups = 2 if group in ("assignee", "category") else 1  # one has none / another category
        assert response.text.count('data-testid="group-row"') == groups, group
        assert label in response.text, group
