"""The SDK examples of docs/contracts/README.md run, unchanged, against a live server: the
clerk registers and submits, the approver approves with their own key, the clerk signs and a
payment beyond what was received is refused with its figures; a contract registered from a
template is refused by its maximum amount first, then registered with its generated document;
the churn watch list is read with each customer's risk and its reasons."""

from __future__ import annotations

import httpx
from bizsuite.settings import REPO_ROOT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.contracts.conftest import BASE, build
from tests.modules.contracts.test_contracts_customer_risks import declining
from tests.modules.contracts.test_contracts_templates import make_template
from tests.sdk.conftest import examples, run_example, user_env

README = REPO_ROOT / "docs" / "contracts" / "README.md"
PYTHON = [e for e in examples(README) if e.language == "python"]


def test_the_guide_uses_the_resource_client() -> None:
    assert len(PYTHON) == 5
    for example in PYTHON:
        assert "client.contracts." in example.code or "approval_requests" in example.code, example.name
        assert "sync_detailed" not in example.code and "unwrap" not in example.code, example.name


async def test_the_examples_register_approve_and_refuse_the_payment(
    client: httpx.AsyncClient, app_engine: AsyncEngine, live_server: str, tenant_a: TenantHandle
) -> None:
    s = await build(client, app_engine, tenant_a)
    await post_ok(
        client,
        f"{BASE}/counterparties",
        {"kind": "supplier", "code": "S-001", "name": "江苏中建材料有限公司", "rating": 4},
        tenant_a.headers,
    )
    await post_ok(
        client,
        f"{BASE}/projects",
        {"code": "P-2026-01", "name": "华东智能仓储二期", "org_unit_id": s.unit},
        tenant_a.headers,
    )
    register, approve, pay, templated, risks = PYTHON
    env = user_env(live_server, s.clerk.api_key)
    env["BIZSUITE_APPROVER_API_KEY"] = s.approver.api_key

    registered = run_example(register.code, env)
    assert registered.returncode == 0, registered.stderr
    number, status = registered.stdout.split()
    assert number.startswith("HT-") and status == "in_approval"

    approved = run_example(approve.code, env)
    assert approved.returncode == 0, approved.stderr
    assert approved.stdout.splitlines() == [f"{number} 二期机电材料补充采购合同 approved"]

    paid = run_example(pay.code, env)
    assert paid.returncode == 0, paid.stderr
    lines = paid.stdout.splitlines()
    assert lines[0] == "received 0.00, paid 0.00, available 0.00"
    assert lines[1].startswith("refused: 409 ")
    assert "100,000.00" in lines[1] or "100000.00" in lines[1]
    assert [line.split()[0] for line in lines[2:]] == ["0-30", "31-60", "61-90", "90+"]

    contracts = (await client.get(f"{BASE}/contracts", headers=tenant_a.headers)).json()["items"]
    (mine,) = [c for c in contracts if c["title"] == "二期机电材料补充采购合同"]
    assert mine["status"] == "active" and mine["number"] == number
    position = (
        await client.get(f"{BASE}/projects/{mine['project_id']}/position", headers=tenant_a.headers)
    ).json()
    assert position["paid"] == "0.00"

    await make_template(client, s)
    from_template = run_example(templated.code, env)
    assert from_template.returncode == 0, from_template.stderr
    lines = from_template.stdout.splitlines()
    assert lines[0].startswith("refused: 422 ") and "max_amount" in lines[0]
    assert lines[1].startswith("HT-") and lines[1].endswith(" True")
    assert lines[2] == "0.00 signed_value - settled"

    await declining(client, tenant_a, s.account)
    watched = run_example(risks.code, env)
    assert watched.returncode == 0, watched.stderr
    assert watched.stdout.splitlines() == [
        "上海明辉贸易有限公司 40 revenue_decline +40: 月收入连续 3 个月下降（客户流失预警）。"
    ]
