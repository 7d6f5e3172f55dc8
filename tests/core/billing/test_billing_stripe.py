"""Stripe billing through the real ``stripe`` package over HTTP against localstripe: subscribing,
signed webhooks (bad signatures, replays, reordering), payment failure and recovery, drift repair."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import stripe

from tests.conftest import TenantHandle
from tests.core.billing.conftest import OPERATOR, PlanMaker, event_body, sign

ACCOUNTS = "/api/v1/crm/accounts"
WEBHOOK = "/api/v1/billing/stripe/webhook"


async def subscribe(
    http: httpx.AsyncClient, tenant: TenantHandle, plan: dict[str, Any], **body: Any
) -> dict[str, Any]:
    response = await http.put(
        f"/api/v1/billing/tenants/{tenant.id}/subscription",
        json={"plan": plan["code"], "payment_method": "pm_card_visa", **body},
        headers=OPERATOR,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def customer_of(stripe_api: stripe.StripeClient, tenant: TenantHandle) -> dict[str, Any]:
    customers = (await stripe_api.v1.customers.list_async({"limit": 100})).to_dict()["data"]
    return next(c for c in customers if (c.get("metadata") or {}).get("tenant_id") == str(tenant.id))


async def events_of(stripe_api: stripe.StripeClient, customer_id: str) -> list[dict[str, Any]]:
    """The events localstripe recorded about this customer's objects, oldest first."""
    events = (await stripe_api.v1.events.list_async({"limit": 100})).to_dict()["data"]
    mine = [
        e
        for e in events
        if (
            e["data"]["object"].get("customer") == customer_id or e["data"]["object"].get("id") == customer_id
        )
    ]
    return sorted(mine, key=lambda e: e["created"])


async def post_event(
    http: httpx.AsyncClient, event: dict[str, Any], *, signature: str | None = None
) -> httpx.Response:
    payload = event_body(event)
    return await http.post(
        WEBHOOK,
        content=payload,
        headers={"Stripe-Signature": signature or sign(payload), "Content-Type": "application/json"},
    )


async def test_subscribing_creates_the_stripe_customer_subscription_and_first_invoice(
    stripe_client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    stripe_api: stripe.StripeClient,
) -> None:
    plan = await make_plan(name="Pro", modules=["crm"], price_month="199.00")

    started = await subscribe(stripe_client, tenant_a, plan, trial=False, seats=3)

    assert started["provider"] == "stripe" and started["status"] == "active"
    customer = await customer_of(stripe_api, tenant_a)
    subs = (await stripe_api.v1.subscriptions.list_async({"customer": customer["id"]})).to_dict()["data"]
    assert len(subs) == 1 and subs[0]["quantity"] == 3
    assert subs[0]["plan"]["amount"] == 19900  # minor units at the Stripe boundary only
    invoices = (await stripe_client.get("/api/v1/billing/invoices", headers=tenant_a.headers)).json()["items"]
    assert [(i["status"], i["amount"]) for i in invoices] == [("paid", "597.00")]
    assert invoices[0]["lines"][0]["formula"] == "3 × 199.00"


async def test_a_webhook_with_a_bad_signature_is_refused_and_changes_nothing(
    stripe_client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    stripe_api: stripe.StripeClient,
) -> None:
    plan = await make_plan(modules=["crm"])
    await subscribe(stripe_client, tenant_a, plan, trial=False)
    customer = await customer_of(stripe_api, tenant_a)
    event = (await events_of(stripe_api, customer["id"]))[-1]
    payload = event_body(event)

    forged = await post_event(stripe_client, event, signature=sign(payload, secret="whsec_wrong"))
    tampered = await stripe_client.post(
        WEBHOOK, content=payload + b" ", headers={"Stripe-Signature": sign(payload)}
    )
    unsigned = await stripe_client.post(WEBHOOK, content=payload)

    for answer in (forged, tampered, unsigned):
        assert answer.status_code == 400
        assert answer.json()["type"].endswith("/webhook-signature-invalid")


async def test_a_replayed_event_is_applied_once(
    stripe_client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    stripe_api: stripe.StripeClient,
) -> None:
    plan = await make_plan(modules=["crm"])
    await subscribe(stripe_client, tenant_a, plan, trial=False)
    customer = await customer_of(stripe_api, tenant_a)
    event = dict((await events_of(stripe_api, customer["id"]))[-1])
    event["id"] = f"{event['id']}_replay_test"  # localstripe may have delivered the original already

    first = await post_event(stripe_client, event)
    again = await post_event(stripe_client, event)

    assert first.status_code == 200 and first.json()["applied"] is True
    assert again.status_code == 200 and again.json() == {
        "event_id": event["id"],
        "applied": False,
        "detail": "already applied",
    }


async def test_a_payment_failure_makes_the_subscription_past_due_and_paying_makes_it_active(
    stripe_client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    stripe_api: stripe.StripeClient,
) -> None:
    plan = await make_plan(modules=["crm"], price_month="50.00")
    await subscribe(stripe_client, tenant_a, plan, trial=False)
    customer = await customer_of(stripe_api, tenant_a)
    failing = (
        await stripe_api.v1.payment_methods.attach_async(
            "pm_card_chargeCustomerFail", {"customer": customer["id"]}
        )
    ).to_dict()
    await stripe_api.v1.customers.update_async(
        customer["id"], {"invoice_settings": {"default_payment_method": failing["id"]}}
    )

    billed = await stripe_client.post(
        f"/api/v1/billing/tenants/{tenant_a.id}/subscription/bill", headers=OPERATOR
    )

    assert billed.status_code == 200, billed.text
    assert billed.json()["status"] == "past_due" and billed.json()["past_due_since"] is not None
    invoices = (await stripe_client.get("/api/v1/billing/invoices", headers=tenant_a.headers)).json()["items"]
    assert invoices[0]["status"] == "open" and invoices[0]["amount"] == "50.00"

    paid = await stripe_client.post(
        "/api/v1/billing/subscription/pay", json={"payment_method": "pm_card_visa"}, headers=tenant_a.headers
    )

    assert paid.status_code == 200, paid.text
    assert paid.json()["status"] == "active" and paid.json()["past_due_since"] is None
    invoices = (await stripe_client.get("/api/v1/billing/invoices", headers=tenant_a.headers)).json()["items"]
    assert {i["status"] for i in invoices} == {"paid"}


async def test_events_delivered_out_of_order_leave_the_current_state(
    stripe_client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    stripe_api: stripe.StripeClient,
) -> None:
    plan = await make_plan(modules=["crm"], price_month="50.00")
    await subscribe(stripe_client, tenant_a, plan, trial=False)
    customer = await customer_of(stripe_api, tenant_a)
    failing = (
        await stripe_api.v1.payment_methods.attach_async(
            "pm_card_chargeCustomerFail", {"customer": customer["id"]}
        )
    ).to_dict()
    await stripe_api.v1.customers.update_async(
        customer["id"], {"invoice_settings": {"default_payment_method": failing["id"]}}
    )
    await stripe_client.post(f"/api/v1/billing/tenants/{tenant_a.id}/subscription/bill", headers=OPERATOR)
    await stripe_client.post(
        "/api/v1/billing/subscription/pay", json={"payment_method": "pm_card_visa"}, headers=tenant_a.headers
    )
    events = await events_of(stripe_api, customer["id"])
    assert len(events) >= 4

    # Newest first, each under a fresh id (as if Stripe delivered them late and reordered).
    for event in reversed(events):
        late = {**event, "id": f"{event['id']}_late"}
        answer = await post_event(stripe_client, late)
        assert answer.status_code == 200, answer.text

    mine = (await stripe_client.get("/api/v1/billing/subscription", headers=tenant_a.headers)).json()
    assert mine["status"] == "active" and mine["past_due_since"] is None
    assert (await stripe_client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200


async def test_localstripe_delivers_signed_webhooks_that_are_applied(
    stripe_client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    stripe_api: stripe.StripeClient,
) -> None:
    plan = await make_plan(modules=["crm"])
    await subscribe(stripe_client, tenant_a, plan, trial=False)
    customer = await customer_of(stripe_api, tenant_a)
    # Change the subscription behind our back (as the Stripe dashboard would): the webhooks that
    # follow bring the change in.
    subs = (await stripe_api.v1.subscriptions.list_async({"customer": customer["id"]})).to_dict()["data"]
    await stripe_api.v1.subscriptions.cancel_async(subs[0]["id"])

    for _ in range(100):
        mine = (await stripe_client.get("/api/v1/billing/subscription", headers=tenant_a.headers)).json()
        if mine["status"] == "canceled":
            break
        await asyncio.sleep(0.1)
    assert mine["status"] == "canceled"
    refused = await stripe_client.get(ACCOUNTS, headers=tenant_a.headers)
    assert refused.status_code == 402


async def test_the_reconciliation_repairs_drift_from_missed_webhooks(
    stripe_client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    stripe_api: stripe.StripeClient,
) -> None:
    plan = await make_plan(modules=["crm"], seats=10)
    await subscribe(stripe_client, tenant_a, plan, trial=False, seats=2)
    # localstripe delivers the subscription's own events a second later; let them land first, or
    # their re-read would repair the drift below before the janitor does.
    await asyncio.sleep(2.5)
    customer = await customer_of(stripe_api, tenant_a)
    sub = (await stripe_api.v1.subscriptions.list_async({"customer": customer["id"]})).to_dict()["data"][0]
    # localstripe sends no event for a subscription update: only the janitor notices.
    await stripe_api.v1.subscriptions.update_async(
        sub["id"],
        {"items": [{"id": sub["items"]["data"][0]["id"], "plan": sub["plan"]["id"], "quantity": 5}]},
    )

    repaired = await stripe_client.post("/api/v1/billing/reconcile", headers=OPERATOR)

    assert repaired.status_code == 200, repaired.text
    assert repaired.json()["changed"] >= 1
    mine = (await stripe_client.get("/api/v1/billing/subscription", headers=tenant_a.headers)).json()
    assert mine["seats"] == 5


async def test_a_seat_change_goes_to_stripe_with_our_prorated_figure(
    stripe_client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    stripe_api: stripe.StripeClient,
) -> None:
    plan = await make_plan(modules=["crm"], price_month="90.00", seats=10)
    await subscribe(stripe_client, tenant_a, plan, trial=False, seats=2)

    changed = await stripe_client.post(
        "/api/v1/billing/subscription/seats", json={"seats": 4}, headers=tenant_a.headers
    )

    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["seats"] == 4
    assert body["proration"]["formula"].startswith("(4 − 2) × 90.00 × ")
    customer = await customer_of(stripe_api, tenant_a)
    sub = (await stripe_api.v1.subscriptions.list_async({"customer": customer["id"]})).to_dict()["data"][0]
    assert sub["quantity"] == 4


async def test_a_trial_on_stripe_counts_as_a_trial(
    stripe_client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(modules=["crm"], trial_days=14)

    started = await subscribe(stripe_client, tenant_a, plan)

    assert started["status"] == "trial" and started["phase"] == "trial"
    assert started["trial_end"] is not None
    assert (await stripe_client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200
