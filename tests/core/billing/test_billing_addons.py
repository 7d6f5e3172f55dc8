"""Add-ons: operator data a subscription carries with a quantity; they raise the entitlements and
are priced (prorated like seats). Offline billing; localstripe has no multi-item subscriptions
(docs/billing.md), so the Stripe subscription items are not exercised here."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import TenantHandle
from tests.core.billing.conftest import OPERATOR, PlanMaker, unique_code
from tests.core.billing.test_billing_entitlements import assign

MINE = "/api/v1/billing/subscription"


async def make_addon(client: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    body = {"code": unique_code("addon"), "price_month": "30.00", "price_year": "300.00", **fields}
    response = await client.post("/api/v1/billing/addons", json=body, headers=OPERATOR)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def carry(
    client: httpx.AsyncClient, tenant: TenantHandle, addon: dict[str, Any], quantity: int
) -> httpx.Response:
    return await client.put(
        f"{MINE}/addons/{addon['code']}", json={"quantity": quantity}, headers=tenant.headers
    )


async def test_a_module_addon_opens_the_module_and_is_priced_and_prorated(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(modules=["crm"], price_month="100.00")
    await assign(client, tenant_a, plan, trial=False)
    contracts = await make_addon(client, name="Contracts module", kind="module", module="contracts")
    assert (await client.get("/api/v1/contracts/contracts", headers=tenant_a.headers)).status_code == 403

    added = await carry(client, tenant_a, contracts, 1)

    assert added.status_code == 200, added.text
    body = added.json()
    assert body["price"]["formula"] == "1 × 100.00 + 1 × 30.00 = 130.00"
    assert body["proration"]["amount"] == "30.00"  # added on the period's first day
    assert [(a["addon"]["code"], a["quantity"]) for a in body["addons"]] == [(contracts["code"], 1)]
    assert (await client.get("/api/v1/contracts/contracts", headers=tenant_a.headers)).status_code == 200
    invoices = (await client.get("/api/v1/billing/invoices", headers=tenant_a.headers)).json()["items"]
    assert invoices[0]["amount"] == "30.00" and "Contracts module 0 → 1" in invoices[0]["description"]
    listed = (await client.get(f"{MINE}/addons", headers=tenant_a.headers)).json()["items"]
    assert {a["addon"]["code"]: a["quantity"] for a in listed}[contracts["code"]] == 1

    removed = await carry(client, tenant_a, contracts, 0)
    assert removed.status_code == 200
    assert removed.json()["proration"]["amount"] == "-30.00"
    assert (await client.get("/api/v1/contracts/contracts", headers=tenant_a.headers)).status_code == 403


async def test_a_seat_pack_raises_the_seats_and_cannot_be_released_below_those_in_use(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(modules=["crm"], seats=1)
    await assign(client, tenant_a, plan, seats=1)
    pack = await make_addon(client, name="2 more seats", kind="seats", amount=2, price_month="40.00")
    invite = {"email": "extra@example.com"}
    refused = await client.post("/api/v1/invitations", json=invite, headers=tenant_a.headers)
    assert refused.status_code == 402

    added = await carry(client, tenant_a, pack, 1)

    assert added.status_code == 200, added.text
    seats = next(u for u in added.json()["usage"] if u["name"] == "seats")
    assert (seats["limit"], seats["used"]) == (3, 1)
    assert (
        await client.post("/api/v1/invitations", json=invite, headers=tenant_a.headers)
    ).status_code == 201
    released = await carry(client, tenant_a, pack, 0)
    assert released.status_code == 409
    assert released.json()["errors"][0]["field"] == "quantity"


async def test_addons_are_operator_data_and_bad_ones_are_refused_naming_the_field(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    bad = {"code": unique_code("addon"), "name": "X", "price_month": "1.00", "price_year": "10.00"}
    no_module = await client.post("/api/v1/billing/addons", json={**bad, "kind": "module"}, headers=OPERATOR)
    assert no_module.status_code == 422 and no_module.json()["errors"][0]["field"] == "module"
    as_tenant = await client.post(
        "/api/v1/billing/addons", json={**bad, "kind": "seats"}, headers=tenant_a.headers
    )
    assert as_tenant.status_code == 401
    await assign(client, tenant_a, await make_plan(modules=["crm"]))
    module = await make_addon(client, name="HR", kind="module", module="hr")
    twice = await carry(client, tenant_a, module, 2)
    assert twice.status_code == 422 and twice.json()["errors"][0]["field"] == "quantity"
    unknown = await client.put(
        f"{MINE}/addons/nope-{unique_code()}", json={"quantity": 1}, headers=tenant_a.headers
    )
    assert unknown.status_code == 404
