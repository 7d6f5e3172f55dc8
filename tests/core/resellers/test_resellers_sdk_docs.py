"""The SDK example of docs/resellers.md runs, unchanged, against a live server: a reseller
provisions a tenant from a blueprint and lists its tenants."""

from __future__ import annotations

from bizsuite.settings import REPO_ROOT

from tests.conftest import TenantHandle
from tests.core.resellers.conftest import ResellerMaker
from tests.sdk.conftest import examples, run_example, user_env

GUIDE = REPO_ROOT / "docs" / "resellers.md"
PYTHON = [e for e in examples(GUIDE) if e.language == "python"]


async def test_the_reseller_example_provisions_and_lists(
    live_server: str, tenant_a: TenantHandle, make_reseller: ResellerMaker, plan_code: str
) -> None:
    (example,) = PYTHON
    reseller = await make_reseller()
    env = user_env(live_server, tenant_a.api_key)
    env["BIZSUITE_RESELLER_KEY"] = reseller.key
    env["PLAN_CODE"] = plan_code

    ran = run_example(example.code, env)

    assert ran.returncode == 0, ran.stderr
    made, listed = ran.stdout.splitlines()
    slug, phase, email = made.split()
    assert slug.startswith("acme-") and phase == "trial" and email == f"boss@{slug}.example"
    assert listed == f"{slug} {plan_code} trial 1/3"
