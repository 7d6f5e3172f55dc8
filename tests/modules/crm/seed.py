"""CRM records the demo blueprint does not make, created through the API for the route-table
isolation test (``tests/conventions/test_isolation_by_route.py``): one of each."""

from __future__ import annotations

import httpx


async def seed(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """A contact, an activity, a ticket and a revenue import on the tenant's first account."""
    account = (await client.get("/api/v1/crm/accounts?limit=1", headers=headers)).json()["items"][0]
    base = f"/api/v1/crm/accounts/{account['id']}"
    made = [
        await client.post(f"{base}/contacts", headers=headers, json={"name": "Li Wei"}),
        await client.post(
            f"{base}/activities", headers=headers, json={"kind": "call", "subject": "Check-in"}
        ),
        await client.post(
            "/api/v1/crm/tickets",
            headers=headers,
            json={"account_id": account["id"], "title": "Lift stuck", "category": "fault"},
        ),
        await client.post(
            "/api/v1/crm/revenue-imports",
            params={"name": "revenue.csv"},
            content=f"account_code,month,amount\n{account['code']},2026-10,100.00\n".encode(),
            headers={**headers, "Content-Type": "text/csv"},
        ),
    ]
    assert all(r.status_code == 201 for r in made), [r.text for r in made]
