"""Entitlements the kernel enforces on every request, offline billing (the operator assigns plans)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.billing.conftest import OPERATOR, PlanMaker

ACCOUNTS = "/api/v1/crm/accounts"


async def assign(
    client: httpx.AsyncClient, tenant: TenantHandle, plan: dict[str, Any], **body: Any
) -> dict[str, Any]:
    response = await client.put(
        f"/api/v1/billing/tenants/{tenant.id}/subscription",
        json={"plan": plan["code"], **body},
        headers=OPERATOR,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def set_status(client: httpx.AsyncClient, tenant: TenantHandle, status: str) -> dict[str, Any]:
    response = await client.post(
        f"/api/v1/billing/tenants/{tenant.id}/subscription/status", json={"status": status}, headers=OPERATOR
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def make_sandbox(owner_engine: AsyncEngine, tenant: TenantHandle) -> None:
    async with owner_engine.begin() as connection:
        await connection.execute(text("UPDATE tenants SET sandbox = true WHERE id = :id"), {"id": tenant.id})


async def advance(client: httpx.AsyncClient, tenant: TenantHandle, days: int) -> None:
    response = await client.post("/api/v1/sandbox/clock/advance", json={"days": days}, headers=tenant.headers)
    assert response.status_code == 200, response.text


async def test_a_tenant_without_a_subscription_keeps_every_module_it_has(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200
    answer = await client.get("/api/v1/billing/subscription", headers=tenant_a.headers)
    assert answer.status_code == 404
    assert "operator assigns plans" in answer.json()["detail"]


async def test_a_module_outside_the_plan_is_refused_with_a_problem_naming_the_plan(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(name="Contracts only", modules=["contracts"])
    await assign(client, tenant_a, plan)

    refused = await client.get(ACCOUNTS, headers=tenant_a.headers)

    assert refused.status_code == 403
    problem = refused.json()
    assert problem["type"].endswith("/module-not-in-plan")
    assert "crm" in problem["detail"] and "Contracts only" in problem["detail"]
    assert (await client.get("/api/v1/contracts/contracts", headers=tenant_a.headers)).status_code == 200


async def test_upgrading_opens_the_module_and_prorates_the_rest_of_the_period(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    small = await make_plan(name="Small", modules=["contracts"], price_month="100.00")
    large = await make_plan(name="Large", modules=["contracts", "crm"], price_month="160.00")
    await assign(client, tenant_a, small, trial=False, seats=2)

    moved = await client.post(
        "/api/v1/billing/subscription/plan", json={"plan": large["code"]}, headers=tenant_a.headers
    )

    assert moved.status_code == 200, moved.text
    body = moved.json()
    assert body["plan"]["name"] == "Large"
    proration = body["proration"]
    days_left, period_days = int(proration["inputs"]["days_left"]), int(proration["inputs"]["period_days"])
    assert days_left == period_days  # moved on the first day: the whole period's difference
    assert proration["amount"] == "120.00"  # (160 − 100) × 2 seats × full period
    assert proration["formula"].startswith("(160.00 − 100.00) × 2 × ")
    assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200
    invoices = (await client.get("/api/v1/billing/invoices", headers=tenant_a.headers)).json()["items"]
    assert [i["amount"] for i in invoices] == ["120.00", "200.00"]


async def test_past_due_then_read_only_grace_then_suspension_then_payment_restores_access(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker, owner_engine: AsyncEngine
) -> None:
    await make_sandbox(owner_engine, tenant_a)
    plan = await make_plan(name="Team", modules=["crm", "contracts"])
    await assign(client, tenant_a, plan, trial=False)
    body = {"code": "C-1", "name": "Acme"}

    past_due = await set_status(client, tenant_a, "past_due")
    assert past_due["phase"] == "past_due" and past_due["access"] == "full"
    assert (await client.post(ACCOUNTS, json=body, headers=tenant_a.headers)).status_code == 201

    await advance(client, tenant_a, 8)
    mine = (await client.get("/api/v1/billing/subscription", headers=tenant_a.headers)).json()
    assert mine["phase"] == "grace" and mine["access"] == "read_only"
    refused = await client.post(ACCOUNTS, json={"code": "C-2", "name": "Beta"}, headers=tenant_a.headers)
    assert refused.status_code == 402
    assert refused.json()["type"].endswith("/subscription-read-only")
    assert "read-only" in refused.json()["detail"]
    assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200

    await advance(client, tenant_a, 14)
    closed = await client.get(ACCOUNTS, headers=tenant_a.headers)
    assert closed.status_code == 402
    assert closed.json()["type"].endswith("/subscription-inactive")
    # The billing page's API stays open, so the tenant can see what to pay.
    assert (await client.get("/api/v1/billing/subscription", headers=tenant_a.headers)).json()[
        "phase"
    ] == "suspended"

    paid = await set_status(client, tenant_a, "active")
    assert paid["phase"] == "active" and paid["past_due_since"] is None
    assert (
        await client.post(ACCOUNTS, json={"code": "C-3", "name": "Gamma"}, headers=tenant_a.headers)
    ).status_code == 201


async def test_an_unpaid_trial_lapses_into_past_due_when_it_ends(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker, owner_engine: AsyncEngine
) -> None:
    await make_sandbox(owner_engine, tenant_a)
    plan = await make_plan(modules=["crm"], trial_days=14)
    started = await assign(client, tenant_a, plan)
    assert started["status"] == "trial" and started["phase"] == "trial"

    await advance(client, tenant_a, 15)

    mine = (await client.get("/api/v1/billing/subscription", headers=tenant_a.headers)).json()
    assert mine["phase"] == "past_due"
    await advance(client, tenant_a, 7)
    assert (
        await client.post(ACCOUNTS, json={"code": "T", "name": "T"}, headers=tenant_a.headers)
    ).status_code == 402


async def test_an_invitation_beyond_the_seats_is_refused_with_the_limit_and_the_usage(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(modules=["crm"], seats=5)
    await assign(client, tenant_a, plan, seats=2)
    first = await client.post(
        "/api/v1/invitations", json={"email": "one@example.com"}, headers=tenant_a.headers
    )
    assert first.status_code == 201, first.text

    refused = await client.post(
        "/api/v1/invitations", json={"email": "two@example.com"}, headers=tenant_a.headers
    )

    assert refused.status_code == 402
    problem = refused.json()
    assert problem["type"].endswith("/plan-limit-reached")
    assert "allows 2 seats; 2 are in use" in problem["detail"]
    assert problem["errors"] == [{"field": "seats", "message": "limit 2, in use 2", "source": "body"}]
    more = await client.post(
        "/api/v1/billing/subscription/seats", json={"seats": 3}, headers=tenant_a.headers
    )
    assert more.status_code == 200, more.text
    assert (
        await client.post("/api/v1/invitations", json={"email": "two@example.com"}, headers=tenant_a.headers)
    ).status_code == 201


async def test_a_seat_change_is_prorated_by_the_days_left_with_its_formula(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker, owner_engine: AsyncEngine
) -> None:
    await make_sandbox(owner_engine, tenant_a)
    plan = await make_plan(modules=["crm"], price_month="300.00")
    await assign(client, tenant_a, plan, trial=False, seats=1)
    await advance(client, tenant_a, 10)

    changed = await client.post(
        "/api/v1/billing/subscription/seats", json={"seats": 4}, headers=tenant_a.headers
    )

    assert changed.status_code == 200, changed.text
    proration = changed.json()["proration"]
    inputs = proration["inputs"]
    days_left, period_days = int(inputs["days_left"]), int(inputs["period_days"])
    assert period_days in (28, 29, 30, 31) and days_left == period_days - 10
    expected = (Decimal(3) * Decimal("300.00") * days_left / period_days).quantize(
        Decimal("0.01"), ROUND_HALF_UP
    )
    assert proration["amount"] == str(expected)
    assert proration["formula"] == f"(4 − 1) × 300.00 × {days_left}/{period_days} = {expected}"
    assert changed.json()["price"]["amount"] == "1200.00"


async def test_a_new_plan_version_leaves_subscribed_tenants_on_theirs_until_moved(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(modules=["crm"], price_month="100.00")
    await assign(client, tenant_a, plan)
    version = await client.post(
        f"/api/v1/billing/plans/{plan['code']}/versions",
        json={"price_month": "120.00", "modules": ["crm", "contracts"]},
        headers=OPERATOR,
    )
    assert version.status_code == 201, version.text
    assert version.json()["version"] == 2

    kept = (await client.get("/api/v1/billing/subscription", headers=tenant_a.headers)).json()
    assert kept["plan"]["version"] == 1 and kept["plan"]["price_month"] == "100.00"
    newcomer = await assign(client, tenant_b, plan)
    assert newcomer["plan"]["version"] == 2
    every = (
        await client.get("/api/v1/billing/plans", params={"all_versions": True}, headers=OPERATOR)
    ).json()
    assert [p["version"] for p in every["items"] if p["code"] == plan["code"]] == [1, 2]


async def test_only_the_operator_manages_plans_and_subscriptions(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan()
    assert (await client.get("/api/v1/billing/plans", headers=tenant_a.headers)).status_code == 401
    moved = await client.put(
        f"/api/v1/billing/tenants/{tenant_a.id}/subscription",
        json={"plan": plan["code"]},
        headers=tenant_a.headers,
    )
    assert moved.status_code == 401


async def test_a_tenant_never_sees_another_tenants_invoices(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan()
    await assign(client, tenant_a, plan, trial=False)
    invoice = (await client.get("/api/v1/billing/invoices", headers=tenant_a.headers)).json()["items"][0]

    assert (
        await client.get(f"/api/v1/billing/invoices/{invoice['id']}", headers=tenant_b.headers)
    ).status_code == 404
    assert (
        await client.get(f"/api/v1/billing/invoices/{invoice['id']}/download", headers=tenant_b.headers)
    ).status_code == 404
    assert (await client.get("/api/v1/billing/invoices", headers=tenant_b.headers)).json()["items"] == []
    download = await client.get(
        f"/api/v1/billing/invoices/{invoice['id']}/download", headers=tenant_a.headers
    )
    assert download.status_code == 200
    assert f"Total: {invoice['amount']} CNY" in download.text


async def test_invalid_plans_are_refused_naming_the_field(client: httpx.AsyncClient) -> None:
    bad = await client.post(
        "/api/v1/billing/plans",
        json={"code": "x-bad", "name": "X", "modules": ["crm"], "price_month": "1.005", "price_year": "1"},
        headers=OPERATOR,
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "price_month"
