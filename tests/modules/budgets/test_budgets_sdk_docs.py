"""The SDK examples of docs/budgets/README.md run, unchanged, against a live server: the clerk
compiles next year's budget for a store by ratio and submits it, the general manager approves it
with their own key, the clerk spends to the boundary and is refused 0.01 beyond it (hard), then
transfers budget and reads the budget vs actual."""

from __future__ import annotations

import httpx
from bizsuite.settings import REPO_ROOT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.core.approvals.conftest import assign, make_unit
from tests.modules.budgets.conftest import MakeTenant, build
from tests.sdk.conftest import examples, run_example, user_env

README = REPO_ROOT / "docs" / "budgets" / "README.md"
PYTHON = [e for e in examples(README) if e.language == "python"]


def test_the_guide_uses_the_resource_client() -> None:
    assert len(PYTHON) == 4
    for example in PYTHON:
        assert "client.budgets." in example.code or "approval_requests" in example.code, example.name
        assert "sync_detailed" not in example.code and "unwrap" not in example.code, example.name


async def test_the_examples_compile_approve_spend_and_transfer(
    client: httpx.AsyncClient, app_engine: AsyncEngine, live_server: str, make_tenant: MakeTenant
) -> None:
    s = await build(client, app_engine, await make_tenant(modules=["budgets"]))
    store = await make_unit(client, s.tenant, "STORE-SH-01", "store", s.units["EAST"])
    await assign(client, s.tenant, s["store"], store, "store_manager")
    compile_, approve, spend, transfer = PYTHON
    env = user_env(live_server, s["clerk"].api_key)
    env["BIZSUITE_APPROVER_API_KEY"] = s["gm"].api_key

    compiled = run_example(compile_.code, env)
    assert compiled.returncode == 0, compiled.stderr
    assert compiled.stdout.splitlines() == [
        "650000.00 forecast sales 10,000,000.00 × 6.5% = 650,000.00",
        "in_approval 2860000.00",
    ]

    approved = run_example(approve.code, env)
    assert approved.returncode == 0, approved.stderr
    assert approved.stdout.splitlines() == ["上海南京路店 2027 年度费用预算 approved"]

    spent = run_example(spend.code, env)
    assert spent.returncode == 0, spent.stderr
    lines = spent.stdout.splitlines()
    assert lines[0] == "in_approval within 650000.00"
    assert lines[1].startswith("refused: 409 ") and "shortfall 0.01" in lines[1]
    assert lines[2] == "650000.00 650000.00 0.00"

    moved = run_example(transfer.code, env)
    assert moved.returncode == 0, moved.stderr
    out = moved.stdout.splitlines()
    assert out[0] == "in_approval"
    assert any(line.startswith("RENT 房租费用 650000.00 650000.00 0.00 100.00") for line in out[1:])
    assert out[-1].startswith("used = committed + actual")
