"""Under concurrency: contract numbers stay gap-free and unique, and two payments that each fit
under 以收定支 but not together never both go through."""

from __future__ import annotations

import asyncio
import re
from decimal import Decimal

import httpx

from tests.core.approvals.conftest import post_ok
from tests.modules.contracts.conftest import BASE, Setup, active, register


async def test_concurrent_registrations_get_gap_free_unique_numbers(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    made = await asyncio.gather(*(register(client, setup, "income", "1.00") for _ in range(8)))
    numbers = sorted(m["number"] for m in made)
    year = made[0]["created_at"][:4]
    assert numbers == [f"HT-{year}-{n:04d}" for n in range(1, 9)]


async def test_a_refused_registration_gives_its_number_back(client: httpx.AsyncClient, setup: Setup) -> None:
    await register(client, setup, "income", "1.00")
    bad = await client.post(
        f"{BASE}/contracts",
        json={
            "direction": "income",
            "title": "x",
            "amount": "1.00",
            "account_id": setup.account,
            "ends_on": "2020-01-01",
            "starts_on": "2021-01-01",
        },
        headers=setup.headers,
    )
    assert bad.status_code == 422
    second = await register(client, setup, "income", "1.00")
    assert re.fullmatch(r"HT-\d{4}-0002", second["number"])


async def test_simultaneous_payments_cannot_both_slip_under_the_limit(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    income = await active(client, setup, "income")
    spend = await active(client, setup, "expenditure")
    await post_ok(
        client, f"{BASE}/contracts/{income['id']}/receipts", {"amount": "1000000.00"}, setup.headers
    )
    await post_ok(client, f"{BASE}/contracts/{spend['id']}/payments", {"amount": "950000.00"}, setup.headers)
    for _round in range(3):
        results = await asyncio.gather(
            *(
                client.post(
                    f"{BASE}/contracts/{spend['id']}/payments",
                    json={"amount": "30000.00"},
                    headers=setup.headers,
                )
                for _ in range(2)
            )
        )
        statuses = sorted(r.status_code for r in results)
        position = (
            await client.get(f"{BASE}/projects/{setup.project}/position", headers=setup.headers)
        ).json()
        assert Decimal(position["paid"]) <= Decimal(position["received"])
        if _round == 0:
            assert statuses == [201, 409], [r.text for r in results]
        else:
            assert statuses == [409, 409]
    position = (await client.get(f"{BASE}/projects/{setup.project}/position", headers=setup.headers)).json()
    assert position["paid"] == "980000.00"
