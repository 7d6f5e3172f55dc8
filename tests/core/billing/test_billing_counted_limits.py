"""Limits the modules count: the plan's customer accounts (the CRM's active accounts) and venues
(venue audio's), declared as usage meters and enforced by the kernel. Creating beyond the limit
answers 402 naming the limit and the usage; the usage shows in the billing API; add-ons raise
the limit; the account import refuses the rows beyond it; creations at once never pass it."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
from bizsuite.core.billing.entitlements import LimitUse
from bizsuite.core.billing.metering import counted
from bizsuite.settings import Settings
from bizsuite.web import i18n
from bizsuite.web.imports_pages import row_message
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import make_unit
from tests.core.billing.conftest import OPERATOR, PlanMaker, unique_code
from tests.core.billing.test_billing_entitlements import assign
from tests.core.billing.test_billing_metering import MINE, limit, used
from tests.modules.crm.revenue.conftest import tenant_ctx
from tests.web.test_imports_api import upload, wait, xlsx

ACCOUNTS = "/api/v1/crm/accounts"
VENUES = "/api/v1/venue-audio/venues"


async def new_account(client: httpx.AsyncClient, tenant: TenantHandle, code: str) -> httpx.Response:
    return await client.post(ACCOUNTS, json={"code": code, "name": f"客户 {code}"}, headers=tenant.headers)


async def carry_addon(
    client: httpx.AsyncClient, tenant: TenantHandle, kind: str, amount: int, quantity: int = 1
) -> dict[str, Any]:
    """Create an add-on raising ``kind`` by ``amount`` and carry it on the tenant's subscription."""
    code = unique_code(kind)
    created = await client.post(
        "/api/v1/billing/addons",
        json={"code": code, "name": f"{amount} more {kind}", "kind": kind, "amount": amount,
              "price_month": "10.00", "price_year": "100.00"},
        headers=OPERATOR,
    )  # fmt: skip
    assert created.status_code == 201, created.text
    added = await client.put(
        f"/api/v1/billing/subscription/addons/{code}", json={"quantity": quantity}, headers=tenant.headers
    )
    assert added.status_code == 200, added.text
    return dict(added.json())


def refusal(response: httpx.Response) -> tuple[str, list[dict[str, Any]]]:
    assert response.status_code == 402, response.text
    problem = response.json()
    assert problem["type"].endswith("/plan-limit-reached")
    return problem["detail"], problem["errors"]


def test_room_left_under_a_limit_and_the_reason_a_row_beyond_it_gives() -> None:
    assert LimitUse("accounts", limit=3, used=1).left == 2
    assert LimitUse("accounts", limit=3, used=3).left == 0
    assert LimitUse("accounts", limit=3, used=5).left == 0  # the plan was lowered below the usage
    assert LimitUse("venues", limit=10, used=8).beyond() == "beyond your plan's limit of 10 (8 in use)"


async def test_accounts_beyond_the_plan_are_refused_naming_the_limit_and_the_usage(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(name="Starter", modules=["crm"], max_accounts=2)
    await assign(client, tenant_a, plan)
    first = (await new_account(client, tenant_a, "A-1")).json()
    assert (await new_account(client, tenant_a, "A-2")).status_code == 201

    detail, errors = refusal(await new_account(client, tenant_a, "A-3"))
    assert "allows 2 customer accounts; 2 are in use" in detail
    assert [(e["field"], e["message"]) for e in errors] == [("accounts", "limit 2, in use 2")]
    listed = (await client.get(ACCOUNTS, headers=tenant_a.headers)).json()["items"]
    assert sorted(a["code"] for a in listed) == ["A-1", "A-2"]  # nothing of the refused one is kept
    mine = (await client.get(MINE, headers=tenant_a.headers)).json()
    assert (used(mine, "accounts"), limit(mine, "accounts")) == (2, 2)

    # Archived accounts are kept for history and do not count; restoring one counts again.
    archived = await client.post(
        f"{ACCOUNTS}/{first['id']}/archive", headers={**tenant_a.headers, "If-Match": str(first["version"])}
    )
    assert archived.status_code == 200, archived.text
    assert used((await client.get(MINE, headers=tenant_a.headers)).json(), "accounts") == 1
    assert (await new_account(client, tenant_a, "A-3")).status_code == 201
    restore = await client.post(
        f"{ACCOUNTS}/{first['id']}/restore",
        headers={**tenant_a.headers, "If-Match": str(archived.json()["version"])},
    )
    detail, _errors = refusal(restore)
    assert "allows 2 customer accounts; 2 are in use" in detail
    bulk = await client.post(
        f"{ACCOUNTS}/bulk", json={"action": "restore", "ids": [first["id"]]}, headers=tenant_a.headers
    )
    refusal(bulk)

    # An add-on of 5 accounts raises the limit at once: restored, and more created.
    mine = await carry_addon(client, tenant_a, "accounts", 5)
    assert (used(mine, "accounts"), limit(mine, "accounts")) == (2, 7)
    restored = await client.post(
        f"{ACCOUNTS}/{first['id']}/restore",
        headers={**tenant_a.headers, "If-Match": str(archived.json()["version"])},
    )
    assert restored.status_code == 200, restored.text
    for n in range(4, 8):
        assert (await new_account(client, tenant_a, f"A-{n}")).status_code == 201
    detail, errors = refusal(await new_account(client, tenant_a, "A-8"))
    assert "allows 7 customer accounts; 7 are in use" in detail
    assert [(e["field"], e["message"]) for e in errors] == [("accounts", "limit 7, in use 7")]


async def test_accounts_created_at_once_never_pass_the_limit(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(modules=["crm"], max_accounts=3)
    await assign(client, tenant_a, plan)
    answers = await asyncio.gather(*(new_account(client, tenant_a, f"R-{n}") for n in range(8)))
    assert sorted(r.status_code for r in answers) == [201] * 3 + [402] * 5
    mine = (await client.get(MINE, headers=tenant_a.headers)).json()
    assert (used(mine, "accounts"), limit(mine, "accounts")) == (3, 3)


async def test_venues_beyond_the_plan_are_refused_until_an_add_on_raises_the_limit(
    client: httpx.AsyncClient, make_tenant: Any, make_plan: PlanMaker
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["venue_audio"])
    plan = await make_plan(modules=["venue_audio"], max_venues=1)
    await assign(client, tenant, plan)
    unit = await make_unit(client, tenant, f"V{uuid.uuid4().hex[:5]}", "venue")

    async def new_venue(code: str) -> httpx.Response:
        body = {"org_unit_id": unit, "code": code, "name": f"大厦 {code}", "time_zone": "Asia/Shanghai",
                "evacuation_source": "evacuation.mp3"}  # fmt: skip
        return await client.post(VENUES, json=body, headers=tenant.headers)

    assert (await new_venue("tower-1")).status_code == 201
    detail, errors = refusal(await new_venue("tower-2"))
    assert "allows 1 venue; 1 is in use" in detail
    assert [(e["field"], e["message"]) for e in errors] == [("venues", "limit 1, in use 1")]
    assert [v["code"] for v in (await client.get(VENUES, headers=tenant.headers)).json()["items"]] == [
        "TOWER-1"
    ]
    mine = (await client.get(MINE, headers=tenant.headers)).json()
    assert (used(mine, "venues"), limit(mine, "venues")) == (1, 1)

    mine = await carry_addon(client, tenant, "venues", 2)
    assert (used(mine, "venues"), limit(mine, "venues")) == (1, 3)
    assert (await new_venue("tower-2")).status_code == 201
    mine = (await client.get(MINE, headers=tenant.headers)).json()
    assert (used(mine, "venues"), limit(mine, "venues")) == (2, 3)


async def test_the_billing_api_shows_every_limit_with_what_the_modules_count(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(modules=["crm"], max_accounts=50, max_storage_mb=100, seats=5)
    await assign(client, tenant_a, plan, seats=3)
    for n in range(4):
        assert (await new_account(client, tenant_a, f"U-{n}")).status_code == 201
    mine = (await client.get(MINE, headers=tenant_a.headers)).json()
    shown = {u["name"]: (u["used"], u["limit"]) for u in mine["usage"]}
    assert [u["name"] for u in mine["usage"]] == [
        "seats",
        "accounts",
        "storage_mb",
        "api_calls_month",
        "venues",
    ]
    assert shown["seats"] == (1, 3)
    assert shown["accounts"] == (4, 50)
    assert shown["storage_mb"] == (0, 100)
    assert shown["venues"] == (0, None)  # counted, not limited by this plan
    assert shown["api_calls_month"][1] is None


async def test_the_account_import_refuses_the_rows_beyond_the_limit(
    client: httpx.AsyncClient,
    settings: Settings,
    app_engine: AsyncEngine,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
) -> None:
    plan = await make_plan(modules=["crm"], max_accounts=3)
    await assign(client, tenant_a, plan)
    assert (await new_account(client, tenant_a, "C-001")).status_code == 201
    rows = [
        ("C-001", "上海明辉贸易有限公司", "", "", "", "", "", ""),  # known: updated, counts nothing new
        ("C-002", "苏州新澜科技", "", "", "", "", "", ""),
        ("C-003", "杭州远航物流", "", "", "", "", "", ""),
        ("C-003", "杭州远航物流", "", "", "", "", "", ""),  # a duplicate is refused for itself
        ("C-004", "嘉善五金", "", "", "", "", "", ""),  # the plan's 4th account
        ("C-005", "宁波港华", "", "", "", "", "", ""),  # and 5th
    ]
    refused = (await upload(client, tenant_a, xlsx(rows))).json()
    assert refused["status"] == "rejected"
    beyond = "beyond your plan's limit of 3 (1 in use)"
    assert [(e["row"], e["column"], e["message"], e["value"]) for e in refused["errors"]] == [
        (5, "code", "duplicate of row 4", "C-003"),
        (6, "code", beyond, "C-004"),
        (7, "code", beyond, "C-005"),
    ]
    i18n.activate("zh-CN", "Asia/Shanghai")
    try:
        shown = row_message(beyond)  # as the preview page shows the reason
    finally:
        i18n.activate(i18n.DEFAULT_LOCALE, "Asia/Shanghai")
    assert shown == "超出套餐上限 3（已用 1）"
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert await counted(ctx.session, "accounts") == 1  # nothing was imported

    # The rows within the limit import; with an add-on, so do the rest.
    fitting = (await upload(client, tenant_a, xlsx(rows[:3]))).json()
    assert fitting["status"] == "previewed", fitting["errors"]
    await client.post(f"/api/v1/imports/{fitting['id']}/confirm", headers=tenant_a.headers)
    done = await wait(client, settings, tenant_a, fitting["id"])
    assert done["status"] == "completed" and done["summary"]["created"] == 2
    await carry_addon(client, tenant_a, "accounts", 2)
    rest = (await upload(client, tenant_a, xlsx([rows[4], rows[5]]))).json()
    assert rest["status"] == "previewed", rest["errors"]
    await client.post(f"/api/v1/imports/{rest['id']}/confirm", headers=tenant_a.headers)
    assert (await wait(client, settings, tenant_a, rest["id"]))["status"] == "completed"
    mine = (await client.get(MINE, headers=tenant_a.headers)).json()
    assert (used(mine, "accounts"), limit(mine, "accounts")) == (5, 5)


async def test_a_tenant_without_a_plan_creates_accounts_freely(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    answers = await asyncio.gather(*(new_account(client, tenant_a, f"F-{n}") for n in range(5)))
    assert [r.status_code for r in answers] == [201] * 5
