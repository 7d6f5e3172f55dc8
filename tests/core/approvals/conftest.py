"""Approval fixtures: people with their own API keys, an org tree, assignments and the seed flows,
all made through the API (people are made directly, as the invitation flow would)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from bizsuite.core.approvals import ApprovalRequest
from bizsuite.core.context import Context
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity import security
from bizsuite.core.identity.models import ApiKey, Membership, Role, User
from bizsuite.kit import DocumentType, registry
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle

Client = AsyncTestClient[Any]


@dataclass
class Person:
    """A member of a tenant with an API key of their own (the key acts as them)."""

    user_id: uuid.UUID
    email: str
    api_key: str

    @property
    def id(self) -> str:
        return str(self.user_id)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}


async def create_person(
    engine: AsyncEngine, tenant: TenantHandle, name: str, role: Role = Role.MEMBER
) -> Person:
    """Add a user to the tenant, with an API key they created."""
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        user = User(email=email, name=name, password_hash=None)
        session.add(user)
        await session.flush()
        session.add(Membership(user_id=user.id, role=role, module_grants=[]))
        secret = security.new_api_key()
        session.add(
            ApiKey(
                name=f"{name}'s key",
                prefix=secret[:12],
                key_hash=security.sha256_hex(secret),
                role=role,
                module_grants=[],
                created_by=user.id,
            )
        )
    return Person(user_id=user.id, email=email, api_key=secret)


PersonMaker = Callable[..., Awaitable[Person]]


@pytest.fixture
def add_person(app_engine: AsyncEngine) -> PersonMaker:
    """Factory: ``await add_person(tenant, "name", Role.MANAGER)``."""

    async def factory(tenant: TenantHandle, name: str, role: Role = Role.MEMBER) -> Person:
        return await create_person(app_engine, tenant, name, role)

    return factory


async def post_ok(client: Client, path: str, body: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
    response = await client.post(path, json=body, headers=headers)
    assert response.status_code in {200, 201}, f"{path}: {response.status_code} {response.text}"
    result: dict[str, Any] = response.json()
    return result


async def make_unit(
    client: Client, tenant: TenantHandle, code: str, kind: str, parent: str | None = None
) -> str:
    body: dict[str, Any] = {"name": f"Unit {code}", "code": code, "kind": kind}
    if parent:
        body["parent_id"] = parent
    return str((await post_ok(client, "/api/v1/org-units", body, tenant.headers))["id"])


async def assign(client: Client, tenant: TenantHandle, person: Person, unit: str, role: str) -> str:
    body = {"user_id": person.id, "org_unit_id": unit, "approver_role": role}
    return str((await post_ok(client, "/api/v1/approvals/assignments", body, tenant.headers))["id"])


def seed_flows(units: dict[str, str]) -> list[dict[str, Any]]:
    """The four seed flows of product.md, as the API takes them."""
    gm = {
        "label": "General manager",
        "approver_kind": "role_at_ancestor_kind",
        "approver_role": "general_manager",
        "org_unit_kind": "group",
    }
    finance = {
        "label": "Finance",
        "approver_kind": "role_at_named_unit",
        "approver_role": "finance",
        "org_unit_id": units["FIN"],
    }
    operations = {
        "label": "Operations manager",
        "approver_kind": "role_at_named_unit",
        "approver_role": "operations_manager",
        "org_unit_id": units["OPS"],
    }
    region = {
        "label": "Regional manager",
        "approver_kind": "role_at_ancestor_kind",
        "approver_role": "regional_manager",
        "org_unit_kind": "region",
    }
    head = {
        "label": "Department head",
        "approver_kind": "role_at_unit",
        "approver_role": "department_manager",
    }
    return [
        {
            "code": "special-expense",
            "name": "Special (over-budget) expense",
            "priority": 10,
            "categories": ["over_budget"],
            "steps": [{**head, "optional": True}, {**region, "optional": True}, finance, gm],
        },
        {
            "code": "operating-expense",
            "name": "Operating expense",
            "priority": 20,
            "categories": ["operating"],
            "steps": [finance, gm],
        },
        {
            "code": "store-expense",
            "name": "Store expense",
            "priority": 30,
            "org_unit_kinds": ["store"],
            "steps": [
                {"label": "Store manager", "approver_kind": "role_at_unit", "approver_role": "store_manager"},
                region,
                operations,
            ],
        },
        {
            "code": "department-expense",
            "name": "Department expense",
            "priority": 30,
            "org_unit_kinds": ["department"],
            "steps": [head, operations, gm],
        },
    ]


@dataclass
class Company:
    """A tenant with an org tree, approvers holding roles, and the four seed flows."""

    tenant: TenantHandle
    units: dict[str, str]
    people: dict[str, Person]
    flows: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Person:
        return self.people[name]


async def build_company(client: Client, tenant: TenantHandle, add_person: PersonMaker) -> Company:
    """HQ (group) -> FIN, OPS, SALES (departments); RETAIL (subsidiary) -> EAST (region) -> SH (store)."""
    units: dict[str, str] = {}
    units["HQ"] = await make_unit(client, tenant, "HQ", "group")
    for code in ("FIN", "OPS", "SALES"):
        units[code] = await make_unit(client, tenant, code, "department", units["HQ"])
    units["RETAIL"] = await make_unit(client, tenant, "RETAIL", "subsidiary", units["HQ"])
    units["EAST"] = await make_unit(client, tenant, "EAST", "region", units["RETAIL"])
    units["SH"] = await make_unit(client, tenant, "SH", "store", units["EAST"])
    people = {
        "gm": await add_person(tenant, "gm", Role.MANAGER),
        "finance": await add_person(tenant, "finance", Role.MANAGER),
        "ops": await add_person(tenant, "ops", Role.MANAGER),
        "region": await add_person(tenant, "region", Role.MANAGER),
        "store": await add_person(tenant, "store", Role.MEMBER),
        "sales_head": await add_person(tenant, "sales_head", Role.MANAGER),
        "clerk": await add_person(tenant, "clerk", Role.MEMBER),
        "outsider": await add_person(tenant, "outsider", Role.MEMBER),
    }
    for person, unit, role in (
        ("gm", "HQ", "general_manager"),
        ("finance", "FIN", "finance"),
        ("ops", "OPS", "operations_manager"),
        ("region", "EAST", "regional_manager"),
        ("store", "SH", "store_manager"),
        ("sales_head", "SALES", "department_manager"),
    ):
        await assign(client, tenant, people[person], units[unit], role)
    company = Company(tenant, units, people)
    for flow in seed_flows(units):
        created = await post_ok(client, "/api/v1/approvals/flows", flow, tenant.headers)
        company.flows[flow["code"]] = str(created["id"])
    return company


@pytest.fixture
async def company(client: Client, tenant_a: TenantHandle, add_person: PersonMaker) -> Company:
    return await build_company(client, tenant_a, add_person)


@dataclass
class Recorder:
    """Decision callbacks received for the test document type."""

    document_type: str
    calls: list[tuple[uuid.UUID, str, int]] = field(default_factory=list)
    fail_with: Exception | None = None

    async def __call__(self, ctx: Context, request: ApprovalRequest) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.calls.append((request.document_id, request.status.value, request.round))


@pytest.fixture
async def recorder() -> AsyncIterator[Recorder]:
    """A document type of its own (submittable through the API) whose decisions are recorded."""
    document_type = f"test_expense_{uuid.uuid4().hex[:8]}"
    found = Recorder(document_type)
    declared = registry().document_types
    declared[document_type] = DocumentType(document_type, found, api_submittable=True)
    yield found
    del declared[document_type]


def document(
    company: Company, unit: str, *, document_type: str = "expense_demo", **extra: Any
) -> dict[str, Any]:
    """A document body for ``POST /api/v1/approvals/requests``."""
    body: dict[str, Any] = {
        "document_type": document_type,
        "title": f"Expense at {unit}",
        "org_unit_id": company.units[unit],
        "amount": "1200.00",
        "currency": "CNY",
    }
    body.update(extra)
    return body


async def submit(client: Client, company: Company, author: str, unit: str, **extra: Any) -> dict[str, Any]:
    return await post_ok(
        client, "/api/v1/approvals/requests", document(company, unit, **extra), company[author].headers
    )


async def decide(
    client: Client,
    request: dict[str, Any],
    person: Person,
    action: str = "approve",
    body: dict[str, Any] | None = None,
) -> Any:
    return await client.post(
        f"/api/v1/approvals/requests/{request['id']}/{action}",
        json=body if body is not None else {},
        headers={**person.headers, "If-Match": str(request["version"])},
    )


def approvers(request: dict[str, Any], company: Company) -> list[str]:
    """Names of the people on the request's current round, in order (skipped steps as ``-``)."""
    names = {p.id: name for name, p in company.people.items()}
    return [names.get(step["approver_id"], "-") for step in request["steps"]]
