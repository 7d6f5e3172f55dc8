"""The same duplicate sent by many callers at once: exactly one is created, every other caller
gets the answer a duplicate gets when it comes alone (409 naming the field), never 412 or 422."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.modules.crm.models import Contact
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import make_account

CALLERS = 20


#: A 503 is the answer when the database cannot take another connection in time (a busy machine
#: opening 20 at once): the caller retries as its ``Retry-After`` says, a little sooner here.
RETRIES_AFTER_503 = 5


async def _post(
    client: httpx.AsyncClient, url: str, body: dict[str, Any], tenant: TenantHandle
) -> httpx.Response:
    response = await client.post(url, json=body, headers=tenant.headers)
    for _ in range(RETRIES_AFTER_503):
        if response.status_code != 503:
            break
        await asyncio.sleep(0.5)
        response = await client.post(url, json=body, headers=tenant.headers)
    return response


async def _all_at_once(
    client: httpx.AsyncClient, url: str, bodies: list[dict[str, Any]], tenant: TenantHandle
) -> list[httpx.Response]:
    return list(await asyncio.gather(*(_post(client, url, body, tenant) for body in bodies)))


def _assert_one_created_rest_conflict(responses: list[httpx.Response], field: str) -> None:
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(201) == 1, statuses
    for response in responses:
        if response.status_code == 201:
            continue
        assert response.status_code == 409, response.text
        problem = response.json()
        assert problem["type"].endswith("/conflict"), problem
        assert [e["field"] for e in problem["errors"]] == [field], problem


async def test_concurrent_duplicate_org_units_answer_409_naming_the_code(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    body = {"name": "Sales", "code": "SALES", "kind": "department"}
    responses = await _all_at_once(client, "/api/v1/org-units", [body] * CALLERS, tenant_a)
    _assert_one_created_rest_conflict(responses, "code")
    alone = await client.post("/api/v1/org-units", json=body, headers=tenant_a.headers)
    assert alone.status_code == 409
    assert alone.json()["errors"][0]["field"] == "code"


async def test_concurrent_duplicate_pipeline_stages_answer_409_naming_the_name(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    body = {"name": "Negotiation round 2", "probability": 60}
    responses = await _all_at_once(client, "/api/v1/crm/pipeline-stages", [body] * CALLERS, tenant_a)
    _assert_one_created_rest_conflict(responses, "name")


async def test_concurrent_duplicate_job_schedules_answer_409_naming_the_name(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    body = {
        "name": "Budget reminder",
        "task_name": "alerts.remind",
        "cron": "0 9 25 * *",
        "args": {"title": "Submit next month's budget", "severity": "warning"},
    }
    responses = await _all_at_once(client, "/api/v1/job-schedules", [body] * CALLERS, tenant_a)
    _assert_one_created_rest_conflict(responses, "name")


async def test_concurrent_primary_contacts_never_answer_412_and_leave_one_primary(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account_id = await make_account(app_engine, tenant_a)
    url = f"/api/v1/crm/accounts/{account_id}/contacts"
    first = await client.post(url, json={"name": "First", "is_primary": True}, headers=tenant_a.headers)
    assert first.status_code == 201, first.text
    bodies = [{"name": f"Contact {n}", "is_primary": True} for n in range(CALLERS)]
    responses = await _all_at_once(client, url, bodies, tenant_a)
    # No If-Match was sent: a request that lost the race is a conflict to retry, never a 412.
    assert {r.status_code for r in responses} <= {201, 409}, [(r.status_code, r.text) for r in responses]
    assert any(r.status_code == 201 for r in responses)
    for response in responses:
        if response.status_code == 409:
            assert response.headers.get("retry-after"), response.headers
    created = {r.json()["name"] for r in responses if r.status_code == 201}
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await bind_tenant(session, tenant_a.id)
        names = set(await session.scalars(select(Contact.name).where(Contact.account_id == account_id)))
        primaries = await session.scalar(
            select(func.count()).where(Contact.account_id == account_id, Contact.is_primary.is_(True))
        )
    # Every acknowledged contact exists, every refused one does not, and one is primary.
    assert names == {"First", *created}
    assert primaries == 1
