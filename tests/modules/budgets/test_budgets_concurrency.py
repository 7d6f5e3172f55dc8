"""Under concurrency: two expenses that each fit the last of a line's budget but not together
never both pass; nor do a transfer out of a line and an expense on it."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import httpx

from tests.modules.budgets.conftest import BASE, YEAR, Setup, approved_plan, line, line_of, request_of, spend


async def test_simultaneous_expenses_cannot_both_take_the_last_of_the_budget(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    plan = await approved_plan(client, s, [("UTILITIES", f"{YEAR}-01", "1000.00")])
    line_id = line_of(plan, s, "UTILITIES", f"{YEAR}-01")["id"]
    assert (await spend(client, s, line_id, "940.00")).status_code == 201
    for round_ in range(3):
        results = await asyncio.gather(*(spend(client, s, line_id, "30.00") for _ in range(3)))
        statuses = sorted(r.status_code for r in results)
        figures = await line(client, s, line_id)
        assert Decimal(figures["available"]) >= 0
        if round_ == 0:
            assert statuses == [201, 201, 409], [r.text for r in results]
        else:
            assert statuses == [409, 409, 409]
    figures = await line(client, s, line_id)
    assert (figures["pending"], figures["available"]) == ("1000.00", "0.00")


async def test_a_transfer_is_checked_again_when_approved_after_the_budget_was_spent(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    plan = await approved_plan(
        client, s, [("RENT", f"{YEAR}-01", "100.00"), ("UTILITIES", f"{YEAR}-01", "0.00")]
    )
    rent = line_of(plan, s, "RENT", f"{YEAR}-01")["id"]
    utilities = line_of(plan, s, "UTILITIES", f"{YEAR}-01")["id"]
    transfer = await client.post(
        f"{BASE}/adjustments",
        json={
            "kind": "transfer",
            "from_line_id": rent,
            "to_line_id": utilities,
            "amount": "80.00",
            "reason": "x",
        },
        headers=s["clerk"].headers,
    )
    # Filed, not yet approved: the transfer reserves nothing, so the expense may take the money.
    expense = await spend(client, s, rent, "80.00")
    assert transfer.status_code == 201 and expense.status_code == 201
    request = await request_of(client, s, transfer.json()["id"])
    refused = await client.post(
        f"/api/v1/approvals/requests/{request['id']}/approve",
        json={},
        headers={**s["gm"].headers, "If-Match": str(request["version"])},
    )
    assert refused.status_code == 409
    assert refused.json()["errors"][0]["field"] == "amount"
    figures = await line(client, s, rent)
    assert (figures["amount"], figures["available"]) == ("100.00", "20.00")
