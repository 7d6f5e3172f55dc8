"""Tenant blueprints: idempotent apply, precise errors, nothing half-applied."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from bizsuite.cli import main
from bizsuite.core.approvals.models import ApprovalFlow, ApprovalFlowStep
from bizsuite.core.blueprints import BlueprintError, apply_blueprint, load_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.tenants.models import Tenant
from bizsuite.settings import REPO_ROOT, Settings
from click.testing import CliRunner
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

DEMO = REPO_ROOT / "tenants" / "demo.toml"

GOOD = """
[tenant]
slug = "{slug}"
name = "Blueprint Co"
modules = ["crm"]

[[org_units]]
code = "HQ"
name = "HQ"
kind = "group"

[[org_units]]
code = "S1"
name = "Store 1"
kind = "store"
parent = "HQ"

[[users]]
email = "{slug}@example.com"
name = "Boss"
role = "owner"
password = "a demo password"
"""


def _slug() -> str:
    return f"bp-{uuid.uuid4().hex[:8]}"


async def _apply(engine: AsyncEngine, text_: str) -> list[str]:
    blueprint = parse_blueprint(text_)
    async with make_sessionmaker(engine)() as session, session.begin():
        report = await apply_blueprint(session, blueprint, source="test")
    return report.created + report.updated


async def _counts(engine: AsyncEngine, slug: str) -> tuple[int, int]:
    async with make_sessionmaker(engine)() as session, session.begin():
        tenant = await session.scalar(select(Tenant).where(Tenant.slug == slug))
        if tenant is None:
            return 0, 0
        await bind_tenant(session, tenant.id)
        units = await session.scalar(select(func.count()).select_from(OrgUnit))
        audit = await session.scalar(text("SELECT count(*) FROM audit_log"))
        return int(units or 0), int(audit or 0)


async def test_applying_twice_changes_nothing_the_second_time(app_engine: AsyncEngine) -> None:
    slug = _slug()
    first = await _apply(app_engine, GOOD.format(slug=slug))
    assert "tenant " + slug in first
    assert "org unit S1" in first
    counts = await _counts(app_engine, slug)
    assert await _apply(app_engine, GOOD.format(slug=slug)) == []
    assert await _counts(app_engine, slug) == counts


async def test_a_changed_blueprint_updates_in_place(app_engine: AsyncEngine) -> None:
    slug = _slug()
    await _apply(app_engine, GOOD.format(slug=slug))
    changed = GOOD.format(slug=slug).replace('name = "Store 1"', 'name = "Flagship store"')
    assert await _apply(app_engine, changed) == ["org unit S1"]


async def test_the_demo_blueprint_is_valid_and_complete() -> None:
    demo = load_blueprint(DEMO)
    kinds = {u.kind.value for u in demo.org_units}
    assert {"group", "subsidiary", "department", "store"} <= kinds
    assert sum(u.kind.value == "subsidiary" for u in demo.org_units) == 2
    assert {u.role.value for u in demo.users} == {"owner", "admin", "manager", "member", "viewer"}


@pytest.mark.parametrize(
    ("mutation", "line", "field"),
    [
        (('kind = "store"', 'kind = "castle"'), 15, "org_units[1].kind"),
        (('name = "Boss"', 'name = "Boss"\nshoe_size = 44'), 21, "users[0].shoe_size"),
        (('parent = "HQ"', 'parent = "NOPE"'), 16, "org_units[1].parent"),
        (('slug = "{slug}"', 'slug = "Not A Slug"'), 3, "tenant.slug"),
    ],
)
def test_a_bad_blueprint_names_the_line_and_field(mutation: tuple[str, str], line: int, field: str) -> None:
    source = GOOD.replace(*mutation).format(slug="x-y")
    with pytest.raises(BlueprintError) as caught:
        parse_blueprint(source, "bad.toml")
    assert caught.value.line == line, str(caught.value)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"bad.toml:{line}: {field}")


def test_broken_toml_reports_its_line() -> None:
    with pytest.raises(BlueprintError) as caught:
        parse_blueprint('[tenant]\nslug = "x"\nname = \n', "broken.toml")
    assert caught.value.line == 3


async def test_a_failing_apply_leaves_nothing_behind(app_engine: AsyncEngine) -> None:
    slug = _slug()
    cyclic = GOOD.format(slug=slug).replace(
        'code = "HQ"\nname = "HQ"\nkind = "group"', 'code = "HQ"\nname = "HQ"\nkind = "group"\nparent = "S1"'
    )
    with pytest.raises(BlueprintError, match="cycle"):
        await _apply(app_engine, cyclic)
    assert await _counts(app_engine, slug) == (0, 0)


def test_cli_apply_reports_then_is_idempotent(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIZSUITE_DATABASE_URL", settings.database_url)
    slug = _slug()
    path = tmp_path / "tenant.toml"
    path.write_text(GOOD.format(slug=slug), encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["tenants", "apply", str(path)])
    assert first.exit_code == 0, first.output
    assert f"created tenant {slug}" in first.output
    second = runner.invoke(main, ["tenants", "apply", str(path)])
    assert "nothing changed" in second.output
    suspended = runner.invoke(main, ["tenants", "suspend", slug])
    assert suspended.output.strip() == f"{slug}: suspended"
    listed = runner.invoke(main, ["tenants", "list"])
    assert slug in listed.output and "suspended" in listed.output
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.format(slug=slug).replace('kind = "store"', 'kind = "castle"'), encoding="utf-8")
    failed = runner.invoke(main, ["tenants", "apply", str(bad)])
    assert failed.exit_code != 0
    assert "bad.toml:15: org_units[1].kind" in failed.output


# --- approver assignments and approval flows ---------------------------------------------------

APPROVALS = (
    GOOD
    + """
[[approver_assignments]]
user = "{slug}@example.com"
org_unit = "S1"
role = "store_manager"

[[approval_flows]]
code = "store"
name = "Store expense"
org_unit_kinds = ["store"]
min_amount = "0.00"

[[approval_flows.steps]]
label = "Store manager"
approver = "role_at_unit"
role = "store_manager"

[[approval_flows.steps]]
label = "Owner"
approver = "user"
user = "{slug}@example.com"
"""
)


async def test_approval_sections_apply_once_then_update_in_place(app_engine: AsyncEngine) -> None:
    slug = _slug()
    first = await _apply(app_engine, APPROVALS.format(slug=slug))
    assert "approval flow store" in first
    assert f"approver store_manager {slug}@example.com at S1" in first
    assert await _apply(app_engine, APPROVALS.format(slug=slug)) == []
    relabelled = APPROVALS.format(slug=slug).replace('label = "Owner"', 'label = "The owner"')
    assert await _apply(app_engine, relabelled) == ["approval flow store"]
    async with make_sessionmaker(app_engine)() as session, session.begin():
        tenant = await session.scalar(select(Tenant).where(Tenant.slug == slug))
        assert tenant is not None
        await bind_tenant(session, tenant.id)
        flow = await session.scalar(select(ApprovalFlow))
        labels = (
            await session.scalars(select(ApprovalFlowStep.label).order_by(ApprovalFlowStep.position))
        ).all()
    assert flow is not None and flow.version == 2
    assert labels == ["Store manager", "The owner"]


@pytest.mark.parametrize(
    ("mutation", "bad_line", "field"),
    [
        (
            ('approver = "user"', 'approver = "castle"'),
            'approver = "castle"',
            "approval_flows[0].steps[1].approver",
        ),
        (
            (
                'approver = "user"\nuser = "{slug}@example.com"',
                'approver = "user"\nuser = "ghost@example.com"',
            ),
            'user = "ghost@example.com"',
            "approval_flows[0].steps[1].user",
        ),
        (('org_unit = "S1"', 'org_unit = "S9"'), 'org_unit = "S9"', "approver_assignments[0].org_unit"),
        (
            ('min_amount = "0.00"', 'min_amount = "0.001"'),
            'min_amount = "0.001"',
            "approval_flows[0].min_amount",
        ),
        (
            (
                'role = "store_manager"\n\n[[approval_flows.steps]]',
                'colour = "red"\n\n[[approval_flows.steps]]',
            ),
            'colour = "red"',
            "approval_flows[0].steps[0].colour",
        ),
        (
            (
                'role = "store_manager"\n\n[[approval_flows.steps]]',
                'role = "store_manager"\norg_unit = "HQ"\n\n[[approval_flows.steps]]',
            ),
            'org_unit = "HQ"',
            "approval_flows[0].steps[0].org_unit",
        ),
    ],
)
def test_a_bad_approval_section_names_the_line_and_field(
    mutation: tuple[str, str], bad_line: str, field: str
) -> None:
    template = APPROVALS.replace(*mutation)
    assert template != APPROVALS, "the mutation did not apply"
    source = template.format(slug="x-y")
    line = source.splitlines().index(bad_line) + 1
    with pytest.raises(BlueprintError) as caught:
        parse_blueprint(source, "bad.toml")
    assert (caught.value.line, caught.value.field) == (line, field), str(caught.value)


def test_the_demo_blueprint_holds_the_four_seed_flows() -> None:
    demo = load_blueprint(DEMO)
    # The four expense flows of the seed, for budget expenses (and the kernel's demo expense);
    # other modules' flows (contracts) name their own document types.
    expense_types = {"budgets_expense", "expense_demo"}
    assert {f.code for f in demo.approval_flows if set(f.document_types) == expense_types} == {
        "store-expense",
        "department-expense",
        "operating-expense",
        "special-expense",
    }
    assert {a.role for a in demo.approver_assignments} >= {
        "store_manager",
        "regional_manager",
        "operations_manager",
        "finance",
        "general_manager",
        "department_manager",
    }
