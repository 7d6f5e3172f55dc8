"""The demo blueprint's four seed flows, driven as the demo users would: signed in, step by step."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from bizsuite.core.blueprints import apply_blueprint, load_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.http import SESSION_COOKIE
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import asgi_client
from tests.core.test_blueprints import DEMO

Client = httpx.AsyncClient
BASE = "/api/v1/approvals"
PASSWORDS = {user.email: user.password for user in load_blueprint(DEMO).users}


class DemoUser:
    """A demo user signed in through the login endpoint (their session cookie and CSRF token)."""

    def __init__(self, client: Client, email: str, body: dict[str, Any], cookie: str) -> None:
        self.client, self.email, self.id, self.csrf = client, email, body["user_id"], body["csrf_token"]
        self.cookie = f"{SESSION_COOKIE}={cookie}"

    async def get(self, path: str, **params: Any) -> Any:
        return await self.client.get(path, params=params, headers={"Cookie": self.cookie})

    async def post(self, path: str, body: dict[str, Any], **headers: str) -> Any:
        return await self.client.post(
            path, json=body, headers={"Cookie": self.cookie, "X-CSRF-Token": self.csrf, **headers}
        )


@pytest.fixture(scope="module")
async def demo_client(app: Litestar) -> AsyncIterator[Client]:
    """One client for the module: signing ten people in (argon2) once is enough. Not a lifespan of
    its own: the session's app is running, and stopping it would close its live updates."""
    async with asgi_client(app, lifespan=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
async def demo(demo_client: Client, app_engine: AsyncEngine) -> dict[str, DemoUser]:
    """The demo tenant (applied idempotently), with every demo user signed in on one client."""
    client = demo_client
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await apply_blueprint(session, load_blueprint(DEMO), source="test")
    users: dict[str, DemoUser] = {}
    for email, password in PASSWORDS.items():
        login = await client.post(
            "/api/v1/auth/login", json={"email": email, "password": password, "tenant_slug": "huaxin-group"}
        )
        assert login.status_code == 200, login.text
        cookie = login.cookies[SESSION_COOKIE]
        # Each user sends their own cookie explicitly; the shared jar stays empty.
        client.cookies.clear()
        users[email.split("@")[0]] = DemoUser(client, email, login.json(), cookie)
    return users


async def test_applying_the_demo_again_changes_nothing(
    app_engine: AsyncEngine, demo: dict[str, DemoUser]
) -> None:
    async with make_sessionmaker(app_engine)() as session, session.begin():
        report = await apply_blueprint(session, load_blueprint(DEMO), source="test")
    assert report.created == [] and report.updated == []
    flows = (await demo["owner"].get(f"{BASE}/flows")).json()["items"]
    # The kernel's expense flows and the contracts module's (contract approval, 以收定支 special
    # approval); other modules add their own.
    assert {
        "contract",
        "department-expense",
        "operating-expense",
        "special-expense",
        "spend-over-receipts",
        "store-expense",
    } <= {f["code"] for f in flows}


@pytest.mark.parametrize(
    ("flow", "author", "unit", "category", "chain"),
    [
        ("store-expense", "clerk", "STORE-SH-01", None, ["store.manager", "region.east", "ops.manager"]),
        ("department-expense", "member", "SUB-TRADE-SALES", None, ["sales.head", "ops.manager", "owner"]),
        ("operating-expense", "clerk", "STORE-HZ-01", "operating", ["manager", "owner"]),
        ("special-expense", "member", "SUB-TRADE-SALES", "over_budget", ["sales.head", "manager", "owner"]),
        ("special-expense", "clerk", "STORE-SH-01", "over_budget", ["region.east", "manager", "owner"]),
    ],
)
async def test_a_demo_expense_is_approved_step_by_step_by_the_demo_users(
    demo: dict[str, DemoUser], flow: str, author: str, unit: str, category: str | None, chain: list[str]
) -> None:
    units = {
        u["code"]: u["id"] for u in (await demo[author].get("/api/v1/org-units", limit=200)).json()["items"]
    }
    body: dict[str, Any] = {
        "document_type": "expense_demo",
        "document_id": str(uuid.uuid4()),
        "title": "Team dinner after stock-taking",
        "org_unit_id": units[unit],
        "amount": "1860.50",
        "currency": "CNY",
    }
    if category:
        body["category"] = category
    submitted = await demo[author].post(f"{BASE}/requests", body)
    assert submitted.status_code == 201, submitted.text
    request = submitted.json()
    flows = {f["id"]: f["code"] for f in (await demo[author].get(f"{BASE}/flows")).json()["items"]}
    assert flows[request["flow_id"]] == flow
    expected = [demo[name].id for name in chain]
    assert [s["approver_id"] for s in request["steps"] if s["approver_id"]] == expected

    for name in chain:
        approver = demo[name]
        waiting = (await approver.get(f"{BASE}/inbox", limit=200)).json()["items"]
        assert request["id"] in [r["id"] for r in waiting], f"{name} does not see it"
        outsider = demo["viewer"]
        refused = await outsider.post(
            f"{BASE}/requests/{request['id']}/approve", {}, **{"If-Match": str(request["version"])}
        )
        assert refused.status_code == 403
        approved = await approver.post(
            f"{BASE}/requests/{request['id']}/approve",
            {"comment": "同意 OK"},
            **{"If-Match": str(request["version"])},
        )
        assert approved.status_code == 200, approved.text
        request = approved.json()
    assert request["status"] == "approved"
    mine = (await demo[author].get(f"{BASE}/submissions", limit=200)).json()["items"]
    assert next(r for r in mine if r["id"] == request["id"])["status"] == "approved"
    history = (await demo[author].get(f"{BASE}/requests/{request['id']}/decisions")).json()["items"]
    assert [(d["action"], d["actor_id"]) for d in history] == [("submitted", demo[author].id)] + [
        ("approved", demo[name].id) for name in chain
    ]
