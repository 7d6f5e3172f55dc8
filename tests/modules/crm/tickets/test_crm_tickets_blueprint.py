"""SLA policies from a tenant blueprint: the demo's three seed policies, applied idempotently."""

from __future__ import annotations

import uuid

import pytest
from bizsuite.core.blueprints import BlueprintError, apply_blueprint, load_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.tenants.models import Tenant
from bizsuite.kit import load_modules
from bizsuite.modules.crm.models import SlaAnchor, SlaPolicy, SlaPolicyMilestone
from bizsuite.settings import REPO_ROOT
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

load_modules()  # the [crm] section of blueprints is registered by the CRM module

DEMO = REPO_ROOT / "tenants" / "demo.toml"
BLUEPRINT = """
[tenant]
slug = "{slug}"
name = "SLA Co"
modules = ["crm"]

[[crm.sla_policies]]
code = "elevator-fault"
name = "电梯故障"
category = "elevator_fault"
milestones = [
  {{ key = "on_site", name = "30 分钟内到场", target_minutes = {minutes} }},
  {{ key = "fixed", name = "当天修复", same_day = true }},
]
"""


def test_the_demo_blueprint_ships_the_three_seed_policies() -> None:
    demo = load_blueprint(DEMO)
    section = demo.sections["crm"]
    policies = {p.code: p for p in section.sla_policies}
    assert {"hotline-1234", "engineer", "elevator-fault"} <= set(policies)
    assert [m.target_minutes for m in policies["hotline-1234"].milestones] == [10, 20, 30, 40]
    engineer = policies["engineer"].milestones
    assert [m.anchor for m in engineer] == [SlaAnchor.CREATED, *[SlaAnchor.PREVIOUS] * 3]
    assert engineer[2].reason_allowed and engineer[3].same_day
    assert [m.same_day for m in policies["elevator-fault"].milestones] == [False, True]


async def _apply(engine: AsyncEngine, text: str) -> list[str]:
    async with make_sessionmaker(engine)() as session, session.begin():
        report = await apply_blueprint(session, parse_blueprint(text), source="test")
    return report.created + report.updated


async def test_policies_apply_once_and_update_by_code(app_engine: AsyncEngine) -> None:
    slug = f"sla-{uuid.uuid4().hex[:8]}"
    first = await _apply(app_engine, BLUEPRINT.format(slug=slug, minutes=30))
    assert "crm SLA policy elevator-fault" in first
    again = await _apply(app_engine, BLUEPRINT.format(slug=slug, minutes=30))
    assert again == []
    changed = await _apply(app_engine, BLUEPRINT.format(slug=slug, minutes=45))
    assert changed == ["crm SLA policy elevator-fault"]
    async with make_sessionmaker(app_engine)() as session, session.begin():
        tenant = await session.scalar(select(Tenant).where(Tenant.slug == slug))
        assert tenant is not None
        await bind_tenant(session, tenant.id)
        assert len((await session.scalars(select(SlaPolicy))).all()) == 1
        targets = (
            await session.scalars(
                select(SlaPolicyMilestone.target_minutes).order_by(SlaPolicyMilestone.position)
            )
        ).all()
    assert list(targets) == [45, None]


def test_a_milestone_with_both_targets_is_refused_with_its_field() -> None:
    bad = BLUEPRINT.format(slug="x-y", minutes=30).replace(
        "same_day = true", "same_day = true, target_minutes = 5"
    )
    with pytest.raises(BlueprintError) as caught:
        parse_blueprint(bad, "bad.toml")
    assert "sla_policies[0].milestones[1].target_minutes" in str(caught.value)
