"""The SDK examples of docs/billing.md run, unchanged, against a live server: the operator makes a
plan and puts a tenant on it; the tenant reads its plan and a module outside it is refused, then
adds a module add-on and reads its usage."""

from __future__ import annotations

import uuid

from bizsuite.settings import REPO_ROOT

from tests.conftest import TenantHandle
from tests.sdk.conftest import examples, run_example, user_env

GUIDE = REPO_ROOT / "docs" / "billing.md"
PYTHON = [e for e in examples(GUIDE) if e.language == "python"]


def test_the_billing_examples_assign_a_plan_and_read_the_refusal(
    live_server: str, tenant_a: TenantHandle
) -> None:
    assert len(PYTHON) == 3
    addons, assign, tenant_side = PYTHON
    env = user_env(live_server, tenant_a.api_key)
    env["PLAN_CODE"] = f"team-{uuid.uuid4().hex[:6]}"
    env["TENANT_SLUG"] = tenant_a.tenant.slug

    assigned = run_example(assign.code, env)
    assert assigned.returncode == 0, assigned.stderr
    assert assigned.stdout.split() == ["CRM", "only", "trial", "5"]

    read = run_example(tenant_side.code, env)
    assert read.returncode == 0, read.stderr
    first, refused = read.stdout.splitlines()
    assert first.startswith("CRM only trial 5 × 199.00 = 995.00")
    assert refused == "refused: 403 Not in your plan"

    env["ADDON_CODE"] = f"hr-{uuid.uuid4().hex[:6]}"
    added = run_example(addons.code, env)
    assert added.returncode == 0, added.stderr
    lines = added.stdout.splitlines()
    assert lines[0] == "5 × 199.00 + 1 × 49.00 = 1044.00"
    assert "seats 1 5" in lines and "storage_mb 0 None" in lines
    assert any(line.startswith("api_calls_month ") for line in lines)
