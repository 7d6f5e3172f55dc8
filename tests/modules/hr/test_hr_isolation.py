"""Tenant B cannot see, change or reference tenant A's HR records (the route-table test covers
every id in a path; this one covers ids inside bodies and lists)."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.hr.conftest import BASE, DUTY, Setup, build, employee, position, set_paths


async def test_another_tenant_cannot_list_read_change_or_reference_hr_records(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, tenant_b: TenantHandle
) -> None:
    a = setup
    manager = await position(client, a, "STORE-MGR")
    description = (
        await client.post(
            f"{BASE}/job-descriptions",
            json={"position_id": manager["id"], "duties": [DUTY]},
            headers=a.clerk.headers,
        )
    ).json()
    person = await employee(client, a, "E-1")
    b = await build(client, app_engine, tenant_b)
    theirs = await position(client, b, "CLERK")
    their_person = await employee(client, b, "E-1")
    for path in ("/positions", "/job-descriptions", "/employees"):
        listed = (await client.get(f"{BASE}{path}", headers=b.headers)).json()["items"]
        assert {i["id"] for i in listed}.isdisjoint({manager["id"], description["id"], person["id"]})
    chart = (await client.get(f"{BASE}/org-chart", headers=b.headers)).json()
    assert [n["code"] for n in chart["nodes"]] == ["CLERK"]
    assert manager["id"] not in str((await client.get(f"{BASE}/headcount", headers=b.headers)).json())
    for path in (
        f"/positions/{manager['id']}",
        f"/job-descriptions/{description['id']}",
        f"/employees/{person['id']}",
    ):
        assert (await client.get(f"{BASE}{path}", headers=b.headers)).status_code == 404
    refused = [
        (
            "reports_to_id",
            await client.post(
                f"{BASE}/positions",
                json={
                    "code": "X",
                    "title": "x",
                    "category": "sales",
                    "org_unit_id": b.store,
                    "headcount": 1,
                    "reports_to_id": manager["id"],
                },
                headers=b.headers,
            ),
        ),
        (
            "org_unit_id",
            await client.post(
                f"{BASE}/positions",
                json={"code": "Y", "title": "y", "category": "sales", "org_unit_id": a.store, "headcount": 1},
                headers=b.headers,
            ),
        ),
        ("promotes_to", await set_paths(client, b, theirs, promotes_to=[manager["id"]])),
        (
            "position_id",
            await client.post(
                f"{BASE}/job-descriptions", json={"position_id": manager["id"]}, headers=b.headers
            ),
        ),
        (
            "position_id",
            await client.post(
                f"{BASE}/employees/{their_person['id']}/assignments",
                json={"position_id": manager["id"], "starts_on": "2026-01-01"},
                headers=b.headers,
            ),
        ),
    ]
    question = (
        await client.post(
            f"{BASE}/questions",
            json={"code": "Q1", "dimension": "criticality", "text": "q"},
            headers=a.headers,
        )
    ).json()
    campaign = (
        await client.post(
            f"{BASE}/campaigns",
            json={"position_id": theirs["id"], "title": "t", "raters": [{"name": "r", "role": "manager"}]},
            headers=b.headers,
        )
    ).json()
    refused += [
        (
            "position_id",
            await client.post(
                f"{BASE}/campaigns",
                json={
                    "position_id": manager["id"],
                    "title": "t",
                    "raters": [{"name": "r", "role": "manager"}],
                },
                headers=b.headers,
            ),
        ),
        (
            "ratings",
            await client.put(
                f"{BASE}/campaigns/{campaign['id']}/raters/{campaign['raters'][0]['id']}/ratings",
                json={
                    "ratings": [
                        {"question_id": question["id"], "need": 1, "importance": 1, "contribution": 1}
                    ]
                },
                headers=b.headers,
            ),
        ),
    ]
    assert [
        q["code"] for q in (await client.get(f"{BASE}/questions", headers=b.headers)).json()["items"]
    ] == []
    for field, response in refused:
        assert response.status_code == 422, (field, response.text)
        assert response.json()["errors"][0]["field"] == field
    assigned = await client.post(
        f"{BASE}/employees/{person['id']}/assignments",
        json={"position_id": theirs["id"], "starts_on": "2026-01-01"},
        headers=b.headers,
    )
    assert assigned.status_code == 404
    added = await client.post(
        f"{BASE}/job-descriptions/{description['id']}/duties",
        json=DUTY,
        headers={**b.headers, "If-Match": str(description["version"])},
    )
    assert added.status_code == 404
    unchanged = (await client.get(f"{BASE}/job-descriptions/{description['id']}", headers=a.headers)).json()
    assert unchanged["version"] == description["version"] and len(unchanged["duties"]) == 1
