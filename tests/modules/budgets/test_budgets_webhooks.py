"""The ``budgets.overrun`` webhook event reaches a subscribed receiver, signed, for each expense
filed beyond its budget under soft control (the special approval) and warn control; an expense
within its budget, or refused under hard control, sends nothing."""

from __future__ import annotations

from typing import Any

import httpx
from bizsuite.settings import Settings
from standardwebhooks import Webhook

from tests.core.jobs.helpers import fast, run_jobs_until
from tests.core.webhooks.receiver import running_receiver
from tests.modules.budgets.conftest import YEAR, Setup, approved_plan, line_of, set_mode, spend

DELIVERIES = "/api/v1/webhooks/deliveries"


async def test_an_overrun_is_delivered_to_the_subscribed_receiver_signed(
    client: httpx.AsyncClient, settings: Settings, setup: Setup
) -> None:
    s = setup
    await set_mode(client, s, "ASSET-UPKEEP", "soft")
    await set_mode(client, s, "HOSPITALITY", "warn")
    plan = await approved_plan(
        client,
        s,
        [
            ("ASSET-UPKEEP", f"{YEAR}-01", "500.00"),
            ("HOSPITALITY", f"{YEAR}-01", "100.00"),
            ("RENT", f"{YEAR}-01", "100.00"),
        ],
    )
    upkeep, hospitality, rent = (
        line_of(plan, s, code, f"{YEAR}-01")["id"] for code in ("ASSET-UPKEEP", "HOSPITALITY", "RENT")
    )
    with running_receiver() as receiver:
        registered = await client.post(
            "/api/v1/webhooks/endpoints",
            json={"url": receiver.url, "event_types": ["budgets.*"]},
            headers=s.headers,
        )
        assert registered.status_code == 201, registered.text
        endpoint, secret = registered.json()["endpoint"], registered.json()["secret"]
        assert (await spend(client, s, upkeep, "500.00")).status_code == 201  # the boundary: within
        assert (await spend(client, s, rent, "100.01")).status_code == 409  # hard: refused, rolled back
        soft = await spend(client, s, upkeep, "0.01")
        warned = await spend(client, s, hospitality, "100.01")
        assert soft.status_code == warned.status_code == 201

        async def delivered() -> bool:
            items: list[dict[str, Any]] = (
                await client.get(DELIVERIES, params={"endpoint_id": endpoint["id"]}, headers=s.headers)
            ).json()["items"]
            return len(items) == 2 and all(d["status"] in {"succeeded", "failed"} for d in items)

        await run_jobs_until(fast(settings), delivered)

    deliveries = (
        await client.get(DELIVERIES, params={"endpoint_id": endpoint["id"]}, headers=s.headers)
    ).json()["items"]
    assert {(d["event_type"], d["status"], d["last_response_code"]) for d in deliveries} == {
        ("budgets.overrun", "succeeded", 200)
    }
    payloads = [Webhook(secret).verify(r.body, r.headers) for r in receiver.requests]
    assert [p["type"] for p in payloads] == ["budgets.overrun", "budgets.overrun"]
    by_expense = {p["data"]["expense"]["id"]: p["data"] for p in payloads}
    assert set(by_expense) == {soft.json()["id"], warned.json()["id"]}
    special = by_expense[soft.json()["id"]]
    assert (special["check"]["mode"], special["check"]["outcome"]) == ("soft", "special_approval")
    assert (special["check"]["budget"], special["check"]["committed"], special["check"]["requested"]) == (
        "500.00",
        "500.00",
        "0.01",
    )
    assert special["check"]["shortfall"] == "0.01"
    assert (special["expense"]["line_id"], special["expense"]["over_budget"]) == (upkeep, True)
    warning = by_expense[warned.json()["id"]]
    assert (warning["check"]["outcome"], warning["check"]["shortfall"]) == ("warn", "0.01")
    assert warning["expense"]["warning"] == "Over budget by 0.01 (warn control): recorded with this warning."
