"""The account list's filters, search and cursor, combined (the list runs as hand-written SQL)."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import TenantHandle
from tests.modules.crm.accounts.conftest import ACCOUNTS, create_account


async def test_filters_combine_with_search_and_cursor(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    unit = await client.post(
        "/api/v1/org-units",
        json={"name": "华东销售部", "code": "EAST", "kind": "department"},
        headers=tenant_a.headers,
    )
    assert unit.status_code == 201, unit.text
    unit_id = unit.json()["id"]
    for i in range(5):
        await create_account(client, tenant_a, f"P-{i}", kind="partner", org_unit_id=unit_id)
    await create_account(client, tenant_a, "P-other", kind="partner")
    await create_account(client, tenant_a, "E-0", kind="end_customer", org_unit_id=unit_id)

    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {
            "limit": 2,
            "kind": "partner",
            "org_unit_id": unit_id,
            "q": "P-",
            "status": "active",
        }
        if cursor:
            params["cursor"] = cursor
        response = await client.get(ACCOUNTS, params=params, headers=tenant_a.headers)
        assert response.status_code == 200, response.text
        page = response.json()
        seen += [a["code"] for a in page["items"]]
        assert all(a["kind"] == "partner" and a["tier"] is None for a in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["P-4", "P-3", "P-2", "P-1", "P-0"]
    # New accounts have no tier yet: a tier filter finds none of them.
    assert (await client.get(ACCOUNTS, params={"tier": "A"}, headers=tenant_a.headers)).json()["items"] == []


async def test_search_treats_like_wildcards_and_the_escape_character_literally(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    await create_account(client, tenant_a, "A_1", name="Under_score")
    await create_account(client, tenant_a, "AB1", name="Plain")
    await create_account(client, tenant_a, "A/1", name="Slash/name")

    async def codes_for(q: str) -> list[str]:
        page = (await client.get(ACCOUNTS, params={"q": q}, headers=tenant_a.headers)).json()
        return sorted(a["code"] for a in page["items"])

    assert await codes_for("A_") == ["A_1"]
    assert await codes_for("A/") == ["A/1"]
    assert await codes_for("Slash/") == ["A/1"]
    assert await codes_for("A") == ["A/1", "AB1", "A_1"]
