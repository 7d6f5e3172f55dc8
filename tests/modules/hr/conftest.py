"""HR fixtures: a tenant with an HQ and a store, an approval flow for job descriptions, an HR
clerk who writes them and an approver; helpers for positions, descriptions and employees."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity import security
from bizsuite.core.identity.models import ApiKey, Membership, Role, User
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import Person, assign, make_unit, post_ok

BASE = "/api/v1/hr"

#: A store manager's duty with a quantified four-level standard (优/良/可/差).
DUTY = {
    "content": "按时完成门店排班与考勤",
    "function": "保证门店人手",
    "excellent": "≥ 98% 按时",
    "good": "95–98%",
    "fair": "90–95%",
    "poor": "< 90%",
    "weight": "30",
}


async def create_person(engine: AsyncEngine, tenant: TenantHandle, name: str, role: Role) -> Person:
    """A member granted HR, with an API key of their own (it acts as them)."""
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    grants = ["hr"]
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        user = User(email=email, name=name, password_hash=None)
        session.add(user)
        await session.flush()
        session.add(Membership(user_id=user.id, role=role, module_grants=grants))
        secret = security.new_api_key()
        session.add(
            ApiKey(
                name=f"{name}'s key",
                prefix=secret[:12],
                key_hash=security.sha256_hex(secret),
                role=role,
                module_grants=grants,
                created_by=user.id,
            )
        )
    return Person(user_id=user.id, email=email, api_key=secret)


@dataclass
class Setup:
    """A tenant ready for HR."""

    tenant: TenantHandle
    hq: str
    store: str
    clerk: Person
    approver: Person

    @property
    def headers(self) -> dict[str, str]:
        return self.tenant.headers


async def build(client: httpx.AsyncClient, engine: AsyncEngine, tenant: TenantHandle) -> Setup:
    """Org units, people and the job-description approval flow, made through the API."""
    hq = await make_unit(client, tenant, f"HQ{uuid.uuid4().hex[:4]}", "group")
    store = await make_unit(client, tenant, f"ST{uuid.uuid4().hex[:4]}", "store", parent=hq)
    clerk = await create_person(engine, tenant, "hr-clerk", Role.MEMBER)
    approver = await create_person(engine, tenant, "hr-approver", Role.MANAGER)
    await assign(client, tenant, approver, hq, "hr_approver")
    step = {
        "label": "HR approver",
        "approver_kind": "role_at_ancestor_kind",
        "approver_role": "hr_approver",
        "org_unit_kind": "group",
    }
    await post_ok(
        client,
        "/api/v1/approvals/flows",
        {
            "code": "jd",
            "name": "jd",
            "priority": 10,
            "document_types": ["hr_job_description"],
            "steps": [step],
        },
        tenant.headers,
    )
    return Setup(tenant, hq, store, clerk, approver)


@pytest.fixture
async def tenant_a(make_tenant: Callable[..., Awaitable[TenantHandle]]) -> TenantHandle:
    """A tenant with the HR module."""
    return await make_tenant(modules=["hr"])


@pytest.fixture
async def tenant_b(make_tenant: Callable[..., Awaitable[TenantHandle]]) -> TenantHandle:
    """Another tenant with the HR module."""
    return await make_tenant(modules=["hr"])


@pytest.fixture
async def setup(client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle) -> Setup:
    return await build(client, app_engine, tenant_a)


async def position(
    client: httpx.AsyncClient,
    s: Setup,
    code: str,
    *,
    unit: str | None = None,
    headcount: int = 1,
    **extra: Any,
) -> dict[str, Any]:
    """Define a position (at the store unless ``unit``)."""
    body = {
        "code": code,
        "title": f"Position {code}",
        "category": "operations",
        "org_unit_id": unit or s.store,
        "headcount": headcount,
        **extra,
    }
    return await post_ok(client, f"{BASE}/positions", body, s.headers)


async def set_paths(
    client: httpx.AsyncClient, s: Setup, item: dict[str, Any], **paths: list[str]
) -> httpx.Response:
    current = (await client.get(f"{BASE}/positions/{item['id']}", headers=s.headers)).json()
    return await client.put(
        f"{BASE}/positions/{item['id']}/paths",
        json=paths,
        headers={**s.headers, "If-Match": str(current["version"])},
    )


async def employee(client: httpx.AsyncClient, s: Setup, number: str, name: str = "张三") -> dict[str, Any]:
    return await post_ok(client, f"{BASE}/employees", {"number": number, "name": name}, s.headers)


async def approve_request(client: httpx.AsyncClient, s: Setup, document_id: str) -> None:
    """The approver approves the pending request of ``document_id`` from their inbox."""
    inbox = (await client.get("/api/v1/approvals/inbox", headers=s.approver.headers)).json()["items"]
    request = next(r for r in inbox if r["document_id"] == document_id)
    done = await client.post(
        f"/api/v1/approvals/requests/{request['id']}/approve",
        json={},
        headers={**s.approver.headers, "If-Match": str(request["version"])},
    )
    assert done.status_code == 200, done.text
