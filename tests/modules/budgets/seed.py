"""Budgets records for the route-table isolation test, beyond the demo blueprint's (which makes
categories, forecasts, an approved plan with its lines, expenses and an adjustment): a category
and a forecast made through the API."""

from __future__ import annotations

import uuid

import httpx

BASE = "/api/v1/budgets"


async def seed(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """A category and a forecast."""
    suffix = uuid.uuid4().hex[:6].upper()
    unit = (await client.get("/api/v1/org-units?limit=1", headers=headers)).json()["items"][0]
    made = [
        await client.post(
            f"{BASE}/categories", headers=headers, json={"code": f"SEED-{suffix}", "name": "Seed"}
        ),
        await client.post(
            f"{BASE}/forecasts",
            headers=headers,
            json={"org_unit_id": unit["id"], "period": "2031-01", "amount": "1.00"},
        ),
    ]
    assert all(r.status_code in (200, 201) for r in made), [r.text for r in made]
