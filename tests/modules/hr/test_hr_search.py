"""The global search finds positions (code, title) and employees (number, name) anywhere and in
any case, links each to its page, leaves them out for a member without HR, and never shows
another tenant's."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.core.global_search import hrefs, open_as_owner, search, search_as_member
from tests.modules.hr.conftest import BASE, Setup, build, position


async def _staffed(client: httpx.AsyncClient, s: Setup) -> tuple[dict[str, Any], dict[str, Any]]:
    """A store manager's position and the employee holding it."""
    manager = await position(client, s, "sm-01", title="门店店长")
    person = await post_ok(
        client, f"{BASE}/employees", {"number": "e-0042", "name": "钱多多", "org_unit_id": s.store}, s.headers
    )
    await post_ok(
        client,
        f"{BASE}/employees/{person['id']}/assignments",
        {"position_id": manager["id"], "starts_on": "2020-01-01"},
        s.headers,
    )
    return manager, person


async def test_positions_and_employees_are_found_in_this_tenant_only(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    manager, person = await _staffed(client, await build(client, app_engine, tenant_a))
    await _staffed(client, await build(client, app_engine, tenant_b))

    found = await search(client, "店长", tenant_a.headers)
    assert hrefs(found, "hr.positions") == [f"/hr/positions/{manager['id']}"]
    assert found["hr.positions"]["hits"][0]["title"] == "门店店长"
    assert found["hr.positions"]["hits"][0]["detail"].startswith("SM-01")
    assert hrefs(await search(client, "m-0", tenant_a.headers), "hr.positions") == [
        f"/hr/positions/{manager['id']}"
    ]

    people = await search(client, "多多", tenant_a.headers)
    assert hrefs(people, "hr.employees") == [f"/hr/employees/{person['id']}"]
    assert people["hr.employees"]["hits"][0] == {
        "title": "钱多多",
        "href": f"/hr/employees/{person['id']}",
        "detail": "E-0042 · 门店店长",
    }
    assert hrefs(await search(client, "e-004", tenant_a.headers), "hr.employees") == [
        f"/hr/employees/{person['id']}"
    ]

    pages = await open_as_owner(
        client, tenant_a, [f"/hr/positions/{manager['id']}", f"/hr/employees/{person['id']}"]
    )
    assert "门店店长" in pages[0] and "钱多多" in pages[1]


async def test_a_member_without_hr_gets_none_of_its_groups(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await _staffed(client, await build(client, app_engine, tenant_a))
    granted = await search_as_member(client, app_engine, tenant_a, "钱多多", ["hr"])
    assert list(granted) == ["hr.employees"]
    assert await search_as_member(client, app_engine, tenant_a, "钱多多", []) == {}
