"""Pipeline stages and opportunities from a tenant blueprint: checked, applied idempotently by
name, and the demo's pipeline."""

from __future__ import annotations

import uuid

import pytest
from bizsuite.core.blueprints import BlueprintError, apply_blueprint, load_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.kit import load_modules
from bizsuite.modules.crm.models import Opportunity, PipelineStage, StageKind
from bizsuite.settings import REPO_ROOT
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

load_modules()
DEMO = REPO_ROOT / "tenants" / "demo.toml"

BLUEPRINT = """
[tenant]
slug = "{slug}"
name = "漏斗测试"
modules = ["crm"]

[[users]]
email = "sales-{slug}@example.com"
name = "销售"
role = "member"
module_grants = ["crm"]

[[crm.accounts]]
code = "C-001"
name = "上海明辉贸易有限公司"
kind = "distributor"

[[crm.pipeline_stages]]
name = "线索"
probability = {lead}

[[crm.pipeline_stages]]
name = "谈判"
probability = 60

[[crm.pipeline_stages]]
name = "赢单"
probability = 100
kind = "won"

[[crm.pipeline_stages]]
name = "输单"
probability = 0
kind = "lost"

[[crm.opportunities]]
account = "C-001"
name = "年度框架协议"
amount = "1200000.00"
stage = "谈判"
owner = "sales-{slug}@example.com"
expected_close = "2027-01-15"

[[crm.opportunities]]
account = "C-001"
name = "旧单"
amount = "5000.00"
stage = "输单"
reason = "价格"
"""


async def _apply(engine: AsyncEngine, text: str) -> tuple[list[str], list[str]]:
    async with make_sessionmaker(engine)() as session, session.begin():
        report = await apply_blueprint(session, parse_blueprint(text), source="test")
        return report.created, report.updated


async def _pipeline(
    engine: AsyncEngine, slug: str
) -> tuple[list[tuple[str, int, StageKind]], list[Opportunity]]:
    from bizsuite.core.tenants.models import Tenant

    async with make_sessionmaker(engine)() as session, session.begin():
        tenant = await session.scalar(select(Tenant).where(Tenant.slug == slug))
        assert tenant is not None
        await bind_tenant(session, tenant.id)
        stages = (await session.scalars(select(PipelineStage).order_by(PipelineStage.position))).all()
        opportunities = (await session.scalars(select(Opportunity).order_by(Opportunity.name))).all()
        return [(s.name, s.probability, s.kind) for s in stages], list(opportunities)


async def test_stages_and_opportunities_apply_once_then_update_in_place(app_engine: AsyncEngine) -> None:
    slug = f"pipe-{uuid.uuid4().hex[:8]}"
    created, _ = await _apply(app_engine, BLUEPRINT.format(slug=slug, lead=10))
    assert "pipeline stage 谈判" in created and "opportunity C-001/年度框架协议" in created
    stages, opportunities = await _pipeline(app_engine, slug)
    assert stages == [
        ("线索", 10, StageKind.OPEN),
        ("谈判", 60, StageKind.OPEN),
        ("赢单", 100, StageKind.WON),
        ("输单", 0, StageKind.LOST),
    ]
    by_name = {o.name: o for o in opportunities}
    lost, deal = by_name["旧单"], by_name["年度框架协议"]
    assert str(deal.amount) == "1200000.00" and deal.currency == "CNY" and deal.owner_user_id is not None
    assert lost.close_reason == "价格" and lost.closed_at is not None

    assert await _apply(app_engine, BLUEPRINT.format(slug=slug, lead=10)) == ([], [])
    created, updated = await _apply(app_engine, BLUEPRINT.format(slug=slug, lead=15))
    assert created == [] and updated == ["pipeline stage 线索"]


@pytest.mark.parametrize(
    ("wrong", "right", "field"),
    [
        (
            'account = "C-001"\nname = "年度',
            'account = "C-404"\nname = "年度',
            "crm.opportunities[0].account",
        ),
        ('stage = "谈判"', 'stage = "签约"', "crm.opportunities[0].stage"),
        ('reason = "价格"', 'reason = " "', "crm.opportunities[1].reason"),
        ('name = "谈判"\nprobability = 60', 'name = "线索"\nprobability = 60', "crm.pipeline_stages[1].name"),
        ('kind = "lost"', 'kind = "won"', "crm.pipeline_stages"),
        ("probability = 60", "probability = 160", "crm.pipeline_stages[1].probability"),
    ],
)
def test_a_bad_pipeline_names_the_field(wrong: str, right: str, field: str) -> None:
    text = BLUEPRINT.format(slug="x-y", lead=10).replace(wrong, right, 1)
    with pytest.raises(BlueprintError) as caught:
        parse_blueprint(text)
    assert caught.value.field == field, str(caught.value)


def test_the_demo_has_the_default_pipeline_and_opportunities_on_its_accounts() -> None:
    crm = load_blueprint(DEMO).sections["crm"]
    assert [s.name for s in crm.pipeline_stages] == [
        "线索",
        "需求确认",
        "方案报价",
        "商务谈判",
        "赢单",
        "输单",
    ]
    assert len(crm.opportunities) >= 15
    codes = {a.code for a in crm.accounts}
    assert {o.account for o in crm.opportunities} <= codes
    assert {o.stage for o in crm.opportunities} == {s.name for s in crm.pipeline_stages}


async def test_applying_the_demo_fills_the_pipeline(app_engine: AsyncEngine) -> None:
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await apply_blueprint(session, load_blueprint(DEMO), source="test")
    stages, opportunities = await _pipeline(app_engine, "huaxin-group")
    assert [name for name, _p, _k in stages] == ["线索", "需求确认", "方案报价", "商务谈判", "赢单", "输单"]
    assert len(opportunities) == 16
    kinds = dict(await _stage_kinds(app_engine, "huaxin-group"))
    lost = [o for o in opportunities if kinds[o.stage_id] is StageKind.LOST]
    won = [o for o in opportunities if kinds[o.stage_id] is StageKind.WON]
    assert len(lost) == 2 and all(o.close_reason and o.closed_at for o in lost)
    assert len(won) == 2 and all(o.closed_at for o in won)
    assert all(o.owner_user_id is not None for o in opportunities)


async def _stage_kinds(engine: AsyncEngine, slug: str) -> list[tuple[uuid.UUID, StageKind]]:
    from bizsuite.core.tenants.models import Tenant

    async with make_sessionmaker(engine)() as session, session.begin():
        tenant = await session.scalar(select(Tenant).where(Tenant.slug == slug))
        assert tenant is not None
        await bind_tenant(session, tenant.id)
        return [(s.id, s.kind) for s in await session.scalars(select(PipelineStage))]
