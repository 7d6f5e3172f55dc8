"""Saved list views: a person's own, shared ones, names unique per person and list, isolation."""

from __future__ import annotations

import httpx
import pytest
from bizsuite.core.views.rules import view_query
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle

VIEWS = "/api/v1/saved-views"


@pytest.fixture(autouse=True)
async def keys_made_by_their_owners(
    owner_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    """Views belong to a person: an API key saves them for the person who made it (the test
    fixture's keys have no maker, as keys made by the operator)."""
    async with owner_engine.begin() as connection:
        for t in (tenant_a, tenant_b):
            await connection.execute(
                text("UPDATE api_keys SET created_by = :u WHERE tenant_id = :t"), {"u": t.owner.id, "t": t.id}
            )


async def test_a_key_without_a_maker_cannot_save_views(
    client: httpx.AsyncClient, tenant_a: TenantHandle, owner_engine: AsyncEngine
) -> None:
    async with owner_engine.begin() as connection:
        await connection.execute(
            text("UPDATE api_keys SET created_by = NULL WHERE tenant_id = :t"), {"t": tenant_a.id}
        )
    body = {"list_key": "crm.accounts", "name": "x", "query": ""}
    assert (await client.post(VIEWS, json=body, headers=tenant_a.headers)).status_code == 403


def test_a_view_keeps_filters_sort_columns_and_group_but_not_the_page() -> None:
    kept = view_query(
        "?q=明辉&cursor=abc&before=x&at=51&sort=-name&kind=&col=code&col=name&group=owner&notice=y"
    )
    assert kept == "q=%E6%98%8E%E8%BE%89&sort=-name&col=code&col=name&group=owner"


async def test_save_list_and_delete_a_view(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    body = {
        "list_key": "crm.accounts",
        "name": "A 类客户",
        "query": "tier=A&sort=-trailing_revenue&cursor=zz",
    }
    created = await client.post(VIEWS, json=body, headers=tenant_a.headers)
    assert created.status_code == 201, created.text
    view = created.json()
    assert view["query"] == "tier=A&sort=-trailing_revenue" and view["mine"] and not view["shared"]
    again = await client.post(VIEWS, json=body, headers=tenant_a.headers)
    assert again.status_code == 409 and [e["field"] for e in again.json()["errors"]] == ["name"]
    other_list = await client.post(VIEWS, json={**body, "list_key": "crm.tickets"}, headers=tenant_a.headers)
    assert other_list.status_code == 201  # the same name on another list is fine
    listed = await client.get(VIEWS, params={"list_key": "crm.accounts"}, headers=tenant_a.headers)
    assert [v["name"] for v in listed.json()["items"]] == ["A 类客户"]
    assert (await client.delete(f"{VIEWS}/{view['id']}", headers=tenant_a.headers)).status_code == 204
    assert (await client.get(VIEWS, params={"list_key": "crm.accounts"}, headers=tenant_a.headers)).json()[
        "items"
    ] == []


async def test_bad_input_names_the_field(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    response = await client.post(
        VIEWS, json={"list_key": "CRM accounts!", "name": "x", "query": ""}, headers=tenant_a.headers
    )
    assert response.status_code in (400, 422)
    assert "list_key" in response.text


async def test_another_tenant_cannot_list_or_delete_a_view(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    body = {"list_key": "crm.accounts", "name": "共享视图", "query": "tier=A", "shared": True}
    view = (await client.post(VIEWS, json=body, headers=tenant_a.headers)).json()
    assert (await client.get(VIEWS, headers=tenant_b.headers)).json()["items"] == []
    assert (await client.delete(f"{VIEWS}/{view['id']}", headers=tenant_b.headers)).status_code == 404
    assert [v["id"] for v in (await client.get(VIEWS, headers=tenant_a.headers)).json()["items"]] == [
        view["id"]
    ]
