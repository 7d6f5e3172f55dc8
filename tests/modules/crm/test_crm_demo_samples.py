"""The sample revenue files shipped for the demo walk-through (docs/crm/samples) do what the
user guide says on the demo blueprint's accounts and revenue."""

from __future__ import annotations

import tomllib
from datetime import date

import httpx
from bizsuite.settings import REPO_ROOT, Settings
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import add_revenue, import_and_wait, make_accounts, upload

SAMPLES = REPO_ROOT / "docs" / "crm" / "samples"


async def _demo_revenue(engine: AsyncEngine, tenant: TenantHandle) -> None:
    demo = tomllib.loads((REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8"))["crm"]
    ids = await make_accounts(engine, tenant, [a["code"] for a in demo["accounts"]])
    for series in demo["revenue"]:
        year, month = (int(p) for p in series["start"].split("-"))
        await add_revenue(engine, tenant, ids[series["account"]], date(year, month, 1), series["amounts"])


async def test_the_sample_with_errors_is_rejected_naming_rows_and_columns(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await _demo_revenue(app_engine, tenant_a)
    preview = await upload(client, tenant_a, (SAMPLES / "revenue-2026-11-with-errors.csv").read_bytes())
    assert preview["status"] == "rejected"
    assert sorted((e["row"], e["column"]) for e in preview["errors"]) == [(5, "month"), (9, "account_code")]


async def test_importing_the_november_sample_puts_a_tier_a_account_on_the_watch_list(
    client: httpx.AsyncClient, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await _demo_revenue(app_engine, tenant_a)
    await client.post("/api/v1/crm/revenue/recompute", headers=tenant_a.headers)
    before = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    assert "C-005" not in {r["code"] for r in before}

    done = await import_and_wait(client, settings, tenant_a, (SAMPLES / "revenue-2026-11.csv").read_bytes())

    assert done["status"] == "completed"
    after = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    at_risk = {r["code"]: r for r in after}
    assert at_risk["C-005"]["tier"] == "A" and at_risk["C-005"]["months_declining"] == 3
    # The accounts already declining keep declining into November.
    assert {"C-002", "C-009", "C-015", "C-019"} <= set(at_risk)
