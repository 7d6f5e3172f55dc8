"""The global search finds fee statements by number or subsidiary anywhere and in any case, links
each to its page, shows subsidiary staff only their own subsidiary's, leaves them out for a member
without fees, and never shows another tenant's."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import Person, post_ok
from tests.core.global_search import hrefs, open_as_owner, search, search_as_member
from tests.modules.fees.conftest import BASE, Group, build, customs, reconcile


async def _rename(client: httpx.AsyncClient, tenant: TenantHandle, unit: str, name: str) -> None:
    current = (await client.get(f"/api/v1/org-units/{unit}", headers=tenant.headers)).json()
    renamed = await client.patch(
        f"/api/v1/org-units/{unit}",
        json={"name": name},
        headers={**tenant.headers, "If-Match": str(current["version"])},
    )
    assert renamed.status_code == 200, renamed.text


async def _statement(
    client: httpx.AsyncClient, g: Group, unit: str, staff: Person, name: str
) -> dict[str, Any]:
    """The subsidiary renamed ``name`` and its 2026-Q1 statement."""
    await _rename(client, g.tenant, unit, name)
    await customs(client, g, unit, "2026-02-01", "1000000.00")
    await reconcile(client, g, unit, 2026, 1, staff)
    body = {"org_unit_id": unit, "year": 2026, "quarter": 1}
    made = await post_ok(client, f"{BASE}/statements", body, g.finance.headers)
    statement: dict[str, Any] = made["statement"]
    return statement


async def test_statements_are_found_in_this_tenant_only_and_staff_see_their_own(
    client: httpx.AsyncClient, app_engine: AsyncEngine, group: Group, make_tenant: Any
) -> None:
    g = group
    trade = await _statement(client, g, g.trade, g.trade_staff, "华贸进出口有限公司")
    retail = await _statement(client, g, g.retail, g.retail_staff, "华联零售有限公司")
    other = await build(client, app_engine, await make_tenant(modules=["crm", "contracts", "fees"]))
    await _statement(client, other, other.trade, other.trade_staff, "华贸进出口有限公司")

    found = await search(client, "华贸", g.headers)
    assert hrefs(found, "fees.statements") == [f"/fees/statements/{trade['id']}"]
    assert found["fees.statements"]["label"] == "Fee statements"
    assert found["fees.statements"]["hits"][0] == {
        "title": trade["number"],
        "href": f"/fees/statements/{trade['id']}",
        "detail": "华贸进出口有限公司 · 2026-Q1",
    }
    by_number = await search(client, trade["number"].lower(), g.headers)
    assert hrefs(by_number, "fees.statements") == [f"/fees/statements/{trade['id']}"]
    both = await search(client, "有限公司", g.headers)
    assert sorted(hrefs(both, "fees.statements")) == sorted(
        f"/fees/statements/{s['id']}" for s in (trade, retail)
    )
    # Subsidiary staff find only their own subsidiary's statements.
    own = await search(client, "有限公司", g.trade_staff.headers)
    assert hrefs(own, "fees.statements") == [f"/fees/statements/{trade['id']}"]

    page = (await open_as_owner(client, g.tenant, [f"/fees/statements/{trade['id']}"]))[0]
    assert trade["number"] in page


async def test_a_member_without_fees_gets_no_statements(
    client: httpx.AsyncClient, app_engine: AsyncEngine, group: Group
) -> None:
    g = group
    await _statement(client, g, g.trade, g.trade_staff, "华贸进出口有限公司")
    granted = await search_as_member(client, app_engine, g.tenant, "华贸", ["fees"])
    assert list(granted) == ["fees.statements"]
    assert await search_as_member(client, app_engine, g.tenant, "华贸", ["crm", "contracts"]) == {}
