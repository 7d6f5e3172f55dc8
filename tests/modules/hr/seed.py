"""HR records for the route-table isolation test (beyond the demo blueprint's): a position, a
job description with a duty, an employee with an assignment, a job-analysis campaign with a rater,
an open appraisal cycle of the unit (the demo blueprint's cycle has scored appraisals)."""

from __future__ import annotations

import uuid

import httpx

BASE = "/api/v1/hr"


async def seed(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """One of each record the HR routes take an id of."""
    suffix = uuid.uuid4().hex[:6].upper()
    unit = (await client.get("/api/v1/org-units?limit=1", headers=headers)).json()["items"][0]
    position = await client.post(
        f"{BASE}/positions",
        headers=headers,
        json={
            "code": f"SEED-{suffix}",
            "title": "Seed",
            "category": "operations",
            "org_unit_id": unit["id"],
            "headcount": 1,
        },
    )
    assert position.status_code == 201, position.text
    description = await client.post(
        f"{BASE}/job-descriptions",
        headers=headers,
        json={
            "position_id": position.json()["id"],
            "duties": [{"content": "Seed", "excellent": "a", "good": "b", "fair": "c", "poor": "d"}],
        },
    )
    employee = await client.post(
        f"{BASE}/employees", headers=headers, json={"number": f"E-{suffix}", "name": "Seed"}
    )
    assert employee.status_code == 201, employee.text
    assignment = await client.post(
        f"{BASE}/employees/{employee.json()['id']}/assignments",
        headers=headers,
        json={"position_id": position.json()["id"], "starts_on": "2026-01-01"},
    )
    campaign = await client.post(
        f"{BASE}/campaigns",
        headers=headers,
        json={
            "position_id": position.json()["id"],
            "title": "Seed",
            "raters": [{"name": "Seed", "role": "manager"}],
        },
    )
    cycle = await client.post(
        f"{BASE}/appraisal-cycles",
        headers=headers,
        json={
            "name": f"Seed {suffix}",
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "org_unit_id": unit["id"],
        },
    )
    assert cycle.status_code == 201, cycle.text
    opened = await client.post(
        f"{BASE}/appraisal-cycles/{cycle.json()['id']}/status",
        headers={**headers, "If-Match": str(cycle.json()["version"])},
        json={"status": "open"},
    )
    made = (description, assignment, campaign, opened)
    assert all(r.status_code in (200, 201) for r in made), [r.text for r in made]
