"""Every Python example in docs/sdk.md and sdk/README.md runs, unchanged, against a live server."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import TenantHandle
from tests.sdk.conftest import (
    DOCS,
    PYTHON_EXAMPLES,
    SANDBOX_KEY_VARIABLE,
    Example,
    run_example,
    user_env,
)


def test_the_guide_covers_what_integrators_need() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for heading in (
        "## Install",
        "## Authenticate",
        "## List with pagination",
        "## Create with idempotency",
        "## Handle errors",
        "## Async usage",
        "## Verify webhooks",
        "## Test clocks in a sandbox tenant",
        "## Migrating from the low-level calls",
    ):
        assert heading in text
    assert "pip install ./sdk" in text
    assert len(PYTHON_EXAMPLES) >= 7
    # The guide is about the resource client: no example goes through the low-level calls.
    for example in PYTHON_EXAMPLES:
        if example.source == "docs/sdk.md":
            assert "sync_detailed" not in example.code and "unwrap" not in example.code, example.name


#: The test-clock walk needs a sandbox tenant: test_the_test_clock_walk_breaches_the_on_site_milestone.
TENANT_EXAMPLES = [e for e in PYTHON_EXAMPLES if SANDBOX_KEY_VARIABLE not in e.code]


@pytest.mark.parametrize("example", TENANT_EXAMPLES, ids=[e.name for e in TENANT_EXAMPLES])
def test_python_example_runs(
    example: Example, live_server: str, tenant_a: TenantHandle, demo_plans: None
) -> None:
    result = run_example(example.code, user_env(live_server, tenant_a.api_key))
    assert result.returncode == 0, f"{example.name} failed:\n{result.stderr}"
    assert "Traceback" not in result.stderr


def test_examples_print_what_they_promise(live_server: str, tenant_a: TenantHandle) -> None:
    env = user_env(live_server, tenant_a.api_key)
    quick_start = next(e for e in PYTHON_EXAMPLES if "Connected to" in e.code)
    assert (
        f"Connected to {tenant_a.tenant.name} ({tenant_a.tenant.slug})"
        in run_example(quick_start.code, env).stdout
    )
    errors = next(e for e in PYTHON_EXAMPLES if "except ValidationError" in e.code)
    output = run_example(errors.code, env).stdout
    assert output.startswith("code: ")
    assert "404 Not found request " in output
    signed = next(e for e in PYTHON_EXAMPLES if "CrmTicketCreated T-0001" in e.code)
    assert run_example(signed.code, env).stdout == "CrmTicketCreated T-0001\n"


async def test_the_test_clock_walk_breaches_the_on_site_milestone(
    live_server: str, tenant_a: TenantHandle, demo_sandbox_key: str
) -> None:
    """In the demo's sandbox tenant: a fault ticket, the clock 21 minutes on, on site breached."""
    walk = [e for e in PYTHON_EXAMPLES if SANDBOX_KEY_VARIABLE in e.code]
    assert [e.source for e in walk] == ["docs/sdk.md"]
    result = run_example(walk[0].code, user_env(live_server, tenant_a.api_key, demo_sandbox_key))

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("20 分钟内人员到场 breached ")
    headers = {"Authorization": f"Bearer {demo_sandbox_key}"}
    async with httpx.AsyncClient(base_url=live_server, headers=headers) as client:
        clock = (await client.get("/api/v1/sandbox/clock")).json()
        tickets = (await client.get("/api/v1/crm/tickets", params={"breached": "true"})).json()
    assert clock["sandbox"] is True and clock["offset_seconds"] >= 21 * 60 - 1
    assert [t["title"] for t in tickets["items"]] == ["3 号楼电梯困人"]
