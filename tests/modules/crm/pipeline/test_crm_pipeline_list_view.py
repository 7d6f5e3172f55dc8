"""The opportunities list on the kernel list component: sort with keyset paging both ways and the
total, search anywhere, group subtotals of amount and expected value, and handing deals to an owner
in bulk, all or nothing, only where the deal rule allows it (owner, manager or admin)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest
from bizsuite.core.errors import ProblemError
from bizsuite.core.identity.models import Role
from bizsuite.modules.crm.pipeline import rules, services
from bizsuite.modules.crm.pipeline.schemas import OpportunityBulk, OpportunityFilters
from bizsuite.web.lists import list_state
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user
from tests.conftest import TenantHandle
from tests.core.jobs.helpers import tenant_tx
from tests.modules.crm.conftest import create_opportunity, make_account, stage_named, stages
from tests.modules.crm.pipeline.conftest import signed_in
from tests.modules.crm.pipeline.test_crm_pipeline_permissions import _as, _key

DEALS = "/api/v1/crm/opportunities"


def names(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [o["name"] for o in response.json()["items"]]


async def test_sort_by_amount_pages_forward_and_back_with_the_total(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    for name, amount in (("A", "300.00"), ("B", "100.00"), ("C", "500.00"), ("D", "200.00"), ("E", "400.00")):
        await create_opportunity(client, tenant_a, account, name=name, amount=amount)
    first = await client.get(
        DEALS, params={"sort": "-amount", "limit": 2, "count": "true"}, headers=tenant_a.headers
    )
    assert names(first) == ["C", "E"] and first.json()["total"] == 5
    second = await client.get(
        DEALS,
        params={"sort": "-amount", "limit": 2, "cursor": first.json()["next_cursor"]},
        headers=tenant_a.headers,
    )
    assert names(second) == ["A", "D"]
    back = await client.get(
        DEALS,
        params={"sort": "-amount", "limit": 2, "before": second.json()["previous_cursor"]},
        headers=tenant_a.headers,
    )
    assert names(back) == ["C", "E"] and back.json()["previous_cursor"] is None
    assert names(await client.get(DEALS, params={"sort": "name"}, headers=tenant_a.headers)) == list("ABCDE")
    assert names(await client.get(DEALS, headers=tenant_a.headers)) == list("EDCBA")  # newest first
    refused = await client.get(DEALS, params={"sort": "owner_user_id"}, headers=tenant_a.headers)
    assert refused.status_code == 422 and [e["field"] for e in refused.json()["errors"]] == ["sort"]


async def test_search_finds_the_deal_or_its_account_in_any_case(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    minghui = await make_account(app_engine, tenant_a, name="上海明辉贸易有限公司")
    other = await make_account(app_engine, tenant_a, name="杭州远景科技")
    await create_opportunity(client, tenant_a, minghui, name="二期扩容")
    await create_opportunity(client, tenant_a, other, name="Elevator RETROFIT")
    await create_opportunity(
        client, tenant_b, await make_account(app_engine, tenant_b, name="北京明辉"), name="明辉"
    )

    async def search(q: str) -> list[str]:
        return names(await client.get(DEALS, params={"q": q}, headers=tenant_a.headers))

    assert await search("明辉") == ["二期扩容"]  # the account's name; never another tenant's
    assert await search("retrofit") == ["Elevator RETROFIT"]
    assert await search("扩容") == ["二期扩容"]
    assert await search("_") == []


async def test_group_by_stage_adds_up_amounts_and_expected_values_over_all_pages(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    items = await stages(client, tenant_a)
    quote = stage_named(items, "方案报价")
    for amount in ("100000.00", "33333.33"):
        await create_opportunity(client, tenant_a, account, amount=amount, stage_id=quote["id"])
    await create_opportunity(client, tenant_a, account, amount="999.00", currency="USD", stage_id=quote["id"])
    lead = stage_named(items, "线索")
    await create_opportunity(client, tenant_a, account, amount="5000.00", stage_id=lead["id"])
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        state = list_state(services.OPPORTUNITY_LIST, {"group": "stage", "sort": "amount"})
        groups = await services.opportunity_groups(ctx, OpportunityFilters(), state)
        page, _total = await services.opportunity_list(ctx, OpportunityFilters(), state, limit=1)
    by_stage = {services.stage_of_group(g.value): g for g in groups}
    quoted = by_stage[uuid.UUID(quote["id"])]
    assert quoted.count == 3  # the USD deal is counted, not added to CNY sums
    assert quoted.sums["amount"] == Decimal("133333.33")
    expected = rules.weighted_value(Decimal("100000.00"), quote["probability"]) + rules.weighted_value(
        Decimal("33333.33"), quote["probability"]
    )
    assert quoted.sums["weighted_amount"] == expected
    assert by_stage[uuid.UUID(lead["id"])].sums["amount"] == Decimal("5000.00")
    # Ascending, groups come in pipeline order, and so do the rows.
    assert [services.stage_of_group(g.value) for g in groups] == [
        uuid.UUID(lead["id"]),
        uuid.UUID(quote["id"]),
    ]
    assert len(page.items) == 1 and page.items[0].stage.id == uuid.UUID(lead["id"])


async def test_bulk_assign_hands_deals_over_and_refuses_another_tenants_ids(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    seller = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    ids = [(await create_opportunity(client, tenant_a, account, name=f"D{n}"))["id"] for n in range(2)]
    theirs = (await create_opportunity(client, tenant_b, await make_account(app_engine, tenant_b)))["id"]

    async def bulk(body: dict[str, Any], headers: dict[str, str] = tenant_a.headers) -> httpx.Response:
        return await client.post(f"{DEALS}/bulk", json=body, headers=headers)

    refused = await bulk({"ids": [*ids, theirs], "owner_user_id": str(seller.id)})
    assert refused.status_code == 422 and [e["field"] for e in refused.json()["errors"]] == ["ids"]
    b_deal = (await client.get(f"{DEALS}/{theirs}", headers=tenant_b.headers)).json()
    assert b_deal["version"] == 1
    stranger = await bulk({"ids": ids, "owner_user_id": str(tenant_b.owner.id)})
    assert stranger.status_code == 422 and stranger.json()["errors"][0]["field"] == "owner_user_id"
    done = await bulk({"ids": ids, "owner_user_id": str(seller.id)})
    assert done.status_code == 200, done.text
    assert done.json() == {"changed": 2, "unchanged": 0}
    sellers = await client.get(
        DEALS, params={"owner_user_id": str(seller.id), "count": "true"}, headers=tenant_a.headers
    )
    assert sellers.json()["total"] == 2
    # A member's API key owns no deal: it may not hand any over.
    member_key = await _key(app_engine, tenant_a, Role.MEMBER)
    forbidden = await bulk({"ids": ids, "owner_user_id": str(tenant_a.owner.id)}, headers=member_key)
    assert forbidden.status_code == 403 and forbidden.json()["detail"] == rules.DEAL_RULE
    assert (await client.get(f"{DEALS}/{ids[0]}", headers=tenant_a.headers)).json()["owner_user_id"] == str(
        seller.id
    )


async def test_a_member_hands_over_only_their_own_deals_or_nothing(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    seller = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    colleague = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    own = await create_opportunity(client, tenant_a, account, owner_user_id=str(seller.id))
    other = await create_opportunity(client, tenant_a, account, owner_user_id=str(colleague.id))
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        as_seller = _as(ctx, seller.id, Role.MEMBER)
        body = OpportunityBulk(
            ids=[uuid.UUID(own["id"]), uuid.UUID(other["id"])], owner_user_id=tenant_a.owner.id
        )
        with pytest.raises(ProblemError) as refused:
            await services.bulk_assign_opportunities(as_seller, body)
        assert refused.value.status == 403
        unchanged = await services.get_opportunity(ctx, uuid.UUID(own["id"]))
        assert unchanged.opportunity.owner_user_id == seller.id
        result = await services.bulk_assign_opportunities(
            as_seller, OpportunityBulk(ids=[uuid.UUID(own["id"])], owner_user_id=colleague.id)
        )
        assert (result.changed, result.unchanged) == (1, 0)


async def test_the_page_groups_by_owner_and_exports_the_view(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a, name="上海明辉贸易有限公司")
    seller = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    await create_opportunity(
        client, tenant_a, account, name="一期", amount="1000.00", owner_user_id=str(seller.id)
    )
    await create_opportunity(
        client, tenant_a, account, name="二期", amount="2500.50", owner_user_id=str(seller.id)
    )
    await create_opportunity(client, tenant_a, account, name="三期", amount="10.00")
    await signed_in(client, tenant_a)
    grouped = await client.get("/crm/pipeline/opportunities", params={"group": "owner", "sort": "name"})
    assert grouped.status_code == 200, grouped.text
    assert grouped.text.count('data-testid="group-row"') == 2 and seller.name in grouped.text
    assert "3,500.50" in grouped.text  # the seller's two deals added up
    export = await client.get(
        "/crm/pipeline/opportunities/export",
        params=[("sort", "-amount"), ("col", "name"), ("col", "amount"), ("format", "csv")],
    )
    assert export.content.decode("utf-8-sig").splitlines() == [
        "商机,金额",
        "二期,2500.50",
        "一期,1000.00",
        "三期,10.00",
    ]
