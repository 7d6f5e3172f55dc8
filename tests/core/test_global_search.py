"""The global search finds a fragment anywhere, in any case, in the caller's own tenant only, shows
the matched text marked with each group's count, and serves the search palette its options."""

from __future__ import annotations

from typing import Any

import httpx
from bizsuite.web.palette import match_parts
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.modules.crm.conftest import create_opportunity, make_account

Client = httpx.AsyncClient


async def search(
    client: Client, tenant: TenantHandle, q: str, **params: Any
) -> dict[str, list[dict[str, Any]]]:
    response = await client.get("/api/v1/search", params={"q": q, **params}, headers=tenant.headers)
    assert response.status_code == 200, response.text
    return {g["key"]: g for g in response.json()["groups"]}


def test_the_matched_fragment_is_marked_wherever_it_is_and_in_any_case() -> None:
    assert match_parts("上海明辉贸易有限公司", "明辉") == [
        ("上海", False),
        ("明辉", True),
        ("贸易有限公司", False),
    ]
    assert match_parts("Acme c-001 and C-001", "c-001") == [
        ("Acme ", False),
        ("c-001", True),
        (" and ", False),
        ("C-001", True),
    ]
    assert match_parts("a.b*c", ".b*") == [("a", False), (".b*", True), ("c", False)]
    assert match_parts("", "x") == [] and match_parts("abc", " ") == [("abc", False)]


async def test_a_fragment_finds_only_this_tenants_records(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    mine = await make_account(app_engine, tenant_a, "上海明辉贸易有限公司", code="SH-001")
    theirs = await make_account(app_engine, tenant_b, "北京明辉科技有限公司", code="BJ-001")
    await create_opportunity(client, tenant_a, mine, name="明辉二期扩容")
    await create_opportunity(client, tenant_b, theirs, name="明辉三期扩容")

    for tenant, account, deal in ((tenant_a, mine, "明辉二期扩容"), (tenant_b, theirs, "明辉三期扩容")):
        found = await search(client, tenant, "明辉")
        assert [h["href"] for h in found["crm.accounts"]["hits"]] == [f"/crm/accounts/{account}"]
        assert [h["title"] for h in found["crm.opportunities"]["hits"]] == [deal]


async def test_deals_match_anywhere_in_any_case_and_more_of_one_kind_is_a_click_away(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await make_account(app_engine, tenant_a, "Harbour Logistics", code="HL-1")
    for n in range(7):
        await create_opportunity(client, tenant_a, account, name=f"Warehouse Phase {n} Expansion")
    found = await search(client, tenant_a, "PHASE 3 exp")
    assert [h["title"] for h in found["crm.opportunities"]["hits"]] == ["Warehouse Phase 3 Expansion"]
    assert found["crm.opportunities"]["more"] is False

    many = await search(client, tenant_a, "phase", limit=5)
    assert len(many["crm.opportunities"]["hits"]) == 5 and many["crm.opportunities"]["more"] is True
    one_kind = await search(client, tenant_a, "phase", limit=50, kind="crm.opportunities")
    assert list(one_kind) == ["crm.opportunities"] and len(one_kind["crm.opportunities"]["hits"]) == 7


async def test_a_tenant_without_the_module_finds_nothing_of_it(
    client: Client, make_tenant: Any, app_engine: AsyncEngine
) -> None:
    without_crm = await make_tenant(modules=["contracts"])
    await make_account(app_engine, without_crm, "上海明辉贸易有限公司", code="SH-009")
    assert await search(client, without_crm, "明辉") == {}


async def sign_in(client: Client, tenant: TenantHandle) -> None:
    response = await client.post(
        "/api/v1/auth/login", json={"email": tenant.owner.email, "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    client.cookies.set("bizsuite_lang", "zh-CN")


async def test_the_palette_and_the_search_page_mark_the_match_and_count_each_group(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await make_account(app_engine, tenant_a, "上海明辉贸易有限公司", code="SH-001")
    await sign_in(client, tenant_a)

    palette = await client.get("/search/palette", params={"q": "明辉"})
    assert palette.status_code == 200
    assert 'role="option"' in palette.text and f'href="/crm/accounts/{account}"' in palette.text
    assert "上海<mark>明辉</mark>贸易有限公司" in palette.text
    assert 'data-testid="palette-see-all"' in palette.text and "/search?q=%E6%98%8E%E8%BE%89" in palette.text
    nothing = await client.get("/search/palette", params={"q": "没有这个客户"})
    assert 'data-testid="palette-empty"' in nothing.text and "没有找到结果" in nothing.text
    blank = await client.get("/search/palette", params={"q": "  "})
    assert blank.status_code == 200 and "option" not in blank.text

    page = await client.get("/search", params={"q": "明辉"})
    assert page.status_code == 200
    assert "上海<mark>明辉</mark>贸易有限公司" in page.text
    assert 'data-testid="search-count-crm.accounts"' in page.text and "1 条结果" in page.text
    # Signed out, the palette's endpoint is not served.
    client.cookies.clear()
    assert (await client.get("/search/palette", params={"q": "明辉"})).status_code in (302, 303)
