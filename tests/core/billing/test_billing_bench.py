"""What entitlement checks cost per request (``pytest -m bench tests/core/billing -s``; docs/billing.md)."""

from __future__ import annotations

import datetime as dt
import statistics
import time
import timeit

import httpx
import pytest
from bizsuite.core.billing.entitlements import check_route
from bizsuite.core.tenants.models import Tenant

from tests.conftest import TenantHandle
from tests.core.billing.conftest import OPERATOR, PlanMaker

pytestmark = pytest.mark.bench


async def _median_ms(client: httpx.AsyncClient, tenant: TenantHandle, rounds: int = 300) -> float:
    for _ in range(20):
        await client.get("/api/v1/crm/accounts", headers=tenant.headers)
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        answer = await client.get("/api/v1/crm/accounts", headers=tenant.headers)
        samples.append((time.perf_counter() - started) * 1000)
        assert answer.status_code == 200
    return statistics.median(samples)


def test_the_entitlement_check_costs_microseconds() -> None:
    tenant = Tenant(slug="b", name="b", modules=["crm"], sandbox=False, clock_offset=dt.timedelta(0))
    tenant.entitlements = {
        "plan": "pro",
        "plan_name": "Pro",
        "plan_version": 1,
        "modules": ["crm"],
        "seats": 5,
        "limits": {},
        "status": "past_due",
        "lapse": "2099-01-01T00:00:00+00:00",
    }
    rounds = 100_000
    per_check = timeit.timeit(lambda: check_route(tenant, "crm", write=False), number=rounds) / rounds
    print(f"check_route: {per_check * 1e6:.2f} µs")
    assert per_check < 50e-6


async def test_a_subscription_adds_no_measurable_cost_to_a_request(
    client: httpx.AsyncClient, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    before = await _median_ms(client, tenant_a)
    plan = await make_plan(modules=["crm", "contracts"])
    assigned = await client.put(
        f"/api/v1/billing/tenants/{tenant_a.id}/subscription", json={"plan": plan["code"]}, headers=OPERATOR
    )
    assert assigned.status_code == 200
    after = await _median_ms(client, tenant_a)
    print(f"median GET /api/v1/crm/accounts: without subscription {before:.2f} ms, with {after:.2f} ms")
    assert after < before * 1.25 + 0.5
