"""Contracts fixtures: a tenant with an org unit, a customer (CRM account), a supplier, a project,
an approval flow for contracts and payments beyond receipts, a clerk who registers and an approver."""

from __future__ import annotations

import uuid
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
from tests.modules.crm.conftest import make_account

BASE = "/api/v1/contracts"


async def create_person(engine: AsyncEngine, tenant: TenantHandle, name: str, role: Role) -> Person:
    """A member granted CRM and contracts, with an API key of their own (it acts as them)."""
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    grants = ["crm", "contracts"]
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
    """A tenant ready for contracts."""

    tenant: TenantHandle
    unit: str
    account: str
    supplier: str
    project: str
    clerk: Person
    approver: Person

    @property
    def headers(self) -> dict[str, str]:
        return self.tenant.headers


async def build(client: httpx.AsyncClient, engine: AsyncEngine, tenant: TenantHandle) -> Setup:
    """Everything a contract's life needs, made through the API where there is one."""
    unit = await make_unit(client, tenant, f"PRJ{uuid.uuid4().hex[:4]}", "department")
    clerk = await create_person(engine, tenant, "clerk", Role.MEMBER)
    approver = await create_person(engine, tenant, "approver", Role.MANAGER)
    await assign(client, tenant, approver, unit, "contract_approver")
    step = {"label": "Approver", "approver_kind": "role_at_unit", "approver_role": "contract_approver"}
    for code, types in (
        ("contracts", ["contracts_contract", "contracts_change"]),
        ("over-receipts", ["contracts_payment"]),
    ):
        await post_ok(
            client,
            "/api/v1/approvals/flows",
            {"code": code, "name": code, "priority": 10, "document_types": types, "steps": [step]},
            tenant.headers,
        )
    account = await make_account(engine, tenant, "上海明辉贸易有限公司")
    supplier = await post_ok(
        client,
        f"{BASE}/counterparties",
        {"kind": "supplier", "code": "S-1", "name": "江苏建工材料有限公司", "rating": 4},
        tenant.headers,
    )
    project = await post_ok(
        client,
        f"{BASE}/projects",
        {"code": "P-1", "name": "华东仓储中心", "org_unit_id": unit},
        tenant.headers,
    )
    return Setup(tenant, unit, str(account), supplier["id"], project["id"], clerk, approver)


@pytest.fixture
async def setup(client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle) -> Setup:
    return await build(client, app_engine, tenant_a)


async def register(
    client: httpx.AsyncClient, s: Setup, direction: str, amount: str = "1000000.00", **extra: Any
) -> dict[str, Any]:
    """Register a contract as the clerk."""
    party = {"account_id": s.account} if direction == "income" else {"counterparty_id": s.supplier}
    body = {
        "direction": direction,
        "title": f"{direction} contract",
        "amount": amount,
        "project_id": s.project,
    }
    return await post_ok(client, f"{BASE}/contracts", {**body, **party, **extra}, s.clerk.headers)


async def move(
    client: httpx.AsyncClient, who: Person | TenantHandle, contract: dict[str, Any], status: str
) -> httpx.Response:
    return await client.post(
        f"{BASE}/contracts/{contract['id']}/status",
        json={"status": status},
        headers={**who.headers, "If-Match": str(contract["version"])},
    )


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


async def active(
    client: httpx.AsyncClient, s: Setup, direction: str, amount: str = "1000000.00"
) -> dict[str, Any]:
    """A contract registered, approved and signed."""
    contract = await register(client, s, direction, amount)
    submitted = await move(client, s.clerk, contract, "in_approval")
    assert submitted.status_code == 200, submitted.text
    await approve_request(client, s, contract["id"])
    current = (await client.get(f"{BASE}/contracts/{contract['id']}", headers=s.headers)).json()["contract"]
    assert current["status"] == "approved"
    signed = await move(client, s.clerk, current, "active")
    assert signed.status_code == 200, signed.text
    result: dict[str, Any] = signed.json()
    return result


async def set_rule(client: httpx.AsyncClient, s: Setup, rule: str) -> None:
    current = (await client.get(f"{BASE}/settings", headers=s.headers)).json()
    changed = await client.patch(
        f"{BASE}/settings",
        json={"spend_rule": rule},
        headers={**s.headers, "If-Match": str(current["version"])},
    )
    assert changed.status_code == 200, changed.text
