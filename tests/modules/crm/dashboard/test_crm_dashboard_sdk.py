"""The CRM dashboard through the generated SDK against a live server."""

from __future__ import annotations

import pytest
from bizsuite.settings import REPO_ROOT
from bizsuite_client.api.crm import get_crm_dashboard
from bizsuite_sdk import RetryPolicy, RetryTransport, ValidationError, create_client, unwrap
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.dashboard.conftest import seed
from tests.sdk.conftest import examples, run_example, user_env


async def test_dashboard_through_the_sdk(
    live_server: str, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await seed(app_engine, tenant_a)
    with create_client(
        tenant_a.api_key, live_server, transport=RetryTransport(RetryPolicy(max_retries=0))
    ) as sdk:
        dashboard = unwrap(get_crm_dashboard.sync_detailed(client=sdk, months=6))
        assert len(dashboard.revenue_trend) == 6
        assert (dashboard.at_risk.count, dashboard.at_risk.revenue_at_stake) == (2, "150000.50")
        assert [t.tier for t in dashboard.tiers] == ["A", "B", "C", None]
        assert {a.name: a.attainment_percent for a in dashboard.sla_by_policy} == {
            "1234 热线": "66.7",
            "电梯故障": "66.7",
        }
        with pytest.raises(ValidationError) as refused:
            unwrap(get_crm_dashboard.sync_detailed(client=sdk, months=99))
        assert [e.field for e in refused.value.errors] == ["months"]


GUIDE = REPO_ROOT / "docs" / "crm" / "dashboard.md"


def test_the_guides_python_example_runs(live_server: str, tenant_a: TenantHandle) -> None:
    python = [e for e in examples(GUIDE) if e.language == "python"]
    assert python
    for example in python:
        result = run_example(example.code, user_env(live_server, tenant_a.api_key))
        assert result.returncode == 0, f"{example.name} failed:\n{result.stderr}"
        assert "at risk: 0 0.00 CNY" in result.stdout and "线索 0 0.00 0.00" in result.stdout
