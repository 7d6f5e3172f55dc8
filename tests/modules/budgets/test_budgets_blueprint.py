"""The demo blueprint's budgets: the seed's categories and ratios, a store's 2026 plan compiled
by ratio from its forecast sales and approved, expenses and a transfer; applying it twice
changes nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
from bizsuite.core.blueprints import apply_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.settings import REPO_ROOT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle

BASE = "/api/v1/budgets"


async def test_the_demo_ships_the_seed_categories_and_an_approved_store_plan(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    tenant = await make_tenant(modules=["budgets"])
    source = (REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8")
    blueprint = parse_blueprint(source.replace('slug = "huaxin-group"', f'slug = "{tenant.tenant.slug}"', 1))
    for attempt in range(2):
        async with make_sessionmaker(app_engine)() as session, session.begin():
            report = await apply_blueprint(session, blueprint, source="demo.toml")
        if attempt == 1:
            assert not [c for c in report.created if c.startswith("budget")]
    categories = (await client.get(f"{BASE}/categories", headers=tenant.headers)).json()["items"]
    ratios = {c["code"]: (c["ratio"], c["depth"], c["control_mode"]) for c in categories}
    assert ratios["RENT"] == ("6.5000", 0, "hard")
    assert ratios["AD-MATERIALS"] == ("1.2000", 1, "soft")
    assert ratios["HOSPITALITY"][2] == "warn"
    plans = (await client.get(f"{BASE}/plans", params={"fiscal_year": 2026}, headers=tenant.headers)).json()[
        "items"
    ]
    store = next(p for p in plans if p["granularity"] == "month")
    assert (store["status"], store["revision"]) == ("approved", 2)  # approved, then the transfer
    assert store["total"] == "2745600.00"  # 28.6 % of 800,000 a month for 12 months
    detail = (await client.get(f"{BASE}/plans/{store['id']}", headers=tenant.headers)).json()
    rent = next(
        line for line in detail["lines"] if line["category_code"] == "RENT" and line["period"] == "2026-11"
    )
    assert (rent["amount"], rent["actual"], rent["formula"]) == (
        "52000.00",
        "52000.00",
        "forecast sales 800,000.00 × 6.5% = 52,000.00",
    )
    office = next(
        line
        for line in detail["lines"]
        if line["category_code"] == "STORE-OFFICE" and line["period"] == "2026-11"
    )
    assert (office["amount"], office["over"], office["explanation_due"]) == ("2400.00", True, True)


async def test_the_demos_expense_flows_are_chosen_by_document_type_cost_centre_kind_and_category(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    tenant = await make_tenant(modules=["budgets"])
    source = (REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8")
    blueprint = parse_blueprint(source.replace('slug = "huaxin-group"', f'slug = "{tenant.tenant.slug}"', 1))
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await apply_blueprint(session, blueprint, source="demo.toml")
    units = {
        u["code"]: u["id"]
        for u in (
            await client.get("/api/v1/org-units", params={"limit": 200}, headers=tenant.headers)
        ).json()["items"]
    }
    flows = {
        f["code"]: f
        for f in (
            await client.get("/api/v1/approvals/flows", params={"limit": 200}, headers=tenant.headers)
        ).json()["items"]
    }
    for code in ("special-expense", "operating-expense", "store-expense", "department-expense"):
        assert flows[code]["document_types"] == ["budgets_expense", "expense_demo"], code

    async def chosen(document_type: str, unit: str, category: str | None = None) -> str | int:
        body = {
            "document_type": document_type,
            "title": "2027-01",
            "org_unit_id": units[unit],
            "amount": "1860.50",
            "currency": "CNY",
            **({"category": category} if category else {}),
        }
        answer = await client.post("/api/v1/approvals/route-preview", json=body, headers=tenant.headers)
        code: str | int = answer.json()["flow_code"] if answer.status_code == 200 else answer.status_code
        return code

    assert await chosen("budgets_expense", "STORE-SH-01") == "store-expense"
    assert await chosen("budgets_expense", "HQ-OPS") == "department-expense"
    assert await chosen("budgets_expense", "STORE-HZ-01", "operating") == "operating-expense"
    assert await chosen("budgets_expense", "STORE-SH-01", "over_budget") == "special-expense"
    assert await chosen("budgets_expense", "SUB-TRADE-SALES", "over_budget") == "special-expense"
    assert await chosen("budgets_plan", "STORE-SH-01", "budget_plan") == "budget-plan"
    assert await chosen("budgets_adjustment", "HQ-OPS") == "budget-plan"
    # A document of another kind at a store is not an expense: the store's flow does not take it.
    assert await chosen("hr_job_description", "STORE-SH-01") == "job-description"
    assert await chosen("budgets_unknown", "STORE-SH-01") == 422
