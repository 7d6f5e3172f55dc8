"""Plans (费用预算) per fiscal year and cost centre: lines compiled by method, approval through
the kernel's engine (``budgets_plan``), approved versions, and each line's figures."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import func, select

from bizsuite.core import clock
from bizsuite.core.approvals import ApprovalRequest, RequestStatus, SubmittedDocument, submit_document
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.modules.budgets import rules
from bizsuite.modules.budgets.models import (
    BudgetLine,
    Category,
    Expense,
    LineChange,
    LineMethod,
    Plan,
    PlanStatus,
    PlanVersion,
)
from bizsuite.modules.budgets.schemas import (
    BudgetCompile,
    BudgetExplanation,
    BudgetLineChangeView,
    BudgetLineCreate,
    BudgetLineView,
    BudgetPlanCreate,
    BudgetPlanDetail,
    BudgetPlanFilters,
    BudgetPlanPage,
    BudgetPlanVersionLine,
    BudgetPlanVersionView,
    BudgetPlanView,
)
from bizsuite.modules.budgets.services.common import author_for, check_amount, check_percent, today
from bizsuite.modules.budgets.services.forecasts import forecasts_of

#: The approval engine's document type of a plan.
PLAN_DOCUMENT = "budgets_plan"
PLAN_FORMULA = "total = sum of the lines' budgets in force; " + rules.ANALYSIS_FORMULA
Usage = tuple[Decimal, Decimal, Decimal]
_NONE: Usage = (rules.ZERO, rules.ZERO, rules.ZERO)


# --- figures --------------------------------------------------------------------------------


async def usage_by_line(ctx: Context, line_ids: list[uuid.UUID]) -> dict[uuid.UUID, Usage]:
    """What the expenses use of each line: (awaiting approval, committed, actual)."""
    if not line_ids:
        return {}
    rows = await ctx.session.execute(
        select(
            Expense.line_id, func.sum(Expense.pending), func.sum(Expense.committed), func.sum(Expense.actual)
        )
        .where(Expense.line_id.in_(line_ids))
        .group_by(Expense.line_id)
    )
    return {line_id: (p, c, a) for line_id, p, c, a in rows.all()}


def figures(line: BudgetLine, used: Usage) -> rules.Figures:
    """A line's budget and use."""
    return rules.Figures(line.amount, *used)


async def cumulative_figures(ctx: Context, line: BudgetLine) -> rules.Figures:
    """The budget and use of the line's category in its plan, from the year's first period
    through the line's."""
    lines = list(
        await ctx.session.scalars(
            select(BudgetLine).where(
                BudgetLine.plan_id == line.plan_id,
                BudgetLine.category_id == line.category_id,
                BudgetLine.period.in_(rules.periods_through(line.period)),
            )
        )
    )
    used = await usage_by_line(ctx, [r.id for r in lines])
    total = rules.Figures(rules.ZERO)
    for row in lines:
        total = total + figures(row, used.get(row.id, _NONE))
    return total


async def plan_row(ctx: Context, plan_id: uuid.UUID, *, lock: bool = False) -> Plan:
    """The plan, or 404 (``lock``: held until the transaction ends, so checks against its
    lines run one after the other)."""
    if lock:
        found = await ctx.session.scalar(select(Plan).where(Plan.id == plan_id).with_for_update())
        if found is not None:
            return found
    return await fetch(ctx.session, Plan, plan_id, what="plan")


async def line_row(ctx: Context, line_id: uuid.UUID) -> BudgetLine:
    """The line, or 404."""
    return await fetch(ctx.session, BudgetLine, line_id, what="budget line")


async def line_views(ctx: Context, lines: list[BudgetLine]) -> list[BudgetLineView]:
    """Line rows as views, with their categories and figures."""
    categories = {
        c.id: c
        for c in await ctx.session.scalars(
            select(Category).where(Category.id.in_({r.category_id for r in lines}))
        )
    }
    used = await usage_by_line(ctx, [r.id for r in lines])
    day = today(ctx)
    out = []
    for row in lines:
        numbers = figures(row, used.get(row.id, _NONE))
        result = rules.variance(numbers)
        category = categories[row.category_id]
        out.append(
            BudgetLineView(
                id=row.id,
                plan_id=row.plan_id,
                category_id=row.category_id,
                category_code=category.code,
                category_name=category.name,
                control_mode=category.control_mode,
                period=row.period,
                method=row.method,
                base=row.base,
                percent=row.percent,
                compiled_amount=row.compiled_amount,
                amount=row.amount,
                formula=row.formula,
                pending=numbers.pending,
                committed=numbers.committed,
                actual=numbers.actual,
                available=numbers.available,
                used_pct=result.used_pct,
                over=result.over,
                explanation=row.explanation,
                explained_at=row.explained_at,
                explanation_due=rules.explanation_due(
                    row.period, day, result.over, row.explanation is not None
                ),
                version=row.version,
            )
        )
    return out


async def _plan_lines(ctx: Context, plan_id: uuid.UUID) -> list[BudgetLine]:
    positions = dict((await ctx.session.execute(select(Category.id, Category.code))).all())
    rows = list(await ctx.session.scalars(select(BudgetLine).where(BudgetLine.plan_id == plan_id)))
    return sorted(rows, key=lambda r: (positions.get(r.category_id, ""), r.period))


async def plan_views(ctx: Context, rows: list[Plan]) -> list[BudgetPlanView]:
    """Plan rows as views, with their cost centres' names and totals."""
    names = dict(
        (
            await ctx.session.execute(
                select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_({r.org_unit_id for r in rows}))
            )
        ).all()
    )
    totals = dict(
        (
            await ctx.session.execute(
                select(BudgetLine.plan_id, func.sum(BudgetLine.amount))
                .where(BudgetLine.plan_id.in_([r.id for r in rows]))
                .group_by(BudgetLine.plan_id)
            )
        ).all()
    )
    return [
        BudgetPlanView(
            id=r.id,
            title=r.title,
            fiscal_year=r.fiscal_year,
            org_unit_id=r.org_unit_id,
            org_unit_name=names.get(r.org_unit_id, ""),
            granularity=r.granularity,
            status=r.status,
            revision=r.revision,
            total=totals.get(r.id, rules.ZERO),
            notes=r.notes,
            created_at=r.created_at,
            updated_at=r.updated_at,
            version=r.version,
        )
        for r in rows
    ]


# --- plans ----------------------------------------------------------------------------------


async def create_plan(ctx: Context, data: BudgetPlanCreate) -> BudgetPlanView:
    """Start a draft plan; one plan per cost centre and fiscal year (409 naming ``fiscal_year``)."""
    await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    taken = await ctx.session.scalar(
        select(Plan.id).where(Plan.org_unit_id == data.org_unit_id, Plan.fiscal_year == data.fiscal_year)
    )
    if taken is not None:
        raise ConflictProblem.for_field("fiscal_year", "this cost centre already has a plan for that year")
    row = Plan(
        title=data.title,
        fiscal_year=data.fiscal_year,
        org_unit_id=data.org_unit_id,
        granularity=data.granularity,
        status=PlanStatus.DRAFT,
        revision=0,
        notes=data.notes,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("budgets.plan.created", row, after=snapshot(row))
    return (await plan_views(ctx, [row]))[0]


async def list_plans(
    ctx: Context, filters: BudgetPlanFilters, *, limit: int, cursor: str | None
) -> BudgetPlanPage:
    """A page of plans, newest first."""
    statement = select(Plan)
    if filters.fiscal_year is not None:
        statement = statement.where(Plan.fiscal_year == filters.fiscal_year)
    if filters.org_unit_id is not None:
        statement = statement.where(Plan.org_unit_id == filters.org_unit_id)
    if filters.status is not None:
        statement = statement.where(Plan.status == filters.status)
    rows, next_cursor = await list_page(
        ctx.session, statement, Plan, limit=limit, cursor=cursor, descending=True
    )
    return BudgetPlanPage(items=await plan_views(ctx, list(rows)), next_cursor=next_cursor)


def _version_view(row: PlanVersion) -> BudgetPlanVersionView:
    return BudgetPlanVersionView(
        revision=row.revision,
        reason=row.reason,
        total=row.total,
        created_at=row.created_at,
        lines=[
            BudgetPlanVersionLine(
                line_id=uuid.UUID(x["line_id"]),
                category_id=uuid.UUID(x["category_id"]),
                period=x["period"],
                amount=Decimal(x["amount"]),
            )
            for x in row.lines
        ],
    )


async def get_plan(ctx: Context, plan_id: uuid.UUID) -> BudgetPlanDetail:
    """A plan with its lines (each with how it was computed and what is used) and versions."""
    row = await plan_row(ctx, plan_id)
    versions = await ctx.session.scalars(
        select(PlanVersion).where(PlanVersion.plan_id == row.id).order_by(PlanVersion.revision.desc())
    )
    return BudgetPlanDetail(
        plan=(await plan_views(ctx, [row]))[0],
        lines=await line_views(ctx, await _plan_lines(ctx, row.id)),
        versions=[_version_view(v) for v in versions],
        formula=PLAN_FORMULA,
    )


def _editable(plan: Plan) -> None:
    if plan.status is not PlanStatus.DRAFT:
        raise ConflictProblem(
            f"Only draft plans change line by line; this one is {plan.status.value} "
            "(approved plans change through adjustments)."
        )


async def _compiled(ctx: Context, plan: Plan, category: Category, data: BudgetLineCreate) -> rules.Compiled:
    if data.method is LineMethod.FIXED:
        if data.amount is None:
            raise ValidationProblem.for_field("amount", "a fixed line needs an amount")
        return rules.compile_line(data.method, amount=check_amount("amount", data.amount))
    percent = data.percent
    if percent is None and data.method is LineMethod.RATIO:
        percent = category.ratio
    if percent is None:
        raise ValidationProblem.for_field("percent", f"a {data.method.value} line needs a percentage")
    check_percent("percent", percent)
    base = data.base
    source = None
    if base is None and data.method is LineMethod.RATIO:
        base = rules.forecast_for(data.period, await forecasts_of(ctx, plan.org_unit_id, plan.fiscal_year))
        if base is None:
            raise ValidationProblem.for_field(
                "period", f"no forecast sales of this cost centre for {data.period}: enter one first"
            )
    if base is None:
        base, source = await last_years_actual(ctx, plan, category, data.period)
    return rules.compile_line(
        data.method, base=check_amount("base", base), percent=percent, base_source=source
    )


async def last_years_actual(ctx: Context, plan: Plan, category: Category, period: str) -> tuple[Decimal, str]:
    """Last year's actual of a line, the incremental method's base when none is given: what the
    plan's cost centre paid in the category in the same period a year earlier (the expenses on
    last year's lines of that category whose periods lie in it; a paid advance is not actual
    until its reimbursement is paid, so nothing counts twice), with where it comes from for the
    formula. 422 naming ``base`` when nothing was paid then."""
    earlier = rules.last_year(period)
    lines = [
        line_id
        for line_id, line_period in await ctx.session.execute(
            select(BudgetLine.id, BudgetLine.period)
            .join(Plan, Plan.id == BudgetLine.plan_id)
            .where(
                Plan.org_unit_id == plan.org_unit_id,
                Plan.fiscal_year == rules.year_of(earlier),
                BudgetLine.category_id == category.id,
            )
        )
        if rules.within(line_period, earlier)
    ]
    total, paid = (
        await ctx.session.execute(
            select(func.coalesce(func.sum(Expense.actual), 0), func.count(Expense.id)).where(
                Expense.line_id.in_(lines), Expense.actual > 0
            )
        )
    ).one()
    if not paid:
        raise ValidationProblem.for_field(
            "base",
            f"nothing of {category.code} was paid at this cost centre in {earlier}: "
            "enter last year's actual (base)",
        )
    return rules.money(Decimal(total)), rules.actual_source(earlier, paid)


async def _put_line(
    ctx: Context, plan: Plan, category: Category, period: str, compiled: rules.Compiled, method: LineMethod
) -> BudgetLine:
    row = await ctx.session.scalar(
        select(BudgetLine).where(
            BudgetLine.plan_id == plan.id, BudgetLine.category_id == category.id, BudgetLine.period == period
        )
    )
    values = {
        "method": method,
        "base": compiled.base,
        "percent": compiled.percent,
        "compiled_amount": compiled.amount,
        "amount": compiled.amount,
        "formula": compiled.formula,
    }
    if row is None:
        row = BudgetLine(plan_id=plan.id, category_id=category.id, period=period, **values)
        ctx.session.add(row)
        await ctx.session.flush()
        ctx.audit("budgets.line.created", row, after=snapshot(row))
        return row
    before = snapshot(row)
    for name, value in values.items():
        setattr(row, name, value)
    await ctx.session.flush()
    ctx.audit("budgets.line.updated", row, before=before, after=snapshot(row))
    return row


async def add_line(ctx: Context, plan_id: uuid.UUID, data: BudgetLineCreate) -> BudgetLineView:
    """Add (or recompute) a draft plan's line for a category and period.

    On an approved plan, a line for a period it has none for (next month's budget, submitted
    month by month) is added at 0.00 with its compiled amount, and an increase of that amount
    goes to approval (``budgets_adjustment``): approved, it is in force as a new version."""
    plan = await plan_row(ctx, plan_id, lock=True)
    category = await fetch_reference(ctx.session, Category, data.category_id, field="category_id")
    error = rules.period_error(plan.granularity, plan.fiscal_year, data.period)
    if error is not None:
        raise ValidationProblem.for_field("period", error)
    if plan.status is PlanStatus.APPROVED:
        taken = await ctx.session.scalar(
            select(BudgetLine.id).where(
                BudgetLine.plan_id == plan.id,
                BudgetLine.category_id == category.id,
                BudgetLine.period == data.period,
            )
        )
        if taken is not None:
            raise ConflictProblem.for_field(
                "period", "the approved plan already has this line: change it through an adjustment"
            )
        compiled = await _compiled(ctx, plan, category, data)
        row = BudgetLine(
            plan_id=plan.id,
            category_id=category.id,
            period=data.period,
            method=data.method,
            base=compiled.base,
            percent=compiled.percent,
            compiled_amount=compiled.amount,
            amount=rules.ZERO,
            formula=compiled.formula,
        )
        ctx.session.add(row)
        await ctx.session.flush()
        ctx.audit("budgets.line.created", row, after=snapshot(row))
        if compiled.amount > 0:
            from bizsuite.modules.budgets.services.adjustments import submit_increase

            await submit_increase(ctx, plan, row, compiled.amount, f"{data.period} submitted")
        return (await line_views(ctx, [row]))[0]
    _editable(plan)
    compiled = await _compiled(ctx, plan, category, data)
    row = await _put_line(ctx, plan, category, data.period, compiled, data.method)
    return (await line_views(ctx, [row]))[0]


async def compile_plan(ctx: Context, plan_id: uuid.UUID, data: BudgetCompile) -> BudgetPlanDetail:
    """Compile ratio lines from forecast sales: each category with a ratio (or those listed)
    for each period of the plan with a forecast, on the ratio it keeps beside its sub-categories
    (``rules.own_ratios``). 422 when no period has a forecast."""
    plan = await plan_row(ctx, plan_id, lock=True)
    _editable(plan)
    if data.category_ids:
        categories = list(
            await ctx.session.scalars(select(Category).where(Category.id.in_(data.category_ids)))
        )
        if len(categories) != len(set(data.category_ids)):
            raise ValidationProblem.for_field("category_ids", "no such category")
        missing = [c.code for c in categories if c.ratio is None]
        if missing:
            raise ValidationProblem.for_field(
                "category_ids", "these categories have no ratio: " + ", ".join(missing)
            )
    else:
        categories = list(await ctx.session.scalars(select(Category).where(Category.ratio.is_not(None))))
    every = {c.id: (c.parent_id, c.ratio) for c in await ctx.session.scalars(select(Category))}
    own = rules.own_ratios(every)
    forecasts = await forecasts_of(ctx, plan.org_unit_id, plan.fiscal_year)
    periods = [
        (p, base)
        for p in rules.periods(plan.granularity, plan.fiscal_year)
        if (base := rules.forecast_for(p, forecasts)) is not None
    ]
    if not periods:
        raise ValidationProblem.for_field(
            "period", f"no forecast sales of this cost centre for {plan.fiscal_year}: enter them first"
        )
    for category in categories:
        if category.id not in own:
            continue
        for period, base in periods:
            compiled = rules.compile_line(LineMethod.RATIO, base=base, percent=own[category.id])
            await _put_line(ctx, plan, category, period, compiled, LineMethod.RATIO)
    return await get_plan(ctx, plan.id)


async def delete_line(ctx: Context, line_id: uuid.UUID, if_match: str | None) -> None:
    """Remove a draft plan's line (``If-Match``)."""
    row = await line_row(ctx, line_id)
    check_version(row, if_match)
    _editable(await plan_row(ctx, row.plan_id, lock=True))
    ctx.audit("budgets.line.deleted", row, before=snapshot(row))
    await ctx.session.delete(row)
    await ctx.session.flush()


async def submit_plan(ctx: Context, plan_id: uuid.UUID, if_match: str | None) -> BudgetPlanView:
    """Send a draft plan to approval (``budgets_plan``; the general manager approves in the demo)."""
    plan = await plan_row(ctx, plan_id, lock=True)
    check_version(plan, if_match)
    _editable(plan)
    lines = await _plan_lines(ctx, plan.id)
    if not lines:
        raise ConflictProblem("A plan needs at least one line before it is submitted.")
    before = snapshot(plan)
    author = await author_for(ctx, None, "Plans are submitted")
    await submit_document(
        ctx,
        SubmittedDocument(
            document_type=PLAN_DOCUMENT,
            document_id=plan.id,
            title=plan.title,
            org_unit_id=plan.org_unit_id,
            author_id=author,
            amount=sum((r.amount for r in lines), rules.ZERO),
            currency=ctx.tenant.currency or "CNY",
            category="budget_plan",
        ),
    )
    plan.status = PlanStatus.IN_APPROVAL
    plan.author_id = author
    await ctx.session.flush()
    ctx.audit("budgets.plan.submitted", plan, before=before, after=snapshot(plan))
    return (await plan_views(ctx, [plan]))[0]


async def record_version(ctx: Context, plan: Plan, reason: str) -> PlanVersion:
    """Snapshot the plan's lines as its version ``plan.revision``."""
    lines = await _plan_lines(ctx, plan.id)
    row = PlanVersion(
        plan_id=plan.id,
        revision=plan.revision,
        reason=reason,
        total=sum((r.amount for r in lines), rules.ZERO),
        lines=[
            {
                "line_id": str(r.id),
                "category_id": str(r.category_id),
                "period": r.period,
                "amount": str(r.amount),
            }
            for r in lines
        ],
    )
    ctx.session.add(row)
    await ctx.session.flush()
    return row


async def approve_plan_now(ctx: Context, plan: Plan, reason: str = "plan approved") -> None:
    """Put an approved plan in force: version 1 and each line's first history entry."""
    before = snapshot(plan)
    plan.status = PlanStatus.APPROVED
    plan.revision += 1
    for line in await _plan_lines(ctx, plan.id):
        ctx.session.add(
            LineChange(
                line_id=line.id, revision=plan.revision, before=rules.ZERO, after=line.amount, reason=reason
            )
        )
    await ctx.session.flush()
    await record_version(ctx, plan, reason)
    ctx.audit("budgets.plan.approved", plan, before=before, after=snapshot(plan))


async def on_plan_decided(ctx: Context, request: ApprovalRequest) -> None:
    """The approval engine's callback: approved → in force (a new version); else back to draft."""
    plan = await plan_row(ctx, request.document_id, lock=True)
    if plan.status is not PlanStatus.IN_APPROVAL:
        return
    if request.status is RequestStatus.APPROVED:
        await approve_plan_now(ctx, plan)
        return
    before = snapshot(plan)
    plan.status = PlanStatus.DRAFT
    await ctx.session.flush()
    ctx.audit(f"budgets.plan.{request.status.value}", plan, before=before, after=snapshot(plan))


# --- line history and explanations ----------------------------------------------------------


async def line_history(ctx: Context, line_id: uuid.UUID) -> list[BudgetLineChangeView]:
    """Every change of a line's budget, oldest first."""
    rows = await ctx.session.scalars(
        select(LineChange)
        .where(LineChange.line_id == line_id)
        .order_by(LineChange.created_at, LineChange.revision)
    )
    return [
        BudgetLineChangeView(
            revision=r.revision,
            before=r.before,
            after=r.after,
            delta=r.after - r.before,
            reason=r.reason,
            adjustment_id=r.adjustment_id,
            created_at=r.created_at,
        )
        for r in rows
    ]


async def explain_line(ctx: Context, line_id: uuid.UUID, data: BudgetExplanation) -> BudgetLineView:
    """Record the written explanation of a line's overrun (409 when the line is not over)."""
    row = await line_row(ctx, line_id)
    view = (await line_views(ctx, [row]))[0]
    if not view.over:
        raise ConflictProblem("This line is within its budget: there is no overrun to explain.")
    before = snapshot(row)
    row.explanation = data.explanation
    row.explained_at = clock.now(ctx)
    await ctx.session.flush()
    ctx.audit("budgets.line.updated", row, before=before, after=snapshot(row))
    return (await line_views(ctx, [row]))[0]
