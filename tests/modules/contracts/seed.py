"""Contracts records for the route-table isolation test (beyond the demo blueprint's): a supplier
with a qualification, a project, an expenditure contract with a milestone, a clause, a template
and a claim."""

from __future__ import annotations

import uuid

import httpx

BASE = "/api/v1/contracts"


async def seed(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """One of each record the contracts routes take an id of."""
    suffix = uuid.uuid4().hex[:6].upper()
    unit = (await client.get("/api/v1/org-units?limit=1", headers=headers)).json()["items"][0]
    party = await client.post(
        f"{BASE}/counterparties",
        headers=headers,
        json={"kind": "subcontractor", "code": f"SEED-{suffix}", "name": "Seed"},
    )
    assert party.status_code == 201, party.text
    made = [
        await client.post(
            f"{BASE}/counterparties/{party.json()['id']}/qualifications",
            headers=headers,
            json={"kind": "安全生产许可证", "number": "SEED-1"},
        ),
        project := await client.post(
            f"{BASE}/projects",
            headers=headers,
            json={"code": f"SEED-{suffix}", "name": "Seed", "org_unit_id": unit["id"]},
        ),
    ]
    contract = await client.post(
        f"{BASE}/contracts",
        headers=headers,
        json={
            "direction": "expenditure",
            "title": "Seed",
            "amount": "10.00",
            "counterparty_id": party.json()["id"],
            "project_id": project.json()["id"],
        },
    )
    made.append(contract)
    made.append(
        await client.post(
            f"{BASE}/contracts/{contract.json()['id']}/milestones",
            headers=headers,
            json={"title": "Seed", "due_on": "2026-01-31", "amount": "10.00"},
        )
    )
    assert all(r.status_code == 201 for r in made), [r.text for r in made]
    clause = await client.post(
        f"{BASE}/clauses", headers=headers, json={"code": f"SEED-{suffix}", "title": "Seed", "body": "Seed"}
    )
    template = await client.post(
        f"{BASE}/templates",
        headers=headers,
        json={
            "code": f"SEED-{suffix}",
            "name": "Seed",
            "body": "Seed {{number}}",
            "clauses": [{"clause_id": clause.json()["id"]}],
        },
    )
    assert clause.status_code == 201 and template.status_code == 201, (clause.text, template.text)
    signed = (await client.get(f"{BASE}/contracts?status=active&limit=1", headers=headers)).json()["items"]
    if signed:  # the demo blueprint signs contracts; a claim needs an approved or signed one
        claim = await client.post(
            f"{BASE}/contracts/{signed[0]['id']}/claims",
            headers=headers,
            json={"kind": "delay", "raised_by": "counterparty", "reason": "Seed", "days": 3},
        )
        assert claim.status_code == 201, claim.text
