"""Resellers: provisioning from a blueprint end to end, allowance, and isolation (other resellers'
tenants, and every tenant route refused to a reseller key)."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
from litestar import Litestar
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle, asgi_client
from tests.core.resellers.conftest import OPERATOR, ResellerHandle, ResellerMaker

_LINK = re.compile(r"/invitations/accept\?token=([A-Za-z0-9_-]+)")


async def provision(
    client: httpx.AsyncClient, reseller: ResellerHandle, plan: str, **body: Any
) -> httpx.Response:
    slug = f"r-{uuid.uuid4().hex[:8]}"
    return await client.post(
        "/api/v1/reseller/tenants",
        json={
            "blueprint": "demo-sandbox",
            "slug": slug,
            "name": f"Customer {slug}",
            "plan": plan,
            "owner_email": f"owner-{slug}@example.com",
            **body,
        },
        headers=reseller.headers,
    )


async def invitation_token(owner_engine: AsyncEngine, email: str) -> str:
    async with owner_engine.connect() as connection:
        body = (
            await connection.execute(
                text(
                    "SELECT body FROM outbox_messages WHERE recipient = :e ORDER BY created_at DESC LIMIT 1"
                ),
                {"e": email},
            )
        ).scalar_one()
    found = _LINK.search(body)
    assert found, body
    return found.group(1)


async def test_a_reseller_provisions_a_tenant_from_a_blueprint_whose_owner_signs_in_by_invitation(
    app: Litestar,
    client: httpx.AsyncClient,
    make_reseller: ResellerMaker,
    plan_code: str,
    owner_engine: AsyncEngine,
) -> None:
    reseller = await make_reseller()

    made = await provision(client, reseller, plan_code, seats=3)

    assert made.status_code == 201, made.text
    result = made.json()
    tenant = result["tenant"]
    assert tenant["plan"] == plan_code and tenant["phase"] == "trial" and tenant["seats"] == 3
    assert tenant["modules"] == ["crm"] and tenant["seats_used"] == 1  # the owner's pending invitation
    assert f"tenant {tenant['slug']}" in result["created"]
    token = await invitation_token(owner_engine, result["invitation_sent_to"])
    async with asgi_client(app, lifespan=False) as owner:
        accepted = await owner.post(
            "/api/v1/auth/accept-invitation",
            json={"token": token, "password": "a long new password", "name": "First Owner"},
        )
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["tenant"]["role"] == "owner"
        accounts = (await owner.get("/api/v1/crm/accounts")).json()["items"]
        assert [a["code"] for a in accounts] == ["S-001"]  # the blueprint's seed data
        refused = await owner.get("/api/v1/contracts/contracts")
        assert refused.status_code == 403  # the tenant has only what the plan gives
    listed = (await client.get("/api/v1/reseller/tenants", headers=reseller.headers)).json()["items"]
    assert [t["id"] for t in listed] == [tenant["id"]]


async def test_a_reseller_sees_plans_with_wholesale_price_and_margin(
    client: httpx.AsyncClient, make_reseller: ResellerMaker, plan_code: str
) -> None:
    reseller = await make_reseller()
    plans = (await client.get("/api/v1/reseller/plans", headers=reseller.headers)).json()["items"]
    mine = next(p for p in plans if p["code"] == plan_code)
    assert mine["margin_month"] == {
        "amount": "40.00",
        "formula": "120.00 − 80.00 = 40.00",
        "inputs": {"price_month": "120.00", "wholesale_price_month": "80.00"},
    }


async def test_the_allowance_caps_how_many_tenants_a_reseller_provisions(
    client: httpx.AsyncClient, make_reseller: ResellerMaker, plan_code: str
) -> None:
    reseller = await make_reseller(max_tenants=1)
    assert (await provision(client, reseller, plan_code)).status_code == 201
    refused = await provision(client, reseller, plan_code)
    assert refused.status_code == 409
    assert "allowance of 1 tenants" in refused.json()["detail"]


async def test_a_reseller_suspends_resumes_and_moves_its_tenant_between_plans(
    client: httpx.AsyncClient, make_reseller: ResellerMaker, plan_code: str
) -> None:
    reseller = await make_reseller()
    tenant = (await provision(client, reseller, plan_code, trial=False)).json()["tenant"]
    bigger = await client.post(
        "/api/v1/billing/plans",
        json={
            "code": f"big-{uuid.uuid4().hex[:6]}",
            "name": "Big",
            "modules": ["crm", "contracts"],
            "price_month": "200.00",
            "price_year": "2000.00",
        },
        headers=OPERATOR,
    )
    base = f"/api/v1/reseller/tenants/{tenant['id']}"

    suspended = await client.post(f"{base}/suspend", headers=reseller.headers)
    resumed = await client.post(f"{base}/resume", headers=reseller.headers)
    moved = await client.put(
        f"{base}/plan", json={"plan": bigger.json()["code"], "seats": 2}, headers=reseller.headers
    )

    assert suspended.json()["status"] == "suspended" and resumed.json()["status"] == "active"
    assert moved.status_code == 200, moved.text
    assert moved.json()["modules"] == ["contracts", "crm"] and moved.json()["seats"] == 2
    invoices = (await client.get(f"{base}/invoices", headers=reseller.headers)).json()["items"]
    assert len(invoices) >= 2  # the first period, then the prorated upgrade and seats


async def test_a_reseller_never_sees_another_resellers_tenants(
    client: httpx.AsyncClient, make_reseller: ResellerMaker, plan_code: str
) -> None:
    first, second = await make_reseller(), await make_reseller()
    theirs = (await provision(client, first, plan_code)).json()["tenant"]
    base = f"/api/v1/reseller/tenants/{theirs['id']}"

    assert (await client.get("/api/v1/reseller/tenants", headers=second.headers)).json()["items"] == []
    assert (await client.get(base, headers=second.headers)).status_code == 404
    assert (await client.post(f"{base}/suspend", headers=second.headers)).status_code == 404
    assert (await client.get(f"{base}/invoices", headers=second.headers)).status_code == 404
    assert (
        await client.put(f"{base}/plan", json={"plan": plan_code}, headers=second.headers)
    ).status_code == 404
    assert (await client.get(base, headers=first.headers)).status_code == 200


async def test_a_reseller_cannot_reach_tenants_it_did_not_provision(
    client: httpx.AsyncClient, make_reseller: ResellerMaker, tenant_a: TenantHandle
) -> None:
    reseller = await make_reseller()
    assert (
        await client.get(f"/api/v1/reseller/tenants/{tenant_a.id}", headers=reseller.headers)
    ).status_code == 404
    assert (await client.get("/api/v1/resellers", headers=reseller.headers)).status_code == 401


async def test_a_reseller_key_is_refused_by_every_tenant_route(
    app: Litestar, client: httpx.AsyncClient, make_reseller: ResellerMaker, plan_code: str
) -> None:
    reseller = await make_reseller()
    tenant = (await provision(client, reseller, plan_code)).json()["tenant"]
    walked, wrong = 0, []
    for route in app.routes:
        if not route.path.startswith("/api/v1/") or route.path.startswith(
            ("/api/v1/reseller/", "/api/v1/auth")
        ):
            continue
        path = re.sub(r"\{(\w+):uuid\}", tenant["id"], route.path)
        path = re.sub(r"\{(\w+):\w+\}", "x", path)
        for handler in getattr(route, "route_handlers", []):
            for method in handler.http_methods - {"HEAD", "OPTIONS"}:
                if route.path in ("/api/v1/billing/stripe/webhook", "/api/v1/files/content"):
                    continue  # authenticated by a signature (Stripe's, a signed download link), not a key
                answer = await client.request(
                    method, path, headers=reseller.headers, json={} if method != "GET" else None
                )
                walked += 1
                business = handler.opt.get("module") is not None
                allowed = {403, 404} if business else {401, 403, 404}
                if answer.status_code not in allowed:
                    wrong.append((method, route.path, answer.status_code))
    assert walked > 100
    assert wrong == []


async def test_a_suspended_reseller_key_is_refused(
    client: httpx.AsyncClient, make_reseller: ResellerMaker
) -> None:
    reseller = await make_reseller()
    await client.post(f"/api/v1/resellers/{reseller.id}/suspend", headers=OPERATOR)
    assert (await client.get("/api/v1/reseller/tenants", headers=reseller.headers)).status_code == 403
    assert (
        await client.get("/api/v1/reseller/tenants", headers={"Authorization": "Bearer bzr_nope"})
    ).status_code == 401


async def test_a_reseller_sees_its_tenants_usage_and_its_margin_but_not_their_data(
    app: Litestar,
    client: httpx.AsyncClient,
    make_reseller: ResellerMaker,
    plan_code: str,
    owner_engine: AsyncEngine,
) -> None:
    reseller = await make_reseller()
    result = (await provision(client, reseller, plan_code, seats=2)).json()
    token = await invitation_token(owner_engine, result["invitation_sent_to"])
    async with asgi_client(app, lifespan=False) as owner:
        accepted = await owner.post(
            "/api/v1/auth/accept-invitation",
            json={"token": token, "password": "a long new password", "name": "First Owner"},
        )
        assert accepted.status_code == 200, accepted.text
        for _ in range(9):
            assert (await owner.get("/api/v1/crm/accounts")).status_code == 200

    seen = (
        await client.get(f"/api/v1/reseller/tenants/{result['tenant']['id']}", headers=reseller.headers)
    ).json()

    usage = {u["name"]: u["used"] for u in seen["usage"]}
    # The same usage as the tenant's billing page: the blueprint's one account, no venue.
    assert usage == {"seats": 1, "accounts": 1, "storage_mb": 0, "api_calls_month": 9, "venues": 0}
    assert seen["margin_month"]["formula"] == "(120.00 − 80.00) × 2 = 80.00"
