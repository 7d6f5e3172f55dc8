"""The SDK examples of docs/fees/README.md run, unchanged, against a live server: HQ finance
records customs figures and confirms HQ's side, the subsidiary's own clerk confirms its side, the statement is generated,
approved, issued and paid with each line's formula, the year-end settlement refuses a rate
outside the band, and HQ sets a number pattern and excludes a subsidiary."""

from __future__ import annotations

import httpx
from bizsuite.core.identity.models import Role
from bizsuite.settings import REPO_ROOT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import assign, make_unit, post_ok
from tests.modules.fees.conftest import BASE, SEED_SCHEDULE, create_person
from tests.sdk.conftest import examples, run_example, user_env

README = REPO_ROOT / "docs" / "fees" / "README.md"
PYTHON = [e for e in examples(README) if e.language == "python"]


def test_the_guide_uses_the_resource_client() -> None:
    assert len(PYTHON) == 5
    for example in PYTHON:
        assert "client.fees." in example.code or "subsidiary.fees." in example.code, example.name
        assert "sync_detailed" not in example.code and "unwrap" not in example.code, example.name


async def test_the_examples_run_the_quarterly_cycle_and_the_year_end(
    client: httpx.AsyncClient, app_engine: AsyncEngine, live_server: str, make_tenant: object
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    hq = await make_unit(client, tenant, "HQ", "group")
    fin = await make_unit(client, tenant, "HQ-FIN", "department", hq)
    trade = await make_unit(client, tenant, "SUB-TRADE", "subsidiary", hq)  # the examples find it by code
    retail = await make_unit(client, tenant, "SUB-RETAIL", "subsidiary", hq)
    finance = await create_person(app_engine, tenant, "finance", Role.MANAGER)
    gm = await create_person(app_engine, tenant, "gm", Role.MANAGER)
    clerk = await create_person(app_engine, tenant, "trade", Role.MEMBER)
    retail_clerk = await create_person(app_engine, tenant, "retail", Role.MEMBER)
    await assign(client, tenant, finance, fin, "finance")
    await assign(client, tenant, gm, hq, "general_manager")
    await assign(client, tenant, clerk, trade, "finance")
    await assign(client, tenant, retail_clerk, retail, "finance")
    step = {
        "label": "GM",
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
    await post_ok(client, f"{BASE}/schedules", SEED_SCHEDULE, tenant.headers)
    # the retail subsidiary's year: 40,000,000.00 USD up to the cut-off, reconciled by both sides
    for on, amount in (("2026-03-01", "30000000.00"), ("2026-11-30", "10000000.00"), ("2026-12-24", "9.00")):
        await post_ok(
            client,
            f"{BASE}/customs-records",
            {"org_unit_id": retail, "declared_on": on, "direction": "import", "amount": amount},
            tenant.headers,
        )
    recon = await post_ok(
        client, f"{BASE}/reconciliations", {"org_unit_id": retail, "year": 2026, "quarter": 4}, tenant.headers
    )
    for who, side in ((finance, "hq"), (retail_clerk, "subsidiary")):  # each side by its own people
        done = await client.post(
            f"{BASE}/reconciliations/{recon['id']}/confirm",
            json={"side": side},
            headers={**who.headers, "If-Match": str(recon["version"])},
        )
        assert done.status_code == 200, done.text
        recon = done.json()
    assert recon["status"] == "confirmed"

    env = user_env(live_server, finance.api_key)
    env["BIZSUITE_SUBSIDIARY_API_KEY"] = clerk.api_key
    env["BIZSUITE_APPROVER_API_KEY"] = gm.api_key
    record, confirm, cycle, year_end, set_up = PYTHON

    recorded = run_example(record.code, env)
    assert recorded.returncode == 0, recorded.stderr
    assert recorded.stdout.split() == ["12345678.90", "open"]

    confirmed = run_example(confirm.code, env)
    assert confirmed.returncode == 0, confirmed.stderr
    assert confirmed.stdout.split() == ["confirmed"]

    issued = run_example(cycle.code, env)
    assert issued.returncode == 0, issued.stderr
    lines = issued.stdout.splitlines()
    assert lines[0].split() == ["FS-2026Q1-SUB-TRADE", "issued", "36419.75"]
    assert lines[1:] == ["12,345,678.90 USD ÷ 100 × 0.70 CNY = 86,419.75 CNY"]

    settled = run_example(year_end.code, env)
    assert settled.returncode == 0, settled.stderr
    out = settled.stdout.splitlines()
    assert out[0].startswith("refused:") and "0.10–0.25" in out[0]
    assert out[1:] == ["年度总体结算 80000.00", "其他业务收入管理费 2026 0.00"]

    numbered = run_example(set_up.code, env)
    assert numbered.returncode == 0, numbered.stderr
    example, status = numbered.stdout.split()
    assert example.startswith("FS-20") and example.endswith("-0001") and status == "excluded"
    payers = (await client.get(f"{BASE}/payers", headers=tenant.headers)).json()["items"]
    assert {p["org_unit_code"]: p["status"] for p in payers} == {
        "SUB-RETAIL": "excluded",
        "SUB-TRADE": "billed",
    }
