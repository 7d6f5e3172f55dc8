"""The `[crm.settings]` and `[[crm.revenue]]` parts of a blueprint: validation, idempotent apply,
and the demo's revenue shape (a clear 80/20 split and a few accounts at churn risk)."""

from __future__ import annotations

import uuid

import pytest
from bizsuite.core.blueprints import BlueprintError, apply_blueprint, load_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.tenants.models import Tenant
from bizsuite.kit import load_modules
from bizsuite.modules.crm.models import Account, ChurnRisk, CrmSettings, Tier
from bizsuite.settings import REPO_ROOT
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

DEMO = REPO_ROOT / "tenants" / "demo.toml"
MARKER = "# --- CRM revenue"

HEAD = """
[tenant]
slug = "{slug}"
name = "Revenue Co"
modules = ["crm"]

[[users]]
email = "{slug}@example.com"
name = "Boss"
role = "owner"
password = "a demo password"
"""


def _demo_revenue_part() -> str:
    text = DEMO.read_text(encoding="utf-8")
    start = text.index(MARKER)
    end = text.find("\n# --- ", start + len(MARKER))  # the next module's section, if any
    return text[start : end if end >= 0 else None]


def _blueprint(slug: str, revenue_part: str | None = None) -> str:
    accounts = "".join(f'\n[[crm.accounts]]\ncode = "C-{n:03d}"\nname = "客户 {n}"\n' for n in range(1, 25))
    return HEAD.format(slug=slug) + accounts + "\n" + (revenue_part or _demo_revenue_part())


async def _apply(engine: AsyncEngine, text: str) -> list[str]:
    async with make_sessionmaker(engine)() as session, session.begin():
        report = await apply_blueprint(session, parse_blueprint(text), source="test")
    return report.created + report.updated


async def _state(
    engine: AsyncEngine, slug: str
) -> tuple[dict[str, Tier | None], dict[str, int], CrmSettings]:
    async with make_sessionmaker(engine)() as session, session.begin():
        tenant = await session.scalar(select(Tenant).where(Tenant.slug == slug))
        assert tenant is not None
        await bind_tenant(session, tenant.id)
        accounts = (await session.scalars(select(Account))).all()
        codes = {a.id: a.code for a in accounts}
        risks = (await session.scalars(select(ChurnRisk))).all()
        settings = await session.scalar(select(CrmSettings))
        assert settings is not None
        return (
            {a.code: a.tier for a in accounts},
            {codes[r.account_id]: r.months_declining for r in risks},
            settings,
        )


def test_the_demo_blueprint_holds_24_months_of_revenue_to_october_2026() -> None:
    load_modules()
    demo = load_blueprint(DEMO)
    section = demo.sections["crm"]
    assert section.settings is not None and section.settings.churn_months == 3
    assert len(section.revenue) == 24
    assert all(r.start == "2024-11" and len(r.amounts) == 24 for r in section.revenue)
    assert {r.account for r in section.revenue} <= {a.code for a in section.accounts}


async def test_the_demo_revenue_gives_a_clear_80_20_split_and_a_watch_list(app_engine: AsyncEngine) -> None:
    slug = f"rev-{uuid.uuid4().hex[:8]}"
    changes = await _apply(app_engine, _blueprint(slug))
    assert "crm.settings" in changes and any(c.startswith("crm.revenue") for c in changes)
    tiers, risks, settings = await _state(app_engine, slug)
    assert sorted(code for code, tier in tiers.items() if tier is Tier.A) == [
        "C-001",
        "C-002",
        "C-003",
        "C-004",
        "C-005",
    ]
    assert risks == {"C-002": 3, "C-009": 4, "C-015": 3, "C-019": 5}
    assert tiers["C-002"] is Tier.A  # a key account at churn risk
    assert "C-011" not in risks and "C-012" not in risks  # equal months; the worked example recovered
    assert settings.route_by_zone is True

    # Applying again changes nothing.
    assert not [c for c in await _apply(app_engine, _blueprint(slug)) if c.startswith("crm.")]
    assert (await _state(app_engine, slug))[:2] == (tiers, risks)


@pytest.mark.parametrize(
    ("part", "field"),
    [
        (
            '[[crm.revenue]]\naccount = "C-999"\nstart = "2026-01"\namounts = ["1"]\n',
            "crm.revenue[0].account",
        ),
        ('[[crm.revenue]]\naccount = "C-001"\nstart = "2026-13"\namounts = ["1"]\n', "crm.revenue[0].start"),
        (
            '[[crm.revenue]]\naccount = "C-001"\nstart = "2026-01"\namounts = ["-1"]\n',
            "crm.revenue[0].amounts[0]",
        ),
        ("[crm.settings]\nchurn_months = 30\n", "crm.settings.churn_months"),
        ('[crm.settings]\ntier_a_share = "0.9"\ntier_b_share = "0.8"\n', "crm.settings.tier_b_share"),
    ],
)
def test_a_bad_revenue_part_names_the_field(part: str, field: str) -> None:
    load_modules()
    with pytest.raises(BlueprintError) as caught:
        parse_blueprint(_blueprint("bad-rev", part), "bad.toml")
    assert caught.value.field == field, str(caught.value)
