"""Every Python example in docs/sdk.md and sdk/README.md runs, unchanged, against a live server."""

from __future__ import annotations

import pytest

from tests.conftest import TenantHandle
from tests.sdk.conftest import DOCS, PYTHON_EXAMPLES, Example, run_example, user_env


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
        "## Migrating from the low-level calls",
    ):
        assert heading in text
    assert "pip install ./sdk" in text
    assert len(PYTHON_EXAMPLES) >= 7
    # The guide is about the resource client: no example goes through the low-level calls.
    for example in PYTHON_EXAMPLES:
        if example.source == "docs/sdk.md":
            assert "sync_detailed" not in example.code and "unwrap" not in example.code, example.name


@pytest.mark.parametrize("example", PYTHON_EXAMPLES, ids=[e.name for e in PYTHON_EXAMPLES])
def test_python_example_runs(example: Example, live_server: str, tenant_a: TenantHandle) -> None:
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
