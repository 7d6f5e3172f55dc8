"""The operator's billing and reseller commands."""

from __future__ import annotations

import uuid

import pytest
from bizsuite.cli import main
from bizsuite.settings import Settings
from click.testing import CliRunner

from tests.conftest import TenantHandle


def test_the_operator_creates_a_plan_assigns_it_and_creates_a_reseller_from_the_cli(
    settings: Settings, tenant_a: TenantHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIZSUITE_DATABASE_URL", settings.database_url)
    code = f"cli-{uuid.uuid4().hex[:6]}"
    runner = CliRunner()

    created = runner.invoke(
        main,
        [
            "billing",
            "plan-create",
            code,
            "CLI plan",
            "--modules",
            "crm",
            "--price-month",
            "10",
            "--price-year",
            "100",
        ],
    )
    assigned = runner.invoke(
        main, ["billing", "assign", tenant_a.tenant.slug, code, "--seats", "3", "--no-trial"]
    )
    listed = runner.invoke(main, ["billing", "plans"])
    bad = runner.invoke(main, ["billing", "assign", tenant_a.tenant.slug, "no-such-plan"])
    reseller = runner.invoke(main, ["resellers", "create", f"r-{code}", "CLI partner", "--max-tenants", "5"])

    assert created.exit_code == 0, created.output
    assert f"created plan {code} v1" in created.output
    assert assigned.exit_code == 0, assigned.output
    assert assigned.output.strip() == f"{tenant_a.tenant.slug}: {code} v1, active, 3 seats"
    assert code in listed.output
    assert bad.exit_code != 0 and "no plan" in bad.output
    assert reseller.exit_code == 0, reseller.output
    assert "API key (shown once): bzr_" in reseller.output
