"""The billing page and the overdue banner, in process (zh-CN and en)."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.core.billing.conftest import OPERATOR, PlanMaker, unique_code
from tests.core.billing.test_billing_entitlements import advance, assign, make_sandbox, set_status


async def sign_in(client: httpx.AsyncClient, tenant: TenantHandle, language: str = "en") -> str:
    response = await client.post(
        "/api/v1/auth/login", json={"email": tenant.owner.email, "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    client.cookies.set("bizsuite_lang", language)
    return str(response.json()["csrf_token"])


async def test_the_billing_page_shows_plan_phase_usage_and_invoices(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(name="Growth", modules=["crm"], price_month="88.00", seats=10)
    await assign(client, tenant_a, plan, trial=False, seats=2)
    await sign_in(client, tenant_a)

    page = await client.get("/admin/billing")

    assert page.status_code == 200
    assert "Growth" in page.text and 'data-testid="phase">Active<' in page.text
    assert "2 × 88.00 = 176.00" in page.text
    assert 'data-testid="invoices"' in page.text and "/download" in page.text
    assert 'data-testid="billing-banner"' not in page.text


async def test_the_seat_form_changes_seats_and_refuses_fewer_than_in_use(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(modules=["crm"], seats=10)
    await assign(client, tenant_a, plan, trial=False, seats=2)
    csrf = await sign_in(client, tenant_a)

    more = await client.post("/admin/billing/seats", data={"csrf_token": csrf, "seats": "4"})
    fewer = await client.post("/admin/billing/seats", data={"csrf_token": csrf, "seats": "0"})

    assert more.status_code == 303 and more.headers["location"].endswith("notice=billing.seats_changed")
    assert fewer.status_code == 303 and fewer.headers["location"].endswith("notice=billing.refused")
    mine = (await client.get("/api/v1/billing/subscription", headers=tenant_a.headers)).json()
    assert mine["seats"] == 4


async def test_overdue_tenants_see_a_banner_on_every_page_in_their_language(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker, owner_engine: AsyncEngine
) -> None:
    await make_sandbox(owner_engine, tenant_a)
    plan = await make_plan(modules=["crm"])
    await assign(client, tenant_a, plan, trial=False)
    await set_status(client, tenant_a, "past_due")
    await advance(client, tenant_a, 8)
    await sign_in(client, tenant_a, "zh-CN")

    home = await client.get("/")

    assert 'data-testid="billing-banner"' in home.text
    assert "只读" in home.text
    client.cookies.set("bizsuite_lang", "en")
    page = await client.get("/admin/billing")
    assert "read-only until the open invoice is paid" in page.text


async def test_a_tenant_without_a_subscription_is_told_so(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    await sign_in(client, tenant_a)
    page = await client.get("/admin/billing")
    assert page.status_code == 200 and 'data-testid="no-subscription"' in page.text


async def test_the_billing_page_shows_metered_usage_and_changes_an_addon_in_chinese(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(modules=["crm"], max_api_calls_month=500, max_storage_mb=100)
    await assign(client, tenant_a, plan, trial=False)
    addon = await client.post(
        "/api/v1/billing/addons",
        json={"code": unique_code("storage"), "name": "存储扩展包", "kind": "storage_mb", "amount": 1024,
              "price_month": "20.00", "price_year": "200.00"},
        headers=OPERATOR,
    )  # fmt: skip
    code = addon.json()["code"]
    for _ in range(3):
        await client.get("/api/v1/crm/accounts", headers=tenant_a.headers)
    csrf = await sign_in(client, tenant_a, "zh-CN")

    page = await client.get("/admin/billing")

    assert page.status_code == 200
    usage = page.text.split('data-testid="usage"')[1].split("</table>")[0]
    assert "每月 API 调用次数" in usage and "<td>3</td><td>500</td>" in usage
    assert f'data-testid="addon-{code}"' in page.text and "存储扩展包" in page.text
    changed = await client.post(f"/admin/billing/addons/{code}", data={"csrf_token": csrf, "quantity": "2"})
    assert changed.status_code == 303 and changed.headers["location"].endswith("notice=billing.addon_changed")
    mine = (await client.get("/api/v1/billing/subscription", headers=tenant_a.headers)).json()
    assert next(u["limit"] for u in mine["usage"] if u["name"] == "storage_mb") == 100 + 2 * 1024
