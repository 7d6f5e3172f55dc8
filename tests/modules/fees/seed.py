"""Fees records for the route-table isolation test beyond the demo blueprint's (which has the
schedule, customs records and profit figures): a reconciliation and a draft statement."""

from __future__ import annotations

import httpx

BASE = "/api/v1/fees"


async def seed(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """A 2026-Q1 reconciliation of the first subsidiary, confirmed by both sides, and its draft statement."""
    units = (await client.get("/api/v1/org-units?limit=200", headers=headers)).json()["items"]
    unit = next(u for u in units if u["kind"] == "subsidiary")
    opened = await client.post(
        f"{BASE}/reconciliations",
        headers=headers,
        json={"org_unit_id": unit["id"], "year": 2026, "quarter": 1},
    )
    assert opened.status_code == 201, opened.text
    current = opened.json()
    for side in ("hq", "subsidiary"):
        done = await client.post(
            f"{BASE}/reconciliations/{current['id']}/confirm",
            headers={**headers, "If-Match": str(current["version"])},
            json={"side": side},
        )
        assert done.status_code == 200, done.text
        current = done.json()
    made = await client.post(
        f"{BASE}/statements", headers=headers, json={"org_unit_id": unit["id"], "year": 2026, "quarter": 1}
    )
    assert made.status_code == 201, made.text
