"""Budgets API: thin controllers over the services (one operation id and one tag per route)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.modules.budgets import services
from bizsuite.modules.budgets.models import ExpenseKind, ExpenseStatus, PlanStatus
from bizsuite.modules.budgets.schemas import (
    BudgetAdjustmentCreate,
    BudgetAdjustmentPage,
    BudgetAdjustmentView,
    BudgetAnalysis,
    BudgetCategoryCreate,
    BudgetCategoryList,
    BudgetCategoryUpdate,
    BudgetCategoryView,
    BudgetCompile,
    BudgetExpenseCreate,
    BudgetExpenseFilters,
    BudgetExpensePage,
    BudgetExpensePay,
    BudgetExpenseView,
    BudgetExplanation,
    BudgetForecastFilters,
    BudgetForecastPage,
    BudgetForecastSet,
    BudgetForecastView,
    BudgetLineCreate,
    BudgetLineDetail,
    BudgetLineView,
    BudgetPlanCreate,
    BudgetPlanDetail,
    BudgetPlanFilters,
    BudgetPlanPage,
    BudgetPlanView,
    BudgetsSettingsUpdate,
    BudgetsSettingsView,
)

YearParam = Annotated[int | None, QueryParameter(ge=2000, le=2100, description="Fiscal year.")]


def plan_filters(
    fiscal_year: YearParam = None,
    org_unit_id: FromQuery[uuid.UUID | None] = None,
    status: FromQuery[PlanStatus | None] = None,
) -> BudgetPlanFilters:
    """The plans list's filters (shared by the API and the pages)."""
    return BudgetPlanFilters(fiscal_year=fiscal_year, org_unit_id=org_unit_id, status=status)


def expense_filters(
    q: Annotated[
        str | None, QueryParameter(max_length=200, pattern=r"^[^\x00]*$", description="Text in the title.")
    ] = None,
    kind: FromQuery[ExpenseKind | None] = None,
    status: FromQuery[ExpenseStatus | None] = None,
    line_id: FromQuery[uuid.UUID | None] = None,
    plan_id: FromQuery[uuid.UUID | None] = None,
) -> BudgetExpenseFilters:
    """The expenses list's filters (shared by the API and the pages)."""
    return BudgetExpenseFilters(
        q=q.strip() or None if q else None, kind=kind, status=status, line_id=line_id, plan_id=plan_id
    )


def forecast_filters(
    org_unit_id: FromQuery[uuid.UUID | None] = None, fiscal_year: YearParam = None
) -> BudgetForecastFilters:
    """The forecasts list's filters."""
    return BudgetForecastFilters(org_unit_id=org_unit_id, fiscal_year=fiscal_year)


PLAN_FILTERS = {"filters": Provide(plan_filters, sync_to_thread=False)}
EXPENSE_FILTERS = {"filters": Provide(expense_filters, sync_to_thread=False)}
FORECAST_FILTERS = {"filters": Provide(forecast_filters, sync_to_thread=False)}


class SettingsController(Controller):
    """The monthly submission calendar."""

    path = "/api/v1/budgets/settings"
    tags = ["budgets"]
    guards = [tenant_guard]

    @get(operation_id="get_budgets_settings", summary="Get the budgets settings")
    async def get_budgets_settings(self, ctx: Ctx) -> BudgetsSettingsView:
        """The day of the month by which next month's budget is due, and the reminder's lead."""
        return await services.get_settings(ctx)

    @patch(
        operation_id="update_budgets_settings",
        summary="Update the budgets settings",
        opt={"min_role": Role.ADMIN},
    )
    async def update_budgets_settings(
        self, ctx: Ctx, data: JSONBody[BudgetsSettingsUpdate], if_match: IfMatch = None
    ) -> BudgetsSettingsView:
        """Change the submission day (1–28) or the reminder's lead in days."""
        return await services.update_settings(ctx, data, if_match)


class CategoryController(Controller):
    """Budget categories (a tree)."""

    path = "/api/v1/budgets/categories"
    tags = ["budgets"]
    guards = [tenant_guard]

    @get(operation_id="list_budgets_categories", summary="List categories")
    async def list_budgets_categories(self, ctx: Ctx) -> BudgetCategoryList:
        """Every category in tree order, with ratio, control mode and check scope."""
        return BudgetCategoryList(items=await services.list_categories(ctx))

    @post(operation_id="create_budgets_category", summary="Create a category", opt={"min_role": Role.MANAGER})
    async def create_budgets_category(
        self, ctx: Ctx, data: JSONBody[BudgetCategoryCreate]
    ) -> BudgetCategoryView:
        """Add a category or sub-category; a code already used is 409."""
        return await services.create_category(ctx, data)

    @get("/{category_id:uuid}", operation_id="get_budgets_category", summary="Get a category")
    async def get_budgets_category(self, ctx: Ctx, category_id: FromPath[uuid.UUID]) -> BudgetCategoryView:
        """One category."""
        return await services.get_category(ctx, category_id)

    @patch(
        "/{category_id:uuid}",
        operation_id="update_budgets_category",
        summary="Update a category",
        opt={"min_role": Role.MANAGER},
    )
    async def update_budgets_category(
        self,
        ctx: Ctx,
        category_id: FromPath[uuid.UUID],
        data: JSONBody[BudgetCategoryUpdate],
        if_match: IfMatch = None,
    ) -> BudgetCategoryView:
        """Change a category's name, parent, ratio, control mode or check scope."""
        return await services.update_category(ctx, category_id, data, if_match)


class ForecastController(Controller):
    """Forecast sales per cost centre and period."""

    path = "/api/v1/budgets/forecasts"
    tags = ["budgets"]
    guards = [tenant_guard]

    @get(operation_id="list_budgets_forecasts", summary="List forecast sales", dependencies=FORECAST_FILTERS)
    async def list_budgets_forecasts(
        self,
        ctx: Ctx,
        filters: NamedDependency[BudgetForecastFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> BudgetForecastPage:
        """Forecasts, by cost centre and fiscal year."""
        items, next_cursor = await services.list_forecasts(ctx, filters, limit=limit, cursor=cursor)
        return BudgetForecastPage(items=items, next_cursor=next_cursor)

    @post(operation_id="put_budgets_forecast", summary="Enter forecast sales", status_code=200)
    async def put_budgets_forecast(self, ctx: Ctx, data: JSONBody[BudgetForecastSet]) -> BudgetForecastView:
        """Enter (or replace) a cost centre's forecast sales for a period."""
        return await services.set_forecast(ctx, data)

    @get("/{forecast_id:uuid}", operation_id="get_budgets_forecast", summary="Get a forecast")
    async def get_budgets_forecast(self, ctx: Ctx, forecast_id: FromPath[uuid.UUID]) -> BudgetForecastView:
        """One forecast."""
        return await services.get_forecast(ctx, forecast_id)


class PlanController(Controller):
    """Budget plans and their lines."""

    path = "/api/v1/budgets/plans"
    tags = ["budgets"]
    guards = [tenant_guard]

    @get(operation_id="list_budgets_plans", summary="List plans", dependencies=PLAN_FILTERS)
    async def list_budgets_plans(
        self,
        ctx: Ctx,
        filters: NamedDependency[BudgetPlanFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> BudgetPlanPage:
        """Plans, newest first, by fiscal year, cost centre and status."""
        return await services.list_plans(ctx, filters, limit=limit, cursor=cursor)

    @post(operation_id="create_budgets_plan", summary="Create a plan")
    async def create_budgets_plan(self, ctx: Ctx, data: JSONBody[BudgetPlanCreate]) -> BudgetPlanView:
        """Start a draft plan of a cost centre for a fiscal year (one per cost centre and year)."""
        return await services.create_plan(ctx, data)

    @get("/{plan_id:uuid}", operation_id="get_budgets_plan", summary="Get a plan")
    async def get_budgets_plan(self, ctx: Ctx, plan_id: FromPath[uuid.UUID]) -> BudgetPlanDetail:
        """A plan with its lines (how each was computed, what is used) and its approved versions."""
        return await services.get_plan(ctx, plan_id)

    @post("/{plan_id:uuid}/lines", operation_id="create_budgets_line", summary="Add a plan line")
    async def create_budgets_line(
        self, ctx: Ctx, plan_id: FromPath[uuid.UUID], data: JSONBody[BudgetLineCreate]
    ) -> BudgetLineView:
        """Add or recompute a draft plan's line: fixed, incremental on last year's actual, or a
        ratio of the cost centre's forecast sales."""
        return await services.add_line(ctx, plan_id, data)

    @post(
        "/{plan_id:uuid}/compile",
        operation_id="create_budgets_ratio_lines",
        summary="Compile lines from forecast sales by ratio",
        status_code=200,
    )
    async def create_budgets_ratio_lines(
        self, ctx: Ctx, plan_id: FromPath[uuid.UUID], data: JSONBody[BudgetCompile]
    ) -> BudgetPlanDetail:
        """Compile a ratio line for each category with a ratio and each period with a forecast."""
        return await services.compile_plan(ctx, plan_id, data)

    @post(
        "/{plan_id:uuid}/submit",
        operation_id="submit_budgets_plan",
        summary="Submit a plan for approval",
        status_code=200,
    )
    async def submit_budgets_plan(
        self, ctx: Ctx, plan_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> BudgetPlanView:
        """Send a draft plan to the approval engine (``budgets_plan``); approved, it is in force
        as a new version."""
        return await services.submit_plan(ctx, plan_id, if_match)

    @get(
        "/{plan_id:uuid}/adjustments",
        operation_id="list_budgets_plan_adjustments",
        summary="List a plan's adjustments",
    )
    async def list_budgets_plan_adjustments(
        self,
        ctx: Ctx,
        plan_id: FromPath[uuid.UUID],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> BudgetAdjustmentPage:
        """The plan's transfers and increases, newest first."""
        await services.get_plan(ctx, plan_id)
        return await services.list_adjustments(ctx, plan_id, limit=limit, cursor=cursor)


class LineController(Controller):
    """Budget lines: drill-down, explanations."""

    path = "/api/v1/budgets/lines"
    tags = ["budgets"]
    guards = [tenant_guard]

    @get("/{line_id:uuid}", operation_id="get_budgets_line", summary="Get a budget line")
    async def get_budgets_line(self, ctx: Ctx, line_id: FromPath[uuid.UUID]) -> BudgetLineDetail:
        """A line with its figures, history of changes and expenses."""
        return await services.line_detail(ctx, line_id)

    @delete("/{line_id:uuid}", operation_id="delete_budgets_line", summary="Remove a draft plan's line")
    async def delete_budgets_line(
        self, ctx: Ctx, line_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Remove a line of a draft plan."""
        await services.delete_line(ctx, line_id, if_match)

    @post(
        "/{line_id:uuid}/explanation",
        operation_id="put_budgets_line_explanation",
        summary="Explain a line's overrun",
        status_code=200,
    )
    async def put_budgets_line_explanation(
        self, ctx: Ctx, line_id: FromPath[uuid.UUID], data: JSONBody[BudgetExplanation]
    ) -> BudgetLineView:
        """Give the written explanation an over-budget line needs (超预算说明)."""
        return await services.explain_line(ctx, line_id, data)


class ExpenseController(Controller):
    """Expense requests, advances and reimbursements."""

    path = "/api/v1/budgets/expenses"
    tags = ["budgets"]
    guards = [tenant_guard]

    @get(operation_id="list_budgets_expenses", summary="List expenses", dependencies=EXPENSE_FILTERS)
    async def list_budgets_expenses(
        self,
        ctx: Ctx,
        filters: NamedDependency[BudgetExpenseFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> BudgetExpensePage:
        """Expenses, newest first, by kind, status, line or plan."""
        return await services.list_expenses(ctx, filters, limit=limit, cursor=cursor)

    @post(operation_id="create_budgets_expense", summary="File an expense, advance or reimbursement")
    async def create_budgets_expense(
        self, ctx: Ctx, data: JSONBody[BudgetExpenseCreate]
    ) -> BudgetExpenseView:
        """File it against a budget line, checked in this transaction: hard control beyond the
        available budget is 409 naming the line, budget, committed, actual, requested and
        shortfall; soft goes to the special (over-budget) approval; warn records a warning."""
        return await services.create_expense(ctx, data)

    @get("/{expense_id:uuid}", operation_id="get_budgets_expense", summary="Get an expense")
    async def get_budgets_expense(self, ctx: Ctx, expense_id: FromPath[uuid.UUID]) -> BudgetExpenseView:
        """One expense with the budget check made when it was filed."""
        return await services.get_expense(ctx, expense_id)

    @post(
        "/{expense_id:uuid}/pay",
        operation_id="mark_budgets_expense_paid",
        summary="Record an expense as paid",
        status_code=200,
        opt={"min_role": Role.MANAGER},
    )
    async def mark_budgets_expense_paid(
        self,
        ctx: Ctx,
        expense_id: FromPath[uuid.UUID],
        data: JSONBody[BudgetExpensePay],
        if_match: IfMatch = None,
    ) -> BudgetExpenseView:
        """An approved request or reimbursement becomes actual; an advance is paid out (still
        committed); a reimbursement's advance is settled."""
        return await services.pay_expense(ctx, expense_id, data, if_match)


class AdjustmentController(Controller):
    """Transfers between lines and increases."""

    path = "/api/v1/budgets/adjustments"
    tags = ["budgets"]
    guards = [tenant_guard]

    @get(operation_id="list_budgets_adjustments", summary="List adjustments")
    async def list_budgets_adjustments(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> BudgetAdjustmentPage:
        """Adjustments, newest first."""
        return await services.list_adjustments(ctx, None, limit=limit, cursor=cursor)

    @post(operation_id="create_budgets_adjustment", summary="File a transfer or an increase")
    async def create_budgets_adjustment(
        self, ctx: Ctx, data: JSONBody[BudgetAdjustmentCreate]
    ) -> BudgetAdjustmentView:
        """File an adjustment of an approved plan; applied (a new plan version) when approved."""
        return await services.create_adjustment(ctx, data)

    @get("/{adjustment_id:uuid}", operation_id="get_budgets_adjustment", summary="Get an adjustment")
    async def get_budgets_adjustment(
        self, ctx: Ctx, adjustment_id: FromPath[uuid.UUID]
    ) -> BudgetAdjustmentView:
        """One adjustment."""
        return await services.get_adjustment(ctx, adjustment_id)


class AnalysisController(Controller):
    """Budget vs actual."""

    path = "/api/v1/budgets/analysis"
    tags = ["budgets"]
    guards = [tenant_guard]

    @get(operation_id="get_budgets_analysis", summary="Budget vs committed vs actual")
    async def get_budgets_analysis(
        self,
        ctx: Ctx,
        fiscal_year: Annotated[int, QueryParameter(ge=2000, le=2100, description="Fiscal year.")],
        group_by: Annotated[
            Literal["org_unit", "category", "period", "quarter"],
            QueryParameter(description="Group by cost centre, category, period or quarter."),
        ] = "category",
        org_unit_id: FromQuery[uuid.UUID | None] = None,
        category_id: FromQuery[uuid.UUID | None] = None,
    ) -> BudgetAnalysis:
        """Budget, committed (incl. awaiting approval), actual, variance and % used of the year's
        approved plans, with the formula."""
        return await services.analysis(
            ctx, fiscal_year, group_by, org_unit_id=org_unit_id, category_id=category_id
        )


CONTROLLERS: list[type[Controller]] = [
    SettingsController,
    CategoryController,
    ForecastController,
    PlanController,
    LineController,
    ExpenseController,
    AdjustmentController,
    AnalysisController,
]
