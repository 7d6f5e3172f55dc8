"""Fees fixtures: a group with HQ finance and two subsidiaries, the seed's fee schedule, an
approval flow for statements, HQ finance (who generates and submits), a general manager (who
approves) and one staff member of each subsidiary (who see only their own)."""

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

BASE = "/api/v1/fees"

SEED_SCHEDULE = {
    "name": "管理费收取办法 (草案)",
    "effective_from": "2025-01-01",
    "components": [
        {"kind": "volume_rate", "label": "进出口规模管理费", "rate": "0.70", "per": "100"},
        {"kind": "band_settlement", "label": "年度总体结算", "band_low": "0.10", "band_high": "0.25"},
        {"kind": "profit_share", "label": "经营效益管理费", "rate": "20"},
        {"kind": "income_share", "label": "其他业务收入管理费", "rate": "5"},
    ],
}


async def create_person(engine: AsyncEngine, tenant: TenantHandle, name: str, role: Role) -> Person:
    """A member granted fees, with an API key of their own (it acts as them)."""
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    grants = ["fees"]
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
class Group:
    """A tenant ready for fee billing."""

    tenant: TenantHandle
    hq: str
    trade: str
    retail: str
    finance: Person
    gm: Person
    trade_staff: Person
    retail_staff: Person
    schedule: dict[str, Any]

    @property
    def headers(self) -> dict[str, str]:
        return self.tenant.headers


async def build(client: httpx.AsyncClient, engine: AsyncEngine, tenant: TenantHandle) -> Group:
    """Org units, people, roles, the statement approval flow and the seed schedule, via the API."""
    suffix = uuid.uuid4().hex[:4].upper()
    hq = await make_unit(client, tenant, f"HQ{suffix}", "group")
    fin = await make_unit(client, tenant, f"FIN{suffix}", "department", hq)
    trade = await make_unit(client, tenant, f"TRADE{suffix}", "subsidiary", hq)
    retail = await make_unit(client, tenant, f"RETAIL{suffix}", "subsidiary", hq)
    trade_sales = await make_unit(client, tenant, f"TS{suffix}", "department", trade)
    finance = await create_person(engine, tenant, "finance", Role.MANAGER)
    gm = await create_person(engine, tenant, "gm", Role.MANAGER)
    trade_staff = await create_person(engine, tenant, "trade", Role.MEMBER)
    retail_staff = await create_person(engine, tenant, "retail", Role.MEMBER)
    await assign(client, tenant, finance, fin, "finance")
    await assign(client, tenant, gm, hq, "general_manager")
    await assign(client, tenant, trade_staff, trade_sales, "department_manager")
    await assign(client, tenant, retail_staff, retail, "finance")
    step = {
        "label": "General manager",
        "approver_kind": "role_at_ancestor_kind",
        "approver_role": "general_manager",
        "org_unit_kind": "group",
    }
    await post_ok(
        client,
        "/api/v1/approvals/flows",
        {
            "code": "fees",
            "name": "fees",
            "priority": 10,
            "document_types": ["fees_statement"],
            "steps": [step],
        },
        tenant.headers,
    )
    schedule = await post_ok(client, f"{BASE}/schedules", SEED_SCHEDULE, tenant.headers)
    return Group(tenant, hq, trade, retail, finance, gm, trade_staff, retail_staff, schedule)


@pytest.fixture
async def group(client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: Any) -> Group:
    tenant = await make_tenant(modules=["crm", "contracts", "fees"])
    return await build(client, app_engine, tenant)


async def customs(
    client: httpx.AsyncClient, g: Group, unit: str, on: str, amount: str, direction: str = "export"
) -> dict[str, Any]:
    return await post_ok(
        client,
        f"{BASE}/customs-records",
        {
            "org_unit_id": unit,
            "declared_on": on,
            "direction": direction,
            "amount": amount,
            "reference": f"R-{uuid.uuid4().hex[:6]}",
        },
        g.headers,
    )


async def reconcile(
    client: httpx.AsyncClient, g: Group, unit: str, year: int, quarter: int, staff: Person
) -> dict[str, Any]:
    """Open the quarter's reconciliation; HQ finance and the subsidiary's staff both confirm."""
    opened = await post_ok(
        client, f"{BASE}/reconciliations", {"org_unit_id": unit, "year": year, "quarter": quarter}, g.headers
    )
    current = opened
    for who, side in ((g.finance, "hq"), (staff, "subsidiary")):
        done = await client.post(
            f"{BASE}/reconciliations/{opened['id']}/confirm",
            json={"side": side},
            headers={**who.headers, "If-Match": str(current["version"])},
        )
        assert done.status_code == 200, done.text
        current = done.json()
    assert current["status"] == "confirmed"
    return current


async def step(
    client: httpx.AsyncClient, who: Person | TenantHandle, statement: dict[str, Any], action: str
) -> httpx.Response:
    return await client.post(
        f"{BASE}/statements/{statement['id']}/{action}",
        headers={**who.headers, "If-Match": str(statement["version"])},
    )


async def approve(client: httpx.AsyncClient, g: Group, statement_id: str) -> None:
    inbox = (await client.get("/api/v1/approvals/inbox", headers=g.gm.headers)).json()["items"]
    request = next(r for r in inbox if r["document_id"] == statement_id)
    done = await client.post(
        f"/api/v1/approvals/requests/{request['id']}/approve",
        json={},
        headers={**g.gm.headers, "If-Match": str(request["version"])},
    )
    assert done.status_code == 200, done.text


async def issued(client: httpx.AsyncClient, g: Group, body: dict[str, Any]) -> dict[str, Any]:
    """Generate, submit, approve and issue a statement; return its detail."""
    made = await post_ok(client, f"{BASE}/statements", body, g.finance.headers)
    submitted = await step(client, g.finance, made["statement"], "submit")
    assert submitted.status_code == 200, submitted.text
    await approve(client, g, made["statement"]["id"])
    current = (await client.get(f"{BASE}/statements/{made['statement']['id']}", headers=g.headers)).json()
    assert current["statement"]["status"] == "approved"
    done = await step(client, g.finance, current["statement"], "issue")
    assert done.status_code == 200, done.text
    result: dict[str, Any] = done.json()
    return result
