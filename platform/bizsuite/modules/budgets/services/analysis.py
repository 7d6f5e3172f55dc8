"""Analysis (预算分析): budget vs committed vs actual, variance and % used per cost centre,
category, period or quarter of a fiscal year, from the approved plans' lines."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import func, select

from bizsuite.core.context import Context
from bizsuite.core.errors import ValidationProblem
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.budgets import rules
from bizsuite.modules.budgets.models import BudgetLine, Category, Expense, Plan, PlanStatus
from bizsuite.modules.budgets.schemas import BudgetAnalysis, BudgetAnalysisRow, BudgetLineView
from bizsuite.modules.budgets.services.plans import line_views

GROUPS = ("org_unit", "category", "period", "quarter")


def _with_children(categories: dict[uuid.UUID, Category], category_id: uuid.UUID) -> set[uuid.UUID]:
    """A category and everything under it (422 naming ``category_id`` when it is unknown)."""
    if category_id not in categories:
        raise ValidationProblem.for_field("category_id", "no such category", source="query")
    wanted = {category_id}
    while more := {c.id for c in categories.values() if c.parent_id in wanted} - wanted:
        wanted |= more
    return wanted


async def analysis_lines(
    ctx: Context, fiscal_year: int, *, org_unit_id: uuid.UUID | None, category_id: uuid.UUID | None
) -> list[BudgetLineView]:
    """The drill-down: the approved lines of a cost centre and/or category (with sub-categories)."""
    statement = (
        select(BudgetLine)
        .join(Plan, Plan.id == BudgetLine.plan_id)
        .where(Plan.fiscal_year == fiscal_year, Plan.status == PlanStatus.APPROVED)
        .order_by(BudgetLine.period)
        .limit(500)
    )
    if org_unit_id is not None:
        statement = statement.where(Plan.org_unit_id == org_unit_id)
    if category_id is not None:
        categories = {c.id: c for c in await ctx.session.scalars(select(Category))}
        statement = statement.where(BudgetLine.category_id.in_(_with_children(categories, category_id)))
    return await line_views(ctx, list(await ctx.session.scalars(statement)))


def _row(key: str, label: str, numbers: rules.Figures, lines: int) -> BudgetAnalysisRow:
    result = rules.variance(numbers)
    return BudgetAnalysisRow(
        key=key,
        label=label,
        budget=numbers.budget,
        pending=numbers.pending,
        committed=numbers.committed,
        actual=numbers.actual,
        used=result.used,
        variance=result.variance,
        used_pct=result.used_pct,
        over=result.over,
        lines=lines,
    )


async def analysis(
    ctx: Context,
    fiscal_year: int,
    group_by: str = "category",
    *,
    org_unit_id: uuid.UUID | None = None,
    category_id: uuid.UUID | None = None,
) -> BudgetAnalysis:
    """The budget-vs-actual report of ``fiscal_year``'s approved plans, grouped by ``group_by``
    (``org_unit``, ``category``, ``period`` or ``quarter``), optionally for one cost centre or
    category (with its sub-categories)."""
    if group_by not in GROUPS:
        raise ValidationProblem.for_field("group_by", "one of " + ", ".join(GROUPS), source="query")
    usage = (
        select(
            Expense.line_id,
            func.sum(Expense.pending).label("pending"),
            func.sum(Expense.committed).label("committed"),
            func.sum(Expense.actual).label("actual"),
        )
        .group_by(Expense.line_id)
        .subquery()
    )
    statement = (
        select(
            BudgetLine.id,
            BudgetLine.period,
            BudgetLine.category_id,
            BudgetLine.amount,
            Plan.org_unit_id,
            func.coalesce(usage.c.pending, 0),
            func.coalesce(usage.c.committed, 0),
            func.coalesce(usage.c.actual, 0),
        )
        .join(Plan, Plan.id == BudgetLine.plan_id)
        .outerjoin(usage, usage.c.line_id == BudgetLine.id)
        .where(Plan.fiscal_year == fiscal_year, Plan.status == PlanStatus.APPROVED)
    )
    if org_unit_id is not None:
        statement = statement.where(Plan.org_unit_id == org_unit_id)
    categories = {c.id: c for c in await ctx.session.scalars(select(Category))}
    if category_id is not None:
        statement = statement.where(BudgetLine.category_id.in_(_with_children(categories, category_id)))
    rows = (await ctx.session.execute(statement)).all()
    units = dict(
        (
            await ctx.session.execute(
                select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_({r[4] for r in rows}))
            )
        ).all()
    )
    groups: dict[str, tuple[str, rules.Figures, int]] = {}
    total = rules.Figures(rules.ZERO)
    for _line_id, period, cat_id, amount, unit_id, pending, committed, actual in rows:
        numbers = rules.Figures(amount, Decimal(pending), Decimal(committed), Decimal(actual))
        total = total + numbers
        if group_by == "org_unit":
            key, label = str(unit_id), units.get(unit_id, "")
        elif group_by == "category":
            category = categories[cat_id]
            key, label = str(cat_id), f"{category.code} {category.name}"
        elif group_by == "period":
            key = label = period
        else:
            key = label = rules.quarter_of(period)
        _label, so_far, count = groups.get(key, (label, rules.Figures(rules.ZERO), 0))
        groups[key] = (label, so_far + numbers, count + 1)
    ordered = sorted(
        groups.items(), key=lambda kv: kv[1][0] if group_by in ("org_unit", "category") else kv[0]
    )
    return BudgetAnalysis(
        fiscal_year=fiscal_year,
        group_by=group_by,
        rows=[_row(key, label, numbers, count) for key, (label, numbers, count) in ordered],
        total=_row("total", "Total", total, len(rows)),
        formula=rules.ANALYSIS_FORMULA,
    )
