"""The ``[budgets]`` table of a blueprint: settings, categories (the seed's ratios and control),
forecast sales, and plans (compiled by ratio from the forecasts and/or with fixed lines; an
``approved`` plan is put in force as version 1) with expenses and applied adjustments. Created
when missing (applying twice writes nothing the second time)."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import msgspec
from sqlalchemy import select

from bizsuite.core.blueprints import ApplyReport, Blueprint, BlueprintSection, SectionError, assign
from bizsuite.core.context import Context, snapshot
from bizsuite.core.org_units.blueprint import org_units_in
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.budgets import rules
from bizsuite.modules.budgets.models import (
    Adjustment,
    AdjustmentKind,
    AdjustmentStatus,
    BudgetLine,
    Category,
    CheckScope,
    ControlMode,
    Expense,
    ExpenseKind,
    ExpenseStatus,
    Forecast,
    Granularity,
    LineMethod,
    Plan,
    PlanStatus,
)
from bizsuite.modules.budgets.schemas import Code, Name
from bizsuite.modules.budgets.services.adjustments import apply_adjustment
from bizsuite.modules.budgets.services.plans import approve_plan_now
from bizsuite.modules.budgets.services.settings import BUDGETS_SETTINGS


class SettingsSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``[budgets.settings]``: the monthly submission calendar."""

    submission_day: int = 25
    reminder_days: int = 3


class CategorySpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A category (by code), under a ``parent`` code."""

    code: Code
    name: Name
    parent: str | None = None
    ratio: Decimal | None = None
    control_mode: ControlMode = ControlMode.HARD
    check_scope: CheckScope = CheckScope.PERIOD
    approval_category: str | None = None


class ForecastSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Forecast sales of an org unit (by code) for each of ``periods``."""

    org_unit: str
    periods: list[str]
    amount: Decimal


class LineSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A fixed line."""

    category: str
    period: str
    amount: Decimal


class ExpenseSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An expense (by title) against the plan's line of ``category`` and ``period``."""

    title: str
    category: str
    period: str
    amount: Decimal
    kind: ExpenseKind = ExpenseKind.REQUEST
    status: ExpenseStatus = ExpenseStatus.PAID
    spent_on: date
    settles: str | None = None


class AdjustmentSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An applied adjustment: to the line of ``category``/``period``, from ``from_category``."""

    reason: str
    category: str
    period: str
    amount: Decimal
    from_category: str | None = None


class PlanSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A plan (by org unit and year)."""

    title: Name
    org_unit: str
    fiscal_year: int
    granularity: Granularity = Granularity.MONTH
    compile: bool = False
    approved: bool = False
    lines: list[LineSpec] = msgspec.field(default_factory=list)
    expenses: list[ExpenseSpec] = msgspec.field(default_factory=list)
    adjustments: list[AdjustmentSpec] = msgspec.field(default_factory=list)


class BudgetsSection(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``[budgets]``."""

    settings: SettingsSpec | None = None
    categories: list[CategorySpec] = msgspec.field(default_factory=list)
    forecasts: list[ForecastSpec] = msgspec.field(default_factory=list)
    plans: list[PlanSpec] = msgspec.field(default_factory=list)


def check(blueprint: Blueprint, section: BudgetsSection) -> None:
    """References inside ``[budgets]`` and to the blueprint's org units."""
    units = {unit.code for unit in org_units_in(blueprint)}
    codes: set[str] = set()
    for i, c in enumerate(section.categories):
        if c.parent is not None and c.parent not in codes:
            raise SectionError(f"categories[{i}].parent", f"no earlier category with code {c.parent!r}")
        codes.add(c.code)
    for i, f in enumerate(section.forecasts):
        if f.org_unit not in units:
            raise SectionError(f"forecasts[{i}].org_unit", f"no org unit with code {f.org_unit!r}")
        for period in f.periods:
            if rules.granularity_of(period) is None:
                raise SectionError(f"forecasts[{i}].periods", f"not a period: {period!r}")
    for i, p in enumerate(section.plans):
        if p.org_unit not in units:
            raise SectionError(f"plans[{i}].org_unit", f"no org unit with code {p.org_unit!r}")
        entries: list[tuple[str, str]] = [(x.category, x.period) for x in p.lines]
        entries += [(x.category, x.period) for x in p.expenses]
        entries += [(x.category, x.period) for x in p.adjustments]
        entries += [(x.from_category, x.period) for x in p.adjustments if x.from_category]
        for j, (category, period) in enumerate(entries):
            if category not in codes:
                raise SectionError(f"plans[{i}]", f"entry {j}: no category with code {category!r}")
            if rules.period_error(p.granularity, p.fiscal_year, period):
                raise SectionError(f"plans[{i}]", f"entry {j}: {period!r} is not a period of the plan")


async def apply(outer: Context, section: BudgetsSection, report: ApplyReport) -> None:
    """Create what is missing; settings are kept in line with the blueprint."""
    ctx = dataclasses.replace(outer, principal=dataclasses.replace(outer.principal, tenant=report.tenant))
    session = ctx.session
    if section.settings is not None:
        row = await ctx.settings(BUDGETS_SETTINGS)
        before = snapshot(row)
        if assign(
            row,
            {
                "submission_day": section.settings.submission_day,
                "reminder_days": section.settings.reminder_days,
            },
        ):
            await session.flush()
            ctx.audit("budgets.settings.updated", row, before=before, after=snapshot(row))
            report.updated.append("budgets settings")
    units = dict((await session.execute(select(OrgUnit.code, OrgUnit.id))).all())
    categories = {c.code: c for c in await session.scalars(select(Category))}
    for position, spec in enumerate(section.categories):
        if spec.code in categories:
            continue
        category = Category(
            code=spec.code,
            name=spec.name,
            parent_id=categories[spec.parent].id if spec.parent else None,
            ratio=spec.ratio,
            control_mode=spec.control_mode,
            check_scope=spec.check_scope,
            approval_category=spec.approval_category,
            position=position,
        )
        session.add(category)
        await session.flush()
        categories[spec.code] = category
        ctx.audit("budgets.category.created", category, after=snapshot(category))
        report.created.append(f"budget category {spec.code}")
    known = {(f.org_unit_id, f.period) for f in await session.scalars(select(Forecast))}
    for f in section.forecasts:
        for period in f.periods:
            if (units[f.org_unit], period) in known:
                continue
            session.add(Forecast(org_unit_id=units[f.org_unit], period=period, amount=rules.money(f.amount)))
            known.add((units[f.org_unit], period))
    await session.flush()
    plans = {(p.org_unit_id, p.fiscal_year) for p in await session.scalars(select(Plan))}
    for spec_p in section.plans:
        if (units[spec_p.org_unit], spec_p.fiscal_year) in plans:
            continue
        await _plan(ctx, spec_p, units[spec_p.org_unit], categories)
        report.created.append(f"budget plan {spec_p.title}")


async def _plan(ctx: Context, spec: PlanSpec, unit_id: object, categories: dict[str, Category]) -> None:
    session = ctx.session
    plan = Plan(
        title=spec.title,
        fiscal_year=spec.fiscal_year,
        org_unit_id=unit_id,
        granularity=spec.granularity,
        status=PlanStatus.DRAFT,
        revision=0,
    )
    session.add(plan)
    await session.flush()
    ctx.audit("budgets.plan.created", plan, after=snapshot(plan))
    lines: dict[tuple[str, str], BudgetLine] = {}
    if spec.compile:
        forecasts = dict(
            (
                await session.execute(
                    select(Forecast.period, Forecast.amount).where(Forecast.org_unit_id == unit_id)
                )
            ).all()
        )
        own = rules.own_ratios({c.id: (c.parent_id, c.ratio) for c in categories.values()})
        for code, category in categories.items():
            if category.id not in own:
                continue
            for period in rules.periods(spec.granularity, spec.fiscal_year):
                base = rules.forecast_for(period, forecasts)
                if base is None:
                    continue
                compiled = rules.compile_line(LineMethod.RATIO, base=base, percent=own[category.id])
                lines[(code, period)] = _line(plan, category, period, LineMethod.RATIO, compiled)
    for line_spec in spec.lines:
        compiled = rules.compile_line(LineMethod.FIXED, amount=line_spec.amount)
        category = categories[line_spec.category]
        lines[(line_spec.category, line_spec.period)] = _line(
            plan, category, line_spec.period, LineMethod.FIXED, compiled
        )
    session.add_all(lines.values())
    await session.flush()
    if not spec.approved:
        return
    await approve_plan_now(ctx, plan)
    advances: dict[str, Expense] = {}
    for e in spec.expenses:
        line = lines[(e.category, e.period)]
        advance = advances.get(e.settles) if e.settles else None
        row = Expense(
            kind=e.kind,
            status=e.status,
            line_id=line.id,
            advance_id=advance.id if advance else None,
            title=e.title,
            amount=rules.money(e.amount),
            covered=rules.covered_by_advance(advance.amount, e.amount) if advance else rules.ZERO,
            spent_on=e.spent_on,
            paid_on=e.spent_on if e.status in (ExpenseStatus.PAID, ExpenseStatus.SETTLED) else None,
        )
        row.pending, row.committed, row.actual = rules.usage(row.kind, row.status, row.amount, row.covered)
        if advance is not None and row.status is ExpenseStatus.PAID:
            advance.status = ExpenseStatus.SETTLED
            advance.pending, advance.committed, advance.actual = rules.ZERO, rules.ZERO, rules.ZERO
        session.add(row)
        await session.flush()
        if row.kind is ExpenseKind.ADVANCE:
            advances[row.title] = row
    for a in spec.adjustments:
        adjustment = Adjustment(
            plan_id=plan.id,
            kind=AdjustmentKind.TRANSFER if a.from_category else AdjustmentKind.INCREASE,
            status=AdjustmentStatus.IN_APPROVAL,
            from_line_id=lines[(a.from_category, a.period)].id if a.from_category else None,
            to_line_id=lines[(a.category, a.period)].id,
            amount=rules.money(a.amount),
            reason=a.reason,
        )
        session.add(adjustment)
        await session.flush()
        await apply_adjustment(ctx, adjustment)


def _line(
    plan: Plan, category: Category, period: str, method: LineMethod, compiled: rules.Compiled
) -> BudgetLine:
    return BudgetLine(
        plan_id=plan.id,
        category_id=category.id,
        period=period,
        method=method,
        base=compiled.base,
        percent=compiled.percent,
        compiled_amount=compiled.amount,
        amount=compiled.amount,
        formula=compiled.formula,
    )


SECTION = BlueprintSection(spec=BudgetsSection, apply=apply, check=check)
