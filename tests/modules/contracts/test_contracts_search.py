"""The global search finds contracts (number, title, party), suppliers and subcontractors, and
projects (code, name) anywhere and in any case, links each to its page, leaves them out for a
member without the contracts module, and never shows another tenant's."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.global_search import hrefs, open_as_owner, search, search_as_member
from tests.modules.contracts.conftest import build, register

TITLE = "华东仓储中心钢结构采购合同"


async def test_contracts_parties_and_projects_are_found_in_this_tenant_only(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    mine = await build(client, app_engine, tenant_a)
    theirs = await build(client, app_engine, tenant_b)
    contract = await register(client, mine, "expenditure", title=TITLE)
    await register(client, theirs, "expenditure", title=TITLE)

    found = await search(client, "钢结构", tenant_a.headers)
    assert hrefs(found, "contracts.contracts") == [f"/contracts/{contract['id']}"]
    assert found["contracts.contracts"]["label"] == "Contracts"
    hit = found["contracts.contracts"]["hits"][0]
    assert hit["title"] == TITLE and hit["detail"] == f"{contract['number']} · 江苏建工材料有限公司"
    by_number = await search(
        client, contract["number"][1:].lower(), tenant_a.headers, kind="contracts.contracts"
    )
    assert hrefs(by_number, "contracts.contracts") == [f"/contracts/{contract['id']}"]

    parties = await search(client, "建工材料", tenant_a.headers)
    assert hrefs(parties, "contracts.counterparties") == [f"/contracts/counterparties/{mine.supplier}"]
    assert parties["contracts.counterparties"]["hits"][0]["detail"] == "S-1"
    # The party's name finds its contracts too.
    assert hrefs(parties, "contracts.contracts") == [f"/contracts/{contract['id']}"]
    assert hrefs(await search(client, "s-1", tenant_a.headers), "contracts.counterparties") == [
        f"/contracts/counterparties/{mine.supplier}"
    ]

    projects = await search(client, "仓储中心", tenant_a.headers)
    assert hrefs(projects, "contracts.projects") == [f"/contracts/projects/{mine.project}"]
    assert hrefs(await search(client, "p-1", tenant_a.headers), "contracts.projects") == [
        f"/contracts/projects/{mine.project}"
    ]

    pages = await open_as_owner(
        client,
        tenant_a,
        [
            f"/contracts/{contract['id']}",
            f"/contracts/counterparties/{mine.supplier}",
            f"/contracts/projects/{mine.project}",
        ],
    )
    assert TITLE in pages[0] and "江苏建工材料有限公司" in pages[1] and "华东仓储中心" in pages[2]


async def test_a_member_without_the_contracts_module_gets_none_of_its_groups(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    s = await build(client, app_engine, tenant_a)
    await register(client, s, "expenditure", title=TITLE)
    granted = await search_as_member(client, app_engine, tenant_a, "华东", ["crm", "contracts"])
    assert {"contracts.contracts", "contracts.projects"} <= set(granted)
    without = await search_as_member(client, app_engine, tenant_a, "华东", ["crm"])
    assert [key for key in without if key.startswith("contracts.")] == []
