"""The expenses list on the kernel list component (``web/lists.py``): search, sortable columns,
the count and page range, groups by kind, status or budget line with amount subtotals, chosen
columns, saved views and the export of the view. The list's SQL picks the page's expense ids; the
page's expenses are then loaded as views in that order."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.modules.budgets.models import Expense, Plan
from bizsuite.modules.budgets.schemas import (
    BudgetExpenseFilters,
    BudgetExpenseView,
    BudgetPlanFilters,
    BudgetPlanView,
)
from bizsuite.modules.budgets.services.expenses import expense_views
from bizsuite.modules.budgets.services.plans import plan_views
from bizsuite.web.i18n import N_
from bizsuite.web.lists import (
    GroupTotal,
    ListColumn,
    ListPage,
    ListSpec,
    ListState,
    SqlWhere,
    contains_pattern,
    count_rows,
    fetch_page,
    group_totals,
)

#: One row per expense with its line's plan, period and category.
SOURCE = (
    "(SELECT e.*, l.period, l.plan_id, c.code || ' ' || c.name || ' ' || l.period AS line_label"
    " FROM budgets_expenses e"
    " JOIN budgets_lines l ON l.tenant_id = e.tenant_id AND l.id = e.line_id"
    " JOIN budgets_categories c ON c.tenant_id = l.tenant_id AND c.id = l.category_id) AS expenses"
)

#: The expenses list, described once for the page and its export.
EXPENSE_LIST = ListSpec(
    key="budgets.expenses",
    path="/budgets/expenses",
    columns=(
        ListColumn("title", N_("Title"), sort="title"),
        ListColumn("kind", N_("Kind"), group="kind"),
        ListColumn("line", N_("Budget line"), sort="line_label", group="line_id"),
        ListColumn("status", N_("Status"), group="status"),
        ListColumn("amount", N_("Amount"), kind="money", sort="amount", sort_type=Decimal),
        ListColumn("actual", N_("Actual"), kind="money", sort="actual", sort_type=Decimal, default=False),
        ListColumn("spent_on", N_("Date"), kind="date", sort="spent_on", sort_type=date),
        ListColumn(
            "created_at", N_("Filed"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-created_at",
    filters=("q", "kind", "status", "line_id", "plan_id"),
)


def expense_conditions(ctx: Context, filters: BudgetExpenseFilters) -> SqlWhere:
    """The filters as SQL conditions on the list's rows."""
    where = SqlWhere(ctx.tenant_id)
    if filters.kind is not None:
        where.where("kind::text = {}", filters.kind.value)
    if filters.status is not None:
        where.where("status::text = {}", filters.status.value)
    if filters.line_id is not None:
        where.where("line_id = {}", filters.line_id)
    if filters.plan_id is not None:
        where.where("plan_id = {}", filters.plan_id)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where("lower(title || ' ' || line_label) LIKE {}", contains_pattern(text))
    return where


async def expense_list(
    ctx: Context, filters: BudgetExpenseFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[BudgetExpenseView], int | None]:
    """A page of expenses in the state's order, as views, with the total when ``count``."""
    where = expense_conditions(ctx, filters)
    ids = await fetch_page(
        ctx, EXPENSE_LIST, state, select="id", source=SOURCE, where=where, row=lambda r: r[0], limit=limit
    )
    rows = list((await ctx.session.scalars(select(Expense).where(Expense.id.in_(ids.items)))).all())
    by_id = {v.id: v for v in await expense_views(ctx, rows)}
    total = await count_rows(ctx, source=SOURCE, where=where) if count else None
    return ListPage(
        [by_id[i] for i in ids.items if i in by_id], ids.next_cursor, ids.previous_cursor, ids.at
    ), total


async def expense_groups(ctx: Context, filters: BudgetExpenseFilters, state: ListState) -> list[GroupTotal]:
    """The grouped list's groups: how many expenses and the sum of their amounts."""
    where = expense_conditions(ctx, filters).copy()
    return await group_totals(ctx, EXPENSE_LIST, state, source=SOURCE, where=where, sums={"amount": "amount"})


#: One row per plan with its cost centre's name and total.
PLAN_SOURCE = (
    "(SELECT p.*, COALESCE(u.name, '') AS unit_name,"
    " COALESCE((SELECT sum(l.amount) FROM budgets_lines l WHERE l.tenant_id = p.tenant_id"
    " AND l.plan_id = p.id), 0) AS total"
    " FROM budgets_plans p LEFT JOIN org_units u ON u.tenant_id = p.tenant_id AND u.id = p.org_unit_id) AS plans"
)

#: The plans list, described once for the page and its export.
PLAN_LIST = ListSpec(
    key="budgets.plans",
    path="/budgets",
    columns=(
        ListColumn("title", N_("Plan"), sort="title"),
        ListColumn("org_unit", N_("Cost centre"), sort="unit_name", group="org_unit_id"),
        ListColumn(
            "fiscal_year",
            N_("Fiscal year"),
            kind="int",
            sort="fiscal_year",
            sort_type=int,
            group="fiscal_year",
        ),
        ListColumn("granularity", N_("Periods"), group="granularity"),
        ListColumn("status", N_("Status"), group="status"),
        ListColumn("revision", N_("Version"), kind="int", sort="revision", sort_type=int),
        ListColumn("total", N_("Total budget"), kind="money", sort="total", sort_type=Decimal),
        ListColumn(
            "created_at", N_("Created"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-created_at",
    filters=("fiscal_year", "org_unit_id", "status"),
)


def plan_conditions(ctx: Context, filters: BudgetPlanFilters) -> SqlWhere:
    """The filters as SQL conditions on the plans list's rows."""
    where = SqlWhere(ctx.tenant_id)
    if filters.fiscal_year is not None:
        where.where("fiscal_year = {}", filters.fiscal_year)
    if filters.org_unit_id is not None:
        where.where("org_unit_id = {}", filters.org_unit_id)
    if filters.status is not None:
        where.where("status::text = {}", filters.status.value)
    return where


async def plan_list(
    ctx: Context, filters: BudgetPlanFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[BudgetPlanView], int | None]:
    """A page of plans in the state's order, as views, with the total when ``count``."""
    where = plan_conditions(ctx, filters)
    ids = await fetch_page(
        ctx, PLAN_LIST, state, select="id", source=PLAN_SOURCE, where=where, row=lambda r: r[0], limit=limit
    )
    rows = list((await ctx.session.scalars(select(Plan).where(Plan.id.in_(ids.items)))).all())
    by_id = {v.id: v for v in await plan_views(ctx, rows)}
    total = await count_rows(ctx, source=PLAN_SOURCE, where=where) if count else None
    return ListPage(
        [by_id[i] for i in ids.items if i in by_id], ids.next_cursor, ids.previous_cursor, ids.at
    ), total


async def plan_groups(ctx: Context, filters: BudgetPlanFilters, state: ListState) -> list[GroupTotal]:
    """The grouped plans list's groups: how many plans and the sum of their totals."""
    where = plan_conditions(ctx, filters).copy()
    return await group_totals(ctx, PLAN_LIST, state, source=PLAN_SOURCE, where=where, sums={"total": "total"})
