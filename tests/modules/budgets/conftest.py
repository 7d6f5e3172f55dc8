"""Budgets fixtures: an org tree (HQ → finance, operations; retail → east region → a store),
approvers holding the seed roles, the four seed expense flows plus a plan flow (the general
manager approves plans and adjustments), people granted budgets with keys of their own, the
seed's categories, and helpers to compile, approve and spend."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity import security
from bizsuite.core.identity.models import ApiKey, Membership, Role, User
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import Person, assign, make_unit, post_ok, seed_flows

BASE = "/api/v1/budgets"
YEAR = 2027


async def create_person(engine: AsyncEngine, tenant: TenantHandle, name: str, role: Role) -> Person:
    """A member granted budgets, with an API key of their own (it acts as them)."""
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    grants = ["budgets"]
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
    """A tenant ready for budgets."""

    tenant: TenantHandle
    units: dict[str, str]
    people: dict[str, Person]
    categories: dict[str, str] = field(default_factory=dict)

    @property
    def headers(self) -> dict[str, str]:
        return self.tenant.headers

    def __getitem__(self, name: str) -> Person:
        return self.people[name]


#: The seed's categories: (code, name, parent, ratio %).
SEED_CATEGORIES = [
    ("OPERATING", "经营费用", None, "3"),
    ("RENT", "房租费用", None, "6.5"),
    ("PAYROLL", "薪资福利", None, "13"),
    ("ADVERTISING", "广告费用", None, "2"),
    ("AD-MATERIALS", "门店物料", "ADVERTISING", "1.2"),
    ("AD-ADS", "广告费", "ADVERTISING", "0.4"),
    ("AD-EVENTS", "活动奖", "ADVERTISING", "0.1"),
    ("AD-SUPPORT", "帮扶费", "ADVERTISING", "0.3"),
    ("CONTROLLABLE", "可控费用", None, "3.5"),
    ("STORE-OFFICE", "办公费用", "CONTROLLABLE", "0.30"),
    ("UTILITIES", "水电费", "CONTROLLABLE", "0.70"),
    ("HOSPITALITY", "业务招待费", None, "0.2"),
    ("ASSET-UPKEEP", "资产维护", None, "0.4"),
]


async def build(client: httpx.AsyncClient, engine: AsyncEngine, tenant: TenantHandle) -> Setup:
    """The org tree, approvers, flows and people, made through the API where there is one."""
    units: dict[str, str] = {}
    units["HQ"] = await make_unit(client, tenant, "HQ", "group")
    for code in ("FIN", "OPS", "SALES"):
        units[code] = await make_unit(client, tenant, code, "department", units["HQ"])
    units["RETAIL"] = await make_unit(client, tenant, "RETAIL", "subsidiary", units["HQ"])
    units["EAST"] = await make_unit(client, tenant, "EAST", "region", units["RETAIL"])
    units["SH"] = await make_unit(client, tenant, "SH", "store", units["EAST"])
    people = {
        "gm": await create_person(engine, tenant, "gm", Role.MANAGER),
        "finance": await create_person(engine, tenant, "finance", Role.MANAGER),
        "ops": await create_person(engine, tenant, "ops", Role.MANAGER),
        "region": await create_person(engine, tenant, "region", Role.MANAGER),
        "store": await create_person(engine, tenant, "store", Role.MEMBER),
        "clerk": await create_person(engine, tenant, "clerk", Role.MEMBER),
    }
    for person, unit, role in (
        ("gm", "HQ", "general_manager"),
        ("finance", "FIN", "finance"),
        ("ops", "OPS", "operations_manager"),
        ("region", "EAST", "regional_manager"),
        ("store", "SH", "store_manager"),
    ):
        await assign(client, tenant, people[person], units[unit], role)
    for flow in seed_flows(units):
        await post_ok(client, "/api/v1/approvals/flows", flow, tenant.headers)
    gm = {
        "label": "General manager",
        "approver_kind": "role_at_ancestor_kind",
        "approver_role": "general_manager",
        "org_unit_kind": "group",
    }
    await post_ok(
        client,
        "/api/v1/approvals/flows",
        {
            "code": "budget-plan",
            "name": "Budget plan",
            "priority": 5,
            "document_types": ["budgets_plan", "budgets_adjustment"],
            "steps": [gm],
        },
        tenant.headers,
    )
    s = Setup(tenant, units, people)
    for code, name, parent, ratio in SEED_CATEGORIES:
        body: dict[str, Any] = {"code": code, "name": name, "ratio": ratio}
        if parent:
            body["parent_id"] = s.categories[parent]
        s.categories[code] = (await post_ok(client, f"{BASE}/categories", body, tenant.headers))["id"]
    return s


MakeTenant = Callable[..., Awaitable[TenantHandle]]


@pytest.fixture
async def setup(client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: MakeTenant) -> Setup:
    return await build(client, app_engine, await make_tenant(modules=["budgets"]))


async def approve_through(client: httpx.AsyncClient, s: Setup, document_id: str) -> dict[str, Any]:
    """Each approver on the route approves the document's request in turn; the request."""
    by_id = {p.id: p for p in s.people.values()}
    for _step in range(6):
        found = (
            await client.get(
                "/api/v1/approvals/requests", params={"document_id": document_id}, headers=s.headers
            )
        ).json()["items"]
        request: dict[str, Any] = found[0]
        if request["status"] != "pending":
            return request
        approver = by_id[request["current_approver_id"]]
        done = await client.post(
            f"/api/v1/approvals/requests/{request['id']}/approve",
            json={},
            headers={**approver.headers, "If-Match": str(request["version"])},
        )
        assert done.status_code == 200, done.text
    raise AssertionError("the request did not finish its route")


async def request_of(client: httpx.AsyncClient, s: Setup, document_id: str) -> dict[str, Any]:
    """The approval request of a document."""
    found = (
        await client.get("/api/v1/approvals/requests", params={"document_id": document_id}, headers=s.headers)
    ).json()["items"]
    result: dict[str, Any] = found[0]
    return result


async def set_mode(
    client: httpx.AsyncClient, s: Setup, code: str, mode: str, scope: str | None = None
) -> None:
    """Change a category's control mode (and check scope)."""
    current = (await client.get(f"{BASE}/categories/{s.categories[code]}", headers=s.headers)).json()
    body: dict[str, Any] = {"control_mode": mode}
    if scope:
        body["check_scope"] = scope
    changed = await client.patch(
        f"{BASE}/categories/{s.categories[code]}",
        json=body,
        headers={**s.headers, "If-Match": str(current["version"])},
    )
    assert changed.status_code == 200, changed.text


async def approved_plan(
    client: httpx.AsyncClient,
    s: Setup,
    lines: list[tuple[str, str, str]],
    *,
    unit: str = "SH",
    granularity: str = "month",
    year: int = YEAR,
) -> dict[str, Any]:
    """A plan of ``unit`` with fixed lines [(category code, period, amount)], approved; its detail."""
    plan = await post_ok(
        client,
        f"{BASE}/plans",
        {
            "title": f"{unit} {year}",
            "fiscal_year": year,
            "org_unit_id": s.units[unit],
            "granularity": granularity,
        },
        s["clerk"].headers,
    )
    for code, period, amount in lines:
        await post_ok(
            client,
            f"{BASE}/plans/{plan['id']}/lines",
            {"category_id": s.categories[code], "period": period, "method": "fixed", "amount": amount},
            s["clerk"].headers,
        )
    submitted = await client.post(
        f"{BASE}/plans/{plan['id']}/submit", headers={**s["clerk"].headers, "If-Match": str(plan["version"])}
    )
    assert submitted.status_code == 200, submitted.text
    await approve_through(client, s, plan["id"])
    detail: dict[str, Any] = (await client.get(f"{BASE}/plans/{plan['id']}", headers=s.headers)).json()
    assert detail["plan"]["status"] == "approved"
    return detail


def line_of(detail: dict[str, Any], s: Setup, code: str, period: str) -> dict[str, Any]:
    """The plan's line of a category and period."""
    return next(
        line
        for line in detail["lines"]
        if line["category_id"] == s.categories[code] and line["period"] == period
    )


async def spend(
    client: httpx.AsyncClient, s: Setup, line_id: str, amount: str, kind: str = "request", **extra: Any
) -> httpx.Response:
    """The clerk files an expense against a line."""
    body = {"kind": kind, "line_id": line_id, "title": f"{kind} {amount}", "amount": amount, **extra}
    return await client.post(f"{BASE}/expenses", json=body, headers=s["clerk"].headers)


async def line(client: httpx.AsyncClient, s: Setup, line_id: str) -> dict[str, Any]:
    """A line's current figures."""
    result: dict[str, Any] = (await client.get(f"{BASE}/lines/{line_id}", headers=s.headers)).json()["line"]
    return result


async def pay(client: httpx.AsyncClient, s: Setup, expense_id: str, **body: Any) -> dict[str, Any]:
    """Finance records an approved expense as paid; the expense."""
    current = (await client.get(f"{BASE}/expenses/{expense_id}", headers=s.headers)).json()
    paid = await client.post(
        f"{BASE}/expenses/{expense_id}/pay",
        json=body,
        headers={**s["finance"].headers, "If-Match": str(current["version"])},
    )
    assert paid.status_code == 200, paid.text
    result: dict[str, Any] = paid.json()
    return result
