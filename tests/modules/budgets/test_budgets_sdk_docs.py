"""The SDK examples of docs/budgets/README.md run, unchanged, against a live server, in the
guide's order and as the people it names: the clerk compiles next year's budget for a store by
ratio and submits it, and the general manager approves it from their inbox; the clerk spends to
the boundary and is refused 0.01 beyond it (hard, with the figures), files one beyond a soft line
(the special flow), takes an advance; each approver on the routes approves, finance pays; the
clerk settles the advance with a reimbursement, which is approved and paid (committed moves to
actual, counted once); the clerk transfers budget between two lines, the general manager approves
it, and the budget vs actual is read down to the line's history and documents."""

from __future__ import annotations

import httpx
from bizsuite.settings import REPO_ROOT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.core.approvals.conftest import assign, make_unit
from tests.modules.budgets.conftest import MakeTenant, Setup, build, set_mode
from tests.sdk.conftest import Example, examples, run_example, user_env

README = REPO_ROOT / "docs" / "budgets" / "README.md"
PYTHON = [e for e in examples(README) if e.language == "python"]


def test_the_guide_uses_the_resource_client() -> None:
    assert len(PYTHON) == 9
    for example in PYTHON:
        assert ".budgets." in example.code or "approval_requests" in example.code, example.name
        assert "sync_detailed" not in example.code and "unwrap" not in example.code, example.name


def _run(example: Example, env: dict[str, str]) -> list[str]:
    done = run_example(example.code, env)
    assert done.returncode == 0, f"{example.name}: {done.stderr}"
    return done.stdout.splitlines()


def _approve(example: Example, env: dict[str, str], s: Setup, *people: str) -> list[str]:
    """Each person, in turn, approves what waits for them (the guide's approver example)."""
    out = []
    for person in people:
        out += _run(example, {**env, "BIZSUITE_APPROVER_API_KEY": s[person].api_key})
    return out


async def test_the_examples_compile_approve_spend_settle_transfer_and_analyse(
    client: httpx.AsyncClient, app_engine: AsyncEngine, live_server: str, make_tenant: MakeTenant
) -> None:
    s = await build(client, app_engine, await make_tenant(modules=["budgets"]))
    store = await make_unit(client, s.tenant, "STORE-SH-01", "store", s.units["EAST"])
    await assign(client, s.tenant, s["store"], store, "store_manager")
    # As in the demo: rent hard, utilities soft (per period and cumulative), events soft.
    await set_mode(client, s, "UTILITIES", "soft", "both")
    await set_mode(client, s, "AD-EVENTS", "soft")
    compile_, approve, spend, soft, advance, pay, reimburse, transfer, analyse = PYTHON
    env = user_env(live_server, s["clerk"].api_key)
    env["BIZSUITE_FINANCE_API_KEY"] = s["finance"].api_key

    assert _run(compile_, env) == [
        "650000.00 forecast sales 10,000,000.00 × 6.5% = 650,000.00",
        "in_approval 2860000.00",
    ]
    assert _approve(approve, env, s, "gm") == ["上海南京路店 2027 年度费用预算 approved"]

    assert _run(spend, env) == [
        "in_approval within 650000.00",
        "409 Over budget (hard control) on RENT 房租费用 2027-01: budget 650,000.00, committed 650,000.00, "
        "actual 0.00, requested 0.01, available 0.00, shortfall 0.01.",
        "650000.00 650000.00 0.00",
    ]
    assert _run(soft, env) == [
        "soft 70000.00",
        "in_approval True special_approval 5000.00",
        "over_budget special-expense",
    ]
    assert _run(advance, env) == ["advance in_approval 5000.00"]

    # The store flow (store manager → regional manager → operations manager) for the rent and the
    # advance; the special flow (regional manager → finance → general manager) for the overrun.
    decided = _approve(approve, env, s, "store", "region", "ops", "finance", "gm")
    assert sorted(decided) == sorted(
        [
            "Expense request: 一月房租 pending",
            "Advance: 新春促销活动借款 pending",
            "Expense request: 一月房租 pending",
            "Advance: 新春促销活动借款 pending",
            "Expense request: 中央空调更换 pending",
            "Expense request: 一月房租 approved",
            "Advance: 新春促销活动借款 approved",
            "Expense request: 中央空调更换 pending",
            "Expense request: 中央空调更换 approved",
        ]
    )
    assert sorted(_run(pay, env)) == [
        "advance 新春促销活动借款 paid line committed 5000.00 actual 0.00",
        "request 一月房租 paid line committed 0.00 actual 650000.00",
        "request 中央空调更换 paid line committed 0.00 actual 75000.00",
    ]

    assert _run(reimburse, env) == ["4800.00 0.00", "0.00 5000.00 0.00"]
    assert (
        _approve(approve, env, s, "store", "region", "ops")[-1] == "Reimbursement: 新春促销活动报销 approved"
    )
    assert _run(pay, env) == ["reimbursement 新春促销活动报销 paid line committed 0.00 actual 4800.00"]

    assert _run(transfer, env) == ["in_approval"]
    assert _approve(approve, env, s, "gm") == ["上海南京路店 2027 年度费用预算: transfer 10,000.00 approved"]

    out = _run(analyse, env)
    used = 650000 + 75000 + 4800
    assert out[0] == f"Unit STORE-SH-01 2860000.00 {used}.00 {2860000 - used}.00 25.52"
    assert "RENT 房租费用 650000.00 0.00 650000.00 0.00 100.00" in out
    assert "PAYROLL 薪资福利 1290000.00 0.00 0.00 1290000.00 0.00" in out
    assert "UTILITIES 水电费 80000.00 0.00 75000.00 5000.00 93.75" in out
    assert "AD-EVENTS 活动奖 10000.00 0.00 4800.00 5200.00 48.00" in out
    drill = out[out.index("2027-01 80000.00 75000.00 93.75") :]
    assert drill[1:4] == [
        "  version 1 0.00 → 70000.00 plan approved",
        "  version 2 70000.00 → 80000.00 transfer: 空调更换超支",
        "  document request 中央空调更换 75000.00 paid",
    ]
    assert out[-1].startswith("used = committed + actual")
