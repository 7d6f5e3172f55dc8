"""The accounts list as the kernel list component serves it through the API: search anywhere,
sort with keyset paging both ways, the total count, and bulk changes (all or nothing, audited)."""

from __future__ import annotations

from typing import Any

import httpx
from bizsuite.core.identity.models import Role
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user
from tests.conftest import TenantHandle
from tests.modules.crm.accounts.conftest import ACCOUNTS, create_account


def codes(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [a["code"] for a in response.json()["items"]]


async def test_search_finds_a_fragment_anywhere_in_any_case_and_in_chinese(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    minghui = await create_account(
        client, tenant_a, "C-001", name="上海明辉贸易有限公司", phone="021-6888 1234"
    )
    await create_account(client, tenant_a, "C-002", name="杭州远景科技")
    other = await create_account(client, tenant_a, "D-100", name="南京经销商")
    await client.post(
        f"{ACCOUNTS}/{other['id']}/contacts",
        json={"name": "李明辉", "phone": "139 1234 5678"},
        headers=tenant_a.headers,
    )
    await create_account(client, tenant_b, "C-009", name="北京明辉")  # another tenant's: never found

    def search(q: str) -> Any:
        return client.get(ACCOUNTS, params={"q": q, "sort": "code"}, headers=tenant_a.headers)

    assert codes(await search("明辉")) == ["C-001", "D-100"]  # the name, and a contact's name
    assert codes(await search("c-001")) == ["C-001"]  # a code, lower-case
    assert codes(await search("6888")) == ["C-001"]  # the account's phone
    assert codes(await search("1234 5678")) == ["D-100"]  # a contact's phone
    assert codes(await search("远景科")) == ["C-002"]
    assert codes(await search("100%")) == []  # LIKE wildcards are plain characters
    assert minghui["code"] == "C-001"


async def test_sort_pages_forward_and_back_with_the_total(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    for n, revenue_name in enumerate(["戊", "甲", "丁", "乙", "丙"]):
        await create_account(client, tenant_a, f"C-00{n}", name=f"{revenue_name}公司")
    first = await client.get(
        ACCOUNTS, params={"sort": "-code", "limit": 2, "count": "true"}, headers=tenant_a.headers
    )
    assert codes(first) == ["C-004", "C-003"]
    assert first.json()["total"] == 5 and first.json()["previous_cursor"] is None
    second = await client.get(
        ACCOUNTS,
        params={"sort": "-code", "limit": 2, "cursor": first.json()["next_cursor"]},
        headers=tenant_a.headers,
    )
    assert codes(second) == ["C-002", "C-001"]
    third = await client.get(
        ACCOUNTS,
        params={"sort": "-code", "limit": 2, "cursor": second.json()["next_cursor"]},
        headers=tenant_a.headers,
    )
    assert codes(third) == ["C-000"] and third.json()["next_cursor"] is None
    back = await client.get(
        ACCOUNTS,
        params={"sort": "-code", "limit": 2, "before": third.json()["previous_cursor"]},
        headers=tenant_a.headers,
    )
    assert codes(back) == ["C-002", "C-001"]
    back_again = await client.get(
        ACCOUNTS,
        params={"sort": "-code", "limit": 2, "before": back.json()["previous_cursor"]},
        headers=tenant_a.headers,
    )
    assert codes(back_again) == ["C-004", "C-003"] and back_again.json()["previous_cursor"] is None
    by_name = await client.get(ACCOUNTS, params={"sort": "name"}, headers=tenant_a.headers)
    assert [a["name"] for a in by_name.json()["items"]] == sorted(f"{n}公司" for n in "戊甲丁乙丙")
    assert by_name.json()["total"] is None  # counted only when asked


async def test_an_unknown_sort_is_refused_naming_the_parameter(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    response = await client.get(ACCOUNTS, params={"sort": "password"}, headers=tenant_a.headers)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["sort"]


async def test_bulk_assign_changes_every_account_and_audits_each(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine, owner_engine: AsyncEngine
) -> None:
    member = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    ids = [(await create_account(client, tenant_a, f"C-00{n}"))["id"] for n in range(3)]
    response = await client.post(
        f"{ACCOUNTS}/bulk",
        json={"ids": ids, "action": "assign", "owner_user_id": str(member.id)},
        headers=tenant_a.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"changed": 3, "unchanged": 0}
    mine = await client.get(
        ACCOUNTS, params={"owner_user_id": str(member.id), "count": "true"}, headers=tenant_a.headers
    )
    assert mine.json()["total"] == 3
    async with owner_engine.connect() as connection:
        audited = await connection.scalar(
            text(
                "SELECT count(*) FROM audit_log WHERE tenant_id = :t AND action = 'crm.account.updated'"
                " AND after->>'owner_user_id' = :owner"
            ),
            {"t": tenant_a.id, "owner": str(member.id)},
        )
    assert audited == 3
    again = await client.post(
        f"{ACCOUNTS}/bulk",
        json={"ids": ids[:1], "action": "assign", "owner_user_id": str(member.id)},
        headers=tenant_a.headers,
    )
    assert again.json() == {"changed": 0, "unchanged": 1}


async def test_bulk_archive_is_all_or_nothing_and_refuses_another_tenants_ids(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    mine = [(await create_account(client, tenant_a, f"C-00{n}"))["id"] for n in range(2)]
    theirs = (await create_account(client, tenant_b, "C-900"))["id"]
    refused = await client.post(
        f"{ACCOUNTS}/bulk", json={"ids": [*mine, theirs], "action": "archive"}, headers=tenant_a.headers
    )
    assert refused.status_code == 422 and [e["field"] for e in refused.json()["errors"]] == ["ids"]
    active = await client.get(
        ACCOUNTS, params={"status": "active", "count": "true"}, headers=tenant_a.headers
    )
    assert active.json()["total"] == 2  # nothing was archived
    b_account = await client.get(f"{ACCOUNTS}/{theirs}", headers=tenant_b.headers)
    assert b_account.json()["status"] == "active" and b_account.json()["version"] == 1
    done = await client.post(
        f"{ACCOUNTS}/bulk", json={"ids": mine, "action": "archive"}, headers=tenant_a.headers
    )
    assert done.json() == {"changed": 2, "unchanged": 0}
    no_owner = await client.post(
        f"{ACCOUNTS}/bulk", json={"ids": mine, "action": "assign"}, headers=tenant_a.headers
    )
    assert no_owner.status_code == 422 and [e["field"] for e in no_owner.json()["errors"]] == [
        "owner_user_id"
    ]


async def test_the_global_search_finds_accounts_the_same_way(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    await create_account(client, tenant_a, "C-001", name="上海明辉贸易有限公司")
    await create_account(client, tenant_a, "C-002", name="杭州远景科技")
    for q in ("明辉", "c-001", "贸易有限"):
        response = await client.get("/api/v1/search", params={"q": q}, headers=tenant_a.headers)
        assert response.status_code == 200, response.text
        assert "上海明辉贸易有限公司" in response.text and "杭州远景科技" not in response.text, q
