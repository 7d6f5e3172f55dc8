"""The pipeline through the generated SDK against a live server: stages, create, move stage
(won, lost without and with a reason, stale version), list by status and the forecast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from bizsuite.settings import REPO_ROOT
from bizsuite_client import AuthenticatedClient
from bizsuite_client.api.crm import (
    create_crm_opportunity,
    get_crm_pipeline_forecast,
    list_crm_opportunities,
    list_crm_pipeline_stages,
    move_crm_opportunity_stage,
    update_crm_opportunity,
)
from bizsuite_client.models import OpportunityCreate, OpportunityStageMove, OpportunityUpdate
from bizsuite_sdk import (
    RetryPolicy,
    RetryTransport,
    StaleVersionError,
    ValidationError,
    create_client,
    unwrap,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import make_account
from tests.sdk.conftest import examples, run_example, user_env


@pytest.fixture
def sdk(live_server: str, tenant_a: TenantHandle) -> Iterator[AuthenticatedClient]:
    with create_client(
        tenant_a.api_key, live_server, transport=RetryTransport(RetryPolicy(max_retries=0))
    ) as client:
        yield client


async def test_create_move_and_forecast_through_the_sdk(
    sdk: AuthenticatedClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a, name="深圳前海智联科技有限公司")
    stages = {s.name: s for s in unwrap(list_crm_pipeline_stages.sync_detailed(client=sdk)).items}
    assert list(stages) == ["线索", "需求确认", "方案报价", "商务谈判", "赢单", "输单"]
    this_month = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().replace(day=20)

    chip_deal = unwrap(
        create_crm_opportunity.sync_detailed(
            client=sdk,
            body=OpportunityCreate(
                account_id=account,
                name="智能终端芯片进口",
                amount="2100000.00",
                stage_id=stages["方案报价"].id,
                expected_close=this_month,
            ),
        )
    )
    assert chip_deal.expected_value == "1050000.00" and chip_deal.status == "open"
    service_deal = unwrap(
        create_crm_opportunity.sync_detailed(
            client=sdk, body=OpportunityCreate(account_id=account, name="运维服务", amount="80000.00")
        )
    )
    assert service_deal.stage_name == "线索"

    won = unwrap(
        move_crm_opportunity_stage.sync_detailed(
            service_deal.id,
            client=sdk,
            body=OpportunityStageMove(stage_id=stages["赢单"].id),
            if_match=str(service_deal.version),
        )
    )
    assert won.status == "won" and isinstance(won.closed_at, dt.datetime)

    with pytest.raises(ValidationError) as no_reason:
        unwrap(
            move_crm_opportunity_stage.sync_detailed(
                chip_deal.id,
                client=sdk,
                body=OpportunityStageMove(stage_id=stages["输单"].id),
                if_match=str(chip_deal.version),
            )
        )
    assert [e.field for e in no_reason.value.errors] == ["reason"]

    renamed = unwrap(
        update_crm_opportunity.sync_detailed(
            chip_deal.id,
            client=sdk,
            body=OpportunityUpdate(name="芯片进口（一期）"),
            if_match=str(chip_deal.version),
        )
    )
    with pytest.raises(StaleVersionError):
        unwrap(
            move_crm_opportunity_stage.sync_detailed(
                chip_deal.id,
                client=sdk,
                body=OpportunityStageMove(stage_id=stages["商务谈判"].id),
                if_match=str(chip_deal.version),
            )
        )
    negotiating = unwrap(
        move_crm_opportunity_stage.sync_detailed(
            chip_deal.id,
            client=sdk,
            body=OpportunityStageMove(stage_id=stages["商务谈判"].id),
            if_match=str(renamed.version),
        )
    )
    assert negotiating.expected_value == "1575000.00"

    won_only = unwrap(list_crm_opportunities.sync_detailed(client=sdk, status="won"))
    assert [o.name for o in won_only.items] == ["运维服务"]

    forecast = unwrap(get_crm_pipeline_forecast.sync_detailed(client=sdk, months=3))
    assert forecast.currency == "CNY" and len(forecast.months) == 3
    first = forecast.months[0]
    assert first.month == this_month.replace(day=1)
    assert (first.open_amount, first.weighted_amount, first.won_amount) == (
        "2100000.00",
        "1575000.00",
        "80000.00",
    )
    by_stage = {s.name: (s.count, s.amount) for s in forecast.stages}
    assert by_stage["商务谈判"] == (1, "2100000.00") and by_stage["赢单"] == (1, "80000.00")


GUIDE = REPO_ROOT / "docs" / "crm" / "pipeline.md"


def test_the_guides_python_example_runs(live_server: str, tenant_a: TenantHandle) -> None:
    python = [e for e in examples(GUIDE) if e.language == "python"]
    assert python
    for example in python:
        result = run_example(example.code, user_env(live_server, tenant_a.api_key))
        assert result.returncode == 0, f"{example.name} failed:\n{result.stderr}"
        assert "lost needs: ['reason']" in result.stdout and "won True" in result.stdout
