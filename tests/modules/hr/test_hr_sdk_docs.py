"""The SDK examples of docs/hr/README.md run, unchanged, against a live server: an HR member
defines the store manager and deputy (a promotion loop refused), writes the job description
with its four-level standards (a protected characteristic flagged), the approver approves it,
two raters run a job analysis that suggests a grade, the store manager is assigned and counted in
the headcount, and HR appraises him in a cycle of the store (the weighted roll-up and calibration)."""

from __future__ import annotations

import httpx
from bizsuite.settings import REPO_ROOT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import make_unit, post_ok
from tests.modules.hr.conftest import BASE, build
from tests.sdk.conftest import examples, run_example, user_env

README = REPO_ROOT / "docs" / "hr" / "README.md"
PYTHON = [e for e in examples(README) if e.language == "python"]


def test_the_guide_uses_the_resource_client() -> None:
    assert len(PYTHON) == 6
    for example in PYTHON:
        assert "client.hr." in example.code or "approval_requests" in example.code, example.name
        assert "sync_detailed" not in example.code and "unwrap" not in example.code, example.name


async def test_the_examples_define_describe_approve_and_staff_the_store_manager(
    client: httpx.AsyncClient, app_engine: AsyncEngine, live_server: str, tenant_a: TenantHandle
) -> None:
    s = await build(client, app_engine, tenant_a)
    await make_unit(client, tenant_a, "STORE-SH-01", "store", parent=s.hq)
    define, describe, approve, analyse, staff, appraise = PYTHON
    env = user_env(live_server, s.clerk.api_key)
    env["BIZSUITE_APPROVER_API_KEY"] = s.approver.api_key
    env["BIZSUITE_HR_API_KEY"] = tenant_a.api_key

    defined = run_example(define.code, env)
    assert defined.returncode == 0, defined.stderr
    lines = defined.stdout.splitlines()
    assert lines[0] == "1 ['SH01-ASST-MGR']"
    assert (
        lines[1].startswith("refused: 409 ") and "SH01-STORE-MGR → SH01-ASST-MGR → SH01-STORE-MGR" in lines[1]
    )

    described = run_example(describe.code, env)
    assert described.returncode == 0, described.stderr
    flags, submitted = described.stdout.splitlines()
    assert flags == "[('gender', '男性'), ('age', '35岁')]"
    assert submitted == "1 in_approval [(1, '达成率 ≥ 110%'), (2, '排班按时率 ≥ 98%')]"

    approved = run_example(approve.code, env)
    assert approved.returncode == 0, approved.stderr
    assert approved.stdout.splitlines() == ["SH01-STORE-MGR 店长 v1 approved"]

    for code, dimension in (("Q1", "interpersonal"), ("Q2", "criticality")):
        await post_ok(
            client, f"{BASE}/questions", {"code": code, "dimension": dimension, "text": code}, s.headers
        )
    bands = {"bands": [{"min_points": "0", "grade": "S1"}, {"min_points": "30", "grade": "M1"}]}
    assert (await client.put(f"{BASE}/grade-table", json=bands, headers=s.headers)).status_code == 200
    analysed = run_example(analyse.code, env)
    assert analysed.returncode == 0, analysed.stderr
    assert analysed.stdout.splitlines() == [
        "36.00 M1 points = Σ mean importance × mean contribution over 2 rated items = 36.00",
        "[('Q1', '3.00')]",
    ]

    staffed = run_example(staff.code, env)
    assert staffed.returncode == 0, staffed.stderr
    lines = staffed.stdout.splitlines()
    assert lines[0] == "True ['赵磊']"
    assert "Unit STORE-SH-01 2 1 1" in lines  # headcount 2 (店长, 副店长), 1 in post, 1 vacant

    appraised = run_example(appraise.code, env)
    assert appraised.returncode == 0, appraised.stderr
    assert appraised.stdout.splitlines() == [
        "赵磊 91.00 good",
        "score = Σ weight × points / Σ weight = (60.00 × 85.00 + 40.00 × 100.00) / 100.00"
        " = 9100.00 / 100.00 = 91.00 (2 of 2 duties scored)",
        "{'excellent': 0, 'good': 1, 'fair': 0, 'poor': 0} ['91.00']",
    ]

    positions = (await client.get(f"{BASE}/positions", headers=tenant_a.headers)).json()["items"]
    assert {p["code"] for p in positions} == {"SH01-STORE-MGR", "SH01-ASST-MGR"}
