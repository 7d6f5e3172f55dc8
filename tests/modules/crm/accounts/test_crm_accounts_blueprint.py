"""The `[crm]` zones and accounts of a blueprint: checked references, idempotent apply, the demo."""

from __future__ import annotations

import uuid

import pytest
from bizsuite.core.blueprints import BlueprintError, apply_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity.services import find_user_by_email
from bizsuite.kit import load_modules
from bizsuite.modules.crm.models import Account, AccountKind, Zone
from bizsuite.settings import REPO_ROOT
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

load_modules()


def blueprint_text(slug: str, crm: str) -> str:
    return f"""
[tenant]
slug = "{slug}"
name = "蓝图测试"
modules = ["crm"]

[[org_units]]
code = "HQ"
name = "总部"
kind = "group"

[[users]]
email = "steward-{slug}@example.com"
name = "片区管家"
role = "member"
module_grants = ["crm"]
{crm}
"""


CRM = """
[[crm.zones]]
code = "Z-EAST"
name = "华东片区"
org_unit = "HQ"
owner = "steward-{slug}@example.com"

[[crm.accounts]]
code = "C-001"
name = "上海明辉贸易有限公司"
kind = "distributor"
zone = "Z-EAST"
owner = "steward-{slug}@example.com"
org_unit = "HQ"
industry = "贸易"
"""


@pytest.mark.parametrize(
    ("line", "wrong", "field"),
    [
        (
            'owner = "steward-{slug}@example.com"\n\n[[crm.accounts]]',
            'owner = "nobody@example.com"\n\n[[crm.accounts]]',
            "crm.zones[0].owner",
        ),
        ('org_unit = "HQ"\nindustry', 'org_unit = "NOPE"\nindustry', "crm.accounts[0].org_unit"),
        ('zone = "Z-EAST"\nowner', 'zone = "Z-WEST"\nowner', "crm.accounts[0].zone"),
    ],
)
def test_unknown_references_are_refused_with_the_field(line: str, wrong: str, field: str) -> None:
    slug = "bp-check"
    crm = CRM.replace(line, wrong).replace("{slug}", slug)
    with pytest.raises(BlueprintError) as error:
        parse_blueprint(blueprint_text(slug, crm))
    assert error.value.field == field


def test_a_duplicate_account_code_is_refused() -> None:
    slug = "bp-dup"
    crm = (CRM + '\n[[crm.accounts]]\ncode = "C-001"\nname = "重复"\n').replace("{slug}", slug)
    with pytest.raises(BlueprintError) as error:
        parse_blueprint(blueprint_text(slug, crm))
    assert error.value.field == "crm.accounts[1].code"


async def test_apply_creates_then_updates_by_code(app_engine: AsyncEngine) -> None:
    slug = f"bp-{uuid.uuid4().hex[:8]}"
    first = parse_blueprint(blueprint_text(slug, CRM.replace("{slug}", slug)))
    async with make_sessionmaker(app_engine)() as session, session.begin():
        report = await apply_blueprint(session, first, source="test")
        assert "crm zone Z-EAST" in report.created and "crm account C-001" in report.created
    async with make_sessionmaker(app_engine)() as session, session.begin():
        again = await apply_blueprint(session, first, source="test")
        assert not any(entry.startswith("crm ") for entry in again.created + again.updated)
    changed = parse_blueprint(
        blueprint_text(slug, CRM.replace("{slug}", slug).replace('kind = "distributor"', 'kind = "partner"'))
    )
    async with make_sessionmaker(app_engine)() as session, session.begin():
        third = await apply_blueprint(session, changed, source="test")
        assert third.updated == ["crm account C-001"]
        assert third.tenant is not None
        await bind_tenant(session, third.tenant.id)
        account = (await session.scalars(select(Account))).one()
        zone = (await session.scalars(select(Zone))).one()
        steward = await find_user_by_email(session, f"steward-{slug}@example.com")
        assert account.kind is AccountKind.PARTNER and account.zone_id == zone.id
        assert steward is not None and zone.owner_user_id == steward.id == account.owner_user_id


def test_the_demo_blueprint_has_zones_and_accounts_with_listed_codes() -> None:
    demo = parse_blueprint((REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8"))
    crm = demo.sections["crm"]
    assert {zone.code for zone in crm.zones} == {"Z-EAST", "Z-NORTH", "Z-SOUTH"}
    assert len(crm.accounts) >= 24
    assert {a.kind for a in crm.accounts} == set(AccountKind)


async def test_the_demo_blueprint_applies_its_zones_and_accounts(app_engine: AsyncEngine) -> None:
    demo = parse_blueprint((REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8"))
    async with make_sessionmaker(app_engine)() as session, session.begin():
        report = await apply_blueprint(session, demo, source="test")
        assert report.tenant is not None
        await bind_tenant(session, report.tenant.id)
        codes = set(await session.scalars(select(Account.code).where(Account.code.like("C-0%"))))
        zones = {z.code: z for z in await session.scalars(select(Zone))}
    listed = (REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8")
    assert {f"C-{i:03d}" for i in range(1, 25)} <= codes
    assert all(f'code = "{code}"' in listed for code in codes)
    assert {"Z-EAST", "Z-NORTH", "Z-SOUTH"} <= set(zones) and all(z.owner_user_id for z in zones.values())
